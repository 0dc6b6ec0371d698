// What a file declares about the pipeline: Makefile rules, shell scripts, orchestrator code and Kedro catalogs.
import { baseName } from '../file-kinds.js';
import { splitShellCommands } from '../parsers/ci.js';
import { walkLeaves } from '../parsers/config-tree.js';
import type { SourceFile } from '../source-file.js';

/** One declared step: a Makefile rule, a whole shell script, an orchestrator module or a data catalog. */
export interface PipelineStep {
  /** The Make targets as written, or the file's path for other tools. */
  readonly name: string;
  /** Scripts and notebooks the step runs, as written (`src/prepare.py`), and modules as `module:churn.train`. */
  readonly runs: readonly string[];
  /** Path-like words the step names: Make targets and prerequisites, command arguments, catalog `filepath`s. */
  readonly paths: readonly string[];
  /** Make prerequisites, so an ordering through other rules can be followed. */
  readonly needs: readonly string[];
}

/** The declarations of one file; paths are as written, relative to the file's folder. */
export interface PipelineDeclarations {
  readonly tool: string;
  readonly steps: readonly PipelineStep[];
}

/** Modules whose presence makes a Python file an orchestrator definition (a DAG, a flow, a pipeline). */
export const ORCHESTRATOR_MODULES = ['airflow', 'prefect', 'dagster', 'luigi', 'zenml', 'metaflow', 'kedro', 'snakemake', 'kfp', 'flytekit', 'mlflow.projects', 'ploomber', 'hamilton'];

const MAX_PATHS = 400;

/** The declarations of a Makefile, shell script, orchestrator module or Kedro catalog; undefined for anything else. */
export function pipelineDeclarations(file: SourceFile): PipelineDeclarations | undefined {
  switch (file.kind) {
    case 'makefile':
      return { tool: 'make', steps: makefileSteps(file.text) };
    case 'shell':
      return { tool: 'shell', steps: [stepOfLines(file.path, file.text.split('\n'))] };
    case 'yaml':
      return kedroCatalog(file);
    case 'python':
    case 'notebook':
      return orchestratorModule(file);
    default:
      return undefined;
  }
}

