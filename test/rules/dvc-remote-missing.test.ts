// Tests of dvc-remote-missing: DVC projects whose committed config names no remote, or no default for their outputs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureTest } from '../helpers/fixtures';
import { lintProject } from '../helpers/project-rule-tester';

const DVC_FILE = 'outs:\n- md5: 22a1a2931c8370d3aeedd7183606fd7f\n  path: data.xml\n';
const run = async (files: Record<string, string>): Promise<string[]> =>
  (await lintProject({ 'dvc-remote-missing': {} }, files)).map((f) => `${f.file}:${f.range.start.line + 1} ${f.subject} | ${f.message.split(':')[0] ?? ''}`);

describe('dvc-remote-missing', () => {
  it('is quiet with a committed default remote', async () => {
    assert.deepEqual(await run({ '.dvc/config': "[core]\n    remote = storage\n['remote \"storage\"']\n    url = s3://bucket/dvc\n", 'data.xml.dvc': DVC_FILE }), []);
  });

  it('reports a config without remotes on its first section', async () => {
    assert.deepEqual(await run({ '.dvc/config': '# shared\n[core]\n    autostage = true\n', 'data.xml.dvc': DVC_FILE }), [
      '.dvc/config:2 dvc remote | DVC tracks 1 output(s) but .dvc/config names no remote',
    ]);
  });

  it('a remote only in config.local is not shared with the team', async () => {
    assert.deepEqual(await run({ '.dvc/config': '[core]\n', '.dvc/config.local': "[core]\n    remote = mine\n['remote \"mine\"']\n    url = /mnt/me\n", 'data.xml.dvc': DVC_FILE }), [
      '.dvc/config:1 dvc remote | The only DVC remote is in .dvc/config.local, which is personal and not committed',
    ]);
  });

  it('remotes without a default, for outputs that name no remote', async () => {
    const config = "['remote \"a\"']\n    url = s3://a\n['remote \"b\"']\n    url = s3://b\n";
    assert.deepEqual(await run({ '.dvc/config': config, 'data.xml.dvc': DVC_FILE }), ['.dvc/config:1 dvc default remote | DVC remotes are configured but none is the default (core.remote), and 1 output(s) name no remote']);
    assert.deepEqual(await run({ '.dvc/config': config, 'data.xml.dvc': `${DVC_FILE}  remote: a\n` }), []);
  });

  it('a default that names a remote only config.local defines', async () => {
    const found = await run({ '.dvc/config': '[core]\n    remote = team\n[\'remote "other"\']\n    url = s3://o\n', '.dvc/config.local': "['remote \"team\"']\n    url = s3://t\n", 'data.xml.dvc': DVC_FILE });
    assert.deepEqual(found, ['.dvc/config:2 dvc remote team | core.remote is \'team\', but .dvc/config defines no such remote (only the personal .dvc/config.local does)']);
  });

  it('without .dvc/config the finding goes on the first dvc.yaml stage', async () => {
    assert.deepEqual(await run({ 'dvc.yaml': 'stages:\n  train:\n    cmd: python train.py\n    outs:\n      - model.pkl\n' }), ['dvc.yaml:2 dvc remote | DVC tracks 1 output(s) but the project (it has no .dvc/config) names no remote']);
  });

  it('is quiet when nothing is cached: only cache: false metrics, or no outputs', async () => {
    assert.deepEqual(await run({ '.dvc/config': '[core]\n', 'dvc.yaml': 'stages:\n  eval:\n    cmd: python eval.py\n    metrics:\n      - metrics.json:\n          cache: false\n' }), []);
    assert.deepEqual(await run({ '.dvc/config': '' }), []);
  });
});

fixtureTest('dvc-remote-missing');
