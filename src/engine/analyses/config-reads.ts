// What a file reads from the configs it loads: key paths read without a default, guards, writes, hand-offs and `if` tests of flags.
import type { Node } from 'web-tree-sitter';
import { nodeRange } from '../parsers/python.js';
import type { PythonAnalysis } from '../python/analysis.js';
import type { Range } from '../types.js';
import { configBindings, LOADS_CONFIG, scopeOf, stringContent, stringKey, type ConfigBinding, type ConfigLoader } from './config-sources.js';
import { clauseOutcomes, type DeadCode } from './dead-branches.js';
import { between, countBindings, insideTry, isNameOnly, parameterAt, shadowed, unquote } from '../python/names.js';

/** A config object the file loads, and what the code does to it besides reading. */
export interface ConfigSource {
  readonly loader: ConfigLoader;
  /** Candidate files, project-relative, most likely first (see ConfigBinding). */
  readonly files: readonly string[];
  /** The path is this command-line option's default: another file may be passed. */
  readonly option?: string;
  /** The name the code holds it in. */
  readonly variable: string;
  readonly range: Range;
  /** Key paths under which code writes, deletes, merges or unlocks (`[]`: the whole object). */
  readonly written: readonly (readonly string[])[];
  /** Key paths of objects handed to code the file does not show (another module, a constructor): it may add keys. */
  readonly escaped: readonly (readonly string[])[];
  /** Key names the code checks before reading (`"k" in cfg`, `hasattr`, `.get("k")`, `OmegaConf.select`). */
  readonly guarded: readonly string[];
}

/** A key path read without a default: `cfg["train"]["lr"]`, `cfg.model.depth`, `getattr(cfg, "seed")`. */
export interface ConfigKeyRead {
  readonly source: number;
  /** The full path from the loaded file's root. */
  readonly path: readonly string[];
  /** Index of the first key this expression reads; keys before it were read where the object was bound (`train = cfg["train"]`). */
  readonly from: number;
  /** The key names as written (string contents, attribute names), one per key from `from` on. */
  readonly keys: readonly Range[];
  /** Per key from `from` on: written as an attribute (`cfg.lr`), else as a string. */
  readonly attribute: readonly boolean[];
  /** The function the read is in, when the object reached it as an argument from this file (`make_estimator(cfg)`). */
  readonly via?: string;
}

/** An `if`/`elif` whose test is a config value (`if cfg.use_aug:`, `if not params["debug"]:`, `if cfg.get("amp", False):`). */
export interface ConfigFlagTest {
  readonly source: number;
  readonly path: readonly string[];
  /** For `.get(key, default)`: the value when no config defines the key (`null` for `.get(key)`). */
  readonly fallback?: boolean | null;
  readonly negated: boolean;
  /** The test as written, spaces normalised. */
  readonly test: string;
  readonly keyword: 'if' | 'elif';
  readonly scope: string;
  readonly whenFalse: DeadCode;
  readonly whenTrue?: DeadCode;
  readonly via?: string;
}

export interface ConfigReads {
  readonly sources: readonly ConfigSource[];
  readonly reads: readonly ConfigKeyRead[];
  readonly tests: readonly ConfigFlagTest[];
}

interface MutableSource extends ConfigSource {
  readonly written: string[][];
  readonly escaped: string[][];
  readonly guarded: string[];
}

/** Calls that only read the objects they are given. */
const READ_ONLY = new Set([
  'print', 'len', 'str', 'repr', 'bool', 'int', 'float', 'list', 'tuple', 'dict', 'set', 'sorted', 'isinstance', 'type', 'id', 'hash',
  'iter', 'enumerate', 'zip', 'any', 'all', 'sum', 'min', 'max', 'range', 'json.dump', 'json.dumps', 'yaml.dump', 'yaml.safe_dump',
  'pprint.pprint', 'pprint.pformat', 'copy.copy', 'copy.deepcopy', 'hydra.utils.instantiate', 'hydra.utils.call', 'hydra.utils.get_class',
  'hydra.utils.get_method', 'os.path.join', 'pathlib.Path', 'open',
]);
const LOG_METHODS = new Set(['info', 'debug', 'warning', 'warn', 'error', 'exception', 'critical', 'log', 'print', 'write', 'format']);
const WRITING_METHODS = new Set(['update', 'clear', 'popitem', 'merge_with', '__setitem__', '__delitem__', '__setattr__']);
const UNLOCKING = /^omegaconf\.(OmegaConf\.(update|set_struct|unsafe_merge|set_readonly)|open_dict|read_write|flag_override)$/;
const MAX_FOLLOW = 2;

