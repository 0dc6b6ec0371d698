// Parses pyproject.toml (PEP 621, PEP 735, Poetry, PDM, uv, Hatch, setuptools) into a Manifest, plus TOML helpers the other TOML parsers share.
import { parseTOML, type AST } from 'toml-eslint-parser';
import type { TextDocument } from '../text.js';
import {
  normalizePackageName,
  type DependencySpec,
  type Manifest,
  type ManifestInclude,
  type ManifestTool,
  type ParseProblem,
} from './manifest-types.js';
import {
  analyzeSpecifier,
  fixedMap,
  isCommitSha,
  isDevGroupName,
  isUrlPinned,
  linearMap,
  parseRequirementString,
  toDependency,
  type DependencyContext,
  type OffsetMap,
} from './requirements.js';

/** A key of a TOML document with its value; tables and inline tables have children, whichever way they were written. */
export interface TomlEntry {
  readonly children: Map<string, TomlEntry>;
  /** The value node; undefined for tables made by `[header]` or by dotted keys. */
  node?: AST.TOMLContentNode;
  /** The last key naming this entry, for pointing at a dependency name. */
  keyRange?: readonly [number, number];
  /** The whole `key = value` (or table header), for pointing at the entry. */
  range?: readonly [number, number];
}

const keyName = (k: AST.TOMLBare | AST.TOMLQuoted): string => (k.type === 'TOMLBare' ? k.name : k.value);

/** Range of the last key of a dotted key, inside its quotes when quoted (`"ruamel.yaml" = "*"`). */
function lastKeyRange(key: AST.TOMLKey): readonly [number, number] {
  const last = key.keys[key.keys.length - 1];
  if (!last) return key.range;
  return last.type === 'TOMLQuoted' ? [last.range[0] + 1, last.range[1] - 1] : last.range;
}

function childOf(entry: TomlEntry, key: string): TomlEntry {
  let child = entry.children.get(key);
  if (!child) {
    child = { children: new Map() };
    entry.children.set(key, child);
  }
  return child;
}

function insert(parent: TomlEntry, kv: AST.TOMLKeyValue): void {
  let entry = parent;
  for (const k of kv.key.keys) entry = childOf(entry, keyName(k));
  entry.node = kv.value;
  entry.keyRange = lastKeyRange(kv.key);
  entry.range = kv.range;
  if (kv.value.type === 'TOMLInlineTable') for (const inner of kv.value.body) insert(entry, inner);
}

/** Entry for an inline table met inside an array (Poetry's multiple-constraint form). */
export function tomlInlineEntry(node: AST.TOMLInlineTable): TomlEntry {
  const entry: TomlEntry = { children: new Map(), node, range: node.range };
  for (const kv of node.body) insert(entry, kv);
  return entry;
}

/** Parses TOML into a tree of entries, or a problem at the syntax error. */
export function parseTomlTree(doc: TextDocument): { root: TomlEntry } | { problem: ParseProblem } {
  let program: AST.TOMLProgram;
  try {
    program = parseTOML(doc.text);
  } catch (error: unknown) {
    const index = error instanceof Error && 'index' in error && typeof error.index === 'number' ? error.index : 0;
    const message = error instanceof Error ? error.message : String(error);
    const end = Math.min(index + 1, doc.lineEnd(doc.positionAt(index).line));
    return { problem: { message: `TOML syntax error: ${message}`, range: doc.rangeOf(index, Math.max(index, end)) } };
  }
  const root: TomlEntry = { children: new Map() };
  for (const item of program.body[0].body) {
    if (item.type === 'TOMLKeyValue') {
      insert(root, item);
      continue;
    }
    let entry = root;
    for (const k of item.resolvedKey) entry = childOf(entry, String(k));
    entry.range = item.range;
    entry.keyRange = lastKeyRange(item.key);
    for (const kv of item.body) insert(entry, kv);
  }
  return { root };
}

/** The entry at a key path, if present. */
export function tomlGet(entry: TomlEntry | undefined, ...path: string[]): TomlEntry | undefined {
  let e = entry;
  for (const key of path) e = e?.children.get(key);
  return e;
}

/** The string value of an entry or node, if it is a string. */
export function tomlString(value: TomlEntry | AST.TOMLContentNode | undefined): string | undefined {
  const node = value && 'children' in value ? value.node : value;
  return node?.type === 'TOMLValue' && node.kind === 'string' ? node.value : undefined;
}

/** Maps offsets in a TOML string's value to the document, when no escape sequence makes that ambiguous. */
export function tomlStringMap(node: AST.TOMLContentNode, doc: TextDocument): OffsetMap {
  const [start, end] = node.range;
  if (node.type !== 'TOMLValue' || node.kind !== 'string') return fixedMap(start, end);
  const quote = node.multiline ? 3 : 1;
  const lead = node.multiline ? (/^\r?\n/.exec(doc.text.slice(start + 3, end))?.[0].length ?? 0) : 0;
  return doc.text.slice(start + quote + lead, end - quote) === node.value ? linearMap(start + quote + lead) : fixedMap(start, end);
}

