// The reproducibility rules.
import type { ProjectRule, Rule } from '../../rule.js';
import absoluteLocalPath from './absolute-local-path.js';
import randomSeedMissing from './random-seed-missing.js';
import randomStateUnset from './random-state-unset.js';
import torchNondeterminism from './torch-nondeterminism.js';

export const REPRODUCIBILITY_RULES: readonly (Rule | ProjectRule)[] = [absoluteLocalPath, randomSeedMissing, randomStateUnset, torchNondeterminism];
