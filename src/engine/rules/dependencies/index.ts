// The dependency rules.
import type { ProjectRule, Rule } from '../../rule.js';
import dependencySourcesConflict from './dependency-sources-conflict.js';
import dependencyUnpinned from './dependency-unpinned.js';
import dependencyUnused from './dependency-unused.js';
import importUndeclaredDependency from './import-undeclared-dependency.js';
import lockfileMissingOrStale from './lockfile-missing-or-stale.js';

export const DEPENDENCY_RULES: readonly (Rule | ProjectRule)[] = [
  dependencySourcesConflict, dependencyUnpinned, dependencyUnused, importUndeclaredDependency, lockfileMissingOrStale,
];
