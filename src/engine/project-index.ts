// Lookups over the project model that file rules would otherwise rebuild or scan linearly for every file.
import { dirName } from './file-kinds.js';
import type { InventoryEntry } from './inventory.js';
import { lfsMatcher, type ProjectModel } from './project.js';

/**
 * Indexes of one project model, each built on first use. File rules run once per file against the same model, so
 * a question such as "is anything under data/raw?" costs a set lookup instead of a pass over 10,000 paths per file.
 * Everything here is derived from the model alone.
 */
export class ProjectIndex {
  private byPath?: ReadonlyMap<string, InventoryEntry>;
  private folders?: ReadonlySet<string>;
  private runs?: ReadonlySet<string>;
  private trackedFolders?: ReadonlySet<string> | null;
  private lfsTest?: (path: string) => boolean;
  private lfsFolders?: ReadonlySet<string>;
  private readonly memos = new Map<(project: ProjectModel) => unknown, unknown>();

  constructor(readonly project: ProjectModel) {}

  /** The inventory entry of a path (the first, should the inventory list it twice). */
  file(path: string): InventoryEntry | undefined {
    this.byPath ??= firstByPath(this.project.files);
    return this.byPath.get(path);
  }

  /** True when some file of the inventory lies strictly below folder `dir`. */
  hasFilesUnder(dir: string): boolean {
    this.folders ??= ancestorFolders(this.project.files.map((f) => f.path));
    return this.folders.has(dir);
  }

  /** True when Git tracks some file strictly below folder `dir`; undefined without Git information. */
  hasTrackedUnder(dir: string): boolean | undefined {
    if (this.trackedFolders === undefined) this.trackedFolders = this.project.git ? ancestorFolders(this.project.git.tracked) : null;
    return this.trackedFolders?.has(dir);
  }

  /** Whether Git LFS stores a path (the project's `filter=lfs` patterns). */
  isLfs(path: string): boolean {
    this.lfsTest ??= lfsMatcher(this.project);
    return this.lfsTest(path);
  }

  /** True when Git LFS stores some file of the inventory strictly below folder `dir`. */
  hasLfsFilesUnder(dir: string): boolean {
    this.lfsFolders ??= this.project.lfs.length === 0 ? new Set() : ancestorFolders(this.project.files.map((f) => f.path).filter((p) => this.isLfs(p)));
    return this.lfsFolders.has(dir);
  }

  /**
   * True when `segments` (one or two `/`-separated path segments, none empty) appear as consecutive segments of
   * some inventory path: the path itself, its start, its end or its middle.
   */
  hasSegmentRun(segments: string): boolean {
    this.runs ??= segmentRuns(this.project.files);
    return this.runs.has(segments);
  }

  /** A value derived from the model by `compute`, computed once per model (the function is the key). */
  memo<T>(compute: (project: ProjectModel) => T): T {
    if (!this.memos.has(compute)) this.memos.set(compute, compute(this.project));
    return this.memos.get(compute) as T;
  }
}

const indexes = new WeakMap<ProjectModel, ProjectIndex>();

/**
 * The index of a project model, built on first use and dropped with the model (like dependencyScope): the model is
 * immutable plain data, so the index can never go stale, and the cache holds nothing else.
 */
export function projectIndex(project: ProjectModel): ProjectIndex {
  let index = indexes.get(project);
  if (!index) {
    index = new ProjectIndex(project);
    indexes.set(project, index);
  }
  return index;
}

function firstByPath(files: readonly InventoryEntry[]): Map<string, InventoryEntry> {
  const out = new Map<string, InventoryEntry>();
  for (const f of files) if (!out.has(f.path)) out.set(f.path, f);
  return out;
}

/** Every proper ancestor folder of the paths (not the root, ''). */
function ancestorFolders(paths: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const path of paths) {
    for (let dir = dirName(path); dir !== '' && !out.has(dir); dir = dirName(dir)) out.add(dir);
  }
  return out;
}

/** Every run of one or two consecutive segments of every path. */
function segmentRuns(files: readonly InventoryEntry[]): Set<string> {
  const out = new Set<string>();
  for (const f of files) {
    const parts = f.path.split('/');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] ?? '';
      out.add(part);
      const next = parts[i + 1];
      if (next !== undefined) out.add(`${part}/${next}`);
    }
  }
  return out;
}
