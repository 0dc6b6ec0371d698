// Every key a loaded config object can have: its file (and sibling configs), a Hydra tree under every choice of its defaults, or DVC's params files.
import { baseName, dirName, resolveRelative } from '../file-kinds.js';
import type { ConfigNode } from '../parsers/config-tree.js';
import type { FileFacts } from '../facts.js';
import type { ProjectModel } from '../project.js';
import { FILE_START, type Range } from '../types.js';
import type { ConfigFileModel } from './config-files.js';
import type { ConfigSource } from './config-reads.js';

/** One file's keys, placed at the key path where the composed config holds them. */
export interface ConfigLayer {
  readonly config: ConfigFileModel;
  readonly prefix: readonly string[];
}

/** The files a loaded object's keys can come from; a key no layer defines is defined nowhere. */
export interface ConfigUniverse {
  readonly layers: readonly ConfigLayer[];
  /** For messages: `params.yaml`, `the Hydra config tree under configs/ (12 files)`. */
  readonly where: string;
  /** DVC params files: `dvc exp run --set-param` changes their values without an edit. */
  readonly dvcParams: boolean;
}

/** A key path looked up in a universe. */
export type Lookup =
  | { readonly kind: 'present' }
  /** Some layer cannot tell: an interpolation, a null or `???` value, a list, a custom tag. */
  | { readonly kind: 'unknown' }
  /** `at`: index of the first key no layer defines; `siblings`: the keys defined beside it; `parents`: where those are. */
  | { readonly kind: 'missing'; readonly at: number; readonly siblings: readonly string[]; readonly parents: readonly { readonly file: string; readonly range: Range }[] };


/**
 * The universe of a config source, or undefined when it cannot be known in full: a file outside the project or not
 * parsed, a Hydra tree with structured configs, search paths, package overrides or a defaults entry without its file.
 */
export function configUniverse(source: ConfigSource, project: ProjectModel, configs: readonly ConfigFileModel[], structuredConfigs: boolean): ConfigUniverse | undefined {
  const byFile = new Map(configs.map((c) => [c.file, c]));
  const inventory = new Set(project.files.map((f) => f.path));
  const dvcFiles = new Set(project.dvc.pipelines.flatMap((p) => p.stages.flatMap((s) => s.params.map((param) => param.resolvedFile))));
  if (source.loader === 'hydra') return structuredConfigs ? undefined : hydraUniverse(source.files[0], configs, inventory);
  let files = source.files.filter((f) => inventory.has(f));
  if (source.loader === 'dvc' && files.length === 0) files = [...new Set([...(inventory.has('params.yaml') ? ['params.yaml'] : []), ...dvcFiles])].sort();
  const first = files[0];
  if (first === undefined) return undefined;
  if (source.option !== undefined) {
    // Any config beside the default may be passed instead (`--config configs/large.yaml`).
    const family = /\.ya?ml$/i.test(first) ? /\.ya?ml$/i : /\.json$/i.test(first) ? /\.json$/i : /\.toml$/i;
    files = [first, ...[...inventory].filter((f) => f !== first && dirName(f) === dirName(first) && family.test(f)).sort()];
  }
  const layers = files.map((f) => byFile.get(f));
  if (layers.some((l) => l?.root.kind !== 'map')) return undefined;
  const dvcParams = source.loader === 'dvc' || files.some((f) => dvcFiles.has(f) || (f === 'params.yaml' && project.dvc.pipelines.length > 0));
  const where = files.length === 1 ? first : source.option !== undefined ? `${first} (the ${source.option} default) and ${files.length - 1} other config${files.length === 2 ? '' : 's'} in ${dirName(first) || 'the project root'}/` : files.join(' and ');
  return { layers: layers.flatMap((config) => (config ? [{ config, prefix: [] }] : [])), where, dvcParams };
}

