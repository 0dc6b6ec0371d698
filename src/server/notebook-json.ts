// Notebooks between the editor and the engine: .ipynb JSON built from the editor's cells, and cell positions mapped into a notebook's JSON text.
import { getPath, parseJsonConfig, type ConfigNode } from '../engine/parsers/config-tree.js';
import { TextDocument } from '../engine/text.js';
import type { Range } from '../engine/types.js';

/** One cell as the editor holds it. */
export interface EditorCell {
  readonly kind: 'code' | 'markdown' | 'raw';
  readonly source: string;
  /** Language of a code cell (`python`). */
  readonly language?: string;
  readonly executionOrder?: number;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** nbformat keeps a cell's source as lines that end with their `\n`. */
function sourceLines(text: string): string[] {
  const lines = text.split('\n');
  return lines.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line)).filter((line) => line !== '');
}

/**
 * The notebook JSON the engine reads for a notebook with unsaved edits. The saved file's metadata and each
 * cell's outputs are kept where the saved cell at the same index is of the same kind, so rules that read
 * them judge the notebook the user sees; sources and execution counts come from the editor.
 */
export function synthesizeNotebook(cells: readonly EditorCell[], savedText?: string): string {
  let saved: Json | undefined;
  if (savedText !== undefined) {
    try {
      const parsed: unknown = JSON.parse(savedText);
      if (isRecord(parsed)) saved = parsed;
    } catch {
      // An unreadable saved file contributes nothing; the editor's cells are the truth.
    }
  }
  const savedCells = Array.isArray(saved?.cells) ? (saved.cells as unknown[]) : [];
  const language = cells.find((c) => c.kind === 'code' && c.language !== undefined)?.language ?? 'python';
  const outCells = cells.map((cell, index) => {
    const before = savedCells[index];
    const same = isRecord(before) && before.cell_type === cell.kind ? before : undefined;
    const base: Json = { cell_type: cell.kind, metadata: isRecord(same?.metadata) ? same.metadata : {}, source: sourceLines(cell.source) };
    if (cell.kind !== 'code') return base;
    const executionCount = cell.executionOrder ?? (typeof same?.execution_count === 'number' ? same.execution_count : null);
    return { ...base, execution_count: executionCount, outputs: Array.isArray(same?.outputs) ? same.outputs : [] };
  });
  const metadata = isRecord(saved?.metadata) ? saved.metadata : { language_info: { name: language } };
  return JSON.stringify({ cells: outCells, metadata, nbformat: 4, nbformat_minor: typeof saved?.nbformat_minor === 'number' ? saved.nbformat_minor : 5 }, null, 1);
}

/**
 * Maps ranges in cell coordinates to the notebook's JSON text, for diagnostics of a notebook that is not open
 * in a notebook editor (the Problems panel then shows them on the .ipynb file). A line maps to its string in
 * the cell's `source` list; columns are counted from after the opening quote (escapes may shift them a little).
 */
export function notebookRangeMapper(jsonText: string): (range: Range, cell: number | undefined) => Range {
  const parsed = parseJsonConfig(new TextDocument(jsonText));
  const root: ConfigNode | undefined = parsed.root;
  const lineStart = (cell: number, line: number): { line: number; column: number } | undefined => {
    const source = getPath(root, ['cells', cell, 'source']);
    if (source?.kind === 'list') {
      const entry = source.children[line] ?? source.children[source.children.length - 1];
      return entry ? { line: entry.range.start.line, column: entry.range.start.column + 1 } : { line: source.range.start.line, column: source.range.start.column };
    }
    if (source) return { line: source.range.start.line, column: source.range.start.column + 1 };
    const node = getPath(root, ['cells', cell]);
    return node ? { line: node.range.start.line, column: node.range.start.column } : undefined;
  };
  return (range, cell) => {
    if (cell === undefined) return range.start.line === 0 && range.end.line === 0 ? range : { start: { line: 0, column: 0 }, end: { line: 0, column: 1 } };
    const start = lineStart(cell, range.start.line);
    if (!start) return { start: { line: 0, column: 0 }, end: { line: 0, column: 1 } };
    const startPos = { line: start.line, column: start.column + range.start.column };
    const endPos = range.end.line === range.start.line ? { line: start.line, column: start.column + range.end.column } : { line: start.line, column: startPos.column + 1 };
    return { start: startPos, end: endPos };
  };
}
