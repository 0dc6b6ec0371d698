// The secrets rules.
import type { ProjectRule, Rule } from '../../rule.js';
import hardcodedSecret from './hardcoded-secret.js';

export const SECRET_RULES: readonly (Rule | ProjectRule)[] = [hardcodedSecret];
