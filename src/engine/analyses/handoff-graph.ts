// The write/read graph of files between scripts, and whether a pipeline (DVC, Make, CI, an orchestrator) declares each edge.
import { dirName } from '../file-kinds.js';
import type { DataAccessFact, FileFacts } from '../facts.js';
import type { ProjectModel } from '../project.js';
import type { ImportGraph } from './import-graph.js';
import { commandReferences, ORCHESTRATOR_MODULES, type PipelineDeclarations, type PipelineStep } from './pipeline-steps.js';

/** A read or write of a data file in a file of the project. */
export interface HandoffSite {
  readonly file: string;
  readonly access: DataAccessFact;
}

/** A file that one script writes and another reads. */
export interface Handoff {
  /** The file, relative to the project root (or absolute when written so). */
  readonly path: string;
  readonly reader: HandoffSite;
  /** Every other file that writes it, in path order. */
  readonly writers: readonly HandoffSite[];
}

/**
 * The project path a constant path stands for. Notebooks run in their own folder (Jupyter's default), so their
 * relative paths start there; scripts are assumed to run from the project root, unless the path climbs with `../`,
 * which only makes sense from the script's own folder. URLs and home paths are left out.
 */
export function projectDataPath(written: string, file: string, notebook: boolean): string | undefined {
  const path = written.replace(/\\/g, '/');
  if (/^[a-z][\w+.-]*:\/\//i.test(path) || path.startsWith('~') || path.includes('*')) return undefined;
  if (path.startsWith('/')) return normalisePath(path);
  const base = notebook || path.startsWith('../') ? dirName(file) : '';
  return normalisePath(base === '' ? path : `${base}/${path}`);
}

/** Resolves `.` and `..` segments; a relative path that climbs out of the project keeps its leading `..`. */
export function normalisePath(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (part === '..' && absolute) continue;
    else out.push(part);
  }
  return (absolute ? '/' : '') + out.join('/');
}

const SCRATCH = /^\/(tmp|dev|proc|var\/tmp)\//;

/**
 * Files written by one project file and read by another. Writers and readers that import each other are one
 * program, not two steps; `skip` leaves out files such as tests.
 */
export function findHandoffs(facts: ReadonlyMap<string, FileFacts>, graph: ImportGraph, skip: (file: string) => boolean): Handoff[] {
  const writes = new Map<string, HandoffSite[]>();
  const reads: { path: string; site: HandoffSite }[] = [];
  for (const [file, fileFacts] of facts) {
    if (skip(file)) continue;
    const notebook = file.endsWith('.ipynb');
    for (const access of fileFacts.dataIo ?? []) {
      if (!access.exact) continue;
      const path = projectDataPath(access.path, file, notebook);
      if (path === undefined || path === '' || SCRATCH.test(path) || /\.(py|ipynb)$/.test(path)) continue;
      if (access.mode === 'write') {
        const list = writes.get(path) ?? [];
        if (!list.some((s) => s.file === file)) list.push({ file, access });
        writes.set(path, list);
      } else reads.push({ path, site: { file, access } });
    }
  }
  const out: Handoff[] = [];
  const seen = new Set<string>();
  const reach = new Map<string, Set<string>>();
  const reachable = (file: string): Set<string> => {
    let set = reach.get(file);
    if (!set) reach.set(file, (set = graph.reachableFrom([file])));
    return set;
  };
  for (const { path, site } of reads) {
    const key = `${site.file}\u0000${path}`;
    if (seen.has(key)) continue;
    const writers = (writes.get(path) ?? []).filter((w) => w.file !== site.file && !reachable(site.file).has(w.file) && !reachable(w.file).has(site.file));
    // A file the reader writes itself (a cache it fills when missing) is not handed over by anyone.
    if (writers.length === 0 || writes.get(path)?.some((w) => w.file === site.file)) continue;
    seen.add(key);
    out.push({ path, reader: site, writers: [...writers].sort((a, b) => (a.file < b.file ? -1 : 1)) });
  }
  return out;
}

/** Whether a reference written in a pipeline file (a script path or `module:pkg.mod`) names a project file. */
export function referencesFile(ref: string, declaringDir: string, file: string): boolean {
  if (ref.startsWith('module:')) {
    const p = ref.slice('module:'.length).replace(/\./g, '/');
    return [`${p}.py`, `${p}/__main__.py`].some((c) => file === c || file.endsWith(`/${c}`));
  }
  const resolved = normalisePath(declaringDir === '' || ref.startsWith('/') ? ref : `${declaringDir}/${ref}`);
  const bare = normalisePath(ref);
  return [resolved, bare].some((r) => r !== '' && (file === r || file.endsWith(`/${r}`) || r.endsWith(`/${file}`)));
}

