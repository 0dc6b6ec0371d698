// The rule registry: every rule the engine knows, gathered from the category lists, looked up by id.
import type { ProjectRule, Rule, RuleMeta } from '../rule.js';
import { CONFIGURATION_RULES } from './configuration/index.js';
import { DATA_RULES } from './data/index.js';
import { DEPENDENCY_RULES } from './dependencies/index.js';
import { GLUE_CODE_RULES } from './glue-code/index.js';
import invalidSuppression from './meta/invalid-suppression.js';
import unusedSuppression from './meta/unused-suppression.js';
import { NOTEBOOK_RULES } from './notebooks/index.js';
import { REPRODUCIBILITY_RULES } from './reproducibility/index.js';
import { SECRET_RULES } from './secrets/index.js';
import { SKEW_RULES } from './skew/index.js';
import { TESTING_RULES } from './testing/index.js';

const ALL: readonly (Rule | ProjectRule)[] = [...DATA_RULES, ...DEPENDENCY_RULES, ...REPRODUCIBILITY_RULES, ...SECRET_RULES, ...CONFIGURATION_RULES, ...NOTEBOOK_RULES, ...GLUE_CODE_RULES, ...SKEW_RULES, ...TESTING_RULES];

function isProjectRule(rule: Rule | ProjectRule): rule is ProjectRule {
  return 'scope' in rule;
}

/** Rules with a per-file check. */
export const FILE_RULES: readonly Rule[] = ALL.filter((r): r is Rule => !isProjectRule(r));

/** Rules that run once over the whole project. */
export const PROJECT_RULES: readonly ProjectRule[] = ALL.filter(isProjectRule);

/** Rules the engine itself implements (suppression bookkeeping); configurable like any other rule. */
export const ENGINE_RULES: readonly RuleMeta[] = [invalidSuppression, unusedSuppression];

/** Every rule's metadata, by id, sorted by id. */
export const RULES: ReadonlyMap<string, RuleMeta> = new Map(
  [...ALL, ...ENGINE_RULES].sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => [r.id, r]),
);
