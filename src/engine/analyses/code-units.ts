// Normalised fingerprints of a file's functions and module-level code, for finding logic written twice.
import { fnv1a64 } from '../hash.js';
import type { PythonAnalysis } from '../python/analysis.js';
import { logicalLines, stringTokenValue, type LogicalLine, type PyToken } from '../python/tokens.js';

/** A column a statement assigns: `df["col"] = ...`, `df.loc[:, "col"] = ...`, `df.assign(col=...)`. */
export interface ColumnWrite {
  readonly column: string;
  /** Index into the unit's lines. */
  readonly index: number;
}

/**
 * A function body, or the code of a module outside functions and classes. Each logical line is reduced to a
 * hash of its tokens with local names renamed in order of appearance and numbers blanked, so a copy that renamed
 * its variables or changed a constant still matches; strings (column names) and attribute names are kept.
 */
export interface CodeUnit {
  /** The function's name, or `<module>`. */
  readonly name: string;
  /** 0-based line of each logical line. */
  readonly lines: readonly number[];
  /** Column of each logical line's first token, and where its first physical line ends. */
  readonly indents: readonly number[];
  readonly ends: readonly number[];
  /** Normalised hash of each logical line. */
  readonly hashes: readonly number[];
  /** Token count of each logical line. */
  readonly tokens: readonly number[];
  /** Indices of the lines that transform data (pandas/numpy column work, text and image preprocessing). */
  readonly transforms: readonly number[];
  readonly columns: readonly ColumnWrite[];
}

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
  'while', 'with', 'yield', 'self', 'cls',
]);
const BUILTINS = new Set([
  'abs', 'all', 'any', 'bool', 'dict', 'enumerate', 'filter', 'float', 'getattr', 'hasattr', 'int', 'isinstance', 'len', 'list', 'map',
  'max', 'min', 'print', 'range', 'round', 'set', 'sorted', 'str', 'sum', 'tuple', 'type', 'zip', 'open', 'ValueError', 'KeyError',
]);
/** Method and function names that reshape or clean data; a line calling one counts as preprocessing. */
const TRANSFORM_NAMES = new Set([
  'fillna', 'astype', 'map', 'apply', 'applymap', 'replace', 'str', 'dt', 'clip', 'log', 'log1p', 'log10', 'sqrt', 'exp', 'where',
  'get_dummies', 'to_numeric', 'to_datetime', 'cut', 'qcut', 'lower', 'upper', 'strip', 'sub', 'resize', 'normalize', 'transform',
  'groupby', 'agg', 'rolling', 'shift', 'diff', 'pct_change', 'rank', 'tokenize', 'encode', 'pad_sequences', 'isin', 'dropna',
  'interpolate', 'factorize', 'cumsum', 'reshape', 'standardize', 'scale', 'one_hot', 'texts_to_sequences', 'cvtColor', 'fit_transform',
]);

/** Units of a file: every function (methods included) and the module-level code. */
export function codeUnits(py: PythonAnalysis, minLines = 3): CodeUnit[] {
  const lines = logicalLines(py.text).filter((l) => !isBareString(l));
  const scopes = py.parsed.nodes('function_definition').flatMap((fn) => {
    const body = fn.childForFieldName('body');
    const name = fn.childForFieldName('name')?.text;
    return body && name !== undefined ? [{ name, start: body.startIndex, end: body.endIndex }] : [];
  });
  // Module-level code is what runs outside definitions: def and class statements (headers, decorators) belong to them.
  const definitions = ['function_definition', 'class_definition', 'decorator'].flatMap((type) => py.parsed.nodes(type).map((c) => ({ start: c.startIndex, end: c.endIndex })));
  const units: CodeUnit[] = [];
  for (const scope of scopes) {
    const own = lines.filter((l) => l.start >= scope.start && l.start < scope.end);
    if (own.length >= minLines) units.push(unitOf(scope.name, own, py));
  }
  const inside = (offset: number): boolean => definitions.some((d) => offset >= d.start && offset < d.end);
  const moduleLines = lines.filter((l) => !inside(l.start) && !isImport(l));
  if (moduleLines.length >= minLines) units.push(unitOf('<module>', moduleLines, py));
  return units;
}

function isBareString(line: LogicalLine): boolean {
  return line.tokens.every((t) => t.kind === 'string');
}

function isImport(line: LogicalLine): boolean {
  const first = line.tokens[0]?.text;
  return first === 'import' || first === 'from';
}

function unitOf(name: string, lines: readonly LogicalLine[], py: PythonAnalysis): CodeUnit {
  const indents: number[] = [];
  const ends: number[] = [];
  const hashes: number[] = [];
  const tokens: number[] = [];
  const transforms: number[] = [];
  const columns: ColumnWrite[] = [];
  lines.forEach((line, index) => {
    const lineStart = py.text.lastIndexOf('\n', line.start - 1) + 1;
    const lineEnd = py.text.indexOf('\n', line.start);
    indents.push(line.start - lineStart);
    ends.push((lineEnd === -1 ? py.text.length : lineEnd) - lineStart);
    const normalised = normaliseLine(line.tokens, py);
    hashes.push(parseInt(fnv1a64(normalised.join('\u0001')).slice(8), 16));
    tokens.push(normalised.length);
    const written = columnWrites(line.tokens);
    for (const column of written) columns.push({ column, index });
    if (written.length > 0 || line.tokens.some((t, i) => t.kind === 'name' && TRANSFORM_NAMES.has(t.text) && (line.tokens[i - 1]?.text === '.' || py.imports.resolveName(t.text) !== undefined))) {
      transforms.push(index);
    }
  });
  return { name, lines: lines.map((l) => l.line), indents, ends, hashes, tokens, transforms, columns };
}