/** Scripts a command line runs and the path-like words it names. */
export function commandReferences(line: string): { runs: string[]; paths: string[] } {
  const runs: string[] = [];
  const paths: string[] = [];
  for (const command of splitShellCommands(line)) {
    const words = command.split(/\s+/).map((w) => w.replace(/^['"]|['"]$/g, ''));
    words.forEach((word, i) => {
      if (word === '-m' && words[i + 1] !== undefined) runs.push(`module:${words[i + 1] ?? ''}`);
      if (words[i - 1] === '-m') return;
      const value = word.replace(/^--?[\w-]+=/, '');
      if (/\.(py|ipynb|sh|r|R)$/.test(value) && !value.includes('*')) runs.push(value);
      else if (isPathLike(value)) paths.push(value);
    });
  }
  return { runs, paths };
}

function isPathLike(word: string): boolean {
  return word.length > 1 && word.length < 300 && !/[\s$*{}()<>|;]/.test(word) && !word.startsWith('-') && (word.includes('/') || /\.[A-Za-z0-9]{1,10}$/.test(word));
}

function stepOfLines(name: string, lines: readonly string[], needs: readonly string[] = [], extraPaths: readonly string[] = []): PipelineStep {
  const runs: string[] = [];
  const paths: string[] = [...extraPaths];
  for (const line of lines) {
    if (/^\s*(#|$)/.test(line)) continue;
    const refs = commandReferences(line);
    runs.push(...refs.runs);
    paths.push(...refs.paths);
  }
  return { name, runs: [...new Set(runs)], paths: [...new Set(paths)].slice(0, MAX_PATHS), needs };
}

/**
 * Makefile rules with their recipes. Simple `$(VAR)` references are expanded from `VAR = value` lines so
 * `$(DATA)/train.csv` is still a path; pattern rules and functions stay as written (and match nothing).
 */
function makefileSteps(text: string): PipelineStep[] {
  const physical = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  const variables = new Map<string, string>();
  const expand = (s: string): string => s.replace(/\$[({]([\w.-]+)[)}]/g, (whole, name: string) => variables.get(name) ?? whole);
  const steps: PipelineStep[] = [];
  let rule: { targets: string[]; needs: string[]; recipe: string[] } | undefined;
  const close = (): void => {
    if (rule && !rule.targets.every((t) => t.startsWith('.'))) {
      steps.push(stepOfLines(rule.targets.join(' '), rule.recipe, rule.needs, [...rule.targets, ...rule.needs].filter(isPathLike)));
    }
    rule = undefined;
  };
  for (const raw of physical) {
    if (raw.startsWith('\t')) {
      rule?.recipe.push(expand(raw.slice(1).replace(/^[@+-]+/, '')));
      continue;
    }
    if (/^\s*(#|$)/.test(raw)) continue;
    const assignment = /^\s*(?:export\s+|override\s+)?([\w.-]+)\s*(?::{1,3}|\?|\+|!)?=\s*(.*)$/.exec(raw);
    if (assignment?.[1] !== undefined) {
      variables.set(assignment[1], expand(assignment[2] ?? '').trim());
      continue;
    }
    const ruleLine = /^([^:#=\t][^:#=]*?)\s*::?(?!=)([^;#]*)(?:;(.*))?$/.exec(raw);
    if (ruleLine?.[1] === undefined) continue;
    close();
    rule = { targets: expand(ruleLine[1]).split(/\s+/).filter((t) => t !== ''), needs: expand(ruleLine[2] ?? '').split(/\s+/).filter((t) => t !== '' && t !== '|'), recipe: [] };
    if (ruleLine[3] !== undefined && ruleLine[3].trim() !== '') rule.recipe.push(expand(ruleLine[3]));
  }
  close();
  return steps;
}

/** Kedro's data catalog: every `filepath`/`path` of a catalog entry is a declared dataset. */
function kedroCatalog(file: SourceFile): PipelineDeclarations | undefined {
  if (!/^catalog[\w.-]*\.ya?ml$/.test(baseName(file.path)) && !/(^|\/)conf\/[^/]+\/catalog\//.test(file.path)) return undefined;
  const paths: string[] = [];
  walkLeaves(file.configTree?.root, (keyPath, node) => {
    const key = keyPath[keyPath.length - 1];
    if ((key === 'filepath' || key === 'path') && typeof node.value === 'string') paths.push(node.value);
  });
  return paths.length === 0 ? undefined : { tool: 'kedro', steps: [{ name: file.path, runs: [], paths: paths.slice(0, MAX_PATHS), needs: [] }] };
}

/**
 * An orchestrator module (an Airflow DAG, a Prefect flow...): the scripts its strings run (`BashOperator(bash_command=
 * "python scripts/prepare.py")`) and the paths its strings name. The modules it imports are found by the import graph.
 */
function orchestratorModule(file: SourceFile): PipelineDeclarations | undefined {
  const py = file.python;
  const tool = py ? ORCHESTRATOR_MODULES.find((m) => py.imports.importsFrom(m)) : undefined;
  if (!py || tool === undefined) return undefined;
  const lines: string[] = [];
  const paths: string[] = [];
  for (const node of [...py.parsed.nodes('string'), ...py.parsed.nodes('concatenated_string')]) {
    const folded = py.fold(node);
    if (!folded) continue;
    if (/\s/.test(folded.value)) lines.push(...folded.value.split('\n'));
    else if (isPathLike(folded.value) || /\.(py|ipynb)$/.test(folded.value)) paths.push(folded.value);
  }
  const step = stepOfLines(file.path, lines, [], paths);
  return { tool, steps: [{ ...step, runs: [...new Set([...step.runs, ...paths.filter((p) => /\.(py|ipynb)$/.test(p))])] }] };
}
