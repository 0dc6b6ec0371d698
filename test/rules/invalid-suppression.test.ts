// Tests of invalid-suppression: suppressions without a reason, with an unknown rule id or a malformed body.
import { fixtureTest } from '../helpers/fixtures';

fixtureTest('invalid-suppression', ['random-state-unset']);
