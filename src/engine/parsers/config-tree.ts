// A format-independent tree of YAML, JSON and TOML config files with exact source ranges, for config rules.
import { parseAllDocuments, isAlias, isMap, isScalar, isSeq, type Alias, type Document, type Pair } from 'yaml';
import { parseTOML, ParseError as TomlParseError, type AST } from 'toml-eslint-parser';
import type { Range } from '../types.js';
import type { TextDocument } from '../text.js';
import type { ParseProblem } from './manifest-types.js';

/** A scalar's value; TOML dates and YAML binaries are kept as their source text, big integers as numbers. */
export type ScalarValue = string | number | boolean | null;
/** How a scalar was written; JSON strings are `double-quoted`, TOML literal strings `single-quoted`. */
export type ScalarStyle = 'plain' | 'single-quoted' | 'double-quoted' | 'block-literal' | 'block-folded';

/** Where a YAML alias (`*name`) points: the node is a copy of its target, placed at the alias. */
export interface AliasInfo {
  readonly name: string;
  readonly targetRange: Range;
}

interface NodeBase {
  /** The value as written: for quoted scalars including the quotes, for block scalars from the `|`/`>` indicator. */
  readonly range: Range;
  /** The key this node is the value of, when it is a map value. */
  readonly keyRange?: Range;
  /** An explicit non-core YAML tag (`!reference`, `tag:yaml.org,2002:python/object:x`). */
  readonly tag?: string;
  /** Set when the node stands for a YAML alias; its descendants are the target's, with the target's ranges. */
  readonly alias?: AliasInfo;
}

/** A string, number, boolean or null. */
export interface ConfigScalar extends NodeBase {
  readonly kind: 'scalar';
  readonly value: ScalarValue;
  readonly style: ScalarStyle;
}

/** One key of a map, in source order. */
export interface ConfigMapEntry {
  readonly key: string;
  readonly node: ConfigNode;
  /** True for entries brought in by a YAML merge key (`<<: *base`); their node and ranges belong to the base. */
  readonly merged?: boolean;
}

/** A YAML mapping, JSON object or TOML table. */
export interface ConfigMap extends NodeBase {
  readonly kind: 'map';
  /** In source order. Duplicate keys (a reported problem) are all kept; lookups take the last, as loaders do. */
  readonly children: readonly ConfigMapEntry[];
}

/** A YAML sequence or JSON/TOML array (TOML `[[tables]]` too). */
export interface ConfigList extends NodeBase {
  readonly kind: 'list';
  readonly children: readonly ConfigNode[];
}

/** A node of a parsed config file, whatever its format. */
export type ConfigNode = ConfigScalar | ConfigMap | ConfigList;
/** Map keys and list indexes from the root to a node. */
export type KeyPath = readonly (string | number)[];

/**
 * The result of every config parser. `documents` holds each YAML document of a multi-document stream, in
 * order (an empty document between `---` markers is a null scalar); for JSON and TOML it holds the one root.
 * `root` is `documents[0]`, so single-document callers never look at `documents`. An empty or comment-only
 * file, or one that could not be read at all, has no root.
 */
export interface ConfigParseResult {
  readonly root?: ConfigNode;
  readonly documents: readonly ConfigNode[];
  readonly problems: readonly ParseProblem[];
}

/**
 * Beyond this nesting parsers stop. The YAML parser overflows its stack near 900 levels, and an overflow that
 * lands inside V8's regex compiler kills the process instead of throwing; no real config nests this deep.
 */
export const MAX_CONFIG_DEPTH = 200;

/** The most nodes {@link walkLeaves} visits when it follows aliases. */
export const MAX_ALIAS_VISITS = 100_000;

/** A problem spanning `[start, end)`, at least one character wide where the text allows. */
export function problemAt(doc: TextDocument, start: number, end: number, message: string): ParseProblem {
  const s = Math.max(0, Math.min(start, doc.text.length));
  const atBreak = doc.text[s] === '\n' || doc.text[s] === '\r';
  const e = Math.min(Math.max(end, atBreak ? s : s + 1), doc.text.length);
  return { message, range: doc.rangeOf(s, Math.max(s, e)) };
}

/** The node at a key path; numbers index lists (and match numeric map keys), numeric strings index lists too. */
export function getPath(root: ConfigNode | undefined, path: KeyPath): ConfigNode | undefined {
  let node = root;
  for (const segment of path) {
    if (node === undefined) return undefined;
    if (node.kind === 'map') node = mapGet(node, String(segment));
    else if (node.kind === 'list' && (typeof segment === 'number' || /^\d+$/.test(segment))) node = node.children[Number(segment)];
    else return undefined;
  }
  return node;
}