/** The config reads of a file; undefined when it loads no config (most files). */
export function configReads(py: PythonAnalysis, fileDir: string): ConfigReads | undefined {
  if (!LOADS_CONFIG.test(py.text)) return undefined;
  const bindings = configBindings(py, fileDir);
  if (bindings.length === 0) return undefined;
  const walker = new Walker(py);
  for (const b of bindings) walker.source(b);
  return walker.result();
}

class Walker {
  private readonly sources: MutableSource[] = [];
  private readonly reads: ConfigKeyRead[] = [];
  private readonly tests: ConfigFlagTest[] = [];
  private readonly functions = new Map<string, Node>();
  private readonly followed = new Set<string>();
  private identifiers?: readonly Node[];

  constructor(private readonly py: PythonAnalysis) {
    for (const fn of py.parsed.nodes('function_definition')) {
      const host = fn.parent?.type === 'decorated_definition' ? fn.parent.parent : fn.parent;
      const name = fn.childForFieldName('name')?.text;
      if (host?.type === 'module' && name !== undefined) this.functions.set(name, fn);
    }
  }

  result(): ConfigReads {
    return { sources: this.sources, reads: this.reads, tests: this.tests };
  }

  source(b: ConfigBinding): void {
    const index = this.sources.length;
    this.sources.push({ loader: b.loader, files: b.files, ...(b.option === undefined ? {} : { option: b.option }), variable: b.name, range: nodeRange(b.load), written: [], escaped: [], guarded: [] });
    const src = this.sources[index];
    if (!src) return;
    if (b.base.length > 0) this.reads.push({ source: index, path: b.base.map((k) => k.key), from: 0, keys: b.base.map((k) => nodeRange(k.node)), attribute: b.base.map(() => false) });
    // A name bound twice may hold something else where it is read.
    if (countBindings(this.py, b.scope, b.name) !== (b.loader === 'hydra' ? 0 : 1)) {
      src.written.push([]);
      return;
    }
    this.uses(src, index, b.name, b.scope, b.at, b.base.map((k) => k.key), undefined, 0);
  }

  /** Every read of `name` in `scope` after `at`, holding the object at key path `base`. */
  private uses(src: MutableSource, index: number, name: string, scope: Node, at: number, base: readonly string[], via: string | undefined, depth: number): void {
    this.identifiers ??= this.py.parsed.nodes('identifier');
    for (const id of this.identifiers) {
      if (id.text !== name || id.startIndex < at || id.startIndex < scope.startIndex || id.endIndex > scope.endIndex) continue;
      const parent = id.parent;
      if (!parent || isNameOnly(id, parent) || shadowed(id, scope, name)) continue;
      this.chain(src, index, id, base, via, depth);
    }
  }

