// Reads the exact versions recorded by Poetry, uv, PDM, Pipenv, conda-lock and pixi lockfiles.
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { TextDocument } from '../text.js';
import { normalizePackageName, type LockedVersions, type ParseProblem } from './manifest-types.js';
import { yamlErrorMessage, yamlNodeOffsets } from './conda-env.js';
import { parseTomlTree, tomlGet, tomlString } from './pyproject.js';

type LockTool = LockedVersions['tool'];

interface LockResult {
  readonly versions: Map<string, string>;
  readonly problems: ParseProblem[];
  contentHash?: string;
}

function record(result: LockResult, name: string | undefined, version: string | undefined): void {
  // Lockfiles covering several platforms repeat a package; the first version read stands for all of them.
  if (name === undefined || version === undefined || name === '' || version === '') return;
  const key = normalizePackageName(name);
  if (!result.versions.has(key)) result.versions.set(key, version);
}

/** poetry.lock, uv.lock and pdm.lock: `[[package]]` tables with `name` and `version`. */
function readTomlLock(doc: TextDocument, result: LockResult, hashKey: 'content-hash' | 'content_hash' | undefined): void {
  const parsed = parseTomlTree(doc);
  if ('problem' in parsed) {
    result.problems.push(parsed.problem);
    return;
  }
  for (const pkg of tomlGet(parsed.root, 'package')?.children.values() ?? []) {
    record(result, tomlString(tomlGet(pkg, 'name')), tomlString(tomlGet(pkg, 'version')));
  }
  if (hashKey) result.contentHash = tomlString(tomlGet(parsed.root, 'metadata', hashKey));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Pipfile.lock: JSON with `default` and `develop` maps of `{ "version": "==x" }`. */
function readPipfileLock(doc: TextDocument, result: LockResult): void {
  let data: unknown;
  try {
    data = JSON.parse(doc.text);
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 reports where JSON.parse gave up as "at position N"; without it the problem points at the start.
    const at = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    result.problems.push({ message: `JSON syntax error: ${message}`, range: doc.rangeOf(at, Math.min(at + 1, doc.text.length)) });
    return;
  }
  if (!isRecord(data)) {
    result.problems.push({ message: 'Pipfile.lock should be a JSON object.', range: doc.rangeOf(0, 0) });
    return;
  }
  for (const section of [data.default, data.develop]) {
    if (!isRecord(section)) continue;
    for (const [name, entry] of Object.entries(section)) {
      // Git and path entries have no version; only `==x` entries lock an index release.
      const version = isRecord(entry) ? asString(entry.version) : undefined;
      record(result, name, version?.replace(/^===?/, ''));
    }
  }
  const meta = data._meta;
  const hash = isRecord(meta) && isRecord(meta.hash) ? asString(meta.hash.sha256) : undefined;
  if (hash !== undefined) result.contentHash = hash;
}

/** Name and version of a conda package file URL: `.../numpy-1.26.4-py311h64a7726_0.conda`. */
function condaFileNameVersion(url: string): [string, string] | undefined {
  const file = url.split('/').pop() ?? '';
  const m = /^(.+)-([^-]+)-([^-]+)\.(?:conda|tar\.bz2)$/.exec(file);
  return m?.[1] !== undefined && m[2] !== undefined ? [m[1], m[2]] : undefined;
}

/** A scalar's text as written, so that an unquoted `version: 2.0` stays `2.0` rather than the number 2. */
function yamlText(node: unknown, doc: TextDocument): string | undefined {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return undefined;
  if (typeof node.value === 'string') return node.value;
  const [start, end] = yamlNodeOffsets(node);
  return doc.text.slice(start, end);
}

/** conda-lock.yml (`package:` list) and pixi.lock (`packages:` list; newer versions give only a file URL for conda packages). */
function readYamlLock(doc: TextDocument, result: LockResult): void {
  const yamlDoc = parseDocument(doc.text, { uniqueKeys: false });
  for (const error of yamlDoc.errors) {
    result.problems.push({ message: `YAML error: ${yamlErrorMessage(error.message)}`, range: doc.rangeOf(error.pos[0], error.pos[1]) });
  }
  const root = yamlDoc.contents;
  if (!isMap(root)) {
    if (yamlDoc.errors.length === 0) result.problems.push({ message: 'The lockfile should be a YAML mapping.', range: doc.rangeOf(0, 0) });
    return;
  }
  const list = root.get('package', true) ?? root.get('packages', true);
  if (!isSeq(list)) {
    const [s, e] = yamlNodeOffsets(list ?? root);
    result.problems.push({ message: 'No `package` list found in the lockfile.', range: doc.rangeOf(s, e) });
    return;
  }
  for (const item of list.items) {
    if (!isMap(item)) continue;
    const get = (key: string) => yamlText(item.get(key, true), doc);
    const name = get('name');
    const fromUrl = name === undefined ? condaFileNameVersion(get('conda') ?? get('url') ?? '') : undefined;
    record(result, name ?? fromUrl?.[0], get('version') ?? fromUrl?.[1]);
  }
  // conda-lock records one hash per platform; any of them changes when the environment file does.
  const hash = root.getIn(['metadata', 'content_hash'], true);
  result.contentHash = isMap(hash) ? yamlText(hash.items[0]?.value, doc) : yamlText(hash, doc);
}

const LOCKFILES: Readonly<Record<string, LockTool>> = {
  'poetry.lock': 'poetry', 'uv.lock': 'uv', 'pdm.lock': 'pdm', 'Pipfile.lock': 'pipenv',
  'conda-lock.yml': 'conda-lock', 'conda-lock.yaml': 'conda-lock', 'pixi.lock': 'pixi',
};

/** Which lock tool a file belongs to, from its base name; undefined for anything else. */
export function lockToolOf(file: string): LockTool | undefined {
  const base = file.slice(file.lastIndexOf('/') + 1);
  return Object.hasOwn(LOCKFILES, base) ? LOCKFILES[base] : undefined;
}

/**
 * Reads a lockfile's `normalised name -> version` table, chosen by base name (poetry.lock, uv.lock, pdm.lock,
 * Pipfile.lock, conda-lock.yml, pixi.lock). Undefined for other files. Never throws; malformed content becomes problems.
 */
export function parseLockfile(file: string, doc: TextDocument): LockedVersions | undefined {
  const tool = lockToolOf(file);
  if (tool === undefined) return undefined;
  const result: LockResult = { versions: new Map(), problems: [] };
  if (tool === 'poetry') readTomlLock(doc, result, 'content-hash');
  else if (tool === 'pdm') readTomlLock(doc, result, 'content_hash');
  else if (tool === 'uv') readTomlLock(doc, result, undefined);
  else if (tool === 'pipenv') readPipfileLock(doc, result);
  else readYamlLock(doc, result);
  return { file, tool, versions: result.versions, contentHash: result.contentHash, problems: result.problems };
}
