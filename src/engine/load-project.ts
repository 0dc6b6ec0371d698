// Loading a project for a run: the walk, the metadata files and Git, the ML config files; reading files as text.
import { buildConfigModels, configKeys, isMlConfigPath, type ConfigFileModel } from './analyses/config-files.js';
import type { SettingsResolver } from './config/resolve.js';
import { isTextKind } from './file-kinds.js';
import { describeFsError, type FileSystem } from './fs.js';
import { loadGit, type GitOption } from './git.js';
import { buildInventory, decodeText, type Inventory, type InventoryEntry } from './inventory.js';
import type { ResultCache } from './linter.js';
import type { ConfigNode } from './parsers/config-tree.js';
import { buildProjectModel, PROJECT_METADATA_KINDS, withTestReports, type ProjectModel } from './project.js';
import { loadTestReports } from './report-files.js';
import { SourceFile } from './source-file.js';
import { phaseTimed, type Timing } from './timing.js';
import type { FileKind, SkippedFile } from './types.js';

/** The project as the rules see it, with the text of the metadata files it was built from. */
export interface LoadedProject {
  readonly inventory: Inventory;
  readonly project: ProjectModel;
  readonly texts: Map<string, string>;
  readonly skipped: SkippedFile[];
  /** Changes whenever a metadata file changes; part of every cache key. */
  readonly key: string;
  /** ML config files as key trees, for project rules (kept out of the model sent to workers). */
  readonly configs: readonly ConfigFileModel[];
  /** Changes whenever a coverage or JUnit report changes; part of the project findings' cache key only (file rules do not read reports). */
  readonly reportsKey: string;
}

export const READ_CONCURRENCY = 64;

/** Reads a file as text, or records why it cannot be read. */
export async function readText(fs: FileSystem, root: string, path: string, skipped: SkippedFile[]): Promise<string | undefined> {
  try {
    const decoded = decodeText(await fs.readFile(`${root}/${path}`));
    if (decoded.ok) return decoded.text;
    skipped.push({ file: path, reason: decoded.reason });
  } catch (error) {
    skipped.push({ file: path, reason: `cannot read: ${describeFsError(error)}` });
  }
  return undefined;
}

/** Walks the tree and builds the project model from the metadata files (manifests, locks, DVC, LFS, CI) and Git. */
export async function loadProject(
  fs: FileSystem,
  root: string,
  settings: SettingsResolver,
  options: { git?: GitOption; isCancelled?: () => boolean; timing?: Timing; cache?: ResultCache } = {},
): Promise<LoadedProject> {
  const phase = phaseTimer(options.timing);
  const inventory = await phase('inventory', () => buildInventory(fs, root, { isIgnored: settings.ignored, ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}) }));
  const skipped: SkippedFile[] = [...inventory.skipped];
  const texts = new Map<string, string>();
  const entries = inventory.files.filter((f) => PROJECT_METADATA_KINDS.has(f.kind));
  const read = await phase('read metadata files', () => mapLimited(entries, READ_CONCURRENCY, (e) => readText(fs, root, e.path, skipped)));
  const metadata: SourceFile[] = [];
  entries.forEach((entry, i) => {
    const text = read[i];
    if (text === undefined) return;
    texts.set(entry.path, text);
    metadata.push(new SourceFile(entry.path, entry.kind, text, {}));
  });
  const git = await phase('git index', () => loadGit(fs, root, options.git ?? 'auto'));
  const configTexts = await phase('ML config files', () => readConfigFiles(fs, root, inventory));
  // Parsed only when needed: project rules read the trees, and files need their key names unless the cache has them.
  let configs: readonly ConfigFileModel[] | undefined;
  const parsedConfigs = (): readonly ConfigFileModel[] => (configs ??= phaseTimed(options.timing, 'parse ML config files', () => parseConfigFiles(configTexts)));
  const configKey = configTexts.map((c) => `${c.file}\u0000${c.text}`).join('\u0001');
  const cachedNames = options.cache?.getConfigKeyNames?.(configKey);
  const keyNames = cachedNames ? [...cachedNames] : [...new Set(parsedConfigs().flatMap((c) => configKeys(c).map((k) => k.name)))].sort();
  if (!cachedNames) options.cache?.setConfigKeyNames?.(configKey, keyNames);
  // Built on first use: a run whose files and project findings all come from the cache never needs it.
  let project: ProjectModel | undefined;
  const reports = await phase('test reports', () => loadTestReports(fs, root, inventory.files));
  skipped.push(...reports.skipped);
  const model = (): ProjectModel => (project ??= phaseTimed(options.timing, 'project model', () => withTestReports(buildProjectModel(inventory.files, metadata, git, keyNames), reports.reports)));
  // Without Git, file rules ask the walk whether a file a script reads exists (data-path-unversioned): the paths
  // found are then an input of every file's result, as Git's index is when there is one.
  const key = `${metadata.map((f) => `${f.path}\u0000${f.text}`).join('\u0001')}\u0002${git ? [...git.tracked].join('\u0000') : inventory.files.map((f) => f.path).join('\u0000')}\u0002${keyNames.join(',')}`;
  return {
    inventory,
    get project() {
      return model();
    },
    texts,
    skipped,
    key,
    get configs() {
      return parsedConfigs();
    },
    reportsKey: reports.key,
  };
}

