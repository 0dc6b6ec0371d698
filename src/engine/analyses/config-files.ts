// The project's ML configuration files (YAML/JSON/TOML) as key trees, with Hydra config groups placed at their keys.
import { baseName, dirName } from '../file-kinds.js';
import type { ConfigNode, KeyPath } from '../parsers/config-tree.js';
import type { Range } from '../types.js';

/** One ML config file and where its keys live in the composed configuration. */
export interface ConfigFileModel {
  readonly file: string;
  readonly root: ConfigNode;
  /**
   * Key prefix the file's keys take when composed: a Hydra group file `conf/model/resnet.yaml` is read as
   * `model.*` (unless it says `# @package _global_`); other files compose at the root.
   */
  readonly prefix: readonly string[];
  /** A Hydra primary config (it has a `defaults:` list), or a file of a Hydra config tree. */
  readonly hydra: boolean;
  /** The `# @package` directive of a YAML file, when it has one (`_global_`, `_group_`, `db.backup`). */
  readonly package?: string;
}

/** A map key of a config file, with the ranges a finding points at. */
export interface ConfigKey {
  readonly file: string;
  /** The key's path inside the file (without the Hydra group prefix). */
  readonly path: readonly string[];
  readonly name: string;
  readonly keyRange: Range;
  readonly node: ConfigNode;
}

/** Folders whose YAML/JSON/TOML files are configuration by convention. */
const CONFIG_DIRS = /(^|\/)(configs?|conf|cfg|params|hparams|hyperparams|settings|experiments?)(\/|$)/i;
const CONFIG_NAMES = /^(params|config|configs|hparams|hyperparams|settings|train|training|model|experiment|default|defaults|base)([._-][\w.-]*)?\.(ya?ml|json|toml)$/i;
/** Tool and infrastructure files that are YAML/JSON/TOML but not ML configuration. */
const NOT_CONFIG = /(^|\/)(\.github|\.gitlab|\.circleci|\.devcontainer|\.vscode|\.idea|node_modules|docs?|charts?|k8s|kubernetes|helm|deploy|\.dvc)\//i;
const TOOL_FILES = /^(\.pre-commit-config|\.pre-commit-hooks|mkdocs|\.readthedocs|readthedocs|docker-compose[\w.-]*|compose|codecov|\.codecov|\.yamllint|environment[\w.-]*|conda[\w.-]*|package|package-lock|tsconfig|jsconfig|\.eslintrc|\.prettierrc|renovate|dependabot|\.mlready|dvc|dvc\.lock|Chart|values|catalog|mlproject|MLproject|cookiecutter|\.bumpversion|pyproject|poetry|Pipfile|\.markdownlint|\.releaserc|citation|CITATION)$/i;

/** True for a YAML, JSON or TOML file that is likely ML configuration, judged by its path. */
export function isMlConfigPath(path: string): boolean {
  if (!/\.(ya?ml|json|toml)$/i.test(path) || NOT_CONFIG.test(path)) return false;
  const base = baseName(path);
  if (TOOL_FILES.test(base.replace(/\.(ya?ml|json|toml)$/i, ''))) return false;
  return CONFIG_DIRS.test(dirName(path)) || CONFIG_NAMES.test(base);
}

/**
 * Builds models of config files. A folder holding a YAML file with a top-level `defaults:` list is a Hydra config
 * root; YAML files in its subfolders are group files whose keys compose under the group path.
 */
export function buildConfigModels(files: readonly { file: string; root: ConfigNode; text: string }[]): ConfigFileModel[] {
  const hydraRoots = new Set<string>();
  for (const f of files) if (/\.ya?ml$/i.test(f.file) && mapHas(f.root, 'defaults')) hydraRoots.add(dirName(f.file));
  return files.map((f) => {
    const dir = dirName(f.file);
    const packageLine = /\.ya?ml$/i.test(f.file) ? /^#\s*@package\s+(\S+)/m.exec(f.text)?.[1] : undefined;
    const pkg = packageLine === undefined ? {} : { package: packageLine };
    const root = [...hydraRoots].filter((r) => r === dir || (r === '' ? dir !== '' : dir.startsWith(`${r}/`))).sort((a, b) => b.length - a.length)[0];
    if (root === undefined) return { file: f.file, root: f.root, prefix: [], hydra: false, ...pkg };
    const group = root === dir ? [] : (root === '' ? dir : dir.slice(root.length + 1)).split('/');
    const prefix = packageLine === '_global_' ? [] : packageLine !== undefined && packageLine !== '_group_' ? packageLine.split('.') : group;
    return { file: f.file, root: f.root, prefix, hydra: true, ...pkg };
  });
}

/** Every map key of a config file, depth first in source order. Keys under list items are included with the list index skipped. */
export function configKeys(model: ConfigFileModel): ConfigKey[] {
  const out: ConfigKey[] = [];
  const walk = (node: ConfigNode, path: string[]): void => {
    if (node.alias) return;
    if (node.kind === 'map') {
      for (const entry of node.children) {
        if (entry.merged || !entry.node.keyRange) continue;
        const keyPath = [...path, entry.key];
        out.push({ file: model.file, path: keyPath, name: entry.key, keyRange: entry.node.keyRange, node: entry.node });
        walk(entry.node, keyPath);
      }
    } else if (node.kind === 'list') {
      for (const child of node.children) walk(child, path);
    }
  };
  walk(model.root, []);
  return out;
}

/** Key paths that `${a.b.c}` interpolations (OmegaConf, DVC templating) reference anywhere in the configs. */
export function interpolatedPaths(models: readonly ConfigFileModel[]): Set<string> {
  const out = new Set<string>();
  const visit = (node: ConfigNode): void => {
    if (node.kind === 'scalar') {
      if (typeof node.value === 'string') for (const m of node.value.matchAll(/\$\{(?:[\w-]+:)?\s*\.*([\w.-]+)[^}]*\}/g)) if (m[1]) out.add(m[1]);
    } else for (const child of node.children) visit('node' in child ? child.node : child);
  };
  for (const m of models) visit(m.root);
  return out;
}

/**
 * True when code that holds these string literals reads the config: it names the file (its path or its name),
 * or, for Hydra trees, its stem as `config_name` or a folder above it as `config_path`.
 */
export function namesConfig(refs: readonly string[], config: ConfigFileModel): boolean {
  const name = baseName(config.file);
  const stem = name.replace(/\.(ya?ml|json|toml)$/i, '');
  const dirs: string[] = [];
  for (let d = dirName(config.file); d !== ''; d = dirName(d)) dirs.push(d);
  return refs.some((ref) => {
    const clean = ref.replace(/^\.\//, '').replace(/\/$/, '');
    if (clean === config.file || clean === name || clean.endsWith(`/${name}`)) return true;
    return config.hydra && (clean === stem || dirs.some((d) => clean === d || clean.endsWith(`/${d}`) || d.endsWith(`/${clean}`) || baseName(d) === baseName(clean)));
  });
}

function mapHas(node: ConfigNode, key: string): boolean {
  return node.kind === 'map' && node.children.some((c) => c.key === key);
}

/** Joins a key path for messages: `train.optimizer.lr`. */
export function formatKeyPath(path: KeyPath): string {
  return path.map(String).join('.');
}
