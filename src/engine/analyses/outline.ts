// The outline of a Python module: its module-level classes and functions, and the tests pytest and unittest would collect.
import type { Node } from 'web-tree-sitter';
import type { PythonAnalysis } from '../python/analysis.js';
import type { Range } from '../types.js';

/** A module-level class or function. */
export interface Definition {
  readonly name: string;
  readonly kind: 'class' | 'function';
  /** Base classes qualified through the imports (`torch.nn.Module`), else as written (`Base`, `.base.Model`). */
  readonly bases: readonly string[];
  /** Names of the methods defined directly in a class body. */
  readonly methods: readonly string[];
  /** The defined name, in the coordinates of the file's Python text. */
  readonly range: Range;
  /** Offsets of the whole definition in the Python text, for the analyses that look inside it. */
  readonly start: number;
  readonly end: number;
}

export interface ModuleOutline {
  /** Module-level definitions in document order; those inside `if`/`try` at module level count too. */
  readonly definitions: readonly Definition[];
  /** Test functions and test methods as pytest and unittest collect them by default. */
  readonly testFunctions: number;
}

interface Scope {
  readonly node: Node;
  readonly kind: 'class' | 'function';
  readonly name: string;
  readonly end: number;
  readonly parent: Scope | undefined;
  readonly methods: string[];
  readonly bases: readonly string[];
}

const DEF_NAME = /(?:async\s+)?def\s+([A-Za-z_][A-Za-z0-9_]*)/y;
const CLASS_NAME = /class\s+([A-Za-z_][A-Za-z0-9_]*)/y;

/**
 * The module's outline. Classes and functions come from the one eager node walk; nesting is decided by
 * offsets (nodes arrive in pre-order), so no node's parent is asked for.
 */
export function moduleOutline(py: PythonAnalysis): ModuleOutline {
  const nodes = [...py.parsed.nodes('class_definition'), ...py.parsed.nodes('function_definition')].sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  const definitions: Definition[] = [];
  const scopes: Scope[] = [];
  let open: Scope | undefined;
  for (const node of nodes) {
    while (open && node.startIndex >= open.end) open = open.parent;
    const kind = node.type === 'class_definition' ? 'class' : 'function';
    const pattern = kind === 'class' ? CLASS_NAME : DEF_NAME;
    pattern.lastIndex = node.startIndex;
    const match = pattern.exec(py.text);
    const name = match?.[1];
    if (name === undefined) continue;
    const bases = kind === 'class' ? classBases(node, py) : [];
    const scope: Scope = { node, kind, name, end: node.endIndex, parent: open, methods: [], bases };
    if (open?.kind === 'class' && kind === 'function') open.methods.push(name);
    scopes.push(scope);
    if (!open) {
      const column = node.startPosition.column + (match?.[0].length ?? 0) - name.length;
      definitions.push({
        name,
        kind,
        bases,
        methods: scope.methods,
        range: { start: { line: node.startPosition.row, column }, end: { line: node.startPosition.row, column: column + name.length } },
        start: node.startIndex,
        end: node.endIndex,
      });
    }
    open = scope;
  }
  let testFunctions = 0;
  for (const scope of scopes) {
    if (scope.kind !== 'function' || !/^test/.test(scope.name)) continue;
    const owner = scope.parent;
    if (!owner) testFunctions++;
    else if (owner.kind === 'class' && !owner.parent && isTestClass(owner)) testFunctions++;
  }
  return { definitions, testFunctions };
}

/** pytest collects `Test*` classes without `__init__`; unittest collects TestCase subclasses (a project's own base counts). */
function isTestClass(scope: Scope): boolean {
  if (scope.bases.some((b) => /TestCase$|(^|\.)TestCase\b/.test(b))) return true;
  return /^Test/.test(scope.name) && !scope.methods.includes('__init__');
}

function classBases(node: Node, py: PythonAnalysis): string[] {
  const list = node.childForFieldName('superclasses');
  if (!list) return [];
  const out: string[] = [];
  for (const arg of list.namedChildren) {
    if (!arg || arg.type === 'keyword_argument' || arg.type === 'comment') continue;
    // `Generic[T]` and `nn.Module` alike: the subscript's value is the base.
    const text = (arg.type === 'subscript' ? (arg.childForFieldName('value')?.text ?? arg.text) : arg.text).replace(/\s+/g, '');
    out.push(py.imports.qualifyText(text) ?? text);
  }
  return out;
}

/** The module-level definition that contains an offset (a call inside a function), if any. */
export function definitionAt(outline: ModuleOutline, offset: number): Definition | undefined {
  return outline.definitions.find((d) => d.start <= offset && offset < d.end);
}
