// notebook-in-pipeline: notebooks executed as pipeline steps (papermill, nbconvert --execute, ...) and production code importing notebooks.
import type { Node } from 'web-tree-sitter';
import { baseName, dirName } from '../../file-kinds.js';
import type { CiJob, CiWorkflow } from '../../parsers/ci.js';
import { splitShellCommandSpans } from '../../parsers/ci.js';
import type { DvcPipeline } from '../../parsers/dvc.js';
import { notebookRun, wordsOf, type NotebookRun } from '../../parsers/notebook-runs.js';
import { headRange } from '../../parsers/python.js';
import { searchedLine, shellWords, type ShellLine, type ShellWord } from '../../parsers/shell.js';
import type { PythonAnalysis, ResolvedCall } from '../../python/analysis.js';
import { defineRule, type RuleContext } from '../../rule.js';
import { shellUnits } from '../../shell-commands.js';
import { FILE_START, type RelatedLocation } from '../../types.js';

const messages = {
  executed: '{where} runs notebook {notebook} with {tool}: the step\'s logic lives in cells that cannot be imported, unit-tested or reviewed like a module, and cell order and saved state decide what it does. Move the code into a Python module the step runs; keep the notebook for exploration and reports.',
  importsNotebook: "Imports notebook code through '{module}': this module now depends on a notebook's cells, which cannot be tested or reviewed like a module and change whenever someone explores. Move the shared code into a .py module that both import.",
} as const;

type Id = keyof typeof messages;

/** Names of jobs, steps, targets and files that test or document: running notebooks there checks them, which is good. */
const TEST_CONTEXT = /(?:^|[^a-z])(?:tests?|testing|check|checks|lint|docs?|documentation|sphinx|mkdocs|verify|validate|validation|smoke|examples?|tutorials?|ci)(?:[^a-z]|$)/i;
/** CI is mostly testing: a CI job counts as a pipeline step only when its names or triggers say so. */
const PIPELINE_CONTEXT = /(?:^|[^a-z])(?:train|training|retrain|pipeline|etl|ingest|features?|score|scoring|predict|inference|batch|report|refresh|nightly|daily|weekly|monthly|cron|scheduled?)(?:[^a-z]|$)/i;
const SCHEDULED_ONLY = new Set(['schedule', 'workflow_dispatch', 'repository_dispatch']);

const PYTHON_RUNNERS = new Set([
  'papermill.execute_notebook', 'nbclient.execute', 'nbclient.NotebookClient', 'nbclient.client.NotebookClient',
  'nbconvert.preprocessors.ExecutePreprocessor', 'nbconvert.preprocessors.execute.ExecutePreprocessor', 'runipy.notebook_runner.NotebookRunner',
]);
const SUBPROCESS = new Set(['subprocess.run', 'subprocess.call', 'subprocess.check_call', 'subprocess.check_output', 'subprocess.Popen', 'os.system', 'os.popen']);
/** Import hooks that load `.ipynb` files as modules. */
const NOTEBOOK_IMPORTERS = /^(?:import_ipynb|nbimporter|ipynb(?:\.fs(?:\.(?:full|defs))?)?)(?:\.|$)/;

