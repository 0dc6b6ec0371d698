// Branches that cannot run: constant tests (`if False:`, `while 0:`, the `else` of `if True:`) and tests of module-level boolean flags.
import type { Node } from 'web-tree-sitter';
import type { PythonAnalysis } from '../python/analysis.js';
import type { Range } from '../types.js';

/** Code that never runs, with the line that decides it and, where deleting it is a plain line edit, that edit's range. */
export interface DeadCode {
  /** The dead code: a clause from its keyword to the end of its block. */
  readonly range: Range;
  /** Whole lines to delete to remove the dead code, when removing them leaves valid Python. */
  readonly deleteRange?: Range;
}

/** A branch on a literal constant. */
export interface ConstantBranch extends DeadCode {
  /** The test as written: `False`, `0`, `not True`. */
  readonly test: string;
  readonly keyword: 'if' | 'elif' | 'while';
  /** True when the test is always true and the dead code is the clauses after it. */
  readonly alwaysTrue: boolean;
  /** Position-free place: `train.fit` or `<module>`. */
  readonly scope: string;
}

/** A module-level `NAME = True|False` that the file binds nowhere else. */
export interface FlagDefinition {
  readonly name: string;
  readonly value: boolean;
  readonly range: Range;
}

/** An `if`/`elif` that tests a name (`if USE_X:`, `if not cfg.DEBUG:`). */
export interface FlagTest {
  /** The tested name as written (`USE_X`, `cfg.DEBUG`). */
  readonly name: string;
  /** Qualified through the imports (`constants.USE_X`, `.flags.DEBUG`) when the name was imported. */
  readonly qualified?: string;
  /** True when the module-level flag of this file is the binding the test sees. */
  readonly local: boolean;
  /** True when the test is true exactly when the name is false (`not X`, `X == False`, `X is not True`). */
  readonly negated: boolean;
  /** The test as written, spaces normalised: `not USE_X`, `use_all == True`. */
  readonly test: string;
  readonly keyword: 'if' | 'elif';
  readonly scope: string;
  /** Dead when the test is false: the tested clause. */
  readonly whenFalse: DeadCode;
  /** Dead when the test is true: the clauses after it, if any. */
  readonly whenTrue?: DeadCode;
}

export interface BranchAnalysis {
  readonly constants: readonly ConstantBranch[];
  readonly flags: readonly FlagDefinition[];
  readonly tests: readonly FlagTest[];
  /** Attribute names this file assigns on other objects or patches by name (`mod.DEBUG = True`, `setattr(m, "DEBUG", ...)`). */
  readonly rebinds: readonly string[];
  /** The file rewrites module globals wholesale (`exec`, `globals()`, `vars()`, `__dict__`): any flag of it may change. */
  readonly dynamic: boolean;
}

