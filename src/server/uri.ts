// Conversions between the URIs an editor speaks and the absolute `/`-separated paths the engine reads.
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The engine path of a `file:` URI, or undefined for any other scheme (untitled, notebook cells, remote). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    const path = fileURLToPath(uri);
    return process.platform === 'win32' ? path.split('\\').join('/') : path;
  } catch {
    return undefined;
  }
}

/** A `file:` URI for an absolute engine path. */
export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** `path` relative to `root` when it lies inside it (`/`-separated, no leading slash), else undefined. */
export function relativeTo(root: string, path: string): string | undefined {
  const base = root.endsWith('/') ? root : `${root}/`;
  if (!path.startsWith(base)) return undefined;
  const rel = path.slice(base.length);
  return rel === '' ? undefined : rel;
}

/** The absolute path of a project-relative one. */
export function joinRoot(root: string, rel: string): string {
  return root.endsWith('/') ? root + rel : `${root}/${rel}`;
}
