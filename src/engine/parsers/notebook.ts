// Jupyter notebooks: code cells joined into one virtual Python text, IPython syntax masked, positions mapped back to cells.
import { TextDocument } from '../text.js';
import type { Position, Range } from '../types.js';

export type CellKind = 'code' | 'markdown' | 'raw';

export interface NotebookCell {
  /** Index among all cells, as the notebook editor counts them. */
  readonly index: number;
  readonly kind: CellKind;
  readonly source: string;
  readonly executionCount: number | null;
  readonly outputs: readonly unknown[];
  /** First line of this cell in the virtual Python text (code cells only; -1 otherwise). */
  readonly virtualStartLine: number;
}

export interface Notebook {
  readonly cells: readonly NotebookCell[];
  /** Kernel language from the metadata; non-Python notebooks get no Python analysis. */
  readonly language: string;
  /** The code cells joined by newlines, IPython magics and shell escapes masked to keep columns. */
  readonly virtualText: string;
}

export type NotebookParseResult = { readonly ok: true; readonly notebook: Notebook } | { readonly ok: false; readonly reason: string };

/** Cell magics whose body is still Python; any other cell magic makes the whole cell foreign. */
const PYTHON_BODY_CELL_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug', 'memit', 'mprun', 'px', 'autoreload']);

