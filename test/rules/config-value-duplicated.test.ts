// Tests of config-value-duplicated: a hyperparameter in a config, an argparse default and a constant; config copies.
import { fixtureTest } from '../helpers/fixtures';

fixtureTest('config-value-duplicated');
