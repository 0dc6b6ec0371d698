// `mlready check --timing`: the flag, the report's shape on stderr, and that it changes no output (not the times themselves).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { formatTiming, Timing } from '../../src/engine/timing';
import { runCli } from '../helpers/cli';

const FIXTURE = join(__dirname, '..', 'fixtures', 'cli', 'project');

describe('mlready check --timing', () => {
  it('prints the timing tables to stderr and leaves stdout as it was', async () => {
    const plain = await runCli(['check', FIXTURE, '--format', 'json', '--no-cache']);
    const timed = await runCli(['check', FIXTURE, '--format', 'json', '--no-cache', '--timing']);
    assert.equal(timed.code, plain.code);
    assert.equal(timed.stdout, plain.stdout);
    assert.equal(plain.stderr, '');
    for (const title of ['Phase (main thread, wall time)', 'Parsing (summed over workers)', 'File rule (summed over workers)', 'Fact kind (summed over workers)', 'Project rule']) {
      assert.match(timed.stderr, new RegExp(`^${title.replace(/[()]/g, '\\$&')} +\\| Time \\(ms\\) \\| Relative$`, 'm'), title);
    }
    for (const row of ['lint files', 'tree-sitter', 'remote-data-unpinned', 'imports', 'dependency-unused']) assert.match(timed.stderr, new RegExp(`^  ${row} +\\| +\\d+\\.\\d \\| +\\d+\\.\\d%$`, 'm'), row);
    assert.match(timed.stderr, /^Since process start: \d+ ms$/m);
  });

  it('takes no value', async () => {
    const result = await runCli(['check', FIXTURE, '--timing=yes']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--timing takes no value/);
  });

  it('is listed in the help', async () => {
    const { stdout } = await runCli(['--help']);
    assert.match(stdout, /--timing/);
  });
});

describe('formatTiming', () => {
  it('groups keys by prefix, slowest first, with shares and totals', () => {
    const text = formatTiming({ 'rule:b': 1, 'rule:a': 3, 'phase:inventory': 2, 'fact:outline': 4, odd: 1 });
    assert.equal(
      text,
      [
        'Phase (main thread, wall time) | Time (ms) | Relative',
        '-------------------------------|----------:|--------:',
        '  inventory                    |       2.0 |   100.0%',
        '  total                        |       2.0 |',
        '',
        'File rule (summed over workers) | Time (ms) | Relative',
        '--------------------------------|----------:|--------:',
        '  a                             |       3.0 |    75.0%',
        '  b                             |       1.0 |    25.0%',
        '  total                         |       4.0 |',
        '',
        'Fact kind (summed over workers) | Time (ms) | Relative',
        '--------------------------------|----------:|--------:',
        '  outline                       |       4.0 |   100.0%',
        '  total                         |       4.0 |',
        '',
        'Other   | Time (ms) | Relative',
        '--------|----------:|--------:',
        '  odd   |       1.0 |   100.0%',
        '  total |       1.0 |',
        '',
      ].join('\n'),
    );
  });

  it('counts a nested section once: the outer one is charged its own time only', () => {
    const timing = new Timing();
    timing.time('rule:outer', () => {
      timing.time('parse:inner', () => undefined);
    });
    const record = timing.toRecord(true);
    assert.deepEqual(Object.keys(record).sort(), ['parse:inner', 'rule:outer']);
    assert.deepEqual(timing.toRecord(), {});
  });
});
