// The configuration-debt rules.
import type { ProjectRule, Rule } from '../../rule.js';
import configKeyMissing from './config-key-missing.js';
import configKeyUnused from './config-key-unused.js';
import configValueDuplicated from './config-value-duplicated.js';
import hyperparameterLiteralBypassesConfig from './hyperparameter-literal-bypasses-config.js';

export const CONFIGURATION_RULES: readonly (Rule | ProjectRule)[] = [configKeyMissing, configKeyUnused, configValueDuplicated, hyperparameterLiteralBypassesConfig];
