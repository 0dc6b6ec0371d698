// Tests of dvc-metadata-not-committed: DVC files Git does not track, and pipelines without a dvc.lock.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureTest } from '../helpers/fixtures';
import { lintProject } from '../helpers/project-rule-tester';

const PIPELINE = '# the pipeline\nstages:\n  prepare:\n    cmd: python prepare.py\n    outs:\n      - data/prepared\n';
const DVC_FILE = 'outs:\n- md5: 22a1a2931c8370d3aeedd7183606fd7f\n  path: data.xml\n';
const run = async (files: Record<string, string>, tracked?: string[]): Promise<string[]> =>
  (await lintProject({ 'dvc-metadata-not-committed': {} }, files, tracked ? { tracked } : {})).map((f) => `${f.file}:${f.range.start.line + 1} ${f.subject} ${f.message.split(':')[0] ?? ''}`);

describe('dvc-metadata-not-committed', () => {
  const files = {
    '.dvc/config': "[core]\n    remote = storage\n['remote \"storage\"']\n    url = s3://bucket/dvc\n",
    '.dvc/config.local': "['remote \"storage\"']\n    access_key_id = mine\n",
    'data/data.xml.dvc': DVC_FILE,
    'dvc.yaml': PIPELINE,
    'dvc.lock': 'schema: "2.0"\nstages:\n  prepare:\n    cmd: python prepare.py\n',
    'prepare.py': 'print(1)\n',
  };

  it('is quiet when every DVC file is committed', async () => {
    assert.deepEqual(await run(files, ['.dvc/config', 'data/data.xml.dvc', 'dvc.yaml', 'dvc.lock', 'prepare.py']), []);
  });

  it('reports each uncommitted DVC file, but not the personal config.local', async () => {
    assert.deepEqual(await run(files, ['prepare.py']), [
      ".dvc/config:1 .dvc/config DVC is set up but '.dvc/config' is not committed",
      "data/data.xml.dvc:1 data/data.xml.dvc 'data/data.xml.dvc' is not committed",
      "dvc.lock:1 dvc.lock 'dvc.lock' is not committed",
      "dvc.yaml:1 dvc.yaml 'dvc.yaml' is not committed",
    ]);
  });

  it('reports a pipeline with stages and no dvc.lock beside it, with or without Git', async () => {
    const noLock = { 'ml/dvc.yaml': PIPELINE, 'dvc.lock': files['dvc.lock'] };
    const expected = ['ml/dvc.yaml:3 ml/dvc.lock \'ml/dvc.yaml\' declares stages but there is no dvc.lock beside it'];
    assert.deepEqual(await run(noLock), expected);
    assert.deepEqual(await run(noLock, ['ml/dvc.yaml', 'dvc.lock']), expected);
  });

  it('a lock Git tracks counts even when the working tree lacks it; a dvc.yaml without stages needs none', async () => {
    assert.deepEqual(await run({ 'dvc.yaml': PIPELINE }, ['dvc.yaml', 'dvc.lock']), []);
    assert.deepEqual(await run({ 'dvc.yaml': 'metrics:\n  - eval/metrics.json\n' }), []);
  });

  it('without Git information, and with an empty index, only the missing lock is judged', async () => {
    assert.deepEqual(await run(files), []);
    assert.deepEqual(await run(files, []), []);
  });
});

fixtureTest('dvc-metadata-not-committed');
