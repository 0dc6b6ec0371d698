// Notebooks: findings on the right cell and line in the notebook editor, on the .ipynb file while closed, and edits in a cell re-lint.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { api, fixtureUri, mlreadyDiagnostics, waitFor, waitForNoRule, waitForRule } from './helpers';

suite('notebooks', () => {
  const uri = fixtureUri('notebooks', 'explore.ipynb');

  test('a closed notebook shows its findings on the .ipynb file, at the cell source line', async () => {
    await api();
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const line = text.split('\n').findIndex((l) => l.includes('load_dataset(\\"imdb\\")'));
    await waitForRule(uri, 'remote-data-unpinned', line);
  });

  test('open in the notebook editor, findings are on the right cell and line', async () => {
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.cellAt(2);
    assert.equal(cell.kind, vscode.NotebookCellKind.Code);
    const remote = await waitForRule(cell.document.uri, 'remote-data-unpinned', 0);
    assert.equal(remote.range.start.character, 5);
    await waitForRule(cell.document.uri, 'random-state-unset', 1);
    await waitFor('the .ipynb file itself to show no findings while its cells do', () => mlreadyDiagnostics(uri).length === 0 || undefined);
  });

  test('an edit in a cell re-lints it without saving', async () => {
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    const cell = notebook.cellAt(2).document;
    const line = cell.lineAt(1);
    const original = line.text;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(cell.uri, line.range, 'train, test = train_test_split(ds, random_state=0)');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForNoRule(cell.uri, 'random-state-unset');
    const undo = new vscode.WorkspaceEdit();
    undo.replace(cell.uri, cell.lineAt(1).range, original);
    assert.ok(await vscode.workspace.applyEdit(undo));
    await waitForRule(cell.uri, 'random-state-unset', 1);
    await notebook.save();
  });
});
