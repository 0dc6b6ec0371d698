// Tests of the incremental workspace the language server keeps: scan, overlay edits, deletes, manifest changes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SettingsResolver } from '../../src/engine/config/resolve';
import { presetRules } from '../../src/engine/config/presets';
import type { ResolvedConfig } from '../../src/engine/config/types';
import { MemoryFileSystem, OverlayFileSystem } from '../../src/engine/fs';
import { RULES } from '../../src/engine/rules/index';
import { Workspace } from '../../src/engine/workspace';
import { pythonParser } from '../helpers/python';

// Only the rules these tests exercise, so rules added later cannot change what they see.
const ON = new Set(['random-state-unset', 'dependency-unpinned']);
const rules = new Map([...presetRules('mlready:recommended', RULES, 'production')].map(([id, s]) => [id, ON.has(id) ? s : { severity: 'off' as const }]));
const config: ResolvedConfig = { root: '/p', profile: 'production', preset: 'mlready:recommended', rules, ignore: [], overrides: [], warnings: [], sourceTexts: [] };

async function open(files: Record<string, string>): Promise<{ ws: Workspace; base: MemoryFileSystem; overlay: OverlayFileSystem }> {
  const base = new MemoryFileSystem(files);
  const overlay = new OverlayFileSystem(base);
  const ws = new Workspace({ fs: overlay, root: '/p', settings: new SettingsResolver(config, RULES), python: await pythonParser(), git: 'off' });
  assert.equal(await ws.scan(), true);
  return { ws, base, overlay };
}

describe('Workspace', () => {
  it('scans, then re-lints an edited overlay and reports only the changed file', async () => {
    const { ws, overlay } = await open({
      '/p/train.py': 'from sklearn.ensemble import RandomForestClassifier\nm = RandomForestClassifier()\n',
      '/p/other.py': 'from sklearn.cluster import KMeans\nk = KMeans()\n',
    });
    assert.deepEqual(ws.files().sort(), ['other.py', 'train.py']);
    overlay.set('/p/train.py', 'from sklearn.ensemble import RandomForestClassifier\nm = RandomForestClassifier(random_state=0)\n');
    const changed = await ws.update('train.py');
    assert.deepEqual([...changed], ['train.py']);
    assert.deepEqual(ws.findings('train.py'), []);
    assert.equal(ws.findings('other.py').length, 1);
  });

  it('an edit that changes nothing reports nothing', async () => {
    const { ws, overlay } = await open({ '/p/a.py': 'from sklearn.cluster import KMeans\nk = KMeans()\n' });
    overlay.set('/p/a.py', 'from sklearn.cluster import KMeans\n\nk = KMeans()\n');
    const changed = await ws.update('a.py');
    assert.deepEqual([...changed], ['a.py'], 'the line moved, so the published finding changed');
    assert.deepEqual([...(await ws.update('a.py'))], []);
  });

  it('a deleted file loses its findings', async () => {
    const { ws, base } = await open({ '/p/a.py': 'from sklearn.cluster import KMeans\nk = KMeans()\n', '/p/b.py': 'x = 1\n' });
    (base as unknown as { files: Map<string, Uint8Array> }).files.delete('/p/a.py');
    assert.deepEqual([...(await ws.update('a.py'))], ['a.py']);
    assert.deepEqual(ws.files(), []);
  });

  it('a lockfile change re-lints the manifests that read it', async () => {
    const { ws, overlay } = await open({ '/p/requirements.txt': 'requests\n', '/p/poetry.lock': '' });
    assert.match(ws.findings('requirements.txt')[0]?.message ?? '', /is not pinned \(no version given\): each install/);
    overlay.set('/p/poetry.lock', '[[package]]\nname = "requests"\nversion = "2.31.0"\n');
    const changed = await ws.update('poetry.lock');
    assert.ok(changed.has('requirements.txt'));
    assert.match(ws.findings('requirements.txt')[0]?.message ?? '', /records version 2\.31\.0/);
  });
});
