// Everything a run's findings depend on, written out as one text: equal texts, equal runs.
import type { Inventory } from './inventory.js';
import type { LintRequest } from './linter.js';

/** Maps and sets as entry lists, so that the config's rule tables and overrides are written out too. */
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) return [...(value as Map<unknown, unknown>)];
  if (value instanceof Set) return [...(value as Set<unknown>)];
  return value;
}

/**
 * The inputs of a run: the engine version; the resolved config with the text of every config file it was read
 * from; every file the walk found (path, kind, size, modification time, as the per-file cache trusts them) and
 * every one it skipped and why; the project key (metadata file texts, Git's index, config key names); each
 * reported file's settings; the included paths and the baseline. It is as strict as the per-file and project
 * caches together, and stricter: a data file that grows changes it.
 */
export function runInputs(request: LintRequest, inventory: Inventory, projectKey: string, reportedSettings: readonly string[], contextKeys: readonly string[]): string {
  const files = inventory.files.map((f) => `${f.path}\u0000${f.kind}\u0000${String(f.size)}\u0000${String(f.mtimeMs ?? '')}`);
  return [
    request.version,
    JSON.stringify(request.settings.config, replacer),
    files.join('\u0001'),
    JSON.stringify(inventory.skipped),
    projectKey,
    reportedSettings.join('\u0001'),
    contextKeys.join('\u0001'),
    JSON.stringify(request.include ?? []),
    JSON.stringify(request.baseline ?? null, replacer),
  ].join('\u0002');
}