/** The document range of a `[start, end]` node range. */
export const tomlRange = (doc: TextDocument, r: readonly [number, number]) => doc.rangeOf(r[0], r[1]);

interface Collector {
  readonly doc: TextDocument;
  readonly dependencies: DependencySpec[];
  readonly problems: ParseProblem[];
}

/** PEP 508 strings in a TOML array (PEP 621, PEP 735, PDM, uv, Hatch). Tables in the array (`{include-group}`) are skipped. */
function addPep508Array(entry: TomlEntry | undefined, ctx: DependencyContext, out: Collector): void {
  const node = entry?.node;
  if (!node) return;
  if (node.type !== 'TOMLArray') {
    out.problems.push({ message: 'Expected an array of requirement strings.', range: tomlRange(out.doc, node.range) });
    return;
  }
  for (const el of node.elements) {
    const text = tomlString(el);
    if (text === undefined) {
      if (el.type !== 'TOMLInlineTable') out.problems.push({ message: 'Expected a requirement string.', range: tomlRange(out.doc, el.range) });
      continue;
    }
    const req = parseRequirementString(text);
    if (req) out.dependencies.push(toDependency(req, out.doc, tomlStringMap(el, out.doc), ctx));
    else out.problems.push({ message: `Not a valid requirement: ${text}`, range: tomlRange(out.doc, el.range) });
  }
}

/** Poetry writes `1.2.3` or `==1.2.3` for an exact version; `^`, `~`, `*` and comparisons are ranges. */
function poetryPin(spec: string): string | undefined {
  return /^(?:={1,3})?\s*(\d[A-Za-z0-9.+!-]*)$/.exec(spec.trim())?.[1];
}

/**
 * One Poetry (or Pipfile) style dependency: `name = "spec"` or `name = { version, git, rev, path, extras, optional, markers }`.
 * Returns undefined for a local path that is the project itself.
 */
export function tableDependency(
  name: string, entry: TomlEntry, doc: TextDocument, ctx: DependencyContext, style: 'poetry' | 'pipenv',
): DependencySpec | undefined {
  const node = entry.node;
  const keyRange = entry.keyRange ?? entry.range ?? [0, 0];
  const table = node?.type === 'TOMLInlineTable' || (node === undefined && entry.children.size > 0) ? entry : undefined;
  const versionEntry = table ? tomlGet(table, 'version') : entry;
  const specifier = tomlString(versionEntry) ?? '';
  const git = tomlString(tomlGet(table, 'git'));
  const path = tomlString(tomlGet(table, 'path'));
  const url = git ?? path ?? tomlString(tomlGet(table, 'url')) ?? tomlString(tomlGet(table, 'file'));
  if (path !== undefined && /^\.[\\/]?$/.test(path)) return undefined;
  const rev = tomlString(tomlGet(table, 'rev')) ?? tomlString(tomlGet(table, 'ref'));
  let pinnedVersion: string | undefined;
  if (url === undefined) pinnedVersion = style === 'poetry' ? poetryPin(specifier) : analyzeSpecifier(specifier)?.pinnedVersion;
  const pinned = git !== undefined ? rev !== undefined && isCommitSha(rev) : url !== undefined ? isUrlPinned(url) : pinnedVersion !== undefined;
  const extrasNode = tomlGet(table, 'extras')?.node;
  const extras = extrasNode?.type === 'TOMLArray' ? extrasNode.elements.map(tomlString).filter((e) => e !== undefined) : [];
  const optional = tomlGet(table, 'optional')?.node;
  const isOptional = optional?.type === 'TOMLValue' && optional.value === true && ctx.group === 'runtime';
  const specNode = versionEntry?.node;
  let specifierRange;
  if (specNode && tomlString(specNode) !== undefined) {
    const map = tomlStringMap(specNode, doc);
    specifierRange = doc.rangeOf(map.start(0), map.end(specifier.length));
  }
  return {
    name, normalizedName: normalizePackageName(name), specifier, extras,
    marker: tomlString(tomlGet(table, 'markers')), url, pinned, pinnedVersion,
    group: isOptional ? 'optional' : ctx.group, groupName: ctx.groupName, hashed: false,
    range: tomlRange(doc, entry.range ?? keyRange), nameRange: tomlRange(doc, keyRange), specifierRange,
  };
}

function addPoetryTable(table: TomlEntry | undefined, ctx: DependencyContext, out: Collector): void {
  for (const [name, entry] of table?.children ?? []) {
    if (name === 'python') continue;
    const node = entry.node;
    if (node?.type === 'TOMLValue' && node.kind !== 'string') {
      out.problems.push({ message: `Expected a version string or a table for ${name}.`, range: tomlRange(out.doc, node.range) });
      continue;
    }
    // A list of constraints (one per Python version or platform) yields one spec per alternative.
    const alternatives = node?.type === 'TOMLArray'
      ? node.elements.map((el): TomlEntry => (el.type === 'TOMLInlineTable'
        ? { ...tomlInlineEntry(el), keyRange: entry.keyRange }
        : { children: new Map(), node: el, keyRange: entry.keyRange, range: el.range }))
      : [entry];
    for (const alt of alternatives) {
      const dep = tableDependency(name, alt, out.doc, ctx, 'poetry');
      if (dep) out.dependencies.push(dep);
    }
  }
}