/** Parses notebook JSON. Never throws: a broken notebook gives a reason the CLI prints. */
export function parseNotebook(text: string): NotebookParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not valid notebook JSON (${describeJsonError(error, text)})` };
  }
  if (!isRecord(json) || !Array.isArray(json.cells)) {
    return { ok: false, reason: 'not a Jupyter notebook (no "cells" list; nbformat 4 is supported)' };
  }
  const language = notebookLanguage(json.metadata);
  const cells: NotebookCell[] = [];
  const virtualParts: string[] = [];
  let virtualLine = 0;
  json.cells.forEach((raw: unknown, index: number) => {
    const cell = isRecord(raw) ? raw : {};
    const kind: CellKind = cell.cell_type === 'code' ? 'code' : cell.cell_type === 'raw' ? 'raw' : 'markdown';
    const source = joinSource(cell.source);
    const executionCount = typeof cell.execution_count === 'number' ? cell.execution_count : null;
    const outputs = Array.isArray(cell.outputs) ? (cell.outputs as unknown[]) : [];
    let start = -1;
    if (kind === 'code') {
      start = virtualLine;
      const masked = maskIPython(source);
      virtualParts.push(masked);
      virtualLine += countLines(masked);
    }
    cells.push({ index, kind, source, executionCount, outputs, virtualStartLine: start });
  });
  return { ok: true, notebook: { cells, language, virtualText: virtualParts.join('\n') } };
}

/** Maps positions between the virtual Python text and code cells. */
export class NotebookMap {
  private readonly codeCells: readonly NotebookCell[];

  constructor(readonly notebook: Notebook) {
    this.codeCells = notebook.cells.filter((c) => c.kind === 'code');
  }

  /** The code cell holding a virtual line, or undefined past the end. */
  cellAt(virtualLine: number): NotebookCell | undefined {
    let found: NotebookCell | undefined;
    for (const cell of this.codeCells) {
      if (cell.virtualStartLine <= virtualLine) found = cell;
      else break;
    }
    if (found && virtualLine - found.virtualStartLine >= countLines(found.source)) return undefined;
    return found;
  }

  toCell(position: Position): { cell: number; position: Position } | undefined {
    const cell = this.cellAt(position.line);
    if (!cell) return undefined;
    return { cell: cell.index, position: { line: position.line - cell.virtualStartLine, column: position.column } };
  }

  /** A virtual range in cell coordinates; a range running past its cell is cut at the cell's end. */
  rangeToCell(range: Range): { cell: number; range: Range } | undefined {
    const start = this.toCell(range.start);
    if (!start) return undefined;
    const end = this.toCell(range.end);
    if (end?.cell === start.cell) return { cell: start.cell, range: { start: start.position, end: end.position } };
    const cell = this.notebook.cells[start.cell];
    const doc = new TextDocument(cell?.source ?? '');
    const lastLine = doc.lineCount - 1;
    return { cell: start.cell, range: { start: start.position, end: { line: lastLine, column: doc.lineText(lastLine).length } } };
  }

  fromCell(cellIndex: number, position: Position): Position | undefined {
    const cell = this.notebook.cells[cellIndex];
    if (cell?.kind !== 'code') return undefined;
    return { line: cell.virtualStartLine + position.line, column: position.column };
  }
}

/**
 * Replaces IPython-only syntax with Python of the same length: line magics and shell escapes become
 * `...` (or blanks), and a foreign cell magic (`%%bash`) blanks the cell. Lengths are kept so columns map 1:1.
 */
export function maskIPython(source: string): string {
  const lines = source.split('\n');
  const first = lines[0]?.trimStart() ?? '';
  if (first.startsWith('%%')) {
    const magic = /^%%(\w+)/.exec(first)?.[1] ?? '';
    if (!PYTHON_BODY_CELL_MAGICS.has(magic)) return lines.map(blank).join('\n');
    lines[0] = blank(lines[0] ?? '');
  }
  let continued = false;
  const state = { depth: 0, triple: '' };
  return lines
    .map((line) => {
      if (continued) {
        continued = line.trimEnd().endsWith('\\');
        return blank(line);
      }
      // Inside brackets or a triple-quoted string, a leading `%` or `!=` continues Python, not a magic.
      const startsStatement = state.depth === 0 && state.triple === '';
      scanBrackets(line, state);
      if (!startsStatement) return line;
      const indent = line.length - line.trimStart().length;
      const body = line.slice(indent);
      if ((/^[%!]/.test(body) && !body.startsWith('!=')) || /^\?\??\w/.test(body) || /^[\w.]+\?\??\s*$/.test(body)) {
        continued = body.trimEnd().endsWith('\\');
        return ' '.repeat(indent) + ellipsis(body.length);
      }
      // `files = !ls data/` and `result = %timeit f()`: keep the assignment, mask the right-hand side.
      const assigned = /^([\w.]+\s*=\s*)([!%].*)$/.exec(body);
      if (assigned?.[1] && assigned[2]) {
        return ' '.repeat(indent) + assigned[1] + ellipsis(assigned[2].length);
      }
      return line;
    })
    .join('\n');
}

/** Tracks bracket depth and open triple-quoted strings across lines, skipping string contents and comments. */
function scanBrackets(line: string, state: { depth: number; triple: string }): void {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (state.triple !== '') {
      if (line.startsWith(state.triple, i)) {
        i += 2;
        state.triple = '';
      }
      continue;
    }
    if (quote !== '') {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '#') return;
    if ((c === '"' || c === "'") && line.startsWith(c.repeat(3), i)) {
      state.triple = c.repeat(3);
      i += 2;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') state.depth++;
    else if ((c === ')' || c === ']' || c === '}') && state.depth > 0) state.depth--;
  }
}

function ellipsis(length: number): string {
  return length >= 3 ? `...${' '.repeat(length - 3)}` : ' '.repeat(length);
}

function blank(line: string): string {
  return ' '.repeat(line.length);
}

function countLines(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function joinSource(source: unknown): string {
  if (typeof source === 'string') return source;
  if (Array.isArray(source)) return source.filter((s): s is string => typeof s === 'string').join('');
  return '';
}

function notebookLanguage(metadata: unknown): string {
  if (!isRecord(metadata)) return 'python';
  const info = metadata.language_info;
  if (isRecord(info) && typeof info.name === 'string') return info.name.toLowerCase();
  const kernel = metadata.kernelspec;
  if (isRecord(kernel) && typeof kernel.language === 'string') return kernel.language.toLowerCase();
  return 'python';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns a JSON.parse error into "line L, column C: message" where the position is known. */
function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const offset = /position (\d+)/.exec(message)?.[1];
  if (offset !== undefined) {
    const pos = new TextDocument(text).positionAt(Number(offset));
    return `line ${pos.line + 1}, column ${pos.column + 1}: ${message.replace(/ in JSON at position \d+.*$/, '')}`;
  }
  if (/Unexpected end/.test(message)) return 'the file ends early: it looks truncated';
  return message;
}
