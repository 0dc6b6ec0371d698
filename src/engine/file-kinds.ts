// Classifies a path into a FileKind from its name alone, so the inventory can sort a tree without reading it.
import type { FileKind } from './types.js';

const DATA_EXTENSIONS = new Set([
  'csv', 'tsv', 'parquet', 'feather', 'arrow', 'avro', 'orc', 'h5', 'hdf5', 'hdf', 'npy', 'npz', 'pkl', 'pickle',
  'joblib', 'pt', 'pth', 'ckpt', 'safetensors', 'onnx', 'pb', 'tflite', 'keras', 'bin', 'gguf', 'xlsx', 'xls',
  'jsonl', 'ndjson', 'tfrecord', 'tfrecords', 'sav', 'model', 'mat', 'zip', 'gz', 'tgz', 'bz2', 'xz', 'tar',
  '7z', 'db', 'sqlite', 'sqlite3', 'png', 'jpg', 'jpeg', 'wav', 'mp3', 'flac', 'mp4', 'lmdb', 'zarr', 'nc',
]);

const LOCKFILES = new Set(['poetry.lock', 'uv.lock', 'pdm.lock', 'Pipfile.lock', 'conda-lock.yml', 'pixi.lock']);

/** Extensions of data and model artifacts (lower case, no dot). */
export function isDataExtension(ext: string): boolean {
  return DATA_EXTENSIONS.has(ext.toLowerCase());
}

export function extensionOf(path: string): string {
  const base = baseName(path);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

export function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? path : path.slice(slash + 1);
}

export function dirName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** Classifies a project-relative, `/`-separated path. */
export function classifyPath(path: string): FileKind {
  const base = baseName(path);
  const lower = base.toLowerCase();
  const ext = extensionOf(path);
  if (base === '.mlready.yaml' || base === '.mlready.yml') return 'mlready-config';
  if (ext === 'py' || ext === 'pyi') return 'python';
  if (ext === 'ipynb') return 'notebook';
  if (LOCKFILES.has(base)) return 'lockfile';
  if (ext === 'txt' && (/^(dev-|test-)?requirements/i.test(lower) || /(^|\/)requirements\//i.test(path) || /^constraints/i.test(lower))) {
    return 'requirements';
  }
  if (ext === 'in' && /requirements/i.test(lower)) return 'requirements';
  if (base === 'pyproject.toml') return 'pyproject';
  if (base === 'setup.cfg') return 'setup-cfg';
  if (base === 'Pipfile') return 'pipfile';
  if (/^(environment|conda|env)[\w.-]*\.ya?ml$/i.test(base) && !path.includes('.github/')) return 'conda-env';
  if (ext === 'dvc') return 'dvc';
  if (base === 'dvc.yaml' || base === 'dvc.yml') return 'dvc-pipeline';
  if (base === 'dvc.lock') return 'dvc-lock';
  if (path === '.dvc/config' || path.endsWith('/.dvc/config') || path === '.dvc/config.local') return 'dvc-config';
  if (base === '.gitattributes') return 'gitattributes';
  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path) || base === '.gitlab-ci.yml') return 'ci-workflow';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'json' || ext === 'jsonc') return 'json';
  if (ext === 'toml' || ext === 'cfg' || ext === 'ini') return ext === 'toml' ? 'toml' : 'other';
  if (ext === 'sh' || ext === 'bash') return 'shell';
  if (base === 'Makefile' || base === 'makefile' || base === 'GNUmakefile' || ext === 'mk') return 'makefile';
  if (base === 'Dockerfile' || lower.startsWith('dockerfile.') || lower.endsWith('.dockerfile')) return 'dockerfile';
  if (base === '.env' || (base.startsWith('.env.') && !/\.(example|sample|template|dist)$/.test(lower))) return 'dotenv';
  if (isDataExtension(ext)) return 'data';
  return 'other';
}

/** Kinds whose text the engine reads and parses; others are listed by size only. */
export function isTextKind(kind: FileKind): boolean {
  return kind !== 'data' && kind !== 'other';
}

/** The folder `path` is in, joined with a relative `target` (`../a.txt`), normalised; undefined when it leaves the root. */
export function resolveRelative(fromDir: string, target: string): string | undefined {
  const out = fromDir === '' ? [] : fromDir.split('/');
  for (const part of target.split(/[\\/]/)) {
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}
