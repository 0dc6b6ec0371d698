// The file inventory of a project: walks the tree through the injected fs, honours .gitignore files and config ignores.
import ignore, { type Ignore } from 'ignore';
import { classifyPath, isTextKind } from './file-kinds.js';
import { describeFsError, type FileStat, type FileSystem } from './fs.js';
import type { FileKind, SkippedFile } from './types.js';

export interface InventoryEntry {
  /** Project-relative, `/`-separated. */
  readonly path: string;
  readonly kind: FileKind;
  readonly size: number;
  readonly mtimeMs?: number;
}

export interface Inventory {
  /** Absolute project root. */
  readonly root: string;
  /** Sorted by path. */
  readonly files: readonly InventoryEntry[];
  readonly skipped: readonly SkippedFile[];
}

export interface InventoryOptions {
  /** Project-relative paths that are ignored by config. */
  readonly isIgnored?: (path: string) => boolean;
  /** Size limit for files the engine reads; notebooks get `maxNotebookSize`. */
  readonly maxFileSize?: number;
  readonly maxNotebookSize?: number;
  /** Stop early when it returns true (an editor cancelled the scan). */
  readonly isCancelled?: () => boolean;
}

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
export const DEFAULT_MAX_NOTEBOOK_SIZE = 25 * 1024 * 1024;

/** Directories no ML repo wants linted: VCS data, environments, caches, experiment-tracker run folders. */
const ALWAYS_SKIPPED_DIRS = new Set([
  '.git', '.hg', '.svn', 'node_modules', '__pycache__', '.venv', 'venv', '.env', '.tox', '.nox', '.eggs',
  '.mypy_cache', '.pytest_cache', '.ruff_cache', '.pytype', '.ipynb_checkpoints', 'site-packages', '.mlready_cache',
  '.direnv', '.pyenv', '.idea', '.vscode', 'mlruns', 'wandb', 'lightning_logs', '.hydra', '__pypackages__',
]);
const DVC_INTERNAL = new Set(['.dvc/cache', '.dvc/tmp']);

interface IgnoreScope {
  readonly dir: string;
  readonly rules: Ignore;
}

/** Walks `root` and lists every file with its kind and size; nothing here reads file contents but .gitignore. */
export async function buildInventory(fs: FileSystem, root: string, options: InventoryOptions = {}): Promise<Inventory> {
  const files: InventoryEntry[] = [];
  const skipped: SkippedFile[] = [];
  const visited = new Set<string>();
  const maxFile = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const maxNotebook = options.maxNotebookSize ?? DEFAULT_MAX_NOTEBOOK_SIZE;

  const walk = async (rel: string, scopes: readonly IgnoreScope[]): Promise<void> => {
    if (options.isCancelled?.()) return;
    const abs = rel === '' ? root : `${root}/${rel}`;
    try {
      const real = await fs.realPath(abs);
      if (visited.has(real)) {
        if (rel !== '') skipped.push({ file: `${rel}/`, reason: 'symbolic link loop: this directory was already visited' });
        return;
      }
      visited.add(real);
    } catch (error) {
      skipped.push({ file: rel === '' ? '.' : `${rel}/`, reason: `cannot resolve path: ${describeFsError(error)}` });
      return;
    }
    let entries;
    try {
      entries = await fs.readDirectory(abs);
    } catch (error) {
      skipped.push({ file: rel === '' ? '.' : `${rel}/`, reason: `cannot read directory: ${describeFsError(error)}` });
      return;
    }
    // A virtual environment, whatever its folder is called, holds installed packages, not the project.
    if (rel !== '' && entries.some((e) => e.name === 'pyvenv.cfg')) return;
    let here = scopes;
    if (entries.some((e) => e.name === '.gitignore' && e.kind !== 'directory')) {
      try {
        const text = new TextDecoder().decode(await fs.readFile(`${abs}/.gitignore`));
        here = [...scopes, { dir: rel, rules: ignore().add(text) }];
      } catch {
        // An unreadable .gitignore ignores nothing; the files below are still listed.
      }
    }
    const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of sorted) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      let kind = entry.kind;
      let stat: FileStat | undefined;
      if (kind === 'symlink' || kind === 'other') {
        try {
          stat = await fs.stat(`${root}/${path}`);
          kind = stat.kind;
        } catch (error) {
          skipped.push({ file: path, reason: kind === 'symlink' ? `broken symbolic link (${describeFsError(error)})` : describeFsError(error) });
          continue;
        }
      }
      if (kind === 'directory') {
        if (entry.kind === 'symlink') {
          const target = await realPathOrUndefined(fs, `${root}/${path}`);
          const here = await realPathOrUndefined(fs, abs);
          if (target !== undefined && here !== undefined && (here === target || here.startsWith(`${target}/`))) {
            skipped.push({ file: `${path}/`, reason: 'symbolic link loop: it points to a folder that contains it' });
            continue;
          }
          // A symlink to another folder inside the project is walked under that folder's own path, never twice.
          if (target !== undefined && (target === rootReal || target.startsWith(`${rootReal}/`))) continue;
        }
        if (ALWAYS_SKIPPED_DIRS.has(entry.name) || DVC_INTERNAL.has(path) || isGitIgnored(here, path, true) || options.isIgnored?.(`${path}/`)) continue;
        await walk(path, here);
        continue;
      }
      if (kind !== 'file') continue;
      if (isGitIgnored(here, path, false) || options.isIgnored?.(path)) continue;
      if (!stat) {
        try {
          stat = await fs.stat(`${root}/${path}`);
        } catch (error) {
          skipped.push({ file: path, reason: `cannot stat: ${describeFsError(error)}` });
          continue;
        }
      }
      const size = stat.size;
      const fileKind = classifyPath(path);
      const limit = fileKind === 'notebook' ? maxNotebook : maxFile;
      if (isTextKind(fileKind) && size > limit) {
        skipped.push({ file: path, reason: `file is ${formatBytes(size)}, over the ${formatBytes(limit)} limit for ${fileKind === 'notebook' ? 'notebooks' : 'source files'}` });
        continue;
      }
      files.push({ path, kind: fileKind, size, ...(stat.mtimeMs === undefined ? {} : { mtimeMs: stat.mtimeMs }) });
    }
  };

  let rootReal = root;
  try {
    rootReal = await fs.realPath(root);
  } catch {
    // The walk reports an unresolvable root itself.
  }
  await walk('', []);
  return { root, files, skipped };
}

async function realPathOrUndefined(fs: FileSystem, path: string): Promise<string | undefined> {
  try {
    return await fs.realPath(path);
  } catch {
    return undefined;
  }
}

function isGitIgnored(scopes: readonly IgnoreScope[], path: string, isDir: boolean): boolean {
  let ignored = false;
  for (const scope of scopes) {
    const rel = scope.dir === '' ? path : path.startsWith(`${scope.dir}/`) ? path.slice(scope.dir.length + 1) : undefined;
    if (rel === undefined) continue;
    // Later (deeper) .gitignore files may re-include what an outer one ignored.
    const result = scope.rules.test(isDir ? `${rel}/` : rel);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

export type DecodedText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes file bytes as UTF-8 text, refusing binary content and invalid UTF-8 with a reason. */
export function decodeText(bytes: Uint8Array): DecodedText {
  // A native search over the first 8 KB, not a JS loop per byte of every file.
  if (bytes.subarray(0, 8192).indexOf(0) !== -1) return { ok: false, reason: 'binary content (NUL bytes): not a text file' };
  try {
    let text = utf8.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch {
    return { ok: false, reason: 'not valid UTF-8: mlready reads source and config files as UTF-8' };
  }
}