/** A unit placed in a notebook: lines in cell coordinates, with each line's cell. */
export interface CellCodeUnit extends CodeUnit {
  readonly cells?: readonly number[];
}

/** Maps a unit's virtual-text lines into notebook cells; lines outside any code cell are dropped. */
export function unitInCells(unit: CodeUnit, toCell: (line: number) => { cell: number; line: number } | undefined): CellCodeUnit {
  const keep: number[] = [];
  const cells: number[] = [];
  const lines: number[] = [];
  unit.lines.forEach((line, i) => {
    const mapped = toCell(line);
    if (!mapped) return;
    keep.push(i);
    cells.push(mapped.cell);
    lines.push(mapped.line);
  });
  const newIndex = new Map(keep.map((old, i) => [old, i]));
  return {
    name: unit.name,
    lines,
    cells,
    indents: keep.map((i) => unit.indents[i] ?? 0),
    ends: keep.map((i) => unit.ends[i] ?? 0),
    hashes: keep.map((i) => unit.hashes[i] ?? 0),
    tokens: keep.map((i) => unit.tokens[i] ?? 0),
    transforms: unit.transforms.flatMap((i) => newIndex.get(i) ?? []),
    columns: unit.columns.flatMap((c) => {
      const index = newIndex.get(c.index);
      return index === undefined ? [] : [{ column: c.column, index }];
    }),
  };
}

/** Tokens with local names renamed in order of appearance (per line), numbers blanked and string quotes unified. */
function normaliseLine(tokens: readonly PyToken[], py: PythonAnalysis): string[] {
  const renamed = new Map<string, string>();
  return tokens.map((t, i) => {
    if (t.kind === 'number') return '0';
    if (t.kind === 'string') return `"${stringTokenValue(t.text)}"`;
    if (t.kind === 'op') return t.text;
    const previous = tokens[i - 1]?.text;
    if (previous === '.' || KEYWORDS.has(t.text) || BUILTINS.has(t.text)) return t.text;
    // A keyword argument's name is part of the API being called, not a local name.
    if (tokens[i + 1]?.text === '=' && (previous === '(' || previous === ',')) return t.text;
    const imported = py.imports.resolveName(t.text);
    if (imported !== undefined) return imported;
    let alias = renamed.get(t.text);
    if (alias === undefined) {
      alias = `v${String(renamed.size)}`;
      renamed.set(t.text, alias);
    }
    return alias;
  });
}

/** The index of a statement's assignment operator (at bracket depth 0), or -1. */
function assignmentIndex(tokens: readonly PyToken[]): number {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const text = tokens[i]?.text;
    if (text === '(' || text === '[' || text === '{') depth++;
    else if (text === ')' || text === ']' || text === '}') depth--;
    else if (depth === 0 && (text === '=' || text === '+=' || text === '-=' || text === '*=' || text === '/=')) return i;
  }
  return -1;
}

/** Column names a logical line assigns to. */
function columnWrites(tokens: readonly PyToken[]): string[] {
  const at = (i: number): string | undefined => tokens[i]?.text;
  const assign = assignmentIndex(tokens);
  const out: string[] = [];
  if (assign > 0) {
    // Targets before the `=`: `x["col"]` or `x.loc[..., "col"]` (possibly several, comma-separated).
    for (let i = 0; i < assign; i++) {
      const token = tokens[i];
      if (token?.kind === 'string' && at(i + 1) === ']' && (at(i - 1) === '[' || (at(i - 1) === ',' && tokens.slice(0, i).some((t, k) => t.text === 'loc' && at(k - 1) === '.')))) {
        out.push(stringTokenValue(token.text));
      }
    }
  }
  const assignCall = tokens.findIndex((t, i) => t.text === 'assign' && at(i - 1) === '.' && at(i + 1) === '(');
  if (assignCall !== -1) {
    let depth = 0;
    for (let i = assignCall + 1; i < tokens.length; i++) {
      const text = at(i);
      if (text === '(' || text === '[' || text === '{') depth++;
      else if (text === ')' || text === ']' || text === '}') {
        depth--;
        if (depth === 0) break;
      } else if (depth === 1 && tokens[i]?.kind === 'name' && at(i + 1) === '=' && (at(i - 1) === '(' || at(i - 1) === ',')) out.push(text ?? '');
    }
  }
  return out;
}

/** The units of a file for project rules: in cell coordinates for notebooks. */
export function codeUnitFacts(py: PythonAnalysis, toCell?: (line: number) => { cell: number; line: number } | undefined): CellCodeUnit[] {
  const units = codeUnits(py);
  return toCell ? units.map((u) => unitInCells(u, toCell)) : units;
}
