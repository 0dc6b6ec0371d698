// The project model: what rules may know of the whole repo beyond one file (inventory, manifests, locks).
import type { InventoryEntry } from './inventory.js';
import type { CiWorkflow } from './parsers/ci.js';
import type { DvcConfig, DvcFile, DvcLock, DvcPipeline } from './parsers/dvc.js';
import { compileGitattributesPattern } from './parsers/gitattributes.js';
import { normalizePackageName, type LockedVersions, type Manifest } from './parsers/manifest-types.js';
import type { CoverageReport, JunitReport } from './parsers/test-reports.js';
import type { SourceFile } from './source-file.js';
import type { FileKind } from './types.js';

/**
 * Plain data (structured-clone safe) so the CLI can hand it to worker threads once. Built before
 * per-file linting from the small metadata files, so every file rule sees the same project.
 */
export interface ProjectModel {
  readonly files: readonly InventoryEntry[];
  readonly manifests: readonly Manifest[];
  readonly locks: readonly LockedVersions[];
  readonly dvc: DvcModel;
  /** `.gitattributes` files as plain data: the patterns that set `filter=lfs`, relative to `dir`. */
  readonly lfs: readonly { readonly file: string; readonly dir: string; readonly patterns: readonly string[] }[];
  readonly ci: readonly CiWorkflow[];
  /** What Git tracks, read from `.git/index`; undefined when the project is not in a Git work tree (or Git was not asked). */
  readonly git?: GitModel;
  /** Every map key name in the project's ML config files, sorted: files report which of them their code mentions. */
  readonly configKeyNames: readonly string[];
  /** Coverage and JUnit reports found at well-known paths (often git-ignored), as evidence of what the tests ran. */
  readonly testReports?: { readonly coverage: readonly CoverageReport[]; readonly junit: readonly JunitReport[] };
}

export interface DvcModel {
  readonly files: readonly DvcFile[];
  readonly pipelines: readonly DvcPipeline[];
  readonly locks: readonly DvcLock[];
  readonly configs: readonly DvcConfig[];
}

export interface GitModel {
  /** Project-relative paths of the files Git tracks. */
  readonly tracked: ReadonlySet<string>;
}

/** File kinds the project model is built from; they are read before any rule runs. */
export const PROJECT_METADATA_KINDS: ReadonlySet<FileKind> = new Set<FileKind>([
  'requirements', 'pyproject', 'conda-env', 'pipfile', 'setup-cfg', 'lockfile',
  'dvc', 'dvc-pipeline', 'dvc-lock', 'dvc-config', 'gitattributes', 'ci-workflow',
]);

export function emptyProject(): ProjectModel {
  return { files: [], manifests: [], locks: [], dvc: { files: [], pipelines: [], locks: [], configs: [] }, lfs: [], ci: [], configKeyNames: [] };
}

/** Builds the model from parsed metadata files; a file that fails to parse contributes what it could. */
export function buildProjectModel(files: readonly InventoryEntry[], metadata: readonly SourceFile[], git?: GitModel, configKeyNames: readonly string[] = []): ProjectModel {
  const manifests: Manifest[] = [];
  const locks: LockedVersions[] = [];
  const dvc = { files: [] as DvcFile[], pipelines: [] as DvcPipeline[], locks: [] as DvcLock[], configs: [] as DvcConfig[] };
  const lfs: { file: string; dir: string; patterns: string[] }[] = [];
  const ci: CiWorkflow[] = [];
  for (const file of metadata) {
    const manifest = file.manifest;
    if (manifest) manifests.push(manifest);
    const lock = file.lock;
    if (lock) locks.push(lock);
    const parsed = file.dvc;
    if (parsed) {
      if (file.kind === 'dvc') dvc.files.push(parsed as DvcFile);
      else if (file.kind === 'dvc-pipeline') dvc.pipelines.push(parsed as DvcPipeline);
      else if (file.kind === 'dvc-lock') dvc.locks.push(parsed as DvcLock);
      else dvc.configs.push(parsed as DvcConfig);
    }
    const attributes = file.gitattributes;
    if (attributes) lfs.push({ file: attributes.file, dir: attributes.dir, patterns: attributes.lfsPatterns.map((p) => p.pattern) });
    const workflow = file.ciWorkflow;
    if (workflow) ci.push(workflow);
  }
  return { files, manifests, locks, dvc, lfs, ci, configKeyNames, ...(git ? { git } : {}) };
}

/** The model with other test reports; none found leaves the field out, as a fresh build would. */
export function withTestReports(project: ProjectModel, reports: NonNullable<ProjectModel['testReports']>): ProjectModel {
  const next: { -readonly [K in keyof ProjectModel]: ProjectModel[K] } = { ...project };
  delete next.testReports;
  if (reports.coverage.length > 0 || reports.junit.length > 0) next.testReports = reports;
  return next;
}

/**
 * A matcher for paths Git LFS stores. Deeper `.gitattributes` files are consulted after shallower ones; as in
 * Git, a later matching line decides, but only lines that set `filter=lfs` are kept here, so any match counts.
 */
export function lfsMatcher(project: ProjectModel): (path: string) => boolean {
  const matchers = project.lfs.flatMap((a) =>
    a.patterns.map((pattern) => {
      const match = compileGitattributesPattern(pattern);
      const prefix = a.dir === '' ? '' : `${a.dir}/`;
      return (path: string): boolean => path.startsWith(prefix) && match(path.slice(prefix.length));
    }),
  );
  return (path) => matchers.some((m) => m(path));
}

/** Where an exact version of a package is recorded: a lockfile, or another manifest that pins it. */
export interface KnownVersion {
  readonly version: string;
  readonly source: string;
}

/** Every exact version the project records for a package, from locks first, then other manifests' pins. */
export function knownVersions(project: ProjectModel, name: string, exceptFile?: string): KnownVersion[] {
  const normalized = normalizePackageName(name);
  const out: KnownVersion[] = [];
  for (const lock of project.locks) {
    const version = lock.versions.get(normalized);
    if (version !== undefined) out.push({ version, source: lock.file });
  }
  for (const manifest of project.manifests) {
    if (manifest.file === exceptFile) continue;
    for (const dep of manifest.dependencies) {
      if (dep.normalizedName === normalized && dep.pinned && dep.pinnedVersion !== undefined) out.push({ version: dep.pinnedVersion, source: manifest.file });
    }
  }
  return out;
}

/** Files in the inventory of a kind. */
export function filesOfKind(project: ProjectModel, kind: FileKind): InventoryEntry[] {
  return project.files.filter((f) => f.kind === kind);
}