/** The value of `key` in a map node (the last one when the key is duplicated), or undefined. */
export function mapGet(node: ConfigNode | undefined, key: string): ConfigNode | undefined {
  if (node?.kind !== 'map') return undefined;
  for (let i = node.children.length - 1; i >= 0; i--) {
    const entry = node.children[i];
    if (entry?.key === key) return entry.node;
  }
  return undefined;
}

/** A scalar as text: strings as they are, numbers and booleans printed; undefined for null and collections. */
export function scalarText(node: ConfigNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

/** Options of {@link walkLeaves}. */
export interface WalkOptions {
  /**
   * Also visit what aliases and merge keys bring in (again, with the definitions' ranges). Default false.
   * The walk then stops after {@link MAX_ALIAS_VISITS} nodes, as nested aliases can expand exponentially.
   */
  readonly followAliases?: boolean;
}

/**
 * Visits every scalar under `root` with its key path. By default each written scalar is visited once, at its
 * definition: alias nodes and merged entries are skipped, so a rule reports nothing twice.
 */
export function walkLeaves(root: ConfigNode | undefined, visit: (keyPath: KeyPath, node: ConfigScalar) => void, options: WalkOptions = {}): void {
  const path: (string | number)[] = [];
  let budget = options.followAliases === true ? MAX_ALIAS_VISITS : Infinity;
  const walk = (node: ConfigNode): void => {
    if ((node.alias && options.followAliases !== true) || --budget < 0) return;
    if (node.kind === 'scalar') visit([...path], node);
    else if (node.kind === 'list') {
      node.children.forEach((child, i) => { path.push(i); walk(child); path.pop(); });
    } else {
      for (const entry of node.children) {
        if (entry.merged === true && options.followAliases !== true) continue;
        path.push(entry.key); walk(entry.node); path.pop();
      }
    }
  };
  if (root) walk(root);
}

/**
 * A rough upper bound of the nesting depth, computed without parsing: open brackets outside comments, plus
 * (for YAML) leading `- `/`? ` indicators and half the indentation, as one level takes at least one column.
 */
function nestingBound(text: string, indentation: boolean): number {
  let flow = 0;
  let max = 0;
  for (const line of text.split(/\r\n?|\n/)) {
    const m = indentation ? /^([ \t]*)((?:[-?](?:[ \t]+|$))*)/.exec(line) : null;
    const block = Math.ceil((m?.[1]?.length ?? 0) / 2) + (m?.[2]?.replace(/\s/g, '').length ?? 0);
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
      if (c === '[' || c === '{') max = Math.max(max, ++flow + block);
      else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    max = Math.max(max, flow + block);
  }
  return max;
}

function tooDeep(doc: TextDocument, indentation: boolean): ConfigParseResult | undefined {
  if (nestingBound(doc.text, indentation) <= MAX_CONFIG_DEPTH) return undefined;
  return { documents: [], problems: [problemAt(doc, 0, 0, `Nesting deeper than ${MAX_CONFIG_DEPTH} levels; the file was not parsed`)] };
}

/**
 * Parses YAML (1.2 core schema, so `on`, `yes` and dates stay strings). Aliases are resolved to a copy of
 * their target placed at the alias (see {@link AliasInfo}); merge keys `<<` are applied, with explicit keys
 * winning and the merged entries marked. An alias to an unknown or enclosing anchor becomes a null scalar
 * with a problem. Syntax errors and duplicate keys are problems; whatever could be read is still returned.
 */
export function parseYamlConfig(doc: TextDocument): ConfigParseResult {
  const problems: ParseProblem[] = [];
  const documents: ConfigNode[] = [];
  const refused = tooDeep(doc, true);
  if (refused) return refused;
  try {
    for (const ydoc of parseAllDocuments(doc.text, { keepSourceTokens: true, prettyErrors: false })) {
      for (const error of ydoc.errors) problems.push(problemAt(doc, error.pos[0], error.pos[1], error.message));
      if (ydoc.contents) documents.push(new YamlConverter(doc, ydoc, problems).convert(ydoc.contents, undefined, 0));
    }
  } catch (error) {
    problems.push(problemAt(doc, 0, 0, `YAML parser failed: ${error instanceof Error ? error.message : String(error)}`));
  }
  const root = documents[0];
  return root ? { root, documents, problems } : { documents, problems };
}

const STYLES: Readonly<Record<string, ScalarStyle>> = {
  PLAIN: 'plain', QUOTE_SINGLE: 'single-quoted', QUOTE_DOUBLE: 'double-quoted', BLOCK_LITERAL: 'block-literal', BLOCK_FOLDED: 'block-folded',
};

const CORE_TAG = /^tag:yaml\.org,2002:(?:str|int|float|bool|null|map|seq|binary|timestamp|set|omap|pairs)$/;

function toScalarValue(value: unknown, source: string): ScalarValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return source;
}