/** Reads and parses the ML config files; one that does not parse is left out (the lint pass reports it as skipped). */
export async function loadConfigFiles(fs: FileSystem, root: string, inventory: Inventory): Promise<ConfigFileModel[]> {
  return parseConfigFiles(await readConfigFiles(fs, root, inventory));
}

interface ConfigText {
  readonly file: string;
  readonly kind: FileKind;
  readonly text: string;
}

/** Reads the ML config files; unreadable files are reported once, by the lint pass that reads every text file. */
async function readConfigFiles(fs: FileSystem, root: string, inventory: Inventory): Promise<ConfigText[]> {
  const entries = inventory.files.filter((f) => (f.kind === 'yaml' || f.kind === 'json' || f.kind === 'toml') && isMlConfigPath(f.path));
  const unreported: SkippedFile[] = [];
  const texts = await mapLimited(entries, READ_CONCURRENCY, (e) => readText(fs, root, e.path, unreported));
  return entries.flatMap((entry, i) => {
    const text = texts[i];
    return text === undefined ? [] : [{ file: entry.path, kind: entry.kind, text }];
  });
}

/** Parses the ML config files; one that does not parse is left out (the lint pass reports it as skipped). */
function parseConfigFiles(files: readonly ConfigText[]): ConfigFileModel[] {
  const parsed: { file: string; root: ConfigNode; text: string }[] = [];
  for (const { file, kind, text } of files) {
    const tree = new SourceFile(file, kind, text, {}).configTree;
    if (tree?.root && !tree.problems.some((p) => !/^(Map keys must be unique|Duplicate key)/.test(p.message))) parsed.push({ file, root: tree.root, text });
  }
  return buildConfigModels(parsed);
}

/** The files a run reports on: text files under the included paths. */
export function reportableFiles(inventory: Inventory, include?: readonly string[]): InventoryEntry[] {
  return inventory.files.filter((f) => isTextKind(f.kind) && f.kind !== 'mlready-config' && isIncluded(f.path, include));
}

export function isIncluded(path: string, include: readonly string[] | undefined): boolean {
  if (!include || include.length === 0) return true;
  return include.some((p) => p === '' || p === '.' || path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`));
}

/** Times an async phase of the main thread (wall time) when timing; phases run one after another, so they do not overlap. */
export function phaseTimer(timing: Timing | undefined): <T>(name: string, fn: () => Promise<T>) => Promise<T> {
  return async (name, fn) => {
    if (!timing) return fn();
    const start = performance.now();
    try {
      return await fn();
    } finally {
      timing.add(`phase:${name}`, performance.now() - start);
    }
  };
}

export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
