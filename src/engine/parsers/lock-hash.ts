// Recomputes the manifest hashes Pipenv and Poetry record in their lockfiles, byte for byte as Python computes them.
import { createHash } from 'node:crypto';
import { parseTOML, type AST } from 'toml-eslint-parser';

/** A value as Python's json module sees it after `tomllib`/`tomlkit` loaded the manifest. */
type PyValue = string | boolean | null | PyInt | PyValue[] | PyTable | Unsupported;
interface PyTable { [key: string]: PyValue }

/** A TOML integer, kept as written in decimal so large values print as Python prints them. */
class PyInt {
  constructor(readonly decimal: string) {}
}

/** Floats and dates: Python prints them in ways this module does not reproduce, so a hash that needs them is not computed. */
class Unsupported {
  constructor(readonly kind: string) {}
}

function isTable(value: PyValue | undefined): value is PyTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof PyInt) && !(value instanceof Unsupported);
}

function convert(node: AST.TOMLContentNode): PyValue {
  if (node.type === 'TOMLArray') return node.elements.map(convert);
  if (node.type === 'TOMLInlineTable') {
    const table: PyTable = {};
    for (const kv of node.body) assign(table, kv);
    return table;
  }
  if (node.kind === 'string' || node.kind === 'boolean') return node.value;
  if (node.kind === 'integer') return new PyInt(node.bigint.toString());
  return new Unsupported(node.kind);
}

function assign(table: PyTable, kv: AST.TOMLKeyValue): void {
  let target = table;
  const keys = kv.key.keys.map((k) => (k.type === 'TOMLBare' ? k.name : k.value));
  for (const key of keys.slice(0, -1)) {
    const next = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isTable(next)) target = next;
    else {
      const created: PyTable = {};
      target[key] = created;
      target = created;
    }
  }
  const last = keys[keys.length - 1];
  if (last !== undefined) target[last] = convert(kv.value);
}

/** The whole document as plain values; undefined when the TOML does not parse. */
export function tomlToPython(text: string): PyTable | undefined {
  let program: AST.TOMLProgram;
  try {
    program = parseTOML(text);
  } catch {
    return undefined;
  }
  const root: PyTable = {};
  for (const item of program.body[0].body) {
    if (item.type === 'TOMLKeyValue') {
      assign(root, item);
      continue;
    }
    // resolvedKey names array-of-tables entries by index (`[[source]]` is ['source', 0]), so tables nest as in tomllib.
    let target: PyTable | PyValue[] = root;
    const path = item.resolvedKey;
    for (let i = 0; i < path.length; i++) {
      const key = path[i] ?? '';
      const container: PyTable | PyValue[] = target;
      let next: PyValue | undefined = Array.isArray(container) ? container[Number(key)] : Object.hasOwn(container, key) ? container[String(key)] : undefined;
      if (next === undefined) {
        next = typeof path[i + 1] === 'number' ? [] : {};
        if (Array.isArray(container)) container[Number(key)] = next;
        else container[String(key)] = next;
      }
      if (!isTable(next) && !Array.isArray(next)) return undefined;
      target = next;
    }
    if (Array.isArray(target)) return undefined;
    for (const kv of item.body) assign(target, kv);
  }
  return root;
}

/** Python's default string ordering: by code point. */
function comparePython(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** `json.dumps` of a string with `ensure_ascii=True`: everything outside printable ASCII becomes `\uXXXX` (UTF-16 units). */
function pyString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    const code = s.charCodeAt(i);
    const short = SHORT_ESCAPES[c];
    if (short !== undefined) out += short;
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return `${out}"`;
}

