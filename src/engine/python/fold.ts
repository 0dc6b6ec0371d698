// Constant folding of Python path and string expressions, and the argument list of a call.
import type { Node } from 'web-tree-sitter';
import type { ImportTable } from './imports.js';

/** A folded string: `exact` is false when some part was unknown and stands as `*`. */
export interface FoldedString {
  readonly value: string;
  readonly exact: boolean;
}

/** The arguments of a call, by position and keyword. */
export interface CallArguments {
  readonly positional: readonly Node[];
  readonly keywords: ReadonlyMap<string, Node>;
  /** `*args` or `**kwargs` present: any keyword may be passed without being written. */
  readonly hasSplat: boolean;
}

export function callArguments(call: Node): CallArguments {
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  let hasSplat = false;
  const args = call.childForFieldName('arguments');
  if (args?.type === 'argument_list') {
    for (const arg of args.namedChildren) {
      if (!arg || arg.type === 'comment') continue;
      if (arg.type === 'keyword_argument') {
        const name = arg.childForFieldName('name');
        const value = arg.childForFieldName('value');
        if (name && value) keywords.set(name.text, value);
      } else if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') {
        hasSplat = true;
      } else {
        positional.push(arg);
      }
    }
  } else if (args) {
    // `f(x for x in y)`: a lone generator argument.
    positional.push(args);
  }
  return { positional, keywords, hasSplat };
}

interface Binding {
  readonly start: number;
  /** startIndex of the innermost enclosing function, or -1 at module level. */
  readonly scope: number;
  /** The assignment, or undefined for a binding whose value is unknown (a parameter, a loop target, `+=`). */
  readonly assignment?: Node;
}

/**
 * Simple `name = <expr>` bindings, for folding names to the value they last had. A use sees the last
 * assignment before it in its own function, else the last module-level one before it (or the only one, for
 * functions that read a constant defined further down). Notebooks reassign names from cell to cell, and
 * loops build URLs in local variables, so "last textual assignment" beats "assigned exactly once".
 */
export class Bindings {
  private readonly byName = new Map<string, Binding[]>();
  private readonly functions: readonly { start: number; end: number }[];

  constructor(text: string, nodes: { assignments: readonly Node[]; augmented: readonly Node[]; functions: readonly Node[]; loops: readonly Node[] }) {
    this.functions = nodes.functions.map((f) => ({ start: f.startIndex, end: f.endIndex }));
    const add = (name: string, start: number, scope: number, assignment?: Node): void => {
      const list = this.byName.get(name) ?? [];
      list.push({ start, scope, ...(assignment ? { assignment } : {}) });
      this.byName.set(name, list);
    };
    // Reading target names from the text avoids a WASM call per assignment.
    const target = /([A-Za-z_][A-Za-z0-9_]*)\s*(?::[^=\n]*)?=(?!=)/y;
    for (const a of nodes.assignments) {
      target.lastIndex = a.startIndex;
      const name = target.exec(text)?.[1];
      if (name !== undefined) add(name, a.startIndex, this.scopeOf(a.startIndex), a);
    }
    const augmented = /([A-Za-z_][A-Za-z0-9_]*)\s*[-+*/%@&|^<>]*=/y;
    for (const a of nodes.augmented) {
      augmented.lastIndex = a.startIndex;
      const name = augmented.exec(text)?.[1];
      if (name !== undefined) add(name, a.startIndex, this.scopeOf(a.startIndex));
    }
    for (const loop of nodes.loops) {
      const targets = /^(?:async\s+)?for\s+([\s\S]*?)\s+in\b/.exec(text.slice(loop.startIndex, loop.endIndex))?.[1] ?? '';
      for (const name of targets.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) add(name, loop.startIndex, this.scopeOf(loop.startIndex));
    }
    // Parameters bind at the function's start, in the function's own scope, so they hide module constants.
    for (const fn of nodes.functions) {
      for (const param of fn.childForFieldName('parameters')?.namedChildren ?? []) {
        const name = param?.type === 'identifier' ? param.text : /[A-Za-z_][A-Za-z0-9_]*/.exec(param?.text ?? '')?.[0];
        if (name !== undefined) add(name, fn.startIndex, fn.startIndex);
      }
    }
    for (const list of this.byName.values()) list.sort((a, b) => a.start - b.start);
  }

