// The training/serving skew rules: preprocessing that differs between training and serving, and leakage into evaluation.
import type { ProjectRule, Rule } from '../../rule.js';
import fittedTransformerNotPersisted from './fitted-transformer-not-persisted.js';
import preprocessingDuplicatedTrainServe from './preprocessing-duplicated-train-serve.js';
import preprocessingFitBeforeSplit from './preprocessing-fit-before-split.js';
import servingInputUnvalidated from './serving-input-unvalidated.js';

export const SKEW_RULES: readonly (Rule | ProjectRule)[] = [fittedTransformerNotPersisted, preprocessingDuplicatedTrainServe, preprocessingFitBeforeSplit, servingInputUnvalidated];