export default defineRule<Id>({
  id: 'notebook-in-pipeline',
  category: 'notebooks',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds notebooks executed as pipeline steps (papermill, jupyter nbconvert --execute, jupyter execute, runipy, ipython) in DVC stages, Makefiles, shell scripts, scheduled CI jobs and Python code, and Python modules that import notebooks.',
  messages,
  references: [
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015): prototype smell' },
    { title: 'Quaranta, Calefato, Lanubile, Eliciting Best Practices for Collaboration with Computational Notebooks (CSCW 2022)', url: 'https://arxiv.org/abs/2202.07233' },
  ],
  fileKinds: ['python', 'shell', 'makefile', 'dvc-pipeline', 'ci-workflow'],
  check(ctx) {
    const path = ctx.file.path;
    if (ctx.file.kind === 'python') {
      if (ctx.file.roles.has('test') || TEST_CONTEXT.test(path.replace(/\.py$/, '')) || /^(?:noxfile|tasks|conftest|setup)\.py$/.test(baseName(path))) return;
      const py = ctx.file.python;
      // Test code that runs or imports notebooks checks them, whatever the file is called.
      if (py && !['pytest', 'unittest', 'testbook', 'nbval', 'nbmake'].some((m) => py.imports.importsFrom(m))) checkPython(ctx, py);
      return;
    }
    if (ctx.file.kind === 'ci-workflow') {
      const workflow = ctx.file.ciWorkflow;
      for (const job of workflow?.jobs ?? []) if (isPipelineJob(workflow, job)) checkJob(ctx, job);
      return;
    }
    if (ctx.file.kind === 'shell' && TEST_CONTEXT.test(path.replace(/\.(?:sh|bash)$/, ''))) return;
    const pipeline = ctx.file.kind === 'dvc-pipeline' ? (ctx.file.dvc as DvcPipeline | undefined) : undefined;
    const expand = ctx.file.kind === 'makefile' ? makeVariables(ctx.file.text) : undefined;
    for (const unit of shellUnits(ctx.file)) {
      if (ctx.file.kind === 'makefile' && TEST_CONTEXT.test(unit.name)) continue;
      const wdir = pipeline?.stages.find((s) => s.name === unit.name)?.wdir;
      const where = ctx.file.kind === 'dvc-pipeline' ? `DVC stage '${unit.name}'` : ctx.file.kind === 'makefile' ? `Make target '${unit.name}'` : 'This script';
      for (const at of unit.lines) checkLine(ctx, at.line, where, wdir, expand);
    }
  },
});

function isPipelineJob(workflow: CiWorkflow | undefined, job: CiJob): boolean {
  const names = [job.name, job.displayName ?? '', baseName(workflow?.file ?? '').replace(/\.ya?ml$/, '')];
  if (names.some((n) => TEST_CONTEXT.test(n))) return false;
  const triggers = job.triggers.length > 0 ? job.triggers : (workflow?.triggers ?? []);
  return names.some((n) => PIPELINE_CONTEXT.test(n)) || (triggers.length > 0 && triggers.every((t) => SCHEDULED_ONLY.has(t)));
}

function checkJob(ctx: RuleContext<Id>, job: CiJob): void {
  for (const command of job.commands) {
    if (command.shell !== undefined && /^(python|pwsh|powershell|cmd)\b/.test(command.shell)) continue;
    if (command.step !== undefined && TEST_CONTEXT.test(command.step)) continue;
    checkLine(ctx, searchedLine(command.text, command.range, (l) => ctx.file.doc.lineText(l)), `CI job '${job.displayName ?? job.name}'`);
  }
}

function checkLine(ctx: RuleContext<Id>, line: ShellLine, where: string, wdir?: string, expand?: ReadonlyMap<string, string>): void {
  for (const span of splitShellCommandSpans(line.text)) {
    let words = shellWords(span.text, line.dialect).map((w) => ({ ...w, start: w.start + span.start, end: w.end + span.start }));
    // `nbx := jupyter nbconvert --execute ...` then `$(nbx) x.ipynb`: the command hides in a make variable.
    const variable = expand && /^\$[({]([\w.-]+)[)}]/.exec(span.text.trimStart())?.[1];
    const value = variable ? expand.get(variable) : undefined;
    const first = words[0];
    if (value !== undefined && first) words = [...shellWords(value, 'make').map((w) => ({ ...w, start: first.start, end: first.end })), ...words.slice(1)];
    const run = notebookRun(words);
    if (!run) continue;
    const notebook = run.notebook?.value;
    ctx.report({
      messageId: 'executed',
      data: { where, notebook: notebook ?? '(a notebook)', tool: run.tool },
      range: line.locate(run.head.start, run.head.end),
      subject: `${run.tool} ${notebook ?? ''}`.trim(),
      ...related(ctx, notebook, wdir),
    });
  }
}

