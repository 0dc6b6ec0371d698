// The reproducibility rules.
import type { ProjectRule, Rule } from '../../rule.js';
import randomStateUnset from './random-state-unset.js';

export const REPRODUCIBILITY_RULES: readonly (Rule | ProjectRule)[] = [randomStateUnset];