/** `json.dumps(value, sort_keys=True, separators=...)`; undefined when a value cannot be printed exactly. */
export function pythonJsonDumps(value: PyValue, itemSep: string, keySep: string): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'string') return pyString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof PyInt) return value.decimal;
  if (value instanceof Unsupported) return undefined;
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = pythonJsonDumps(item, itemSep, keySep);
      if (text === undefined) return undefined;
      parts.push(text);
    }
    return `[${parts.join(itemSep)}]`;
  }
  for (const key of Object.keys(value).sort(comparePython)) {
    const text = pythonJsonDumps(value[key] ?? null, itemSep, keySep);
    if (text === undefined) return undefined;
    parts.push(`${pyString(key)}${keySep}${text}`);
  }
  return `{${parts.join(itemSep)}}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const PIPFILE_SECTIONS = new Set(['source', 'packages', 'dev-packages', 'requires', 'scripts', 'pipfile', 'pipenv', 'default', 'develop']);
/** The source plette adds when a Pipfile names none, and the one the older `pipfile` library added. */
const DEFAULT_SOURCES: readonly PyTable[] = [
  { name: 'pypi', url: 'https://pypi.org/simple', verify_ssl: true },
  { url: 'https://pypi.python.org/simple', verify_ssl: true, name: 'pypi' },
];

const canonical = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');

function canonicalKeys(section: PyValue | undefined): PyValue {
  if (!isTable(section)) return section ?? {};
  const out: PyTable = {};
  for (const [k, v] of Object.entries(section)) out[canonical(k)] = v;
  return out;
}

/**
 * Every `_meta.hash.sha256` a Pipfile.lock may record for this Pipfile: plette's `Pipfile.get_hash()` (with and
 * without custom package categories, as pipenv versions differ), the newest pipenv's PEP 503 name-normalised
 * variant, and the older `pipfile` library's default source. Undefined when the Pipfile cannot be hashed exactly.
 */
export function pipfileHashes(text: string): string[] | undefined {
  const data = tomlToPython(text);
  if (!data) return undefined;
  const sourceVariants = Object.hasOwn(data, 'source') ? [data.source ?? []] : DEFAULT_SOURCES.map((s) => [s]);
  const categories = Object.keys(data).filter((k) => !PIPFILE_SECTIONS.has(k));
  const hashes = new Set<string>();
  for (const sources of sourceVariants) {
    for (const normalize of [false, true]) {
      for (const withCategories of categories.length > 0 ? [false, true] : [false]) {
        const section = (key: string): PyValue => (normalize ? canonicalKeys(data[key]) : (data[key] ?? {}));
        const payload: PyTable = {
          _meta: { sources, requires: data.requires ?? {} },
          default: section('packages'),
          develop: section('dev-packages'),
        };
        if (withCategories) for (const c of categories) payload[c] = section(c);
        const json = pythonJsonDumps(payload, ',', ':');
        if (json === undefined) return undefined;
        hashes.add(sha256(json));
      }
    }
  }
  return [...hashes];
}

const POETRY_LEGACY_KEYS = ['dependencies', 'source', 'extras', 'dev-dependencies'];
const POETRY_PROJECT_KEYS = ['requires-python', 'dependencies', 'optional-dependencies'];

/**
 * Every `content-hash` a poetry.lock may record for this pyproject.toml, one per Poetry hashing scheme: 1.0-1.1
 * (the four legacy `[tool.poetry]` keys), the 1.2 pre-releases, 1.2-1.8 (plus `group`), 2.0-2.2 (plus the relevant
 * `[project]` keys) and 2.3+ (plus `[dependency-groups]`). Undefined when the file cannot be hashed exactly.
 */
export function poetryContentHashes(text: string): string[] | undefined {
  const data = tomlToPython(text);
  if (!data) return undefined;
  const tool = data.tool;
  const poetryValue = isTable(tool) ? tool.poetry : undefined;
  const poetry: PyTable = isTable(poetryValue) ? poetryValue : {};
  const pick = (keys: readonly string[], keepMissing: (key: string) => boolean): PyTable => {
    const out: PyTable = {};
    for (const key of keys) {
      const value = poetry[key];
      if (value !== undefined) out[key] = value;
      else if (keepMissing(key)) out[key] = null;
    }
    return out;
  };
  const candidates: PyTable[] = [
    pick(POETRY_LEGACY_KEYS, () => true),
    pick(['dependencies', 'group', 'source', 'extras'], () => true),
    pick([...POETRY_LEGACY_KEYS, 'group'], (k) => POETRY_LEGACY_KEYS.includes(k)),
  ];
  const projectValue = data.project;
  const project: PyTable = {};
  if (isTable(projectValue)) for (const key of POETRY_PROJECT_KEYS) if (projectValue[key] !== undefined) project[key] = projectValue[key];
  const groups = data['dependency-groups'];
  for (const withGroups of [false, true]) {
    const groupContent = withGroups && isTable(groups) && Object.keys(groups).length > 0 ? groups : undefined;
    if (Object.keys(project).length === 0 && !groupContent) continue;
    const content: PyTable = {};
    if (Object.keys(project).length > 0) content.project = project;
    if (groupContent) content['dependency-groups'] = groupContent;
    content.tool = { poetry: pick([...POETRY_LEGACY_KEYS, 'group'], () => false) };
    candidates.push(content);
  }
  const hashes = new Set<string>();
  for (const candidate of candidates) {
    const json = pythonJsonDumps(candidate, ', ', ': ');
    if (json === undefined) return undefined;
    hashes.add(sha256(json));
  }
  return [...hashes];
}
