// Finds `.mlready.yaml` by walking up, reads it and its `extends` chain, and merges them into one ResolvedConfig.
import { describeFsError, type FileSystem } from '../fs.js';
import { dirName } from '../file-kinds.js';
import type { RuleMeta } from '../rule.js';
import { presetRules, PRESET_NAMES } from './presets.js';
import { ConfigError, type ConfigData, type ConfigProblem, type Profile, type ResolvedConfig, type RuleSetting } from './types.js';
import { validateConfig } from './validate.js';

export const CONFIG_NAMES = ['.mlready.yaml', '.mlready.yml'];
const ROOT_MARKERS = ['.git', 'pyproject.toml', 'setup.py', 'setup.cfg'];
const MAX_EXTENDS_DEPTH = 10;

const decoder = new TextDecoder('utf-8', { fatal: true });

async function exists(fs: FileSystem, path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The nearest config file at or above `start` (an absolute directory), if any. */
export async function findConfigFile(fs: FileSystem, start: string): Promise<string | undefined> {
  for (let dir = start; ; dir = dirName(dir) || '/') {
    for (const name of CONFIG_NAMES) {
      const candidate = joinPath(dir, name);
      if (await exists(fs, candidate)) return candidate;
    }
    if (dir === '/' || dir === '') return undefined;
  }
}

/**
 * The project root for a linted path: the config's directory, else the nearest ancestor that looks like a
 * repository or Python project root, else the path itself.
 */
export async function findProjectRoot(fs: FileSystem, start: string, configFile: string | undefined): Promise<string> {
  if (configFile) return dirName(configFile) || '/';
  for (let dir = start; ; dir = dirName(dir) || '/') {
    for (const marker of ROOT_MARKERS) if (await exists(fs, joinPath(dir, marker))) return dir;
    if (dir === '/' || dir === '') return start;
  }
}

/**
 * Loads the config for a project. `explicitFile` is `--config`; without it the nearest `.mlready.yaml` at or
 * above `start` is used, and without one the recommended preset applies. Throws ConfigError on any error.
 */
export async function loadConfig(
  fs: FileSystem,
  start: string,
  rules: ReadonlyMap<string, RuleMeta>,
  explicitFile?: string,
): Promise<ResolvedConfig> {
  const file = explicitFile ?? (await findConfigFile(fs, start));
  const root = await findProjectRoot(fs, start, explicitFile ? undefined : file);
  if (!file) {
    return { root, profile: 'production', preset: 'mlready:recommended', rules: presetRules('mlready:recommended', rules, 'production'), ignore: [], overrides: [], warnings: [], sourceTexts: [] };
  }
  const warnings: ConfigProblem[] = [];
  const sourceTexts: string[] = [];
  const chain = await readChain(fs, file, rules, warnings, sourceTexts, [], 0);
  const own = chain[chain.length - 1];
  let profile: Profile = 'production';
  for (const data of chain) if (data.data.profile) profile = data.data.profile;
  let merged = new Map<string, RuleSetting>();
  let preset = 'mlready:recommended';
  for (const link of chain) {
    for (const base of link.data.extends) {
      if (!base.startsWith('mlready:')) continue;
      preset = base;
      merged = mergeRules(merged, presetRules(base, rules, profile));
    }
    merged = mergeRules(merged, link.data.rules);
  }
  if (!chain.some((c) => c.data.extends.some((e) => e.startsWith('mlready:')))) merged = mergeRules(presetRules(preset, rules, profile), merged);
  return {
    file,
    root: explicitFile ? root : dirName(file) || '/',
    profile,
    rules: merged,
    ignore: chain.flatMap((c) => c.data.ignore.map((g) => rebase(g, c.dir, dirName(file) || '/'))),
    overrides: chain.flatMap((c) =>
      c.data.overrides.map((o) => ({ ...o, files: o.files.map((g) => rebase(g, c.dir, dirName(file) || '/')), excludedFiles: o.excludedFiles.map((g) => rebase(g, c.dir, dirName(file) || '/')) })),
    ),
    preset,
    ...(own?.data.baseline ? { baseline: own.data.baseline } : {}),
    ...(own?.data.readiness ? { readiness: own.data.readiness } : {}),
    warnings,
    sourceTexts,
  };
}

interface ChainLink {
  readonly dir: string;
  readonly data: ConfigData;
}

/** Reads a config and, depth first, what it extends; the result lists bases before the configs that extend them. */
async function readChain(
  fs: FileSystem,
  file: string,
  rules: ReadonlyMap<string, RuleMeta>,
  warnings: ConfigProblem[],
  texts: string[],
  seen: readonly string[],
  depth: number,
): Promise<ChainLink[]> {
  let text: string;
  try {
    text = decoder.decode(await fs.readFile(file));
  } catch (error) {
    const why = error instanceof TypeError ? 'it is not valid UTF-8' : describeFsError(error);
    throw new ConfigError([{ file, line: 0, column: 0, message: `cannot read the config: ${why}`, severity: 'error' }]);
  }
  texts.push(text);
  const { data, problems } = validateConfig(text, file, rules);
  warnings.push(...problems.filter((p) => p.severity === 'warning'));
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || !data) throw new ConfigError(errors);
  const links: ChainLink[] = [];
  for (const base of data.extends) {
    if (base.startsWith('mlready:')) {
      if (!PRESET_NAMES.includes(base)) throw new ConfigError([problemAt(file, text, base, `unknown preset '${base}'; presets are: ${PRESET_NAMES.join(', ')}`)]);
      continue;
    }
    const target = await resolveExtends(fs, base, dirName(file) || '/');
    if (!target) {
      throw new ConfigError([problemAt(file, text, base, `cannot find '${base}' to extend: give a relative path to a YAML file, a preset (${PRESET_NAMES.join(', ')}), or an installed npm package that ships .mlready.yaml`)]);
    }
    if (seen.includes(target) || target === file) throw new ConfigError([problemAt(file, text, base, `'${base}' extends itself through a cycle`)]);
    if (depth >= MAX_EXTENDS_DEPTH) throw new ConfigError([problemAt(file, text, base, 'extends is nested too deeply (more than 10 levels)')]);
    links.push(...(await readChain(fs, target, rules, warnings, texts, [...seen, file], depth + 1)));
  }
  links.push({ dir: dirName(file) || '/', data });
  return links;
}

