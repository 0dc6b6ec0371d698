// The status bar's text and tooltip for the server's totals.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statusView } from '../../src/extension/status-text';

const totals = { scanning: false, errors: 2, warnings: 3, infos: 1, files: 4, configErrors: 0 };

describe('status bar text', () => {
  it('shows the number of findings, and the breakdown in the tooltip', () => {
    const view = statusView(totals, true);
    assert.equal(view.text, '$(checklist) mlready 6');
    assert.match(view.tooltip, /^6 findings in 4 files: 2 errors, 3 warnings, 1 info\. Click to open the Problems view\.$/);
    assert.equal(view.alert, false);
    assert.equal(statusView({ ...totals, errors: 0, warnings: 0, infos: 0, files: 0 }, true).text, '$(check) mlready 0');
    assert.equal(statusView({ ...totals, scanning: true }, true).text, '$(sync~spin) mlready 6');
  });

  it('alerts on config errors and on a stopped server', () => {
    const config = statusView({ ...totals, configErrors: 1 }, true);
    assert.equal(config.alert, true);
    assert.match(config.tooltip, /1 error; the last valid config stays in force/);
    assert.equal(statusView(totals, false).alert, true);
    assert.match(statusView(undefined, true).text, /loading/);
  });
});
