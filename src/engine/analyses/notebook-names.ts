// Top-level name definitions and uses of a notebook, in cell order: the def-use facts behind hidden-state findings.
import type { Node } from 'web-tree-sitter';
import type { Notebook } from '../parsers/notebook.js';
import type { PythonAnalysis } from '../python/analysis.js';
import type { TextDocument } from '../text.js';

/** A module-level use or definition of a name; offsets are in the notebook's virtual Python text. */
export interface NameSite {
  readonly name: string;
  /** Index of the cell among all cells. */
  readonly cell: number;
  readonly start: number;
  readonly end: number;
}

export interface NameUse extends NameSite {
  /** The outermost module-level loop around the use: a definition anywhere in it may have run on an earlier pass. */
  readonly loop?: { readonly start: number; readonly end: number };
}

export interface NameDef extends NameSite {
  /** Where the binding takes effect: after the whole statement (`x = x + 1` reads `x` first). */
  readonly effective: number;
}

export interface NotebookNames {
  /** Why the notebook's namespace cannot be followed statically (`%run`, `exec(`, `globals()`), if it cannot. */
  readonly dynamic?: string;
  readonly uses: readonly NameUse[];
  readonly defs: ReadonlyMap<string, readonly NameDef[]>;
  /** Offsets of `from m import *` at module level: any name may come from there. */
  readonly starImports: readonly number[];
  /** Names that may be bound in ways not tracked here (`global x` in a function, match patterns). */
  readonly unsure: ReadonlySet<string>;
}

