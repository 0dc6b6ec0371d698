// The project model: what rules may know of the whole repo beyond one file (inventory, manifests, locks).
import type { InventoryEntry } from './inventory.js';
import { normalizePackageName, type LockedVersions, type Manifest } from './parsers/manifest-types.js';
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
}

/** File kinds the project model is built from; they are read before any rule runs. */
export const PROJECT_METADATA_KINDS: ReadonlySet<FileKind> = new Set<FileKind>(['requirements', 'pyproject', 'conda-env', 'pipfile', 'setup-cfg', 'lockfile']);

export function emptyProject(): ProjectModel {
  return { files: [], manifests: [], locks: [] };
}

/** Builds the model from parsed metadata files; a file that fails to parse contributes what it could. */
export function buildProjectModel(files: readonly InventoryEntry[], metadata: readonly SourceFile[]): ProjectModel {
  const manifests: Manifest[] = [];
  const locks: LockedVersions[] = [];
  for (const file of metadata) {
    const manifest = file.manifest;
    if (manifest) manifests.push(manifest);
    const lock = file.lock;
    if (lock) locks.push(lock);
  }
  return { files, manifests, locks };
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
