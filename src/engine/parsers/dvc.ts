// Parses DVC files (*.dvc, dvc.yaml, dvc.lock, .dvc/config) into tracked paths, stages and remotes with ranges.
import type { Range } from '../types.js';
import { TextDocument } from '../text.js';
import { dirName } from '../file-kinds.js';
import type { ParseProblem } from './manifest-types.js';
import { mapGet, parseYamlConfig, scalarText, type ConfigNode, type ScalarValue } from './config-tree.js';
import { commandLines } from './ci.js';

/** A path DVC tracks, reads or writes, with what the file records about it. */
export interface DvcPath {
  /** As written. */
  readonly path: string;
  /** Project-relative, `/`-separated, `.`/`..` resolved; URLs and absolute paths are kept as written. */
  readonly resolved: string;
  /** A URL, an absolute path, or a path that climbs out of the project. */
  readonly external: boolean;
  /** Contains a `${...}` template (foreach/matrix stages, vars); `resolved` is then unexpanded. */
  readonly templated: boolean;
  /** The whole entry (list item). */
  readonly range: Range;
  /** The path text. */
  readonly pathRange: Range;
  readonly md5?: string;
  /** The `hash:` field of DVC 3 files (`md5`), naming the algorithm. */
  readonly hashAlgorithm?: string;
  readonly size?: number;
  readonly nfiles?: number;
  /** Known only from hashes: an `md5` ending in `.dir`, or `nfiles`. */
  readonly isDirectory?: boolean;
  readonly cache?: boolean;
  readonly persist?: boolean;
  readonly push?: boolean;
  readonly remote?: string;
  /** For `dvc import` dependencies. */
  readonly repo?: { readonly url?: string; readonly rev?: string; readonly revLock?: string };
}

/** A `.dvc` file. Paths are relative to the file's directory (and its `wdir`). */
export interface DvcFile {
  readonly file: string;
  readonly outs: readonly DvcPath[];
  readonly deps: readonly DvcPath[];
  readonly frozen: boolean;
  readonly problems: readonly ParseProblem[];
}

/** A stage parameter: `key` in `file`, or the whole file when `key` is missing (`- params.yaml:`). */
export interface DvcParam {
  readonly file: string;
  readonly resolvedFile: string;
  readonly key?: string;
  readonly range: Range;
}

/** A `dvc.yaml` stage. Paths are resolved against the dvc.yaml directory joined with `wdir`. */
export interface DvcStage {
  readonly name: string;
  /** The stage's key. */
  readonly range: Range;
  /** One entry per list item of `cmd`, or per line of a literal block (see `commandLines` in ci.ts). */
  readonly cmd: readonly { readonly text: string; readonly range: Range }[];
  readonly wdir?: string;
  readonly deps: readonly DvcPath[];
  readonly outs: readonly DvcPath[];
  readonly metrics: readonly DvcPath[];
  readonly plots: readonly DvcPath[];
  readonly params: readonly DvcParam[];
  readonly frozen: boolean;
  readonly alwaysChanged: boolean;
  /** Set for `foreach`/`do` and `matrix` stages, which are not expanded: their fields come from `do:` or the stage. */
  readonly generator?: 'foreach' | 'matrix';
  /** The stage as written, for rules that need more. */
  readonly node: ConfigNode;
}

/** A parsed `dvc.yaml`. */
export interface DvcPipeline {
  readonly file: string;
  readonly stages: readonly DvcStage[];
  /** Top-level `params:`, `metrics:` and `plots:` (dvclive writes these). */
  readonly params: readonly DvcParam[];
  readonly metrics: readonly DvcPath[];
  readonly plots: readonly DvcPath[];
  readonly problems: readonly ParseProblem[];
}

/** A parameter value recorded in `dvc.lock`. */
export interface DvcLockParam {
  readonly file: string;
  readonly resolvedFile: string;
  readonly key: string;
  /** The recorded value when it is a scalar; lists and maps are in `node`. */
  readonly value?: ScalarValue;
  readonly node: ConfigNode;
  readonly range: Range;
}

/** A stage as `dvc.lock` recorded it (foreach stages appear as `name@item`). */
export interface DvcLockStage {
  readonly name: string;
  readonly range: Range;
  readonly cmd: readonly { readonly text: string; readonly range: Range }[];
  readonly deps: readonly DvcPath[];
  readonly outs: readonly DvcPath[];
  readonly params: readonly DvcLockParam[];
}

/** A parsed `dvc.lock`. */
export interface DvcLock {
  readonly file: string;
  readonly schema?: string;
  readonly stages: readonly DvcLockStage[];
  readonly problems: readonly ParseProblem[];
}

