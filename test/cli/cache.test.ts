// The result cache: a warm run, a partly warm run and a run over a damaged cache all report what a run without one does.
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../helpers/cli';

const SAMPLE = join(__dirname, '..', '..', 'examples', 'sample-ml-repo');
const temps: string[] = [];

after(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function setup(): { repo: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mlready-cache-'));
  temps.push(dir);
  const repo = join(dir, 'repo');
  cpSync(SAMPLE, repo, { recursive: true });
  return { repo, cache: join(dir, 'cache') };
}

async function check(repo: string, cache?: string): Promise<string> {
  const result = await runCli(['check', repo, '--format', 'json', ...(cache ? ['--cache-location', cache] : ['--no-cache'])]);
  assert.ok(result.code === 0 || result.code === 1, result.stderr);
  return result.stdout;
}

/**
 * An edit that changes file findings (an undeclared import) and, through the file's facts, project findings: scipy
 * is no longer an unused dependency, and the config key `dropout` is no longer unread.
 */
const EDIT = '\nimport scipy\nimport requests\n\n\ndef _dropout(cfg):\n    return cfg["dropout"]\n';

const count = (text: string, needle: string): number => text.split(needle).length - 1;

describe('the result cache', () => {
  it('a cold run writes results and facts apart; a warm run reports the same', async () => {
    const { repo, cache } = setup();
    const uncached = await check(repo);
    assert.equal(await check(repo, cache), uncached);
    assert.deepEqual(readdirSync(cache).sort(), ['.gitignore', 'config-keys-v3.json', 'facts-v3.json', 'output-v3.txt', 'results-v3.json']);
    assert.equal(await check(repo, cache), uncached);
  });

  it('a run with the inputs of the last one replays its output, per format, without reading the results', async () => {
    const { repo, cache } = setup();
    const expected = await check(repo, cache);
    writeFileSync(join(cache, 'results-v3.json'), 'not json');
    assert.equal(await check(repo, cache), expected);
    const sarif = await runCli(['check', repo, '--format', 'sarif', '--no-cache']);
    const sarifCached = await runCli(['check', repo, '--format', 'sarif', '--cache-location', cache]);
    assert.equal(sarifCached.stdout, sarif.stdout);
    assert.equal(sarifCached.code, sarif.code);
    const quiet = await runCli(['check', repo, '--format', 'sarif', '--cache-location', cache, '--quiet']);
    assert.equal(quiet.stdout, (await runCli(['check', repo, '--format', 'sarif', '--no-cache', '--quiet'])).stdout);
  });

  it('the exit code and the --max-warnings message are replayed too', async () => {
    const { repo, cache } = setup();
    const first = await runCli(['check', repo, '--cache-location', cache, '--max-warnings', '0']);
    const again = await runCli(['check', repo, '--cache-location', cache, '--max-warnings', '0']);
    assert.deepEqual(again, first);
  });

  it('any file that appears, even a data file no rule reads, ends the replay: the run lints again', async () => {
    const { repo, cache } = setup();
    await check(repo, cache);
    const replayed = await runCli(['check', repo, '--format', 'json', '--cache-location', cache, '--timing']);
    assert.match(replayed.stderr, /^ {2}replay /m);
    assert.doesNotMatch(replayed.stderr, /^ {2}lint files /m);
    writeFileSync(join(repo, 'data', 'extra.bin'), Buffer.alloc(10));
    rmSync(join(cache, 'results-v3.json'));
    const rerun = await runCli(['check', repo, '--format', 'json', '--cache-location', cache, '--timing']);
    assert.match(rerun.stderr, /^ {2}lint files /m);
    assert.equal(rerun.stdout, await check(repo));
  });

  it('a file changed since the cache was written is linted again, and project rules see its new facts', async () => {
    const { repo, cache } = setup();
    await check(repo, cache);
    const before = await check(repo);
    appendFileSync(join(repo, 'src', 'churn', 'features.py'), EDIT);
    const expected = await check(repo);
    for (const gone of ['"dependency-unused"', '"config-key-unused"']) assert.ok(count(expected, gone) < count(before, gone), gone);
    assert.equal(await check(repo, cache), expected);
    assert.equal(await check(repo, cache), expected);
  });

  it('without its facts file, cached files are linted again when project rules must run', async () => {
    const { repo, cache } = setup();
    await check(repo, cache);
    rmSync(join(cache, 'facts-v3.json'));
    appendFileSync(join(repo, 'src', 'churn', 'features.py'), EDIT);
    const expected = await check(repo);
    assert.equal(await check(repo, cache), expected);
    assert.ok(existsSync(join(cache, 'facts-v3.json')));
    assert.equal(await check(repo, cache), expected);
  });

  it('a warm run that cannot replay reads the results but not the facts file', async () => {
    const { repo, cache } = setup();
    const expected = await check(repo, cache);
    writeFileSync(join(cache, 'facts-v3.json'), 'not json');
    rmSync(join(cache, 'output-v3.txt'));
    assert.equal(await check(repo, cache), expected);
  });

  it('a corrupt results file is an empty cache', async () => {
    const { repo, cache } = setup();
    const expected = await check(repo, cache);
    writeFileSync(join(cache, 'results-v3.json'), '{"version":');
    rmSync(join(cache, 'output-v3.txt'));
    assert.equal(await check(repo, cache), expected);
    assert.equal(await check(repo, cache), expected);
  });

  it('a config file edit that keeps its key names reuses per-file results and reruns project rules', async () => {
    const { repo, cache } = setup();
    await check(repo, cache);
    appendFileSync(join(repo, 'params.yaml'), '\n# tuned\n');
    const expected = await check(repo);
    assert.equal(await check(repo, cache), expected);
  });

  it('without Git, a data file that appears changes the findings of the script that reads it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlready-cache-'));
    temps.push(dir);
    const repo = join(dir, 'repo');
    const cache = join(dir, 'cache');
    mkdirSync(join(repo, 'data'), { recursive: true });
    mkdirSync(join(repo, '.dvc'), { recursive: true });
    writeFileSync(join(repo, '.dvc', 'config'), "[core]\n    remote = store\n['remote \"store\"']\n    url = s3://bucket/dvc\n");
    writeFileSync(join(repo, 'train.py'), 'import pandas as pd\n\ndf = pd.read_csv("data/train.csv")\n');
    writeFileSync(join(repo, 'requirements.txt'), 'pandas==2.2.2\n');
    const before = await check(repo, cache);
    assert.equal(count(before, '"data-path-unversioned"'), 1, 'a read of a file that is neither in DVC nor in the tree');
    writeFileSync(join(repo, 'data', 'train.csv'), 'a,b\n1,2\n');
    const after = await check(repo, cache);
    assert.equal(after, await check(repo), 'the warm run reports what a run without a cache does');
    assert.equal(count(after, '"data-path-unversioned"'), 0, 'the file in the working tree may well be committed');
  });
});