/** Code that reads or writes the namespace by name, or loads code from elsewhere: the analysis gives up on these. */
const DYNAMIC_CODE: readonly [RegExp, string][] = [
  [/\b(?:exec|execfile)\s*\(/, 'exec('],
  [/\b(?:globals|locals|vars|dir)\s*\(\s*\)/, 'globals()'],
  [/\b__builtins__\b|\bbuiltins\.\w+\s*=|\bsetattr\s*\(\s*(?:builtins|sys\.modules)/, 'builtins'],
  [/\bget_ipython\s*\(\s*\)\s*\.\s*(?:run_line_magic|magic|run_cell|push|user_ns|ex|ev)\b/, 'get_ipython()'],
  [/\bsys\.modules\s*\[\s*__name__\s*\]/, 'sys.modules'],
];
const DYNAMIC_MAGIC = /^\s*%(?:run|store\s+-r|load|pylab|macro|recall|rerun|ed|edit)\b/m;

const DEFERRED = new Set(['function_definition', 'lambda']);
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const TARGETS = new Set(['assignment', 'augmented_assignment', 'for_statement', 'as_pattern_target']);
const WRAPPERS = new Set(['attribute', 'subscript', 'call']);
const TYPES = [
  'identifier', 'function_definition', 'class_definition', 'lambda', ...COMPREHENSIONS, 'for_in_clause', 'attribute', 'subscript', 'call',
  'keyword_argument', 'assignment', 'augmented_assignment', 'for_statement', 'while_statement', 'as_pattern_target', 'named_expression',
  'import_statement', 'import_from_statement', 'future_import_statement', 'global_statement', 'nonlocal_statement', 'case_pattern',
  'try_statement', 'except_clause',
];

/** One collected node with what the walk needs of it, read once from WASM. */
interface Frame {
  readonly node: Node;
  readonly type: string;
  readonly start: number;
  readonly end: number;
  /** Assignment-like frames: the target's extent; for a class, where its body starts. */
  targetEnd?: number;
  /** An annotation without a value (`x: int`) binds nothing. */
  bindsNothing?: boolean;
  /** Comprehensions: the names their `for` clauses bind. */
  bound?: Set<string>;
  /** try statements: the body's end when a handler catches NameError. */
  guardEnd?: number;
  /** function and class definitions: whether the name was seen yet. */
  named?: boolean;
}

/**
 * Collects module-level definitions and uses over the notebook's virtual Python text. Function and lambda bodies
 * and class bodies are skipped (they run later, or in their own scope); comprehensions count their free names as
 * uses; attribute names, keyword names and import paths are not uses. One WASM walk collects every node needed.
 */
export function notebookNames(py: PythonAnalysis, notebook: Notebook, doc: TextDocument): NotebookNames {
  const dynamic = dynamicReason(py.text, notebook);
  const uses: NameUse[] = [];
  const defs = new Map<string, NameDef[]>();
  const unsure = new Set<string>();
  const starImports: number[] = [];
  if (dynamic !== undefined) return { dynamic, uses, defs, starImports, unsure };
  const cellAt = cellLocator(notebook, doc);
  const addDef = (name: string, start: number, end: number, effective: number): void => {
    const site = { name, cell: cellAt(start), start, end, effective };
    const list = defs.get(name);
    if (list) list.push(site);
    else defs.set(name, [site]);
  };
  const frames = py.parsed.root.descendantsOfType(TYPES).flatMap((node): Frame[] => (node ? [{ node, type: node.type, start: node.startIndex, end: node.endIndex }] : []));
  prepare(frames, py.text);
  const stack: Frame[] = [];
  const moduleImports: Frame[] = [];
  for (const frame of frames) {
    while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= frame.start) stack.pop();
    if (frame.type !== 'identifier') {
      if ((frame.type === 'import_statement' || frame.type === 'import_from_statement') && atModuleLevel(stack, frame.start)) moduleImports.push(frame);
      stack.push(frame);
      continue;
    }
    const name = py.text.slice(frame.start, frame.end);
    classify(name, frame, stack, { uses, unsure, addDef, cellAt });
  }
  for (const binding of py.imports.bindings) {
    const offset = doc.offsetAt(binding.range.start);
    const statement = moduleImports.find((s) => s.start <= offset && offset < s.end);
    if (!statement) continue;
    if (binding.local === '*') starImports.push(statement.start);
    else addDef(binding.local, offset, doc.offsetAt(binding.range.end), statement.end);
  }
  for (const def of magicDefinitions(notebook, doc)) addDef(def.name, def.start, def.start, def.start);
  const broken = errorLines(py);
  const parsed = broken.size === 0 ? uses : uses.filter((u) => !broken.has(doc.positionAt(u.start).line));
  return { uses: parsed, defs, starImports, unsure };
}

/**
 * Lines tree-sitter could not parse: IPython automagics (`pip install x`, `cd data`) and broken code, whose recovered
 * tree is noise. `ERROR` cannot be mixed with named types in one walk, so it gets its own, only when there are errors.
 */
function errorLines(py: PythonAnalysis): Set<number> {
  const lines = new Set<number>();
  if (!py.parsed.hasSyntaxError) return lines;
  for (const node of py.parsed.root.descendantsOfType('ERROR')) {
    if (!node) continue;
    for (let line = node.startPosition.row; line <= node.endPosition.row; line++) lines.add(line);
  }
  return lines;
}

/** First pass: class body starts, assignment targets, comprehension-bound names and NameError-guarded try bodies. */
function prepare(frames: readonly Frame[], text: string): void {
  const stack: Frame[] = [];
  for (const frame of frames) {
    while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= frame.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (frame.type === 'class_definition') frame.targetEnd = frame.node.childForFieldName('body')?.startIndex ?? frame.end;
    else if (frame.type === 'assignment' || frame.type === 'augmented_assignment' || frame.type === 'for_statement') {
      frame.targetEnd = frame.node.childForFieldName('left')?.endIndex ?? frame.start;
      if (frame.type === 'assignment' && !frame.node.childForFieldName('right')) frame.bindsNothing = true;
    } else if (frame.type === 'as_pattern_target') frame.targetEnd = frame.end;
    else if (frame.type === 'for_in_clause') {
      const comprehension = [...stack].reverse().find((f) => COMPREHENSIONS.has(f.type));
      const left = frame.node.childForFieldName('left');
      if (comprehension && left) {
        comprehension.bound ??= new Set();
        for (const m of text.slice(left.startIndex, left.endIndex).matchAll(/[A-Za-z_]\w*/g)) comprehension.bound.add(m[0]);
      }
    } else if (frame.type === 'except_clause' && parent?.type === 'try_statement') {
      const header = text.slice(frame.start, text.indexOf(':', frame.start));
      if (/^except\s*$|\b(?:NameError|Exception|BaseException)\b/.test(header)) parent.guardEnd ??= frame.start;
    }
    if (frame.type !== 'identifier') stack.push(frame);
  }
}

interface Sink {
  readonly uses: NameUse[];
  readonly unsure: Set<string>;
  addDef(name: string, start: number, end: number, effective: number): void;
  cellAt(offset: number): number;
}

/** Decides what one identifier is, from its collected ancestors (innermost last). */
function classify(name: string, id: Frame, stack: readonly Frame[], sink: Sink): void {
  let wrapped = false;
  let loop: { start: number; end: number } | undefined;
  let guarded = false;
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i];
    if (!frame) continue;
    const innermost = i === stack.length - 1;
    const type = frame.type;
    if (type === 'global_statement' || type === 'nonlocal_statement' || type === 'case_pattern') {
      sink.unsure.add(name);
      return;
    }
    if (type === 'import_statement' || type === 'import_from_statement' || type === 'future_import_statement') return;
    if (type === 'function_definition' || type === 'class_definition') {
      const isName = innermost && frame.named !== true;
      frame.named = true;
      if (isName && atModuleLevel(stack.slice(0, i), frame.start)) sink.addDef(name, id.start, id.end, frame.end);
      // Base classes and keywords of a class run at definition time; its body is its own namespace.
      if (isName || type === 'function_definition' || id.start >= (frame.targetEnd ?? frame.end)) return;
      continue;
    }
    if (DEFERRED.has(type)) return;
    if (innermost && type === 'keyword_argument' && id.start === frame.start) return;
    if (innermost && type === 'attribute' && id.end === frame.end && id.start !== frame.start) return;
    if (type === 'named_expression' && innermost && id.start === frame.start) {
      if (atModuleLevel(stack.slice(0, i), frame.start)) sink.addDef(name, id.start, id.end, frame.end);
      return;
    }
    if (COMPREHENSIONS.has(type) && frame.bound?.has(name) === true) return;
    if (WRAPPERS.has(type)) wrapped = true;
    if (TARGETS.has(type) && id.start < (frame.targetEnd ?? frame.start) && !wrapped) {
      if (frame.bindsNothing === true) return;
      if (!atModuleLevel(stack.slice(0, i), frame.start)) return;
      // `x += 1` reads x first; every other target only binds.
      if (type === 'augmented_assignment') sink.uses.push({ name, cell: sink.cellAt(id.start), start: id.start, end: id.end, ...(outerLoop(stack) ?? {}) });
      sink.addDef(name, id.start, id.end, type === 'for_statement' || type === 'as_pattern_target' ? (frame.targetEnd ?? frame.end) : frame.end);
      return;
    }
    if (TARGETS.has(type) && id.start < (frame.targetEnd ?? frame.start)) wrapped = true;
    if (type === 'try_statement' && frame.guardEnd !== undefined && id.start < frame.guardEnd) guarded = true;
    if (type === 'for_statement' || type === 'while_statement') loop = { start: frame.start, end: frame.end };
  }
  if (guarded) return;
  sink.uses.push({ name, cell: sink.cellAt(id.start), start: id.start, end: id.end, ...(loop ? { loop } : {}) });
}

