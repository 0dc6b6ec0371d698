// Where a Python name is bound and used, read from the tree: binding counts per scope, shadowing, parameters.
import type { Node } from 'web-tree-sitter';
import type { PythonAnalysis } from './analysis.js';

/** Identifiers that name rather than use: `x.name`, `f(name=...)`, parameters, definitions. */
export function isNameOnly(id: Node, parent: Node): boolean {
  if (parent.type === 'attribute') return parent.childForFieldName('attribute')?.id === id.id;
  if (parent.type === 'keyword_argument') return parent.childForFieldName('name')?.id === id.id;
  return parent.type === 'parameters' || parent.type === 'typed_parameter' || parent.type === 'default_parameter' || parent.type === 'function_definition' || parent.type === 'class_definition';
}

/** True when a function or lambda between the use and the scope takes a parameter of the same name. */
export function shadowed(id: Node, scope: Node, name: string): boolean {
  const pattern = new RegExp(`(^|[^\\w.])${name}\\b`);
  for (let p = id.parent; p && p.id !== scope.id; p = p.parent) {
    if ((p.type === 'function_definition' || p.type === 'lambda') && pattern.test(p.childForFieldName('parameters')?.text ?? '')) return true;
  }
  return false;
}

/** True inside the body of a `try:` of the same function (where a missing key may be the handled case). */
export function insideTry(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_definition') return false;
    if (p.type === 'block' && p.parent?.type === 'try_statement' && p.parent.childForFieldName('body')?.id === p.id) return true;
  }
  return false;
}

/**
 * How many times `name` is bound in a scope (assignments, loops, `with ... as`, `except ... as`, `global`, `del`,
 * walrus, imports, definitions), nested functions included: erring towards "bound more than once" keeps rules quiet.
 */
export function countBindings(py: PythonAnalysis, scope: Node, name: string): number {
  const inside = (n: Node): boolean => n.startIndex >= scope.startIndex && n.endIndex <= scope.endIndex;
  const binds = (target: Node | null): boolean => target !== null && (target.type === 'identifier' ? target.text === name : /^(pattern_list|tuple_pattern|list_pattern|tuple|list)$/.test(target.type) && new RegExp(`(^|[^\\w.])${name}\\b(?!\\s*[.[(])`).test(target.text));
  let count = 0;
  for (const type of ['assignment', 'augmented_assignment', 'for_statement']) {
    for (const n of py.parsed.nodes(type)) if (inside(n) && binds(n.childForFieldName('left'))) count++;
  }
  const text = py.text.slice(scope.startIndex, scope.endIndex);
  const other = new RegExp(`\\bas[ \\t]+${name}\\b|\\b(?:global|nonlocal)\\b[^\\n]*\\b${name}\\b|\\bdel[ \\t]+${name}\\b(?![ \\t]*[.[])|\\b${name}[ \\t]*:=|\\b(?:def|class)[ \\t]+${name}\\b|\\bimport\\b[^\\n]*\\b${name}\\b`, 'g');
  return count + (text.match(other)?.length ?? 0);
}

/** The parameter a positional index or keyword lands on, when it is a plain named parameter. */
export function parameterAt(fn: Node, position: number | string): string | undefined {
  const params = fn.childForFieldName('parameters')?.namedChildren.filter((c): c is Node => c !== null) ?? [];
  const names = params.map((p) => (p.type === 'identifier' ? p.text : p.type === 'typed_parameter' || p.type === 'default_parameter' || p.type === 'typed_default_parameter' ? (p.childForFieldName('name') ?? p.namedChildren[0])?.text : undefined));
  if (typeof position === 'string') return names.includes(position) ? position : undefined;
  return position >= 0 ? names[position] : undefined;
}

/** The source text between two children of a node (an operator). */
export function between(parent: Node, left: Node, right: Node): string {
  return parent.text.slice(left.endIndex - parent.startIndex, right.startIndex - parent.startIndex).trim();
}

/** A plain string literal's text without its quotes. */
export function unquote(text: string): string {
  return text.replace(/^[rRuU]?(['"]{1,3})([\s\S]*)\1$/, '$2');
}