/** The files a Hydra primary config can compose, each at its group's key path; undefined unless every defaults entry resolves in the tree. */
function hydraUniverse(primaryFile: string | undefined, configs: readonly ConfigFileModel[], inventory: ReadonlySet<string>): ConfigUniverse | undefined {
  const primary = configs.find((c) => c.file === primaryFile);
  if (!primary || primary.root.kind !== 'map') return undefined;
  const root = dirName(primary.file);
  const under = (path: string): boolean => root === '' || path.startsWith(`${root}/`);
  const tree = configs.filter((c) => under(c.file) && /\.ya?ml$/i.test(c.file));
  // A YAML file of the tree that did not parse could hold any key.
  if ([...inventory].some((f) => under(f) && /\.ya?ml$/i.test(f) && !tree.some((c) => c.file === f))) return undefined;
  const inTree = new Set(tree.map((c) => c.file));
  const relative = (file: string): string[] => (root === '' ? file : file.slice(root.length + 1)).split('/');
  const included = new Set<string>([primary.file]);
  for (const config of tree) {
    if (relative(config.file)[0] === 'hydra' && config.file !== primary.file) continue;
    if (get(config.root, ['hydra', 'searchpath']) !== undefined) return undefined;
    const defaults = get(config.root, ['defaults']);
    if (defaults === undefined) continue;
    if (defaults === 'unknown' || defaults.kind !== 'list') return undefined;
    const here = config.file === primary.file ? root : dirName(config.file);
    for (const entry of defaults.children) {
      const resolved = defaultsEntry(entry, here, root, inTree);
      if (resolved === undefined) return undefined;
      for (const f of resolved) included.add(f);
    }
  }
  const layers: ConfigLayer[] = [];
  for (const config of tree) {
    const parts = relative(config.file);
    const group = parts.slice(0, -1);
    // Hydra's own group only configures the `hydra` key; other files beside the primary are other primaries.
    if (group[0] === 'hydra' || (group.length === 0 && !included.has(config.file))) continue;
    const pkg = config.package;
    const prefix = config.file === primary.file || pkg === '_global_' ? [] : pkg !== undefined && pkg !== '_group_' ? pkg.split('.') : group;
    layers.push({ config, prefix });
  }
  return { layers, where: layers.length === 1 ? primary.file : `the Hydra config tree under ${root || '.'}/ (${layers.length} files)`, dvcParams: false };
}

/** The files one defaults entry may select (all options of a group left open), or undefined when it cannot be followed. */
function defaultsEntry(entry: ConfigNode, here: string, root: string, inTree: ReadonlySet<string>): string[] | undefined {
  const file = (dir: string, name: string): string | undefined => resolveRelative(name.startsWith('/') ? root : dir, `${name.replace(/^\//, '')}.yaml`);
  if (entry.kind === 'scalar') {
    if (entry.value === '_self_') return [];
    if (typeof entry.value !== 'string' || entry.value.includes('@')) return undefined;
    const target = file(here, entry.value);
    return target !== undefined && inTree.has(target) ? [target] : undefined;
  }
  if (entry.kind !== 'map' || entry.children.length !== 1) return undefined;
  const only = entry.children[0];
  if (!only) return undefined;
  const key = only.key.replace(/^(override|optional)\s+/, '').replace(/^(override|optional)\s+/, '');
  if (key.includes('@')) return undefined;
  const groupPath = key.startsWith('/') ? key.slice(1) : (here === root ? key : `${here.slice(root === '' ? 0 : root.length + 1)}/${key}`);
  // Hydra's own groups (hydra/job_logging, and plugins') only change the `hydra` key.
  if (groupPath === 'hydra' || groupPath.startsWith('hydra/') || baseName(here) === 'hydra') return [];
  const groupDir = resolveRelative(root, groupPath);
  if (groupDir === undefined) return undefined;
  const value = only.node;
  const options = value.kind === 'scalar' ? [value.value] : value.kind === 'list' ? value.children.map((c) => (c.kind === 'scalar' ? c.value : undefined)) : [undefined];
  const out: string[] = [];
  for (const option of options) {
    if (option === null || option === '???' || (typeof option === 'string' && option.includes('${'))) continue;
    if (typeof option !== 'string') return undefined;
    const target = file(groupDir, option);
    // `optional local: default` names a machine's own file, usually git-ignored: its keys are unknown.
    if (target === undefined || !inTree.has(target)) return undefined;
    out.push(target);
  }
  return out;
}