class YamlConverter {
  private readonly converted = new Map<unknown, ConfigNode>();
  private readonly active = new Set<unknown>();

  constructor(private readonly doc: TextDocument, private readonly ydoc: Document.Parsed, private readonly problems: ParseProblem[]) {}

  private rangeOf(node: { range?: readonly [number, number, number] | null }, fallback: number): Range {
    const r = node.range;
    if (!r) return this.doc.rangeOf(fallback, fallback);
    // Block nodes end after their last line break; rules want the range to end on the last written character.
    let end = r[1];
    while (end > r[0] && /\s/.test(this.doc.text.charAt(end - 1))) end--;
    return this.doc.rangeOf(r[0], end);
  }

  private base(node: { range?: readonly [number, number, number] | null; tag?: string }, keyRange: Range | undefined, at: number) {
    const range = this.rangeOf(node, at);
    const tag = node.tag !== undefined && !CORE_TAG.test(node.tag) ? node.tag : undefined;
    return { range, ...(keyRange ? { keyRange } : {}), ...(tag !== undefined ? { tag } : {}) };
  }

  convert(node: unknown, keyRange: Range | undefined, depth: number, at = 0): ConfigNode {
    if (isScalar(node)) {
      const source = node.source ?? (node.range ? this.doc.text.slice(node.range[0], node.range[1]) : '');
      return { kind: 'scalar', value: toScalarValue(node.value, source), style: STYLES[node.type ?? 'PLAIN'] ?? 'plain', ...this.base(node, keyRange, at) };
    }
    if (isAlias(node)) return this.alias(node, keyRange, depth, at);
    if (!isMap(node) && !isSeq(node)) return { kind: 'scalar', value: null, style: 'plain', ...this.base({}, keyRange, at) };
    if (depth > MAX_CONFIG_DEPTH) {
      this.problems.push(problemAt(this.doc, node.range?.[0] ?? at, node.range?.[1] ?? at, 'Nesting too deep; the rest of this value was skipped'));
      return { kind: 'scalar', value: null, style: 'plain', ...this.base(node, keyRange, at) };
    }
    this.active.add(node);
    let result: ConfigNode;
    if (isSeq(node)) {
      const start = node.range?.[0] ?? at;
      result = { kind: 'list', children: node.items.map((item) => this.convert(item, undefined, depth + 1, start)), ...this.base(node, keyRange, at) };
    } else {
      result = { kind: 'map', children: this.entries(node.items, depth, node.range?.[0] ?? at), ...this.base(node, keyRange, at) };
    }
    this.active.delete(node);
    this.converted.set(node, result);
    return result;
  }

  private alias(node: Alias, keyRange: Range | undefined, depth: number, at: number): ConfigNode {
    const range = this.rangeOf(node, at);
    const target = node.resolve(this.ydoc);
    if (!target || this.active.has(target)) {
      const message = target ? `Alias *${node.source} refers to a node that contains it` : `Unknown alias *${node.source}`;
      this.problems.push({ message, range });
      return { kind: 'scalar', value: null, style: 'plain', range, ...(keyRange ? { keyRange } : {}) };
    }
    const resolved = this.converted.get(target) ?? this.convert(target, undefined, depth + 1, at);
    const common = {
      range, ...(keyRange ? { keyRange } : {}), ...(resolved.tag !== undefined ? { tag: resolved.tag } : {}),
      alias: { name: node.source, targetRange: resolved.range },
    };
    if (resolved.kind === 'scalar') return { kind: 'scalar', value: resolved.value, style: resolved.style, ...common };
    return resolved.kind === 'map' ? { kind: 'map', children: resolved.children, ...common } : { kind: 'list', children: resolved.children, ...common };
  }