  /** Follows `obj.a["b"].c` from a use of the object, then judges what the expression is used for. */
  private chain(src: MutableSource, index: number, start: Node, base: readonly string[], via: string | undefined, depth: number): void {
    const attributes = src.loader === 'omegaconf' || src.loader === 'hydra';
    const path = [...base];
    const keys: Range[] = [];
    const attribute: boolean[] = [];
    let cur = start;
    for (;;) {
      const p = cur.parent;
      if (p?.type === 'attribute' && p.childForFieldName('object')?.id === cur.id) {
        const attr = p.childForFieldName('attribute');
        if (!attr) return;
        const call = p.parent;
        if (call?.type === 'call' && call.childForFieldName('function')?.id === p.id) {
          this.method(src, index, attr.text, call, path, { keys, attribute, base: base.length, via });
          return;
        }
        if (!attributes || attr.text.startsWith('_')) return;
        path.push(attr.text);
        keys.push(nodeRange(attr));
        attribute.push(true);
        cur = p;
        continue;
      }
      if (p?.type === 'subscript' && p.childForFieldName('value')?.id === cur.id) {
        const key = stringKey(p);
        if (!key) break;
        path.push(key.key);
        keys.push(nodeRange(key.node));
        attribute.push(false);
        cur = p;
        continue;
      }
      break;
    }
    const read = (): void => {
      this.read(index, path, base.length, keys, attribute, via, cur);
    };
    // `if cfg:` tests the object, not a key.
    const flag = (node: Node): void => {
      if (path.length > base.length) this.flag(index, node, path, undefined, via);
    };
    let top = cur;
    while (top.parent?.type === 'parenthesized_expression') top = top.parent;
    const parent = top.parent;
    if (!parent) return;
    const role = (field: string): boolean => parent.childForFieldName(field)?.id === top.id;
    switch (parent.type) {
      case 'assignment':
      case 'augmented_assignment':
        if (role('left')) {
          src.written.push(path);
          return;
        }
        read();
        if (role('right') && parent.type === 'assignment') this.alias(src, index, parent, path, via, depth);
        return;
      case 'delete_statement':
      case 'expression_list':
        if (parent.parent?.type === 'delete_statement' || parent.type === 'delete_statement') src.written.push(path);
        else read();
        return;
      case 'keyword_argument':
        read();
        if (role('value')) this.argument(src, index, parent.parent?.parent, parent.childForFieldName('name')?.text ?? '', top, path, via, depth);
        return;
      case 'argument_list':
        read();
        this.argument(src, index, parent.parent, parent.namedChildren.filter((c) => c?.type !== 'keyword_argument').findIndex((c) => c?.id === top.id), top, path, via, depth);
        return;
      case 'comparison_operator': {
        const operands = parent.namedChildren;
        const left = operands[0];
        if (operands.length === 2 && operands[1]?.id === top.id && left?.type === 'string' && /\bin\b/.test(between(parent, left, top))) src.guarded.push(unquote(left.text));
        flag(top);
        read();
        return;
      }
      case 'list':
      case 'tuple':
      case 'set':
      case 'pair':
        src.escaped.push(path);
        read();
        return;
      default:
        flag(top);
        read();
    }
  }

  /** `train = cfg["train"]`: the new name holds the sub-object; any other target (`self.cfg = cfg`) hands it on. */
  private alias(src: MutableSource, index: number, assignment: Node, path: string[], via: string | undefined, depth: number): void {
    const left = assignment.childForFieldName('left');
    const scope = scopeOf(assignment, this.py);
    if (left?.type === 'identifier' && depth <= MAX_FOLLOW && countBindings(this.py, scope, left.text) === 1) this.uses(src, index, left.text, scope, assignment.endIndex, path, via, depth + 1);
    else src.escaped.push(path);
  }

  private read(index: number, path: readonly string[], from: number, keys: readonly Range[], attribute: readonly boolean[], via: string | undefined, node: Node): void {
    // A read inside `try:` may be the code's way of handling a missing key.
    if (path.length <= from || insideTry(node)) return;
    this.reads.push({ source: index, path, from, keys, attribute, ...(via === undefined ? {} : { via }) });
  }

  /** `obj.get("k", d)`, `obj.pop(...)`, `obj.update(...)`, `obj.items()`. */
  private method(src: MutableSource, index: number, name: string, call: Node, path: readonly string[], at: { keys: readonly Range[]; attribute: readonly boolean[]; base: number; via: string | undefined }): void {
    const args = call.childForFieldName('arguments')?.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment') ?? [];
    const key = args[0]?.type === 'string' ? unquote(args[0].text) : undefined;
    if (name === 'get' && key !== undefined) {
      src.guarded.push(key);
      const fallback = args.length === 1 ? null : args[1]?.text === 'True' ? true : args[1]?.text === 'False' ? false : args[1]?.text === 'None' ? null : undefined;
      if (fallback !== undefined && args.length <= 2) this.flag(index, call, [...path, key], fallback, at.via);
    } else if (name === 'pop' || name === 'setdefault') src.written.push(key === undefined ? [...path] : [...path, key]);
    else if (WRITING_METHODS.has(name)) src.written.push([...path]);
    this.read(index, path, at.base, at.keys, at.attribute, at.via, call);
  }