/** A relative path, or an npm package that holds `.mlready.yaml` (or names one in package.json `mlready`). */
async function resolveExtends(fs: FileSystem, spec: string, fromDir: string): Promise<string | undefined> {
  if (spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/')) {
    const path = spec.startsWith('/') ? spec : normalize(joinPath(fromDir, spec));
    return (await exists(fs, path)) ? path : undefined;
  }
  for (let dir = fromDir; ; dir = dirName(dir) || '/') {
    const pkgDir = joinPath(joinPath(dir, 'node_modules'), spec);
    if (await exists(fs, pkgDir)) {
      try {
        const manifest = JSON.parse(decoder.decode(await fs.readFile(joinPath(pkgDir, 'package.json')))) as { mlready?: unknown };
        if (typeof manifest.mlready === 'string') return normalize(joinPath(pkgDir, manifest.mlready));
      } catch {
        // No package.json, or no `mlready` field: fall back to the conventional file name.
      }
      for (const name of CONFIG_NAMES) if (await exists(fs, joinPath(pkgDir, name))) return joinPath(pkgDir, name);
      return undefined;
    }
    if (dir === '/' || dir === '') return undefined;
  }
}

function mergeRules(base: ReadonlyMap<string, RuleSetting>, over: ReadonlyMap<string, RuleSetting>): Map<string, RuleSetting> {
  const out = new Map(base);
  for (const [id, setting] of over) {
    const previous = out.get(id);
    out.set(id, { severity: setting.severity, options: { ...previous?.options, ...setting.options } });
  }
  return out;
}

/** Points at an `extends` entry: the first mention of it after the `extends` key, not one in an earlier comment. */
function problemAt(file: string, text: string, needle: string, message: string): ConfigProblem {
  const key = Math.max(0, text.search(/^extends\s*:/m));
  const offset = Math.max(0, text.indexOf(needle, key));
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const column = offset - (before.lastIndexOf('\n') + 1);
  return { file, line, column, endLine: line, endColumn: column + needle.length, message, severity: 'error' };
}

/** Globs of an extended config are relative to its own directory; rebase them onto the project root. */
function rebase(glob: string, fromDir: string, rootDir: string): string {
  if (fromDir === rootDir || !fromDir.startsWith(`${rootDir}/`)) return glob;
  const prefix = fromDir.slice(rootDir.length + 1);
  return glob.startsWith('/') ? `/${prefix}${glob}` : `${prefix}/${glob}`;
}

export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return `/${out.join('/')}`;
}
