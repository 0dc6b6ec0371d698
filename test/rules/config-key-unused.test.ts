// Tests of config-key-unused on small projects: plain YAML read by code, configs passed whole, Hydra trees, DVC params.
import { fixtureTest } from '../helpers/fixtures';

fixtureTest('config-key-unused', [], 'basic');
fixtureTest('config-key-unused', [], 'dynamic');
fixtureTest('config-key-unused', [], 'hydra');
fixtureTest('config-key-unused', [], 'dvc');
