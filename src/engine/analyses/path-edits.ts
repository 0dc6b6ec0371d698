// Where a Python file edits the import path (sys.path, site.addsitedir) so that it can import code that is not installed.
import { headRange, nodeRange } from '../parsers/python.js';
import type { PythonAnalysis } from '../python/analysis.js';
import type { Range } from '../types.js';

/** One edit of the import path. */
export interface PathEdit {
  /** `sys.path.insert`, `sys.path.append`, `sys.path.extend`, `site.addsitedir`, `sys.path assignment`. */
  readonly via: string;
  /** The added folder when it folds to a constant (`__file__`-relative paths fold to the file's folder). */
  readonly target?: string;
  readonly range: Range;
}

const EDITS = new Map([
  ['sys.path.insert', 1],
  ['sys.path.append', 0],
  ['sys.path.extend', 0],
  ['site.addsitedir', 0],
]);
/** `sys.path[:0] = [...]`, `sys.path += [...]`, `sys.path = [...] + sys.path`. */
const ASSIGNMENT = /^[ \t]*(sys\.path)\s*(\[[^\]\n]*\])?\s*\+?=(?!=)/gm;

/** Every import-path edit in a module, in document order. */
export function pathEdits(py: PythonAnalysis): PathEdit[] {
  const out: { at: number; edit: PathEdit }[] = [];
  for (const call of py.calls) {
    const index = call.qualified === undefined ? undefined : EDITS.get(call.qualified);
    if (index === undefined || call.qualified === undefined) continue;
    const arg = call.args.positional[index];
    const folded = arg ? py.fold(arg) : undefined;
    out.push({ at: call.node.startIndex, edit: { via: call.qualified, ...(folded ? { target: normalise(folded.value) } : {}), range: headRange(call.node, py.text) } });
  }
  if (py.imports.resolveName('sys') === 'sys') {
    for (const m of py.text.matchAll(ASSIGNMENT)) {
      const at = m.index + (m[0].length - m[0].trimStart().length);
      const node = py.parsed.root.descendantForIndex(at);
      if (!node || node.type === 'comment' || node.type === 'string_content') continue;
      const range = nodeRange(node);
      out.push({ at, edit: { via: 'sys.path assignment', range: { start: range.start, end: { line: range.start.line, column: range.start.column + (m[1]?.length ?? 8) } } } });
    }
  }
  return out.sort((a, b) => a.at - b.at).map((o) => o.edit);
}

/** `scripts/../src` -> `src`: a folded `__file__`-relative path reads best with its `..` steps taken. */
function normalise(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined === '' ? '.' : joined;
}
