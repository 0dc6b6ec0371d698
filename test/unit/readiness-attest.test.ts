// Attesting and revoking readiness items edits .mlready.yaml minimally, keeping comments, order and formatting.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AttestationEditError, setAttestation } from '../../src/engine/readiness/attest.js';
import { validateConfig } from '../../src/engine/config/validate.js';

const done = { status: 'done', how: 'manual', by: 'ana', date: '2026-11-20', note: 'reviewed in #42' } as const;

function attestationsOf(text: string): unknown {
  const { data, problems } = validateConfig(text, '.mlready.yaml', new Map());
  assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
  return data?.readiness?.attestations.map((a) => ({ ...a }));
}

describe('setAttestation', () => {
  it('adds a readiness block to a config without one, keeping everything above', () => {
    const text = '# team config\nextends: mlready:recommended  # base\nrules:\n    dependency-unpinned: error\n';
    const out = setAttestation(text, 'model-1', done);
    assert.ok(out.startsWith(text));
    assert.equal(out.slice(text.length), '\nreadiness:\n  attestations:\n    model-1:\n      status: done\n      how: manual\n      by: ana\n      date: 2026-11-20\n      note: "reviewed in #42"\n');
    assert.deepEqual(attestationsOf(out), [{ item: 'model-1', ...done }]);
  });

  it('writes into an empty file', () => {
    const out = setAttestation('', 'infra-6', { status: 'not-applicable', date: '2026-11-20' });
    assert.equal(out, 'readiness:\n  attestations:\n    infra-6:\n      status: not-applicable\n      date: 2026-11-20\n');
  });

  it('adds an item after the existing ones with their indentation, and leaves comments alone', () => {
    const text = [
      'readiness:',
      '    maxAgeDays: 90 # a quarter',
      '    attestations:',
      '        # reviewed at the offsite',
      '        data-2: { status: done, by: bo, date: 2026-10-01 }',
      '',
      '# trailing comment',
      'ignore: [legacy/**]',
      '',
    ].join('\n');
    const out = setAttestation(text, 'model-4', { status: 'partial', by: 'ana', date: '2026-11-20' });
    assert.equal(
      out,
      [
        'readiness:',
        '    maxAgeDays: 90 # a quarter',
        '    attestations:',
        '        # reviewed at the offsite',
        '        data-2: { status: done, by: bo, date: 2026-10-01 }',
        '        model-4:',
        '          status: partial',
        '          by: ana',
        '          date: 2026-11-20',
        '',
        '# trailing comment',
        'ignore: [legacy/**]',
        '',
      ].join('\n'),
    );
  });

  it('replaces an existing item in place and keeps the comments around it', () => {
    const text = 'readiness:\n  attestations:\n    # first\n    data-2:\n      status: partial\n    model-1: {status: done, date: 2025-01-01}  # old\n    infra-1:\n      status: done\n';
    const out = setAttestation(text, 'model-1', done);
    assert.equal(out, 'readiness:\n  attestations:\n    # first\n    data-2:\n      status: partial\n    model-1:  # old\n      status: done\n      how: manual\n      by: ana\n      date: 2026-11-20\n      note: "reviewed in #42"\n    infra-1:\n      status: done\n');
  });

  it('revokes an item, and leaves an empty mapping when it was the last one', () => {
    const text = 'readiness:\n  attestations:\n    data-2:\n      status: partial\n    model-1:\n      status: done\n# end\n';
    const once = setAttestation(text, 'data-2', undefined);
    assert.equal(once, 'readiness:\n  attestations:\n    model-1:\n      status: done\n# end\n');
    const twice = setAttestation(once, 'model-1', undefined);
    assert.equal(twice, 'readiness:\n  attestations: {}\n# end\n');
    assert.deepEqual(attestationsOf(twice), []);
    assert.equal(setAttestation(twice, 'model-1', undefined), twice);
  });

  it('keeps CRLF line endings', () => {
    const text = 'rules:\r\n  dependency-unpinned: error\r\nreadiness:\r\n  attestations:\r\n    data-2:\r\n      status: done\r\n';
    const out = setAttestation(text, 'data-3', { status: 'done', date: '2026-11-20' });
    assert.ok(!/[^\r]\n/.test(out), 'every newline is CRLF');
    assert.deepEqual(attestationsOf(out), [{ item: 'data-2', status: 'done', by: undefined, date: undefined, note: undefined }, { item: 'data-3', status: 'done', by: undefined, date: '2026-11-20', note: undefined }]);
  });

  it('quotes values that YAML would read differently', () => {
    const out = setAttestation('', 'data-5', { status: 'done', by: 'yes', note: 'a: b\nsecond line', date: '2026-11-20' });
    assert.deepEqual(attestationsOf(out), [{ item: 'data-5', status: 'done', by: 'yes', date: '2026-11-20', note: 'a: b\nsecond line' }]);
  });

  it('refuses broken YAML and flow mappings instead of rewriting them', () => {
    assert.throws(() => setAttestation('rules: [\n', 'data-1', done), AttestationEditError);
    assert.throws(() => setAttestation('readiness: {attestations: {}}\n', 'data-1', done), AttestationEditError);
    assert.throws(() => setAttestation('- a\n- b\n', 'data-1', done), AttestationEditError);
  });
});
