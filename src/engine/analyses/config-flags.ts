// The one value a config flag has wherever the code can load it from, with the evidence: which configs, which value.
import { dirName } from '../file-kinds.js';
import type { ProjectModel } from '../project.js';
import type { RelatedLocation } from '../types.js';
import { configKeys, type ConfigFileModel } from './config-files.js';
import type { ConfigFlagTest, ConfigSource } from './config-reads.js';
import { configUniverse, covers, keyDefinitions } from './config-universe.js';

/** A flag's only value, and where it is set. */
export interface ConfigFlagValue {
  readonly value: boolean;
  /** For messages: `data.augment is false in configs/base.yaml and configs/small.yaml`. */
  readonly evidence: string;
  readonly related: readonly RelatedLocation[];
}

/**
 * The value a flag test reads when every config the source can load sets it alike (or leaves it to the same default),
 * nothing in the file writes it or hands its object on, and no other config of the project sets a key of that name
 * to anything else (a sweep, another experiment). Undefined whenever the value can vary: Hydra configs (every key is
 * a command-line override), DVC params (`dvc exp run --set-param`), or a config the engine cannot read in full.
 */
export function configFlagValue(
  source: ConfigSource,
  test: Pick<ConfigFlagTest, 'path' | 'fallback'>,
  project: ProjectModel,
  configs: readonly ConfigFileModel[],
  structuredConfigs: boolean,
): ConfigFlagValue | undefined {
  if (source.loader === 'hydra' || covers(source.written, test.path, 0) || covers(source.escaped, test.path, 1)) return undefined;
  const universe = configUniverse(source, project, configs, structuredConfigs);
  if (!universe || universe.dvcParams) return undefined;
  const found = keyDefinitions(universe, test.path);
  // A config that leaves the key out raises on a plain read: that is config-key-missing's finding, not a flag.
  if (found.unknown || (found.absentIn > 0 && test.fallback === undefined)) return undefined;
  const values = found.nodes.map(({ node }) => (node.kind === 'scalar' && node.tag === undefined && typeof node.value === 'boolean' ? node.value : undefined));
  const all = [...values, ...(found.absentIn > 0 ? [test.fallback === true] : [])];
  const value = all[0];
  // A key no config sets is an optional setting the code documents, not a flag the configs switch off.
  if (found.nodes.length === 0 || value === undefined || all.some((v) => v !== value)) return undefined;
  const leaf = test.path[test.path.length - 1];
  const loaded = new Set(universe.layers.map((l) => l.config.file));
  for (const config of configs) {
    for (const key of configKeys(config)) {
      if (key.name !== leaf || (loaded.has(config.file) && key.path.join('.') === test.path.join('.'))) continue;
      if (key.node.kind !== 'scalar' || key.node.value !== value) return undefined;
    }
  }
  const key = test.path.join('.');
  const literal = value ? 'true' : 'false';
  const files = [...new Set(found.nodes.map((n) => n.file))];
  const fallback = test.fallback === null ? 'None' : test.fallback === true ? 'True' : 'False';
  const evidence = `${key} is ${literal} in ${listFiles(files)}${found.absentIn > 0 ? ` and the code's default, ${fallback}, applies in the other${found.absentIn === 1 ? '' : ` ${found.absentIn}`}` : ''}`;
  const related = found.nodes.slice(0, 3).flatMap(({ file, node }) => (node.keyRange ? [{ file, range: node.keyRange, message: `${key}: ${literal} here` }] : []));
  return { value, evidence, related };
}

function listFiles(files: readonly string[]): string {
  if (files.length <= 3) return files.length === 1 ? (files[0] ?? '') : `${files.slice(0, -1).join(', ')} and ${files[files.length - 1] ?? ''}`;
  const dirs = new Set(files.map(dirName));
  const [dir] = dirs;
  return dirs.size === 1 && dir !== undefined ? `all ${files.length} configs in ${dir || 'the project root'}/` : `${files.length} configs (${files.slice(0, 2).join(', ')}, ...)`;
}
