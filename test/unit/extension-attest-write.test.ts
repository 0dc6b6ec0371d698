// Attesting from the readiness panel: the YAML is edited in place (comments kept) only when the file is as the
// report saw it; otherwise nothing is written.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attestationFields, isoDate, sha256, stampOf, writeAttestation, type ConfigIo } from '../../src/extension/attest-write';

const FILE = '/repo/.mlready.yaml';
const CONFIG = `# The team config of the churn model.
extends: mlready:recommended
rules:
  random-state-unset: warning # we seed globally
readiness:
  # Reviewed in the quarterly ML review.
  attestations:
    monitor-1:
      status: done
      by: Ana
      date: 2025-01-02
`;

function memoryIo(files: Record<string, string>, dirty: readonly string[] = []): ConfigIo & { files: Record<string, string>; writes: number } {
  const io = {
    files: { ...files },
    writes: 0,
    read: (file: string) => Promise.resolve(file in io.files ? new TextEncoder().encode(io.files[file]) : undefined),
    write: (file: string, bytes: Uint8Array) => {
      io.files[file] = new TextDecoder().decode(bytes);
      io.writes++;
      return Promise.resolve();
    },
    isDirty: (file: string) => dirty.includes(file),
  };
  return io;
}

const starter = (): Promise<string> => Promise.resolve('# mlready team config\nextends: mlready:recommended\n');
const fields = attestationFields({ status: 'done', how: 'manual' }, 'Ben ', ' https://wiki/runbooks/canary ', new Date(2025, 4, 6));

describe('writeAttestation', () => {
  it('adds the attestation and keeps every comment and key as it was', async () => {
    const io = memoryIo({ [FILE]: CONFIG });
    const outcome = await writeAttestation(io, { stamp: await stampOf(io, FILE), configErrors: 0, item: 'monitor-3', fields, starter });
    assert.deepEqual(outcome, { kind: 'written', created: false });
    const text = io.files[FILE] ?? '';
    for (const line of CONFIG.split('\n')) assert.ok(text.includes(line), `kept: ${line}`);
    assert.match(text, /\n {4}monitor-3:\n {6}status: done\n {6}how: manual\n {6}by: Ben\n {6}date: 2025-05-06\n {6}note: https:\/\/wiki\/runbooks\/canary\n/);
  });

  it('revokes one attestation and leaves the others', async () => {
    const io = memoryIo({ [FILE]: CONFIG });
    await writeAttestation(io, { stamp: await stampOf(io, FILE), configErrors: 0, item: 'monitor-3', fields, starter });
    const outcome = await writeAttestation(io, { stamp: await stampOf(io, FILE), configErrors: 0, item: 'monitor-3', fields: undefined, starter });
    assert.equal(outcome.kind, 'written');
    assert.equal(io.files[FILE], CONFIG);
  });

  it('writes nothing when the file changed on disk since the report', async () => {
    const io = memoryIo({ [FILE]: CONFIG });
    const stamp = await stampOf(io, FILE);
    io.files[FILE] = `${CONFIG}# a teammate's edit\n`;
    const outcome = await writeAttestation(io, { stamp, configErrors: 0, item: 'monitor-3', fields, starter });
    assert.ok(outcome.kind === 'refused' && outcome.refresh && /changed on disk/.test(outcome.reason));
    assert.equal(io.writes, 0);
    assert.equal(io.files[FILE], `${CONFIG}# a teammate's edit\n`);
  });

  it('writes nothing while the file has unsaved edits in an editor', async () => {
    const io = memoryIo({ [FILE]: CONFIG }, [FILE]);
    const outcome = await writeAttestation(io, { stamp: await stampOf(io, FILE), configErrors: 0, item: 'monitor-3', fields, starter });
    assert.ok(outcome.kind === 'refused' && /unsaved changes/.test(outcome.reason) && !outcome.refresh);
    assert.equal(io.writes, 0);
  });

  it('writes nothing while the config has errors, or when the YAML cannot be edited safely', async () => {
    const io = memoryIo({ [FILE]: CONFIG });
    const errors = await writeAttestation(io, { stamp: await stampOf(io, FILE), configErrors: 2, item: 'monitor-3', fields, starter });
    assert.ok(errors.kind === 'refused' && /has 2 errors/.test(errors.reason));
    const broken = 'rules: [unclosed\n';
    const bad = memoryIo({ [FILE]: broken });
    const outcome = await writeAttestation(bad, { stamp: await stampOf(bad, FILE), configErrors: 0, item: 'monitor-3', fields, starter });
    assert.ok(outcome.kind === 'refused' && /Nothing was written/.test(outcome.reason));
    assert.equal(io.writes + bad.writes, 0);
    assert.equal(bad.files[FILE], broken);
  });

  it('creates the config from the starter when there is none, and not when one appeared meanwhile', async () => {
    const io = memoryIo({});
    const stamp = await stampOf(io, FILE);
    assert.equal(stamp.hash, '');
    const outcome = await writeAttestation(io, { stamp, configErrors: 0, item: 'data-2', fields, starter });
    assert.deepEqual(outcome, { kind: 'written', created: true });
    assert.match(io.files[FILE] ?? '', /^# mlready team config\nextends: mlready:recommended\n\nreadiness:\n {2}attestations:\n {4}data-2:\n/);
    const raced = memoryIo({ [FILE]: CONFIG });
    const refused = await writeAttestation(raced, { stamp, configErrors: 0, item: 'data-2', fields, starter });
    assert.ok(refused.kind === 'refused' && /was created/.test(refused.reason));
    assert.equal(raced.writes, 0);
  });

  it('revoking in a repository without a config changes nothing', async () => {
    const io = memoryIo({});
    const outcome = await writeAttestation(io, { stamp: await stampOf(io, FILE), configErrors: 0, item: 'data-2', fields: undefined, starter });
    assert.deepEqual(outcome, { kind: 'unchanged' });
    assert.equal(io.writes, 0);
  });
});

describe('attestation fields', () => {
  it('dates the attestation today and leaves out empty answers', () => {
    assert.equal(isoDate(new Date(2025, 0, 9)), '2025-01-09');
    assert.deepEqual(attestationFields({ status: 'not-applicable', how: 'manual' }, '  ', '', new Date(2025, 11, 31)), { status: 'not-applicable', how: 'manual', date: '2025-12-31' });
  });

  it('hashes bytes as sha256 hex', () => {
    assert.equal(sha256(new TextEncoder().encode('')), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