function outerLoop(stack: readonly Frame[]): { loop: { start: number; end: number } } | undefined {
  const frame = stack.find((f) => f.type === 'for_statement' || f.type === 'while_statement');
  return frame ? { loop: { start: frame.start, end: frame.end } } : undefined;
}

/** True when no function, lambda or class body encloses the offset. */
function atModuleLevel(stack: readonly Frame[], offset: number): boolean {
  return stack.every((f) => !DEFERRED.has(f.type) && !(f.type === 'class_definition' && offset >= (f.targetEnd ?? f.end)));
}

function dynamicReason(text: string, notebook: Notebook): string | undefined {
  for (const [pattern, reason] of DYNAMIC_CODE) if (pattern.test(text)) return reason;
  for (const cell of notebook.cells) {
    if (cell.kind !== 'code') continue;
    const magic = DYNAMIC_MAGIC.exec(cell.source);
    if (magic) return magic[0].trim();
  }
  return undefined;
}

/**
 * Names bound by IPython syntax the masked virtual text hides: `%%capture out`, `%%sql df <<`, and the
 * assignment inside a line magic (`%time model = fit()`, `%sql rows << SELECT`). Generous on purpose: an extra
 * definition can only hide a finding.
 */
function magicDefinitions(notebook: Notebook, doc: TextDocument): { name: string; start: number }[] {
  const out: { name: string; start: number }[] = [];
  for (const cell of notebook.cells) {
    if (cell.kind !== 'code' || !cell.source.includes('%')) continue;
    cell.source.split('\n').forEach((line, i) => {
      const start = doc.offsetAt({ line: cell.virtualStartLine + i, column: 0 });
      const cellMagic = i === 0 ? /^\s*%%\w+\s+(.*)$/.exec(line) : null;
      const lineMagic = /^\s*%\w+\s+([A-Za-z_][\w\s,()[\]*]*?)\s*(?:<<|=(?!=))/.exec(line);
      const names = [...(cellMagic?.[1] ?? '').split(/\s+/).filter((w) => /^[A-Za-z_]\w*$/.test(w)), ...(lineMagic?.[1]?.match(/[A-Za-z_]\w*/g) ?? [])];
      for (const name of names) out.push({ name, start });
    });
  }
  return out;
}

/** Maps a virtual-text offset to the index of the cell holding it. */
function cellLocator(notebook: Notebook, doc: TextDocument): (offset: number) => number {
  const starts = notebook.cells.filter((c) => c.kind === 'code').map((c) => ({ index: c.index, offset: doc.offsetAt({ line: c.virtualStartLine, column: 0 }) }));
  return (offset) => {
    let found = starts[0]?.index ?? 0;
    for (const s of starts) {
      if (s.offset <= offset) found = s.index;
      else break;
    }
    return found;
  };
}