  /** The value expression `name` has at offset `at`, when a simple assignment gives it. */
  lookup(name: string, at: number): Node | undefined {
    const list = this.byName.get(name);
    if (!list) return undefined;
    const scope = this.scopeOf(at);
    const before = (s: number): Binding | undefined => list.filter((b) => b.scope === s && b.start < at).pop();
    const moduleLevel = list.filter((b) => b.scope === -1);
    const chosen = (scope === -1 ? undefined : before(scope)) ?? before(-1) ?? (moduleLevel.length === 1 && !list.some((b) => b.scope === scope) ? moduleLevel[0] : undefined);
    return chosen?.assignment?.childForFieldName('right') ?? undefined;
  }

  private scopeOf(offset: number): number {
    let scope = -1;
    for (const f of this.functions) if (f.start <= offset && offset < f.end) scope = f.start;
    return scope;
  }
}

/** What folding needs to know of the file. */
export interface FoldContext {
  readonly imports: ImportTable;
  readonly bindings: Bindings;
  /** Project-relative directory of the file, for `Path(__file__).parent`. */
  readonly fileDir: string;
}

const MAX_DEPTH = 8;
const PATH_CONSTRUCTORS = new Set(['pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath', 'pathlib.WindowsPath', 'pathlib.PurePosixPath']);

