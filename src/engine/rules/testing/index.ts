// The testing rules: missing tests, untested feature and model code, missing data validation, CI that does not test.
import type { ProjectRule, Rule } from '../../rule.js';
import ciDoesNotRunTests from './ci-does-not-run-tests.js';
import dataValidationMissing from './data-validation-missing.js';
import featureCodeUntested from './feature-code-untested.js';
import modelCodeUntested from './model-code-untested.js';
import testsMissing from './tests-missing.js';

export const TESTING_RULES: readonly (Rule | ProjectRule)[] = [ciDoesNotRunTests, dataValidationMissing, featureCodeUntested, modelCodeUntested, testsMissing];