  private entries(pairs: readonly Pair[], depth: number, at: number): ConfigMapEntry[] {
    const entries: ConfigMapEntry[] = [];
    const sources: ConfigMap[] = [];
    let mergeAt = -1;
    for (const pair of pairs) {
      const key = pair.key;
      if (isScalar(key) && key.value === '<<' && key.type === 'PLAIN') {
        const value = this.convert(pair.value, undefined, depth + 1, key.range?.[1] ?? at);
        for (const source of value.kind === 'list' && !value.alias ? value.children : [value]) {
          if (source.kind === 'map') sources.push(source);
          else this.problems.push({ message: 'A merge key (<<) needs a map or a list of maps', range: source.range });
        }
        if (mergeAt < 0) mergeAt = entries.length;
        continue;
      }
      const keyNode = isScalar(key) || isAlias(key) || isMap(key) || isSeq(key) ? key : undefined;
      const keyRange = keyNode ? this.rangeOf(keyNode, at) : undefined;
      entries.push({ key: this.keyText(key), node: this.convert(pair.value, keyRange, depth + 1, keyNode?.range?.[1] ?? at) });
    }
    if (mergeAt < 0) return entries;
    const seen = new Set(entries.map((e) => e.key));
    const merged: ConfigMapEntry[] = [];
    for (const source of sources) {
      for (const entry of source.children) {
        if (seen.has(entry.key)) continue;
        seen.add(entry.key);
        merged.push({ key: entry.key, node: entry.node, merged: true });
      }
    }
    entries.splice(mergeAt, 0, ...merged);
    return entries;
  }

  private keyText(key: unknown): string {
    const target = isAlias(key) ? key.resolve(this.ydoc) : key;
    if (isScalar(target)) return String(toScalarValue(target.value ?? '', target.source ?? ''));
    if (isAlias(key)) return `*${key.source}`;
    if ((isMap(key) || isSeq(key)) && key.range) return this.doc.text.slice(key.range[0], key.range[1]);
    return '';
  }
}

/**
 * Parses JSON, with exact ranges. With `comments: true` (JSONC: tsconfig, VS Code settings) comments and
 * trailing commas are accepted; otherwise each is a problem, and parsing goes on. Duplicate keys are problems.
 */
export function parseJsonConfig(doc: TextDocument, options: { readonly comments?: boolean } = {}): ConfigParseResult {
  return new JsonParser(doc, options.comments === true).parse();
}

type MutableList = { -readonly [K in keyof ConfigList]: ConfigList[K] } & { children: ConfigNode[] };

/** Thrown inside the JSON parser at an error it cannot read past. */
class JsonStop extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

const JSON_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** A recursive-descent JSON reader: containers are attached to their parent when opened, so an error leaves a partial tree. */
class JsonParser {
  private pos = 0;
  private readonly problems: ParseProblem[] = [];

  constructor(private readonly doc: TextDocument, private readonly jsonc: boolean) {}

  parse(): ConfigParseResult {
    const text = this.doc.text;
    let root: ConfigNode | undefined;
    if (text.startsWith('\uFEFF')) this.pos = 1;
    try {
      this.space();
      if (this.pos >= text.length) throw new JsonStop(this.pos, 'Expected a JSON value');
      this.value(0, undefined, (node) => { root = node; });
      this.space();
      if (this.pos < text.length) throw new JsonStop(this.pos, 'Unexpected text after the JSON value');
    } catch (error) {
      const stop = error instanceof JsonStop ? error : new JsonStop(this.pos, `JSON parser failed: ${String(error)}`);
      this.problems.push(problemAt(this.doc, stop.offset, stop.offset + 1, stop.message));
    }
    return root ? { root, documents: [root], problems: this.problems } : { documents: [], problems: this.problems };
  }

