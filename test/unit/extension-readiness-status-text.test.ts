// The readiness status bar item: the evidence score first, attestations said as such.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readinessStatusView } from '../../src/extension/readiness-status-text';
import { makeItem, makeReport } from '../helpers/readiness-report';

const result = (report: ReturnType<typeof makeReport>) => ({ report, root: '/repo', configErrors: 0 });

describe('readiness status bar text', () => {
  it('shows one number when attestations add nothing', () => {
    const view = readinessStatusView(result(makeReport()));
    assert.equal(view.text, '$(rocket) Readiness 0');
    assert.match(view.tooltip, /^ML Test Score of demo-project: 0 from the repository alone, 0 with the team's attestations\. Held down by /);
    assert.match(view.tooltip, /Click to open the readiness checklist\.$/);
  });

  it('never shows the attested score without saying it is attested', () => {
    const items = ['data', 'model', 'infra', 'monitor'].flatMap((s) => Array.from({ length: 7 }, (_, i) => makeItem(`${s}-${String(i + 1)}`, { points: 0.5, attestation: { status: 'done', how: 'manual', date: '2025-01-01', expired: false } })));
    const view = readinessStatusView(result(makeReport({ items })));
    assert.equal(view.text, '$(rocket) Readiness 0 (3.5 attested)');
  });

  it('before a report and after an error it still opens the panel', () => {
    assert.equal(readinessStatusView(undefined).text, '$(rocket) Readiness');
    assert.match(readinessStatusView(undefined, 'the server is not running').tooltip, /could not be made: the server is not running/);
  });
});
