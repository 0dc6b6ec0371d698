// The dependency rules.
import type { ProjectRule, Rule } from '../../rule.js';
import dependencyUnpinned from './dependency-unpinned.js';

export const DEPENDENCY_RULES: readonly (Rule | ProjectRule)[] = [dependencyUnpinned];
