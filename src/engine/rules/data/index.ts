// The data-dependency rules.
import type { ProjectRule, Rule } from '../../rule.js';
import remoteDataUnpinned from './remote-data-unpinned.js';

export const DATA_RULES: readonly (Rule | ProjectRule)[] = [remoteDataUnpinned];