/**
 * Resolves a path written in a DVC file against `baseDir` (project-relative). URLs (`s3://`,
 * `remote://`), absolute and `~` paths are returned as written and flagged external.
 */
export function resolveDvcPath(baseDir: string, written: string): { resolved: string; external: boolean } {
  const p = written.replace(/\\/g, '/');
  if (/^[a-z][\w+.-]*:\/\//i.test(p) || p.startsWith('/') || p.startsWith('~') || /^[a-z]:\//i.test(p)) return { resolved: p, external: true };
  const out: string[] = [];
  for (const segment of `${baseDir}/${p}`.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(segment);
  }
  return { resolved: out.join('/'), external: out[0] === '..' };
}

const list = (node: ConfigNode | undefined): readonly ConfigNode[] => (node?.kind === 'list' ? node.children : []);
const num = (node: ConfigNode | undefined): number | undefined => (node?.kind === 'scalar' && typeof node.value === 'number' ? node.value : undefined);
const bool = (node: ConfigNode | undefined): boolean | undefined => (node?.kind === 'scalar' && typeof node.value === 'boolean' ? node.value : undefined);
const joinDir = (dir: string, sub: string | undefined): string => (sub === undefined ? dir : resolveDvcPath(dir, sub).resolved);

/** The object without its undefined fields, so results compare and print cleanly. */
function definedOnly<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** One entry of `outs`/`deps`/`metrics`/`plots`: `path`, `{path: x, md5: ...}` (.dvc, lock) or `{x: {cache: false}}` (dvc.yaml). */
function pathEntry(baseDir: string, item: ConfigNode): DvcPath | undefined {
  let path: string | undefined;
  let pathRange = item.range;
  let fields: ConfigNode | undefined;
  if (item.kind === 'scalar') path = scalarText(item);
  else if (item.kind === 'map' && mapGet(item, 'path')) {
    const pathNode = mapGet(item, 'path');
    path = scalarText(pathNode);
    pathRange = pathNode?.range ?? item.range;
    fields = item;
  } else if (item.kind === 'map' && item.children.length === 1 && item.children[0]) {
    const entry = item.children[0];
    path = entry.key;
    pathRange = entry.node.keyRange ?? item.range;
    fields = entry.node;
  }
  if (path === undefined || path === '') return undefined;
  const md5 = scalarText(mapGet(fields, 'md5')) ?? scalarText(mapGet(fields, 'etag')) ?? scalarText(mapGet(fields, 'checksum'));
  const nfiles = num(mapGet(fields, 'nfiles'));
  const repo = mapGet(fields, 'repo');
  const optional = {
    md5, hashAlgorithm: scalarText(mapGet(fields, 'hash')), size: num(mapGet(fields, 'size')), nfiles,
    isDirectory: md5?.endsWith('.dir') === true || nfiles !== undefined ? true : undefined,
    cache: bool(mapGet(fields, 'cache')), persist: bool(mapGet(fields, 'persist')), push: bool(mapGet(fields, 'push')),
    remote: scalarText(mapGet(fields, 'remote')),
    repo: repo ? definedOnly({ url: scalarText(mapGet(repo, 'url')), rev: scalarText(mapGet(repo, 'rev')), revLock: scalarText(mapGet(repo, 'rev_lock')) }) : undefined,
  };
  return { path, ...resolveDvcPath(baseDir, path), templated: path.includes('${'), range: item.range, pathRange, ...(definedOnly(optional) as Partial<DvcPath>) };
}

function pathEntries(baseDir: string, node: ConfigNode | undefined): DvcPath[] {
  return list(node).flatMap((item) => pathEntry(baseDir, item) ?? []);
}

/** Parses a `.dvc` file (`outs:` with hashes; `deps:` for imports). */
export function parseDvcFile(file: string, doc: TextDocument): DvcFile {
  const { root, problems } = parseYamlConfig(doc);
  const base = joinDir(dirName(file), scalarText(mapGet(root, 'wdir')));
  return { file, outs: pathEntries(base, mapGet(root, 'outs')), deps: pathEntries(base, mapGet(root, 'deps')), frozen: bool(mapGet(root, 'frozen')) ?? false, problems };
}

/** `params:` of a stage: `key` (in params.yaml), `{file.yaml: [a, b]}`, or `{file.yaml: null}` for the whole file. */
function stageParams(baseDir: string, node: ConfigNode | undefined): DvcParam[] {
  const param = (file: string, range: Range, key?: string): DvcParam => ({
    file, resolvedFile: resolveDvcPath(baseDir, file).resolved, range, ...(key !== undefined ? { key } : {}),
  });
  return list(node).flatMap((item) => {
    if (item.kind === 'scalar') {
      const key = scalarText(item);
      return key === undefined ? [] : [param('params.yaml', item.range, key)];
    }
    if (item.kind !== 'map') return [];
    return item.children.flatMap(({ key: file, node: keys }) => {
      const listed = list(keys).flatMap((k) => {
        const key = scalarText(k);
        return key === undefined ? [] : [param(file, k.range, key)];
      });
      return keys.kind === 'list' ? listed : [param(file, keys.keyRange ?? item.range)];
    });
  });
}

/**
 * Parses `dvc.yaml`. Paths are resolved against the file's directory and the stage's `wdir`;
 * `foreach`/`matrix` stages are read once, unexpanded, with their `${item...}` paths marked templated.
 */
export function parseDvcPipeline(file: string, doc: TextDocument): DvcPipeline {
  const { root, problems } = parseYamlConfig(doc);
  const dir = dirName(file);
  const stagesNode = mapGet(root, 'stages');
  const stages = (stagesNode?.kind === 'map' ? stagesNode.children : []).map(({ key: name, node }): DvcStage => {
    const foreach = mapGet(node, 'foreach') !== undefined;
    const body = foreach ? (mapGet(node, 'do') ?? node) : node;
    const wdir = scalarText(mapGet(body, 'wdir'));
    const base = joinDir(dir, wdir);
    const generator = foreach ? 'foreach' : mapGet(node, 'matrix') !== undefined ? 'matrix' : undefined;
    return {
      name, range: node.keyRange ?? node.range, node, cmd: cmdLines(doc, mapGet(body, 'cmd')),
      deps: pathEntries(base, mapGet(body, 'deps')), outs: pathEntries(base, mapGet(body, 'outs')),
      metrics: pathEntries(base, mapGet(body, 'metrics')), plots: pathEntries(base, mapGet(body, 'plots')),
      params: stageParams(base, mapGet(body, 'params')),
      frozen: bool(mapGet(body, 'frozen')) ?? false, alwaysChanged: bool(mapGet(body, 'always_changed')) ?? false,
      ...(wdir !== undefined ? { wdir } : {}), ...(generator ? { generator } : {}),
    };
  });
  const topParams = list(mapGet(root, 'params')).flatMap((item) => {
    const written = scalarText(item) ?? (item.kind === 'map' ? item.children[0]?.key : undefined);
    return written === undefined ? [] : [{ file: written, resolvedFile: resolveDvcPath(dir, written).resolved, range: item.range }];
  });
  const plots = list(mapGet(root, 'plots')).flatMap((item) => {
    // `- ROC: {y: {eval/roc.json: tpr}}` names its data files under `y`; otherwise the key is the file.
    const y = item.kind === 'map' ? mapGet(item.children[0]?.node, 'y') : undefined;
    if (y?.kind !== 'map') return pathEntry(dir, item) ?? [];
    return y.children.flatMap((e) => pathEntry(dir, { kind: 'map', range: item.range, children: [e] }) ?? []);
  });
  return { file, stages, params: topParams, metrics: pathEntries(dir, mapGet(root, 'metrics')), plots, problems };
}

function cmdLines(doc: TextDocument, node: ConfigNode | undefined): { text: string; range: Range }[] {
  return node?.kind === 'list' ? node.children.flatMap((item) => commandLines(doc, item)) : commandLines(doc, node);
}

/**
 * Parses `dvc.lock` (schema 2.0, and the older file whose top level is the stages). Paths are resolved
 * against the lock's directory, joined with the stage's `wdir` when `stageWdirs` (from dvc.yaml) gives one.
 */
export function parseDvcLock(file: string, doc: TextDocument, stageWdirs: ReadonlyMap<string, string> = new Map()): DvcLock {
  const { root, problems } = parseYamlConfig(doc);
  const dir = dirName(file);
  const schema = scalarText(mapGet(root, 'schema'));
  const stagesNode = mapGet(root, 'stages') ?? (schema === undefined ? root : undefined);
  const stages = (stagesNode?.kind === 'map' ? stagesNode.children : []).map(({ key: name, node }): DvcLockStage => {
    const base = joinDir(dir, stageWdirs.get(name.replace(/@.*$/, '')));
    const params = mapGet(node, 'params');
    return {
      name, range: node.keyRange ?? node.range, cmd: cmdLines(doc, mapGet(node, 'cmd')),
      deps: pathEntries(base, mapGet(node, 'deps')), outs: pathEntries(base, mapGet(node, 'outs')),
      params: (params?.kind === 'map' ? params.children : []).flatMap(({ key: paramFile, node: values }) =>
        (values.kind === 'map' ? values.children : []).map(({ key, node: value }) => ({
          file: paramFile, resolvedFile: resolveDvcPath(base, paramFile).resolved, key, node: value, range: value.keyRange ?? value.range,
          ...(value.kind === 'scalar' ? { value: value.value } : {}),
        }))),
    };
  });
  return { file, stages, problems, ...(schema !== undefined ? { schema } : {}) };
}

/** A `key = value` line of `.dvc/config`. */
export interface DvcConfigOption {
  readonly key: string;
  readonly value: string;
  /** The whole `key = value` line. */
  readonly range: Range;
  readonly valueRange: Range;
}

/** A `[section]` of `.dvc/config` with its options. */
export interface DvcConfigSection {
  /** The header as written inside the brackets, unquoted: `core`, `remote "storage"`. */
  readonly name: string;
  /** `core`, `remote`, `cache`, `machine`, ...: the first word of the name. */
  readonly kind: string;
  /** The quoted part: the remote's name for `remote "storage"`. */
  readonly subName?: string;
  /** The header line. */
  readonly range: Range;
  readonly options: readonly DvcConfigOption[];
}

/** A `[remote "name"]` section. */
export interface DvcRemote {
  readonly name: string;
  readonly url?: string;
  readonly range: Range;
  readonly urlRange?: Range;
  readonly options: ReadonlyMap<string, string>;
}

/** A parsed `.dvc/config` (or `config.local`). */
export interface DvcConfig {
  readonly file: string;
  readonly sections: readonly DvcConfigSection[];
  readonly remotes: readonly DvcRemote[];
  /** `[core] remote = name`, with the range of the name. */
  readonly defaultRemote?: { readonly name: string; readonly range: Range };
  readonly problems: readonly ParseProblem[];
}

const unquote = (s: string): string => (/^(['"]).*\1$/.test(s) && s.length >= 2 ? s.slice(1, -1) : s);

/**
 * Parses `.dvc/config` or `.dvc/config.local`, the INI dialect DVC writes (`['remote "storage"']`
 * headers, `key = value` lines, `#`/`;` comments). Lines it cannot read are problems.
 */
export function parseDvcConfig(file: string, text: string | TextDocument): DvcConfig {
  const doc = typeof text === 'string' ? new TextDocument(text) : text;
  const sections: { name: string; kind: string; subName?: string; range: Range; options: DvcConfigOption[] }[] = [];
  const problems: ParseProblem[] = [];
  for (let line = 0; line < doc.lineCount; line++) {
    const raw = doc.lineText(line);
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const range = doc.lineRange(line);
    const header = /^\[(.*)\]\s*(?:[#;].*)?$/.exec(trimmed);
    if (header) {
      const name = unquote((header[1] ?? '').trim());
      const parts = /^(\S+)\s+["'](.*)["']$/.exec(name);
      sections.push({ name, kind: parts?.[1] ?? name, ...(parts?.[2] !== undefined ? { subName: parts[2] } : {}), range, options: [] });
      continue;
    }
    const option = /^([^=]+?)\s*=\s*(.*)$/.exec(trimmed);
    const section = sections[sections.length - 1];
    if (!option || !section) {
      problems.push({ message: option ? 'Option outside of any [section]' : 'Expected `key = value` or a [section] header', range });
      continue;
    }
    const written = option[2] ?? '';
    const quoted = /^(['"]).*\1$/.test(written);
    const value = quoted ? written : written.replace(/\s+[#;].*$/, '');
    const column = raw.indexOf(written, raw.indexOf('=') + 1);
    section.options.push({
      key: (option[1] ?? '').trim(), value: unquote(value), range,
      valueRange: { start: { line, column }, end: { line, column: column + value.length } },
    });
  }
  const remotes = sections.filter((s) => s.kind === 'remote' && s.subName !== undefined).map((s): DvcRemote => {
    const url = s.options.find((o) => o.key === 'url');
    return { name: s.subName ?? '', range: s.range, options: new Map(s.options.map((o) => [o.key, o.value])), ...(url ? { url: url.value, urlRange: url.valueRange } : {}) };
  });
  const core = sections.filter((s) => s.kind === 'core').flatMap((s) => s.options).filter((o) => o.key === 'remote').pop();
  return { file, sections, remotes, problems, ...(core ? { defaultRemote: { name: core.value, range: core.valueRange } } : {}) };
}