/** Folds an expression to a string if it is built from constants; undefined when nothing is known. */
export function foldString(node: Node, ctx: FoldContext, depth = 0): FoldedString | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (node.type) {
    case 'string':
      return foldStringLiteral(node, ctx, depth);
    case 'concatenated_string':
      return join(node.namedChildren.map((c) => (c ? foldString(c, ctx, depth + 1) : undefined)), '');
    case 'parenthesized_expression': {
      const inner = node.namedChildren[0];
      return inner ? foldString(inner, ctx, depth + 1) : undefined;
    }
    case 'identifier': {
      if (node.text === '__file__') return { value: ctx.fileDir === '' ? '__file__' : `${ctx.fileDir}/__file__`, exact: true };
      const value = ctx.bindings.lookup(node.text, node.startIndex);
      return value ? foldString(value, ctx, depth + 1) : undefined;
    }
    case 'binary_operator': {
      const op = node.childForFieldName('operator')?.text;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (!left || !right || (op !== '+' && op !== '/')) return undefined;
      const l = foldString(left, ctx, depth + 1);
      const r = foldString(right, ctx, depth + 1);
      if (!l || !r) return undefined;
      return op === '+' ? join([l, r], '') : joinPath([l, r]);
    }
    case 'call':
      return foldCall(node, ctx, depth);
    case 'attribute': {
      // `Path(__file__).parent` and `.resolve().parent`: the directory of the file.
      const attr = node.childForFieldName('attribute')?.text;
      const object = node.childForFieldName('object');
      if (attr === 'parent' && object) {
        const base = foldString(object, ctx, depth + 1);
        return base ? { value: dirOf(base.value), exact: base.exact } : undefined;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function foldCall(node: Node, ctx: FoldContext, depth: number): FoldedString | undefined {
  const fn = node.childForFieldName('function');
  if (!fn) return undefined;
  const args = callArguments(node);
  const name = ctx.imports.qualify(fn) ?? (fn.type === 'identifier' ? fn.text : undefined);
  const foldArgs = (): (FoldedString | undefined)[] => args.positional.map((a) => foldString(a, ctx, depth + 1));
  if (name === 'os.path.join' || (name !== undefined && PATH_CONSTRUCTORS.has(name))) {
    if (args.hasSplat || args.positional.length === 0) return undefined;
    return joinPath(foldArgs());
  }
  if (name === 'str' || name === 'os.fspath' || name === 'os.path.abspath' || name === 'os.path.normpath' || name === 'os.path.expanduser') {
    const first = args.positional[0];
    return first ? foldString(first, ctx, depth + 1) : undefined;
  }
  if (name === 'os.path.dirname') {
    const first = args.positional[0];
    const inner = first ? foldString(first, ctx, depth + 1) : undefined;
    return inner ? { value: dirOf(inner.value), exact: inner.exact } : undefined;
  }
  if (fn.type === 'attribute') {
    const method = fn.childForFieldName('attribute')?.text;
    const object = fn.childForFieldName('object');
    if (!object) return undefined;
    if (method === 'resolve' || method === 'absolute' || method === 'expanduser') return foldString(object, ctx, depth + 1);
    if (method === 'joinpath') {
      const base = foldString(object, ctx, depth + 1);
      return base ? joinPath([base, ...foldArgs()]) : undefined;
    }
    if (method === 'format' && object.type === 'string') {
      const base = foldString(object, ctx, depth + 1);
      if (!base) return undefined;
      let placeholders = 0;
      const value = base.value.replace(/\{\{|\}\}|\{[^{}]*\}/g, (m) => {
        if (m === '{{') return '{';
        if (m === '}}') return '}';
        placeholders++;
        return '*';
      });
      return { value, exact: base.exact && placeholders === 0 };
    }
  }
  return undefined;
}

function foldStringLiteral(node: Node, ctx: FoldContext, depth: number): FoldedString | undefined {
  const start = node.firstChild?.text ?? '';
  const prefix = /^[a-zA-Z]*/.exec(start)?.[0].toLowerCase() ?? '';
  if (prefix.includes('b')) return undefined;
  const raw = prefix.includes('r');
  // In f-strings `{{` and `}}` stand for single braces.
  const braces = prefix.includes('f') ? (t: string): string => t.replace(/\{\{/g, '{').replace(/\}\}/g, '}') : (t: string): string => t;
  let value = '';
  let exact = true;
  for (const part of node.namedChildren) {
    if (!part) continue;
    if (part.type === 'string_content') value += braces(raw ? part.text : unescape(part.text));
    else if (part.type === 'escape_sequence') value += raw ? part.text : unescape(part.text);
    else if (part.type === 'interpolation') {
      const expr = part.childForFieldName('expression');
      const folded = expr && !part.childForFieldName('format_specifier') ? foldString(expr, ctx, depth + 1) : undefined;
      if (folded) {
        value += folded.value;
        exact &&= folded.exact;
      } else {
        value += '*';
        exact = false;
      }
    }
  }
  return { value, exact };
}

function unescape(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[\\'"nrt0]|\n)/g, (_m, esc: string) => {
    switch (esc[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '0':
        return '\0';
      case '\n':
        return '';
      case 'x':
      case 'u':
        return String.fromCharCode(parseInt(esc.slice(1), 16));
      default:
        return esc;
    }
  });
}

function join(parts: readonly (FoldedString | undefined)[], sep: string): FoldedString | undefined {
  if (parts.some((p) => p === undefined)) return undefined;
  const known = parts as FoldedString[];
  return { value: known.map((p) => p.value).join(sep), exact: known.every((p) => p.exact) };
}

function joinPath(parts: readonly (FoldedString | undefined)[]): FoldedString | undefined {
  let value = '';
  let exact = true;
  for (const part of parts) {
    if (!part) return undefined;
    exact &&= part.exact;
    if (part.value.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(part.value) || value === '') value = part.value;
    else value = value.endsWith('/') ? value + part.value : `${value}/${part.value}`;
  }
  return { value, exact };
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? (path.startsWith('/') ? '/' : '.') : path.slice(0, slash);
}
