// The secrets rules.
import type { ProjectRule, Rule } from '../../rule.js';

export const SECRET_RULES: readonly (Rule | ProjectRule)[] = [];
