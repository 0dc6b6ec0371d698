// Worker threads read the files they lint: the built CLI with --threads reports what the in-thread run does, skips included.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const REPO = join(__dirname, '..', '..');
const CLI = join(REPO, 'bin', 'mlready.js');
const BUILT = existsSync(join(REPO, 'dist', 'cli.js')) && existsSync(join(REPO, 'dist', 'worker.js'));
const temps: string[] = [];

after(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function check(dir: string, threads: number): string {
  const run = spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json', '--no-cache', '--threads', String(threads)], { encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return run.stdout;
}

describe('mlready check --threads (the built CLI)', { skip: BUILT ? false : 'needs npm run build' }, () => {
  it('workers read and lint the files, unreadable ones are skipped with their reason, as in one thread', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlready-threads-'));
    temps.push(dir);
    cpSync(join(REPO, 'examples', 'sample-ml-repo'), dir, { recursive: true });
    writeFileSync(join(dir, 'src', 'churn', 'model.py'), new Uint8Array([0x80, 0x04, 0x95, 0x00, 0x7d, 0x94, 0x2e]));
    writeFileSync(join(dir, 'src', 'churn', 'latin.py'), Buffer.from('# caf\xe9\nx = 1\n', 'latin1'));
    const inThread = check(dir, 0);
    const report = JSON.parse(inThread) as { skipped: { file: string }[]; findings: unknown[] };
    assert.deepEqual(report.skipped.map((s) => s.file).sort(), ['src/churn/latin.py', 'src/churn/model.py']);
    assert.ok(report.findings.length > 10);
    assert.equal(check(dir, 2), inThread);
  });
});
