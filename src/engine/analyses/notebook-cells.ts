// What a notebook's saved cells carry besides code: output sizes and kinds, error outputs, tables; and where a cell starts.
import type { NotebookCell } from '../parsers/notebook.js';
import type { Range } from '../types.js';

/** The first line of a cell's source: where a finding about the whole cell is shown. */
export function cellHeadRange(source: string): Range {
  const newline = source.indexOf('\n');
  const first = newline === -1 ? source : source.slice(0, newline);
  return { start: { line: 0, column: 0 }, end: { line: 0, column: first.replace(/\r$/, '').length } };
}

/** The saved outputs of one code cell, measured. */
export interface CellOutputs {
  readonly cell: NotebookCell;
  /** Characters of output payload (base64 images, HTML, text, tracebacks); about bytes, as notebooks are ASCII-heavy. */
  readonly size: number;
  /** The largest single payload and its MIME type (`stream` for printed text, `error` for a traceback). */
  readonly largest: { readonly size: number; readonly mime: string };
  /** `ename` of each error output (`ValueError`, `KeyboardInterrupt`; `kernel crash` or `unnamed error` without one). */
  readonly errors: readonly string[];
  /** Body rows of the longest HTML table (a displayed DataFrame), 0 without tables. */
  readonly tableRows: number;
}

/** Measures the outputs of every code cell that has any. Never throws on odd JSON. */
export function cellOutputs(cells: readonly NotebookCell[]): CellOutputs[] {
  const out: CellOutputs[] = [];
  for (const cell of cells) {
    if (cell.kind !== 'code' || cell.outputs.length === 0) continue;
    let size = 0;
    let largest = { size: 0, mime: '' };
    const errors: string[] = [];
    let tableRows = 0;
    const add = (mime: string, text: string): void => {
      size += text.length;
      if (text.length > largest.size) largest = { size: text.length, mime };
      if (mime === 'text/html' && text.includes('<table')) tableRows = Math.max(tableRows, htmlTableRows(text));
    };
    for (const output of cell.outputs) {
      if (!isRecord(output)) continue;
      if (output.output_type === 'stream') add('stream', joined(output.text));
      else if (output.output_type === 'error') {
        const traceback = joined(output.traceback);
        // VS Code saves a kernel crash as an error with no name.
        const ename = typeof output.ename === 'string' && output.ename !== '' ? output.ename : /kernel crashed/i.test(traceback) ? 'kernel crash' : 'unnamed error';
        errors.push(ename);
        add('error', traceback);
      } else if (isRecord(output.data)) {
        for (const [mime, value] of Object.entries(output.data)) add(mime, typeof value === 'string' || Array.isArray(value) ? joined(value) : JSON.stringify(value));
      }
    }
    out.push({ cell, size, largest, errors, tableRows });
  }
  return out;
}

/** Body rows of the longest table in an HTML payload; a header row (only `<th>` cells in `<thead>`) is not counted. */
export function htmlTableRows(html: string): number {
  let most = 0;
  for (const table of html.split(/<table\b/i).slice(1)) {
    const body = table.split(/<\/table>/i)[0] ?? '';
    const head = /<thead\b[\s\S]*?<\/thead>/i.exec(body)?.[0] ?? '';
    const rows = (body.match(/<tr\b/gi)?.length ?? 0) - (head.match(/<tr\b/gi)?.length ?? 0);
    most = Math.max(most, rows);
  }
  return most;
}

/** Human-readable size: `840 KB`, `4.1 MB`. */
export function formatSize(chars: number): string {
  if (chars >= 1024 * 1024) return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
  return `${String(Math.max(1, Math.round(chars / 1024)))} KB`;
}

function joined(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').join('');
  return '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
