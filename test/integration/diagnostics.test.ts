// Diagnostics of Python files, requirements and a second workspace folder: what they carry, unsaved edits, and closing.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { api, fixtureUri, mlreadyDiagnostics, secondUri, setText, waitForNoRule, waitForRule } from './helpers';

suite('diagnostics', () => {
  test('a Python file shows its findings with source, rule id, docs link and severity', async () => {
    await api();
    const uri = fixtureUri('train.py');
    await vscode.window.showTextDocument(uri);
    const random = await waitForRule(uri, 'random-state-unset', 9);
    const remote = await waitForRule(uri, 'remote-data-unpinned', 8);
    assert.equal(random.source, 'mlready');
    assert.equal(random.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(remote.severity, vscode.DiagnosticSeverity.Error, 'the team config raises remote-data-unpinned to error');
    assert.equal(random.range.start.character, 12);
    const code = random.code;
    assert.ok(typeof code === 'object', `code is { value, target }: ${JSON.stringify(code)}`);
    assert.equal(code.value, 'random-state-unset');
    assert.match(code.target.toString(), /\/docs\/rules\/random-state-unset\.md$/);
  });

  test('the workspace scan reports files that were never opened (requirements.txt)', async () => {
    const uri = fixtureUri('requirements.txt');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'requirements.txt is not open');
    const unpinned = await waitForRule(uri, 'dependency-unpinned', 3);
    assert.match(unpinned.message, /2\.31\.0/, 'the message names the version from requirements-lock.txt');
  });

  test('each folder of a multi-root workspace is linted with its own config', async () => {
    // The second folder has no .mlready.yaml: the recommended defaults apply (remote-data-unpinned is a warning there).
    const hub = await waitForRule(secondUri('fetch.py'), 'remote-data-unpinned', 3);
    assert.equal(hub.severity, vscode.DiagnosticSeverity.Warning);
  });

  test('unsaved edits are linted as you type, and closing the editor keeps the workspace findings', async () => {
    const uri = fixtureUri('train.py');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    await setText(doc, original.replace('RandomForestClassifier(n_estimators=50)', 'RandomForestClassifier(n_estimators=50, random_state=0)'));
    await waitForNoRule(uri, 'random-state-unset');
    await setText(doc, original);
    await waitForRule(uri, 'random-state-unset', 9);
    await doc.save();
    // VS Code may keep the document model (and the server's copy) a while after its editor closes; either way the
    // findings stay. The server's own handling of didClose is covered by test/unit/server-lsp-stdio.test.ts.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('mlready.rescanWorkspace');
    assert.ok(mlreadyDiagnostics(uri).some((d) => d.range.start.line === 9), 'train.py keeps its findings after closing');
  });
});