/** True when some file imports Hydra's ConfigStore: structured configs then add keys that no YAML file shows. */
export function usesStructuredConfigs(facts: ReadonlyMap<string, FileFacts>): boolean {
  return [...facts.values()].some((f) => f.imports.some((i) => i.module.startsWith('hydra.core.config_store') || i.names.includes('ConfigStore')));
}

/** Looks a key path up in every layer. */
export function lookupKey(universe: ConfigUniverse, path: readonly string[]): Lookup {
  let deepest = -1;
  let unknown = false;
  const siblings = new Map<number, Set<string>>();
  const parents = new Map<number, { file: string; range: Range }[]>();
  const note = (depth: number, names: readonly string[], parent?: { file: string; range: Range }): void => {
    deepest = Math.max(deepest, depth);
    const set = siblings.get(depth) ?? new Set<string>();
    for (const n of names) set.add(n);
    siblings.set(depth, set);
    if (parent) parents.set(depth, [...(parents.get(depth) ?? []), parent]);
  };
  for (const { config, prefix } of universe.layers) {
    const shared = commonPrefix(prefix, path);
    if (shared < prefix.length) {
      // A group file elsewhere in the tree still tells which keys exist where its path leaves this one.
      if (shared < path.length && prefix[shared] !== undefined) note(shared, [prefix[shared]]);
      else return { kind: 'present' };
      continue;
    }
    let node: ConfigNode = config.root;
    let i = prefix.length;
    let parentRange = i === 0 ? FILE_START : undefined;
    for (; i < path.length; i++) {
      if (node.tag !== undefined || node.kind !== 'map') break;
      const child = node.children.find((c) => c.key === path[i]);
      if (!child) break;
      parentRange = child.node.keyRange ?? FILE_START;
      node = child.node;
    }
    if (i === path.length) return { kind: 'present' };
    if (node.tag !== undefined || node.kind !== 'map') {
      unknown = true;
      continue;
    }
    note(i, node.children.map((c) => c.key), { file: config.file, range: parentRange ?? FILE_START });
  }
  if (unknown || deepest < 0) return { kind: 'unknown' };
  return { kind: 'missing', at: deepest, siblings: [...(siblings.get(deepest) ?? [])].sort(), parents: parents.get(deepest) ?? [] };
}

/** Where every layer that defines a key path defines it, and whether some layer leaves it out or cannot tell. */
export function keyDefinitions(universe: ConfigUniverse, path: readonly string[]): { readonly nodes: readonly { readonly file: string; readonly node: ConfigNode }[]; readonly absentIn: number; readonly unknown: boolean } {
  const nodes: { file: string; node: ConfigNode }[] = [];
  let absentIn = 0;
  let unknown = false;
  for (const { config, prefix } of universe.layers) {
    if (commonPrefix(prefix, path) < Math.min(prefix.length, path.length)) continue;
    if (prefix.length >= path.length) {
      unknown = true;
      continue;
    }
    const found = get(config.root, path.slice(prefix.length));
    if (found === 'unknown') unknown = true;
    else if (found) nodes.push({ file: config.file, node: found });
    else absentIn++;
  }
  return { nodes, absentIn, unknown };
}

function commonPrefix(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The node at a key path through maps; `'unknown'` when a value on the way is not a plain map. */
function get(node: ConfigNode, path: readonly string[]): ConfigNode | 'unknown' | undefined {
  let cur = node;
  for (const key of path) {
    if (cur.tag !== undefined || cur.kind !== 'map') return 'unknown';
    const child = cur.children.find((c) => c.key === key);
    if (!child) return undefined;
    cur = child.node;
  }
  return cur;
}

/** True when one of `paths` is a key path at least `below` keys above `path` (0: `path` itself counts). */
export function covers(paths: readonly (readonly string[])[], path: readonly string[], below: number): boolean {
  return paths.some((p) => p.length + below <= path.length && p.every((k, i) => path[i] === k));
}
