// Publishing: a notebook open in an editor gets its diagnostics on the right cells; closed, on its JSON; stale ones are cleared.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { MemoryFileSystem } from '../../src/engine/fs';
import { DEFAULT_SETTINGS } from '../../src/protocol';
import { Project } from '../../src/server/project';
import { Publisher } from '../../src/server/publisher';
import { pythonParser } from '../helpers/python';

const NOTEBOOK = `${JSON.stringify({
  cells: [
    { cell_type: 'markdown', metadata: {}, source: ['# Notes'] },
    { cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: ['from sklearn.cluster import KMeans'] },
    { cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: ['x = 1\n', 'k = KMeans()'] },
  ],
  metadata: { language_info: { name: 'python' } },
  nbformat: 4,
  nbformat_minor: 5,
}, null, 1)}\n`;

async function setup(): Promise<{ project: Project; sent: Map<string, Diagnostic[]>; open: { cells?: string[] }; publisher: Publisher }> {
  const fs = new MemoryFileSystem({ '/p/.mlready.yaml': 'extends: mlready:recommended\n', '/p/nb.ipynb': NOTEBOOK });
  const project = new Project('/p', DEFAULT_SETTINGS, { fs, python: pythonParser });
  await project.reload(DEFAULT_SETTINGS);
  const sent = new Map<string, Diagnostic[]>();
  const open: { cells?: string[] } = {};
  const publisher = new Publisher({
    send: (uri, diagnostics) => sent.set(uri, diagnostics),
    uriOf: (path) => `file://${path}`,
    notebookCells: (path) => (path === '/p/nb.ipynb' ? open.cells : undefined),
    readText: async (path) => new TextDecoder().decode(await fs.readFile(path)),
  });
  return { project, sent, open, publisher };
}

const kmeans = (list: Diagnostic[] | undefined): Diagnostic | undefined => list?.find((d) => d.code === 'random-state-unset');

describe('server publisher', () => {
  it('shows a closed notebook\'s findings on the .ipynb at the line of the cell source, and on the cell once open', async () => {
    const { project, sent, open, publisher } = await setup();
    await publisher.publishAll(project);
    const onFile = kmeans(sent.get('file:///p/nb.ipynb'));
    assert.ok(onFile, JSON.stringify([...sent]));
    assert.match(NOTEBOOK.split('\n')[onFile.range.start.line] ?? '', /"k = KMeans\(\)"/);

    open.cells = ['cell:0', 'cell:1', 'cell:2'];
    await publisher.publish(project, ['nb.ipynb']);
    assert.deepEqual(sent.get('file:///p/nb.ipynb'), [], 'the file URI is cleared');
    const onCell = kmeans(sent.get('cell:2'));
    assert.deepEqual(onCell?.range.start, { line: 1, character: 4 });

    open.cells = undefined;
    await publisher.publish(project, ['nb.ipynb']);
    assert.deepEqual(sent.get('cell:2'), [], 'closing moves them back to the file');
    assert.ok(kmeans(sent.get('file:///p/nb.ipynb')));
  });

  it('counts findings for the status bar, and clears a removed project', async () => {
    const { project, sent, publisher } = await setup();
    await publisher.publishAll(project);
    const status = publisher.status([project]);
    assert.equal(status.files, 1);
    assert.ok(status.warnings + status.errors + status.infos >= 1);
    assert.equal(status.configErrors, 0);
    publisher.clear(project);
    assert.deepEqual(sent.get('file:///p/nb.ipynb'), []);
  });
});