const TRUE_TESTS = new Set(['True', '1', 'not False', 'not 0', 'not None']);
const FALSE_TESTS = new Set(['False', '0', 'None', 'not True', 'not 1']);
const CONSTANT_HEAD = /(if|elif|while)[ \t]+(not[ \t]+)?(True|False|None|0|1)[ \t]*:/y;
/** `if X:`, `if not X:`, and the comparisons with a boolean that scripts write (`if X == True:`, `if X is False:`). */
const NAME_HEAD = /(if|elif)[ \t]+(not[ \t]+)?([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)[ \t]*(?:(==|!=|is[ \t]+not|is)[ \t]*(True|False)[ \t]*)?:/y;
const FLAG = /^([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?::[ \t]*bool[ \t]*)?=[ \t]*(True|False)[ \t]*(?:#.*)?$/gm;
const SKIPPED_NAMES = new Set(['True', 'False', 'None', 'TYPE_CHECKING', 'typing.TYPE_CHECKING', '__debug__']);
const DYNAMIC = /\bexec\s*\(|\bglobals\s*\(\s*\)|\bvars\s*\(\s*\)|__dict__|\bimportlib\.reload\b/;

/** Finds constant branches, boolean flags and the tests of names in a module. */
export function analyseBranches(py: PythonAnalysis): BranchAnalysis {
  const text = py.text;
  const constants: ConstantBranch[] = [];
  const tests: FlagTest[] = [];
  const flags = moduleFlags(text);
  const flagNames = new Set(flags.map((f) => f.name));
  // Only heads that test a constant or a name that can be a flag are looked at through the tree: most `if`s are neither.
  const interesting = (at: number): boolean => {
    CONSTANT_HEAD.lastIndex = at;
    if (CONSTANT_HEAD.test(text)) return true;
    NAME_HEAD.lastIndex = at;
    const name = NAME_HEAD.exec(text)?.[3];
    return name !== undefined && !SKIPPED_NAMES.has(name) && (flagNames.has(name) || py.imports.qualifyText(name) !== undefined);
  };
  const elifs = [...text.matchAll(/^[ \t]*elif\b/gm)].map((m) => m.index + (m[0].length - m[0].trimStart().length)).filter(interesting);
  for (const node of py.parsed.nodes('if_statement')) {
    if (!interesting(node.startIndex) && !elifs.some((at) => at > node.startIndex && at < node.endIndex)) continue;
    const clauses = [node, ...node.childrenForFieldName('alternative').filter((c): c is Node => c !== null)];
    clauses.forEach((clause, i) => {
      if (clause.type === 'else_clause' || !interesting(clause.startIndex)) return;
      const outcomes = clauseOutcomes(text, node, i);
      if (!outcomes) return;
      const { keyword, scope, whenFalse: tested, whenTrue: after } = outcomes;
      CONSTANT_HEAD.lastIndex = clause.startIndex;
      const constant = CONSTANT_HEAD.exec(text);
      if (constant) {
        const test = `${constant[2] ? 'not ' : ''}${constant[3] ?? ''}`;
        if (FALSE_TESTS.has(test)) constants.push({ test, keyword, alwaysTrue: false, scope, ...tested });
        else if (TRUE_TESTS.has(test) && after) constants.push({ test, keyword, alwaysTrue: true, scope, ...after });
        return;
      }
      NAME_HEAD.lastIndex = clause.startIndex;
      const named = NAME_HEAD.exec(text);
      const name = named?.[3];
      if (!named || name === undefined) return;
      const local = !name.includes('.') && flagNames.has(name) && seesModuleFlag(py, name, clause.startIndex);
      // An imported flag the file rebinds itself (`from config import DEBUG` then `DEBUG = True`) is not the imported value.
      const qualified = local || (!name.includes('.') && bindingCount(text, name, false) > 0) ? undefined : py.imports.qualifyText(name);
      if (!local && qualified === undefined) return;
      // `not X == True` parses as `not (X == True)`: each negation flips the test.
      const flips = [named[2] !== undefined, named[4] !== undefined && (named[4] === '!=' || (named[4].startsWith('is') && named[4] !== 'is')), named[5] === 'False'].filter(Boolean).length;
      tests.push({ name, ...(qualified === undefined ? {} : { qualified }), local, negated: flips % 2 === 1, test: named[0].replace(/^(if|elif)[ \t]+/, '').replace(/[ \t]*:$/, '').replace(/[ \t]+/g, ' '), keyword, scope, whenFalse: tested, ...(after ? { whenTrue: after } : {}) });
    });
  }
  for (const m of text.matchAll(/^[ \t]*while[ \t]+(?:False|0|None|not[ \t]+True)[ \t]*:/gm)) {
    const at = m.index + (m[0].length - m[0].trimStart().length);
    const loop = climb(py.parsed.root.descendantForIndex(at), 'while_statement', at);
    const body = loop?.childForFieldName('body');
    if (!loop || !body || intentional(text, at, body.endIndex)) continue;
    CONSTANT_HEAD.lastIndex = at;
    const head = CONSTANT_HEAD.exec(text);
    const test = `${head?.[2] ? 'not ' : ''}${head?.[3] ?? ''}`;
    // `while False: A else: B` runs B: the loop's head and body are dead, but no line edit removes them alone.
    const dead = loop.childForFieldName('alternative') ? { range: rangeOf(text, at, body.endIndex) } : deadCode(text, at, body.endIndex, loop, true);
    constants.push({ test, keyword: 'while', alwaysTrue: false, scope: scopeOf(loop, text), ...dead });
  }
  constants.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
  return { constants, flags, tests, rebinds: rebinds(text), dynamic: DYNAMIC.test(text) };
}

/** What the test of one clause of an `if` statement decides. */
export interface ClauseOutcomes {
  readonly keyword: 'if' | 'elif';
  /** Position-free place: `train.fit` or `<module>`. */
  readonly scope: string;
  /** Dead when the test is false: the tested clause. */
  readonly whenFalse: DeadCode;
  /** Dead when the test is true: the clauses after it, if any. */
  readonly whenTrue?: DeadCode;
}

/**
 * The code that cannot run when the test of clause `index` of an `if_statement` (0: the `if`, then each `elif`) is
 * always false or always true; undefined for an `else` clause and for the idioms that are dead on purpose.
 */
export function clauseOutcomes(text: string, node: Node, index: number): ClauseOutcomes | undefined {
  const clauses = [node, ...node.childrenForFieldName('alternative').filter((c): c is Node => c !== null)];
  const clause = clauses[index];
  if (!clause || clause.type === 'else_clause') return undefined;
  const later = clauses.slice(index + 1);
  const body = index === 0 ? node.childForFieldName('consequence') : clause.childForFieldName('consequence');
  if (!body || intentional(text, clause.startIndex, body.endIndex)) return undefined;
  // `if X: A else: B` keeps B when X is false: only the head and A are dead, and no line edit removes them alone.
  const whenFalse = index === 0 && later.length > 0 ? { range: rangeOf(text, clause.startIndex, body.endIndex) } : deadCode(text, clause.startIndex, body.endIndex, node, index === 0);
  const whenTrue = later[0] ? deadCode(text, later[0].startIndex, node.endIndex, node, false) : undefined;
  return { keyword: index === 0 ? 'if' : 'elif', scope: scopeOf(node, text), whenFalse, ...(whenTrue ? { whenTrue } : {}) };
}

/** Module-level boolean flags the module binds exactly once. */
function moduleFlags(text: string): FlagDefinition[] {
  const out: FlagDefinition[] = [];
  for (const m of text.matchAll(FLAG)) {
    const name = m[1] ?? '';
    // Any other binding of the name keeps it from being a constant.
    if (bindingCount(text, name) !== 1) continue;
    const line = lineOf(text, m.index);
    out.push({ name, value: m[2] === 'True', range: { start: { line, column: 0 }, end: { line, column: name.length } } });
  }
  return out;
}

/** Bindings of a name anywhere in a text: assignments, `def`, `class`, imports, tuple and loop targets, `as`, `global`, walrus; keyword arguments count too, erring towards quiet. */
function bindingCount(text: string, name: string, imports = true): number {
  const imported = imports ? `|\\bimport\\b[^\\n]*\\b${name}\\b` : '';
  const pattern = new RegExp(`\\b(?:def|class)[ \\t]+${name}\\b${imported}|\\b${name}\\b[ \\t]*(?::[^=\\n]*)?(?:[-+*/%@&|^]|<<|>>|\\*\\*|//)?=(?!=)|\\b${name}\\b[ \\t]*,[^\\n=]*=(?!=)|\\bas[ \\t]+${name}\\b|\\bglobal\\b[^\\n]*\\b${name}\\b|\\b${name}[ \\t]*:=|\\bfor\\b[^\\n]*\\b${name}\\b[^\\n]*\\bin\\b`, 'g');
  return text.match(pattern)?.length ?? 0;
}

/** True when the binding a test sees at `at` is the module-level flag (no parameter or local of the same name hides it). */
function seesModuleFlag(py: PythonAnalysis, name: string, at: number): boolean {
  const value = py.bindings.lookup(name, at);
  return value !== undefined && (value.text === 'True' || value.text === 'False') && value.startPosition.column > 0 && isModuleLevel(py.text, value.startIndex);
}

function isModuleLevel(text: string, offset: number): boolean {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return !/^[ \t]/.test(text.slice(start, start + 1));
}

/** Dead code that is part of the idioms: `if False: yield` makes a generator, `if False: import x` feeds type checkers and bundlers. */
function intentional(text: string, start: number, end: number): boolean {
  const body = text.slice(start, end);
  if (/\byield\b/.test(body)) return true;
  const statements = body.split('\n').slice(1).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const inline = /:\s*(.+)$/.exec(body.split('\n')[0] ?? '')?.[1]?.trim();
  const all = inline !== undefined && inline !== '' && !inline.startsWith('#') ? [inline, ...statements] : statements;
  return all.length > 0 && all.every((l) => /^(import|from)\s/.test(l) || l === 'pass' || l === '...');
}

/** The dead code from `start` to `end`; a deletion range only when whole lines go and the enclosing block keeps a statement. */
function deadCode(text: string, start: number, end: number, statement: Node, wholeStatement: boolean): DeadCode {
  const range = rangeOf(text, start, end);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const rest = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
  if (text.slice(lineStart, start).trim() !== '' || !/^\s*(#.*)?$/.test(rest)) return { range };
  if (wholeStatement) {
    const siblings = statement.parent?.namedChildren.filter((c) => c !== null && c.type !== 'comment').length ?? 0;
    if (siblings < 2) return { range };
  }
  const deleteEnd = lineEnd === -1 ? text.length : lineEnd + 1;
  return { range, deleteRange: rangeOf(text, lineStart, deleteEnd) };
}

/** Names other files' flags may be rebound by: attribute assignments and string arguments of setattr/patch calls. */
function rebinds(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\.([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?:[-+*/|&^]?=)(?!=)/g)) if (m[1]) out.add(m[1]);
  for (const m of text.matchAll(/\b(?:setattr|patch(?:\.object)?|setitem|delattr)\s*\(([^)]*)/g)) {
    for (const s of (m[1] ?? '').matchAll(/['"]([\w.]+)['"]/g)) out.add((s[1] ?? '').split('.').pop() ?? '');
  }
  out.delete('');
  return [...out].sort();
}

function scopeOf(node: Node, text: string): string {
  const names: string[] = [];
  for (let p = node.parent; p; p = p.parent) {
    if (p.type !== 'function_definition' && p.type !== 'class_definition') continue;
    const m = /^(?:async\s+)?(?:def|class)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(p.startIndex, p.startIndex + 200));
    if (m?.[1]) names.unshift(m[1]);
  }
  return names.length === 0 ? '<module>' : names.join('.');
}

function climb(node: Node | null, type: string, at: number): Node | undefined {
  for (let p: Node | null = node; p; p = p.parent) if (p.type === type && p.startIndex === at) return p;
  return undefined;
}

function rangeOf(text: string, start: number, end: number): Range {
  const s = lineOf(text, start);
  const e = lineOf(text, end);
  return { start: { line: s, column: start - (text.lastIndexOf('\n', start - 1) + 1) }, end: { line: e, column: end - (text.lastIndexOf('\n', end - 1) + 1) } };
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
