// Tests of hyperparameter-literal-bypasses-config: literals in training code next to a config that defines them.
import { fixtureTest } from '../helpers/fixtures';

fixtureTest('hyperparameter-literal-bypasses-config');