  private space(): void {
    const text = this.doc.text;
    while (this.pos < text.length) {
      const c = text[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { this.pos++; continue; }
      if (c !== '/' || (text[this.pos + 1] !== '/' && text[this.pos + 1] !== '*')) return;
      const start = this.pos;
      const block = text[this.pos + 1] === '*';
      const end = block ? text.indexOf('*/', start + 2) : text.slice(start).search(/[\r\n]|$/) + start;
      if (block && end < 0) throw new JsonStop(start, 'Unterminated comment');
      this.pos = block ? end + 2 : end;
      if (!this.jsonc) this.problems.push(problemAt(this.doc, start, this.pos, 'Comments are not allowed in JSON'));
    }
  }

  private value(depth: number, keyRange: Range | undefined, attach: (node: ConfigNode) => void): void {
    const text = this.doc.text;
    const start = this.pos;
    const c = text[start];
    const base = { range: this.doc.rangeOf(start, text.length), ...(keyRange ? { keyRange } : {}) };
    if (c === '{' || c === '[') {
      if (depth >= MAX_CONFIG_DEPTH) throw new JsonStop(start, 'Nesting too deep');
      this.pos++;
      if (c === '{') {
        const map: MutableMap = { kind: 'map', children: [], ...base };
        attach(map);
        this.members(map, depth);
        map.range = this.doc.rangeOf(start, this.pos);
      } else {
        const list: MutableList = { kind: 'list', children: [], ...base };
        attach(list);
        this.elements(list, depth);
        list.range = this.doc.rangeOf(start, this.pos);
      }
      return;
    }
    let value: ScalarValue;
    JSON_NUMBER.lastIndex = start;
    const number = JSON_NUMBER.exec(text);
    if (c === '"') value = this.string();
    else if (number) { value = Number(number[0]); this.pos += number[0].length; }
    else if (text.startsWith('true', start)) { value = true; this.pos += 4; }
    else if (text.startsWith('false', start)) { value = false; this.pos += 5; }
    else if (text.startsWith('null', start)) { value = null; this.pos += 4; }
    else throw new JsonStop(start, c === undefined ? 'Unexpected end of the text' : `Unexpected character ${JSON.stringify(c)}`);
    attach({ kind: 'scalar', value, style: c === '"' ? 'double-quoted' : 'plain', ...base, range: this.doc.rangeOf(start, this.pos) });
  }

  private members(map: MutableMap, depth: number): void {
    const seen = new Set<string>();
    this.space();
    if (this.doc.text[this.pos] === '}') { this.pos++; return; }
    do {
      this.space();
      if (this.doc.text[this.pos] !== '"') throw new JsonStop(this.pos, 'Expected a property name in double quotes');
      const keyStart = this.pos;
      const key = this.string();
      const keyRange = this.doc.rangeOf(keyStart, this.pos);
      if (seen.has(key)) this.problems.push({ message: `Duplicate key ${JSON.stringify(key)}`, range: keyRange });
      seen.add(key);
      this.space();
      if (this.doc.text[this.pos] !== ':') throw new JsonStop(this.pos, "Expected ':' after the property name");
      this.pos++;
      this.space();
      this.value(depth + 1, keyRange, (node) => map.children.push({ key, node }));
    } while (!this.separator('}'));
  }

  private elements(list: MutableList, depth: number): void {
    this.space();
    if (this.doc.text[this.pos] === ']') { this.pos++; return; }
    do {
      this.space();
      this.value(depth + 1, undefined, (node) => list.children.push(node));
    } while (!this.separator(']'));
  }

  /** Reads what follows a member or element; true once the container is closed. */
  private separator(close: string): boolean {
    this.space();
    const c = this.doc.text[this.pos];
    if (c === close) { this.pos++; return true; }
    if (c !== ',') throw new JsonStop(this.pos, c === undefined ? `Expected '${close}' before the end of the text` : `Expected ',' or '${close}'`);
    const comma = this.pos++;
    this.space();
    if (this.doc.text[this.pos] !== close) return false;
    if (!this.jsonc) this.problems.push(problemAt(this.doc, comma, comma + 1, 'Trailing commas are not allowed in JSON'));
    this.pos++;
    return true;
  }

  private string(): string {
    const text = this.doc.text;
    const start = this.pos++;
    let out = '';
    for (;;) {
      let end = this.pos;
      for (let code = text.charCodeAt(end); end < text.length && code !== 34 && code !== 92 && code >= 32; code = text.charCodeAt(++end));
      out += text.slice(this.pos, end);
      this.pos = end;
      const c = text[this.pos];
      if (c === '"') { this.pos++; return out; }
      if (c === undefined || c === '\n' || c === '\r') throw new JsonStop(start, 'Unterminated string');
      if (c !== '\\') throw new JsonStop(this.pos, 'Control characters must be escaped in JSON strings');
      const e = text[this.pos + 1] ?? '';
      const hex = text.slice(this.pos + 2, this.pos + 6);
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(hex)) { out += String.fromCharCode(parseInt(hex, 16)); this.pos += 6; continue; }
      const escaped = JSON_ESCAPES[e];
      if (escaped === undefined) throw new JsonStop(this.pos, 'Invalid escape sequence');
      out += escaped;
      this.pos += 2;
    }
  }
}

