// The rule registry: every rule the engine knows, in one list, looked up by id.
import type { Rule, RuleMeta } from '../rule.js';
import remoteDataUnpinned from './data/remote-data-unpinned.js';
import dependencyUnpinned from './dependencies/dependency-unpinned.js';
import invalidSuppression from './meta/invalid-suppression.js';
import unusedSuppression from './meta/unused-suppression.js';
import randomStateUnset from './reproducibility/random-state-unset.js';

/** Rules with a per-file check. */
export const FILE_RULES: readonly Rule[] = [dependencyUnpinned, randomStateUnset, remoteDataUnpinned];

/** Rules the engine itself implements (suppression bookkeeping); configurable like any other rule. */
export const ENGINE_RULES: readonly RuleMeta[] = [invalidSuppression, unusedSuppression];

/** Every rule's metadata, by id, sorted by id. */
export const RULES: ReadonlyMap<string, RuleMeta> = new Map(
  [...FILE_RULES, ...ENGINE_RULES].sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => [r.id, r]),
);
