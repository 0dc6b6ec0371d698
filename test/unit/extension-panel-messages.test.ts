// The readiness panel's messages as the extension host validates them: anything a webview posts is untrusted.
import assert from 'node:assert/strict';
import { join, sep } from 'node:path';
import { describe, it } from 'node:test';
import { isProjectRelative, parsePanelMessage, parseViewState, resolveInsideRoot } from '../../src/extension/panel-messages';

describe('parsePanelMessage', () => {
  it('accepts every message of the protocol and drops extra fields', () => {
    assert.deepEqual(parsePanelMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parsePanelMessage({ type: 'refresh', extra: 1 }), { type: 'refresh' });
    assert.deepEqual(parsePanelMessage({ type: 'generateReport' }), { type: 'generateReport' });
    assert.deepEqual(parsePanelMessage({ type: 'openLocation', file: 'src/train.py', line: 12 }), { type: 'openLocation', file: 'src/train.py', line: 12 });
    assert.deepEqual(parsePanelMessage({ type: 'openLocation', file: 'notebooks/explore.ipynb', line: 1, cell: 2 }), { type: 'openLocation', file: 'notebooks/explore.ipynb', line: 1, cell: 2 });
    assert.deepEqual(parsePanelMessage({ type: 'openRuleDocs', ruleId: 'remote-data-unpinned' }), { type: 'openRuleDocs', ruleId: 'remote-data-unpinned' });
    assert.deepEqual(parsePanelMessage({ type: 'attest', item: 'monitor-7' }), { type: 'attest', item: 'monitor-7' });
    assert.deepEqual(parsePanelMessage({ type: 'revoke', item: 'debt-glue-code' }), { type: 'revoke', item: 'debt-glue-code' });
  });

  it('refuses what is not an object with a known type', () => {
    for (const raw of [undefined, null, 'ready', 42, [], [{ type: 'ready' }], {}, { type: 'Ready' }, { type: 'openFile', file: 'a.py' }, { type: 'attest ' }, { type: ['ready'] }]) {
      assert.equal(parsePanelMessage(raw), undefined, JSON.stringify(raw));
    }
  });

  it('refuses fields of the wrong type or out of range', () => {
    const bad = [
      { type: 'openLocation' },
      { type: 'openLocation', file: 7 },
      { type: 'openLocation', file: 'a.py', line: '3' },
      { type: 'openLocation', file: 'a.py', line: 0 },
      { type: 'openLocation', file: 'a.py', line: 1.5 },
      { type: 'openLocation', file: 'a.py', line: Number.NaN },
      { type: 'openLocation', file: 'a.py', line: 1e12 },
      { type: 'openLocation', file: 'a.ipynb', cell: -1 },
      { type: 'openLocation', file: 'a.ipynb', cell: null },
      { type: 'openRuleDocs', ruleId: 'Remote_Data' },
      { type: 'openRuleDocs', ruleId: '../../etc/passwd' },
      { type: 'openRuleDocs' },
      { type: 'attest', item: 'data 1' },
      { type: 'attest', item: 'data' },
      { type: 'attest', item: 3 },
      { type: 'revoke', item: '__proto__' },
    ];
    for (const raw of bad) assert.equal(parsePanelMessage(raw), undefined, JSON.stringify(raw));
  });

  it('refuses huge strings', () => {
    const huge = 'a'.repeat(5_000_000);
    assert.equal(parsePanelMessage({ type: 'openLocation', file: huge }), undefined);
    assert.equal(parsePanelMessage({ type: 'openRuleDocs', ruleId: huge }), undefined);
    assert.equal(parsePanelMessage({ type: 'attest', item: `data-${huge}` }), undefined);
    assert.equal(parsePanelMessage({ type: 'openLocation', file: `${'d/'.repeat(600)}x.py` }), undefined);
  });

  it('refuses paths that are absolute, escape the project or smuggle in other syntax', () => {
    const bad = ['/etc/passwd', '../secrets.env', 'src/../../x.py', 'src/./x.py', './x.py', 'src//x.py', 'src/', 'C:/Windows/win.ini', 'c:x', 'file:///etc/passwd', 'src\\..\\x.py', '~/x.py', 'a\u0000.py', 'a\n.py', '..'];
    for (const file of bad) {
      assert.equal(isProjectRelative(file), false, file);
      assert.equal(parsePanelMessage({ type: 'openLocation', file }), undefined, file);
    }
    for (const file of ['train.py', 'src/features/build.py', 'notebooks/01 explore.ipynb', '.github/workflows/ci.yml', 'data/raw..csv']) assert.equal(isProjectRelative(file), true, file);
  });
});

describe('resolveInsideRoot', () => {
  const root = join(sep, 'repo', 'ml');

  it('resolves a project-relative file under the root', () => {
    assert.equal(resolveInsideRoot(root, 'src/train.py'), join(root, 'src', 'train.py'));
  });

  it('refuses anything that would leave the root, or a relative root', () => {
    assert.equal(resolveInsideRoot(root, '../ml-other/x.py'), undefined);
    assert.equal(resolveInsideRoot(root, 'a/../../x.py'), undefined);
    assert.equal(resolveInsideRoot(root, '/etc/passwd'), undefined);
    assert.equal(resolveInsideRoot('repo/ml', 'x.py'), undefined);
  });
});

describe('parseViewState', () => {
  it('keeps what the panel saved and defaults the rest', () => {
    assert.deepEqual(parseViewState({ expanded: ['section:data', 'item:data-1'], scrollY: 120, folder: 'file:///repo' }), { expanded: ['section:data', 'item:data-1'], scrollY: 120, folder: 'file:///repo' });
    assert.deepEqual(parseViewState({ expanded: 'section:data', scrollY: -5, folder: 3 }), { expanded: [], scrollY: 0 });
    assert.deepEqual(parseViewState({ expanded: [1, 'summary', 'x'.repeat(500)], scrollY: Number.POSITIVE_INFINITY }), { expanded: ['summary'], scrollY: 0 });
    assert.equal(parseViewState(null), undefined);
    assert.equal(parseViewState('state'), undefined);
  });
});