const BACKENDS: readonly (readonly [RegExp, ManifestTool])[] = [
  [/^poetry\b/, 'poetry'], [/^pdm\b/, 'pdm'], [/^hatchling\b/, 'hatch'], [/^setuptools\b/, 'setuptools'],
  [/^flit_core\b/, 'flit'], [/^uv_build\b/, 'uv'],
];

function toolsOf(root: TomlEntry): ManifestTool[] {
  const tools = new Set<ManifestTool>();
  if (root.children.has('project')) tools.add('pep621');
  const backend = tomlString(tomlGet(root, 'build-system', 'build-backend')) ?? '';
  for (const [re, tool] of BACKENDS) if (re.test(backend)) tools.add(tool);
  const toolTable = tomlGet(root, 'tool');
  for (const tool of ['poetry', 'pdm', 'uv', 'hatch', 'setuptools', 'flit'] as const) {
    if (toolTable?.children.has(tool)) tools.add(tool);
  }
  return [...tools];
}

/** `[tool.setuptools.dynamic]` reads dependencies from requirements files; they are includes of this manifest. */
function dynamicIncludes(root: TomlEntry, doc: TextDocument): ManifestInclude[] {
  const dynamic = tomlGet(root, 'tool', 'setuptools', 'dynamic');
  const files = [tomlGet(dynamic, 'dependencies', 'file'), ...[...tomlGet(dynamic, 'optional-dependencies')?.children.values() ?? []].map((e) => tomlGet(e, 'file'))];
  const includes: ManifestInclude[] = [];
  for (const file of files) {
    const node = file?.node;
    for (const el of node?.type === 'TOMLArray' ? node.elements : node ? [node] : []) {
      const path = tomlString(el);
      const map = tomlStringMap(el, doc);
      if (path !== undefined) includes.push({ path, kind: 'requirements', range: doc.rangeOf(map.start(0), map.end(path.length)) });
    }
  }
  return includes;
}

const extraGroup = (name: string): DependencyContext => ({ group: isDevGroupName(name) ? 'dev' : 'optional', groupName: name });

/** Parses a pyproject.toml. A TOML syntax error yields no dependencies and one problem; never throws. */
export function parsePyproject(file: string, doc: TextDocument): Manifest {
  const parsed = parseTomlTree(doc);
  if ('problem' in parsed) {
    return { kind: 'pyproject', file, dependencies: [], includes: [], problems: [parsed.problem], tools: [], buildsPackage: false, generatedLock: false };
  }
  const { root } = parsed;
  const out: Collector = { doc, dependencies: [], problems: [] };
  const project = tomlGet(root, 'project');
  addPep508Array(tomlGet(project, 'dependencies'), { group: 'runtime' }, out);
  for (const [extra, e] of tomlGet(project, 'optional-dependencies')?.children ?? []) addPep508Array(e, extraGroup(extra), out);
  for (const [name, e] of tomlGet(root, 'dependency-groups')?.children ?? []) addPep508Array(e, { group: 'dev', groupName: name }, out);

  const poetry = tomlGet(root, 'tool', 'poetry');
  addPoetryTable(tomlGet(poetry, 'dependencies'), { group: 'runtime' }, out);
  addPoetryTable(tomlGet(poetry, 'dev-dependencies'), { group: 'dev', groupName: 'dev' }, out);
  for (const [name, g] of tomlGet(poetry, 'group')?.children ?? []) {
    addPoetryTable(tomlGet(g, 'dependencies'), name === 'main' ? { group: 'runtime' } : { group: 'dev', groupName: name }, out);
  }
  for (const [name, e] of tomlGet(root, 'tool', 'pdm', 'dev-dependencies')?.children ?? []) addPep508Array(e, { group: 'dev', groupName: name }, out);
  addPep508Array(tomlGet(root, 'tool', 'uv', 'dev-dependencies'), { group: 'dev', groupName: 'dev' }, out);
  for (const [name, env] of tomlGet(root, 'tool', 'hatch', 'envs')?.children ?? []) {
    addPep508Array(tomlGet(env, 'dependencies'), { group: 'dev', groupName: name }, out);
    addPep508Array(tomlGet(env, 'extra-dependencies'), { group: 'dev', groupName: name }, out);
  }

  const flag = (e: TomlEntry | undefined) => (e?.node?.type === 'TOMLValue' ? e.node.value : undefined);
  // Poetry's `package-mode = false` and uv's `package = false` declare an application that is never built.
  const notAPackage = flag(tomlGet(poetry, 'package-mode')) === false || flag(tomlGet(root, 'tool', 'uv', 'package')) === false;
  return {
    kind: 'pyproject', file, dependencies: out.dependencies, includes: dynamicIncludes(root, doc), problems: out.problems,
    tools: toolsOf(root), buildsPackage: root.children.has('build-system') && !notAPackage,
    projectName: tomlString(tomlGet(project, 'name')) ?? tomlString(tomlGet(poetry, 'name')), generatedLock: false,
  };
}