function checkPython(ctx: RuleContext<Id>, py: PythonAnalysis): void {
  const importer = py.imports.bindings.find((b) => b.level === 0 && NOTEBOOK_IMPORTERS.test(b.module));
  if (importer) ctx.report({ messageId: 'importsNotebook', data: { module: importer.module }, range: importer.range, subject: `import ${importer.module}` });
  let opened: string | undefined;
  for (const call of py.calls) {
    const q = call.qualified;
    if (q === undefined) continue;
    let run: NotebookRun | undefined;
    if (PYTHON_RUNNERS.has(q) || q.endsWith('.PapermillOperator')) run = pythonRunner(py, call, q);
    else if (SUBPROCESS.has(q)) run = subprocessRun(py, call);
    // nbclient and ExecutePreprocessor take a notebook object: the path is where the file reads one.
    opened ??= run && !run.notebook ? notebookReadIn(py) : undefined;
    const notebook = run?.notebook?.value ?? (run?.tool === 'nbclient' || run?.tool === 'nbconvert ExecutePreprocessor' ? opened : undefined);
    // A runner whose notebook comes from a parameter is a tool (a CLI, a library like dagstermill), not a step that
    // runs one of the project's notebooks; only a named notebook is a finding in Python code.
    if (!run || notebook === undefined) continue;
    ctx.report({
      messageId: 'executed',
      data: { where: 'This code', notebook, tool: run.tool },
      range: headRange(call.node, py.text),
      subject: `${run.tool} ${notebook}`,
      ...related(ctx, notebook),
    });
  }
}

/** The first constant `.ipynb` path the file reads with nbformat or open(). */
function notebookReadIn(py: PythonAnalysis): string | undefined {
  for (const call of py.calls) {
    if (call.qualified !== 'nbformat.read' && call.qualified !== 'nbformat.v4.read' && call.shortName !== 'open') continue;
    const arg = call.args.positional[0];
    const folded = arg ? py.fold(arg) : undefined;
    if (folded && /\.ipynb$/i.test(folded.value)) return folded.value;
  }
  return undefined;
}

/** `papermill.execute_notebook('in.ipynb', ...)`, nbclient, nbconvert's ExecutePreprocessor, Airflow's PapermillOperator. */
function pythonRunner(py: PythonAnalysis, call: ResolvedCall, q: string): NotebookRun {
  const tool = q.startsWith('papermill') || q.endsWith('PapermillOperator') ? 'papermill' : q.startsWith('nbclient') ? 'nbclient' : q.startsWith('runipy') ? 'runipy' : 'nbconvert ExecutePreprocessor';
  const arg = call.args.keywords.get('input_path') ?? call.args.keywords.get('input_nb') ?? (tool === 'papermill' && !q.endsWith('PapermillOperator') ? call.args.positional[0] : undefined);
  const folded = arg ? py.fold(arg) : undefined;
  // Positions come from the call node; the words only carry values here.
  const word = (value: string): ShellWord => ({ value, exact: true, start: 0, end: 0 });
  return { tool, head: word(tool), ...(folded?.exact === true && /\.ipynb$/i.test(folded.value) ? { notebook: word(folded.value) } : {}) };
}

/** `subprocess.run(['papermill', 'in.ipynb', 'out.ipynb'])` and `os.system('jupyter nbconvert --execute ...')`. */
function subprocessRun(py: PythonAnalysis, call: ResolvedCall): NotebookRun | undefined {
  const arg = call.args.positional[0] ?? call.args.keywords.get('args');
  if (!arg) return undefined;
  if (arg.type === 'list' || arg.type === 'tuple') {
    const values = arg.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment').map((n) => py.fold(n) ?? { value: '*', exact: false });
    return notebookRun(wordsOf(values, 0, 0));
  }
  const folded = py.fold(arg);
  return folded ? notebookRun(shellWords(folded.value)) : undefined;
}

/** The executed notebook as a related location, when it is a project file (relative to the step's folder or the root). */
function related(ctx: RuleContext<Id>, notebook: string | undefined, wdir?: string): { related?: RelatedLocation[] } {
  if (notebook === undefined) return {};
  const dir = dirName(ctx.file.path);
  const candidates = [wdir !== undefined ? join(dir, wdir, notebook) : undefined, join(dir, notebook), join('', notebook)];
  const found = candidates.find((c) => c !== undefined && ctx.project.files.some((f) => f.path === c));
  return found === undefined ? {} : { related: [{ file: found, range: FILE_START, message: 'the notebook the step runs' }] };
}

/** Simple Makefile variables (`NAME = value`, `:=`, `?=`), as written; later definitions win, as in make. */
function makeVariables(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^(?:export\s+|override\s+)?([A-Za-z_][\w.-]*)\s*(?::{1,3}=|\?=|=)\s*(.*?)\s*$/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) out.set(m[1], m[2]);
  }
  return out;
}

function join(...parts: string[]): string {
  const out: string[] = [];
  for (const part of parts.join('/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}
