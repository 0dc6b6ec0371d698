// Tests of large-artifact-in-git: data and model binaries, and very large files, that Git tracks outside LFS.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureTest } from '../helpers/fixtures';
import { lintProject } from '../helpers/project-rule-tester';

const KB = 1024;
const MB = 1024 * KB;
const bytes = (n: number): Uint8Array => new Uint8Array(n);
const run = async (files: Record<string, string | Uint8Array>, tracked?: string[], options = {}): Promise<string[]> =>
  (await lintProject({ 'large-artifact-in-git': options }, files, tracked ? { tracked } : {})).map((f) => `${f.file} ${/data or model/.test(f.message) ? 'data' : 'large'} ${f.range.start.line}:${f.range.start.column}`);

describe('large-artifact-in-git', () => {
  const files = {
    'train.py': 'print(1)\n',
    'data/train.parquet': bytes(600 * KB),
    'tests/fixtures/sample.csv': 'a,b\n'.repeat(1000),
    'models/model.pt': bytes(40 * MB),
    'weights/resnet.bin': bytes(30 * MB),
    '.gitattributes': 'weights/** filter=lfs diff=lfs merge=lfs -text\n',
    'docs/architecture.png': bytes(2 * MB),
    'docs/demo.mp4': bytes(12 * MB),
    'paper.pdf': bytes(11 * MB),
  };
  const tracked = Object.keys(files).filter((p) => p !== 'models/model.pt');

  it('reports tracked data binaries over the small-data size, and any file over the size limit, at 0:0', async () => {
    assert.deepEqual(await run(files, tracked), ['data/train.parquet data 0:0', 'docs/demo.mp4 large 0:0', 'paper.pdf large 0:0']);
  });

  it('leaves alone small fixtures, LFS files, untracked files and documentation images under the limit', async () => {
    const found = await run(files, tracked);
    for (const quiet of ['tests/fixtures/sample.csv', 'weights/resnet.bin', 'models/model.pt', 'docs/architecture.png']) assert.ok(!found.some((f) => f.startsWith(`${quiet} `)), quiet);
  });

  it('is quiet without Git information and with an empty index', async () => {
    assert.deepEqual(await run(files), []);
    assert.deepEqual(await run(files, []), []);
  });

  it('honours maxSizeMb and smallDataKb', async () => {
    assert.deepEqual(await run(files, tracked, { maxSizeMb: 100, smallDataKb: 1024 }), []);
    assert.deepEqual(await run({ 'a.csv': 'x\n'.repeat(2 * KB), 'b.txt': 'y\n'.repeat(KB) }, ['a.csv', 'b.txt'], { smallDataKb: 1, maxSizeMb: 0.001 }), ['a.csv data 0:0', 'b.txt large 0:0']);
  });
});

fixtureTest('large-artifact-in-git');