/** Whether a path word of a pipeline file names the data file, or a folder holding it. */
export function referencesPath(word: string, declaringDir: string, path: string): boolean {
  const resolved = normalisePath(declaringDir === '' || word.startsWith('/') ? word : `${declaringDir}/${word}`);
  return [resolved, normalisePath(word)].some((w) => w !== '' && w !== '..' && (path === w || path.startsWith(`${w}/`) || path.endsWith(`/${w}`) || w.endsWith(`/${path}`)));
}

/** The pipelines of a project, asked whether they declare a handoff. */
export class PipelineIndex {
  constructor(
    private readonly project: ProjectModel,
    /** Declarations by file (Makefiles, shell scripts, orchestrator modules, catalogs). */
    private readonly declarations: ReadonlyMap<string, PipelineDeclarations>,
    private readonly graph: ImportGraph,
  ) {}

  /** The tool that declares the step from `writer` to `reader` through `path`, or undefined when none does. */
  declaredBy(path: string, writer: string, reader: string): string | undefined {
    if (this.dvcDeclares(path, writer, reader)) return 'dvc';
    for (const [file, decl] of this.declarations) {
      const dir = dirName(file);
      const runs = (step: PipelineStep, target: string): boolean => step.runs.some((r) => referencesFile(r, dir, target));
      if (decl.steps.some((s) => s.paths.some((w) => referencesPath(w, dir, path)) || (runs(s, writer) && runs(s, reader)))) return decl.tool;
      if (decl.tool === 'make' && makeOrders(decl.steps, (s) => runs(s, writer), (s) => runs(s, reader))) return 'make';
      if (ORCHESTRATOR_MODULES.includes(decl.tool)) {
        if (file === writer || file === reader) return decl.tool;
        const reached = this.graph.reachableFrom([file]);
        const covers = (target: string): boolean => reached.has(target) || decl.steps.some((s) => runs(s, target));
        if (covers(writer) && covers(reader)) return decl.tool;
      }
    }
    for (const workflow of this.project.ci) {
      for (const job of workflow.jobs) {
        const refs = job.commands.map((c) => commandReferences(c.text));
        const runsFile = (target: string): boolean => refs.some((r) => r.runs.some((x) => referencesFile(x, '', target)));
        if ((runsFile(writer) && runsFile(reader)) || refs.some((r) => r.paths.some((w) => referencesPath(w, '', path)))) return 'ci';
      }
    }
    return undefined;
  }

  private dvcDeclares(path: string, writer: string, reader: string): boolean {
    for (const pipeline of this.project.dvc.pipelines) {
      for (const stage of pipeline.stages) {
        if ([...stage.deps, ...stage.outs, ...stage.metrics, ...stage.plots].some((p) => !p.external && (path === p.resolved || path.startsWith(`${p.resolved}/`)))) return true;
        const dir = normalisePath([dirName(pipeline.file), stage.wdir ?? ''].filter((p) => p !== '').join('/'));
        const refs = stage.cmd.flatMap((c) => commandReferences(c.text).runs);
        if (refs.some((r) => referencesFile(r, dir, writer)) && refs.some((r) => referencesFile(r, dir, reader))) return true;
      }
    }
    return false;
  }
}

/** True when a rule that runs the reader needs, through its prerequisites, a rule that runs the writer. */
function makeOrders(steps: readonly PipelineStep[], runsWriter: (s: PipelineStep) => boolean, runsReader: (s: PipelineStep) => boolean): boolean {
  const byTarget = new Map<string, PipelineStep>();
  for (const s of steps) for (const t of s.name.split(/\s+/)) byTarget.set(t, s);
  for (const start of steps.filter(runsReader)) {
    const seen = new Set<PipelineStep>();
    const stack = [start];
    while (stack.length > 0) {
      const step = stack.pop();
      if (!step || seen.has(step)) continue;
      seen.add(step);
      if (step !== start && runsWriter(step)) return true;
      for (const need of step.needs) {
        const next = byTarget.get(need);
        if (next) stack.push(next);
      }
    }
  }
  return false;
}
