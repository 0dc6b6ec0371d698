// Tests of unused-suppression: suppressions that silence nothing, reported by the engine's suppression pass.
import { fixtureTest } from '../helpers/fixtures';

// The second rule id in the list on line 7 is on (remote-data-unpinned) but silences nothing there: a finding.
fixtureTest('unused-suppression', ['random-state-unset', 'remote-data-unpinned']);