  /** The object is an argument of a call: read-only helpers, config APIs, functions of this file (followed), or code that may change it. */
  private argument(src: MutableSource, index: number, call: Node | null | undefined, position: number | string, node: Node, path: string[], via: string | undefined, depth: number): void {
    const fn = call?.type === 'call' ? call.childForFieldName('function') : undefined;
    if (!call || !fn) return void src.escaped.push(path);
    const text = fn.text.replace(/\s+/g, '');
    const qualified = this.py.imports.qualifyText(text) ?? text;
    const args = call.childForFieldName('arguments')?.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment' && c.type !== 'keyword_argument') ?? [];
    const key = args[1]?.type === 'string' ? unquote(args[1].text) : undefined;
    if ((text === 'getattr' || text === 'hasattr') && position === 0 && key !== undefined) {
      if (text === 'hasattr' || args.length > 2) src.guarded.push(key);
      else if (src.loader === 'omegaconf' || src.loader === 'hydra') {
        const content = stringContent(args[1]);
        if (content) this.read(index, [...path, content.text], path.length, [nodeRange(content)], [false], via, call);
      }
      return;
    }
    if (text === 'setattr' || text === 'delattr') return void src.written.push(key === undefined ? path : [...path, key]);
    if (qualified === 'omegaconf.OmegaConf.select') {
      if (key !== undefined) src.guarded.push(...key.split('.'));
      return;
    }
    if (UNLOCKING.test(qualified)) return void src.written.push(path);
    if (qualified.startsWith('omegaconf.') || READ_ONLY.has(qualified) || (fn.type === 'attribute' && LOG_METHODS.has(fn.childForFieldName('attribute')?.text ?? ''))) return;
    const target = fn.type === 'identifier' && this.py.imports.resolveName(text) === undefined ? this.functions.get(text) : undefined;
    const param = target ? parameterAt(target, position) : undefined;
    if (!target || param === undefined || depth >= MAX_FOLLOW || !this.sameArgumentEverywhere(text, position, node.text)) return void src.escaped.push(path);
    const body = target.childForFieldName('body');
    const visit = `${target.startIndex}:${param}`;
    if (!body || this.followed.has(visit) || countBindings(this.py, target, param) !== 0) {
      if (!this.followed.has(visit)) src.escaped.push(path);
      return;
    }
    this.followed.add(visit);
    this.uses(src, index, param, target, body.startIndex, path, via ?? text, depth + 1);
  }

  /** True when every call of the file's function `name` passes the same expression at `position`. */
  private sameArgumentEverywhere(name: string, position: number | string, text: string): boolean {
    const calls = this.py.calls.filter((c) => !c.isMethod && c.shortName === name);
    return calls.length > 0 && calls.every((c) => (typeof position === 'number' ? c.args.positional[position] : c.args.keywords.get(position))?.text === text);
  }

  /** Records an `if`/`elif` whose test is this value (possibly negated or compared with a boolean). */
  private flag(index: number, node: Node, path: readonly string[], fallback: boolean | null | undefined, via: string | undefined): void {
    let e = node;
    let flips = 0;
    for (let p = e.parent; p; p = e.parent) {
      if (p.type === 'parenthesized_expression') e = p;
      else if (p.type === 'not_operator') {
        flips++;
        e = p;
      } else if (p.type === 'comparison_operator' && p.namedChildren.length === 2 && p.namedChildren[0]?.id === e.id && /^(True|False)$/.test(p.namedChildren[1]?.text ?? '')) {
        const op = between(p, e, p.namedChildren[1] ?? e).replace(/\s+/g, ' ');
        if (op !== '==' && op !== '!=' && op !== 'is' && op !== 'is not') return;
        flips += (op === '!=' || op === 'is not' ? 1 : 0) + (p.namedChildren[1]?.text === 'False' ? 1 : 0);
        e = p;
      } else break;
    }
    const p = e.parent;
    let statement: Node | undefined;
    let clause = 0;
    if (p?.type === 'if_statement' && p.childForFieldName('condition')?.id === e.id) statement = p;
    else if (p?.type === 'elif_clause' && p.childForFieldName('condition')?.id === e.id && p.parent?.type === 'if_statement') {
      statement = p.parent;
      clause = 1 + p.parent.childrenForFieldName('alternative').findIndex((c) => c?.id === p.id);
    }
    const outcomes = statement ? clauseOutcomes(this.py.text, statement, clause) : undefined;
    if (!outcomes) return;
    this.tests.push({
      source: index, path, ...(fallback === undefined ? {} : { fallback }), negated: flips % 2 === 1, test: e.text.replace(/\s+/g, ' '),
      keyword: outcomes.keyword, scope: outcomes.scope, whenFalse: outcomes.whenFalse, ...(outcomes.whenTrue ? { whenTrue: outcomes.whenTrue } : {}), ...(via === undefined ? {} : { via }),
    });
  }
}