/**
 * Parses TOML. The TOML parser stops at the first error; the error is reported and the text before the
 * broken line is parsed again, so the tables above a typo still reach the rules. A table's range is where
 * it is first written (its header and body); `[[array]]` tables become lists of maps.
 */
export function parseTomlConfig(doc: TextDocument): ConfigParseResult {
  const refused = tooDeep(doc, false);
  if (refused) return refused;
  const problems: ParseProblem[] = [];
  let text = doc.text;
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const root = new TomlBuilder(doc).build(parseTOML(text));
      return { root, documents: [root], problems };
    } catch (error) {
      const offset = error instanceof TomlParseError ? error.index : 0;
      if (attempt === 0) problems.push(problemAt(doc, offset, offset + 1, error instanceof Error ? error.message : String(error)));
      const cut = doc.offsetAt({ line: doc.positionAt(offset).line, column: 0 });
      if (cut >= text.length) break;
      text = text.slice(0, cut);
    }
  }
  return { documents: [], problems };
}

type MutableMap = { -readonly [K in keyof ConfigMap]: ConfigMap[K] } & { children: ConfigMapEntry[] };

class TomlBuilder {
  constructor(private readonly doc: TextDocument) {}

  build(program: AST.TOMLProgram): ConfigMap {
    const top = program.body[0];
    const root: MutableMap = { kind: 'map', children: [], range: this.doc.rangeOf(0, this.doc.text.length) };
    for (const item of top.body) {
      if (item.type === 'TOMLKeyValue') this.keyValue(root, item);
      else this.table(root, item);
    }
    return root;
  }

  private range(node: AST.HasLocs): Range {
    return this.doc.rangeOf(node.range[0], node.range[1]);
  }

  /** The map under `key`, created (spanning `span`) when missing; for an array of tables, its last table. */
  private child(map: MutableMap, part: AST.TOMLBare | AST.TOMLQuoted, span: AST.HasLocs): MutableMap {
    const key = part.type === 'TOMLBare' ? part.name : part.value;
    const existing = mapGet(map, key);
    const last = existing?.kind === 'list' ? existing.children[existing.children.length - 1] : existing;
    if (last?.kind === 'map') return last as MutableMap;
    const created: MutableMap = { kind: 'map', children: [], range: this.range(span), keyRange: this.range(part) };
    map.children.push({ key, node: created });
    return created;
  }

  private table(root: MutableMap, table: AST.TOMLTable): void {
    const parts = table.key.keys;
    let map = root;
    for (const part of parts.slice(0, -1)) map = this.child(map, part, table);
    const last = parts[parts.length - 1];
    if (!last) return;
    if (table.kind === 'array') {
      const key = last.type === 'TOMLBare' ? last.name : last.value;
      let list = mapGet(map, key);
      if (list?.kind !== 'list') {
        list = { kind: 'list', children: [], range: this.range(table), keyRange: this.range(last) };
        map.children.push({ key, node: list });
      }
      const item: MutableMap = { kind: 'map', children: [], range: this.range(table) };
      (list.children as ConfigNode[]).push(item);
      map = item;
    } else {
      map = this.child(map, last, table);
    }
    for (const kv of table.body) this.keyValue(map, kv);
  }

  private keyValue(map: MutableMap, kv: AST.TOMLKeyValue): void {
    const parts = kv.key.keys;
    let target = map;
    for (const part of parts.slice(0, -1)) target = this.child(target, part, kv);
    const last = parts[parts.length - 1];
    if (!last) return;
    target.children.push({ key: last.type === 'TOMLBare' ? last.name : last.value, node: this.value(kv.value, this.range(last)) });
  }

  private value(node: AST.TOMLContentNode, keyRange?: Range): ConfigNode {
    const base = { range: this.range(node), ...(keyRange ? { keyRange } : {}) };
    if (node.type === 'TOMLArray') return { kind: 'list', children: node.elements.map((e) => this.value(e)), ...base };
    if (node.type === 'TOMLInlineTable') {
      const map: MutableMap = { kind: 'map', children: [], ...base };
      for (const kv of node.body) this.keyValue(map, kv);
      return map;
    }
    if (node.kind === 'string') return { kind: 'scalar', value: node.value, style: node.style === 'basic' ? 'double-quoted' : 'single-quoted', ...base };
    if (node.kind === 'integer' || node.kind === 'float' || node.kind === 'boolean') return { kind: 'scalar', value: node.value, style: 'plain', ...base };
    return { kind: 'scalar', value: node.datetime, style: 'plain', ...base };
  }
}
