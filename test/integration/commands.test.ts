// The palette commands, the status bar, and the per-folder settings.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, fixtureUri, mlreadyDiagnostics, secondUri, setText, waitFor, waitForNoRule, waitForRule } from './helpers';

suite('commands and settings', () => {
  test('every command the manifest contributes is registered, in the "mlready" category', async () => {
    await api();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string; category: string }[] } };
    const registered = await vscode.commands.getCommands(true);
    for (const { command, category } of manifest.contributes.commands) {
      assert.ok(registered.includes(command), command);
      assert.equal(category, 'mlready');
    }
  });

  test('the status bar item counts the findings', async () => {
    const exports = await api();
    await waitFor('a count in the status bar', () => /^\$\([\w~-]+\) mlready \d+$/.test(exports.statusText()) || undefined);
  });

  test('Re-scan Workspace lints everything again and resolves when done', async () => {
    await vscode.commands.executeCommand('mlready.rescanWorkspace');
    assert.ok(mlreadyDiagnostics(fixtureUri('train.py')).length > 0);
  });

  test('Show Output shows the "mlready" output channel', async () => {
    await vscode.commands.executeCommand('mlready.showOutput');
  });

  test('Create Team Config writes a commented starter .mlready.yaml into a folder without one', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('mlready.createConfig', secondUri());
    assert.equal(created?.toString(), secondUri('.mlready.yaml').toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
    assert.match(text, /^extends: mlready:recommended$/m);
    // The new config (the recommended preset) keeps the folder's findings.
    await waitForRule(secondUri('fetch.py'), 'remote-data-unpinned', 3);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('mlready.run: onSave lints an edited file when it is saved, not as you type', async () => {
    const exports = await api();
    const settings = vscode.workspace.getConfiguration('mlready', fixtureUri());
    await settings.update('run', 'onSave', vscode.ConfigurationTarget.WorkspaceFolder);
    await waitFor('the server to apply run: onSave', async () => (await exports.serverInfo()).folders.some((f) => f.root === fixtureUri().fsPath && f.settings.run === 'onSave'));
    const uri = fixtureUri('train.py');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    await setText(doc, original.replace('RandomForestClassifier(n_estimators=50)', 'RandomForestClassifier(n_estimators=50, random_state=0)'));
    // A rescan finishes after any lint the edit could have caused: the finding of the saved text is still there.
    await vscode.commands.executeCommand('mlready.rescanWorkspace');
    assert.ok(mlreadyDiagnostics(uri).some((d) => d.range.start.line === 9 && d.message.includes('random_state')), 'unsaved edits are not linted');
    await doc.save();
    await waitForNoRule(uri, 'random-state-unset');
    await setText(doc, original);
    await doc.save();
    await waitForRule(uri, 'random-state-unset', 9);
    await settings.update('run', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    await waitFor('the server to apply run: onType', async () => (await exports.serverInfo()).folders.some((f) => f.root === fixtureUri().fsPath && f.settings.run === 'onType'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('mlready.enable: false for one folder clears that folder only', async () => {
    const settings = vscode.workspace.getConfiguration('mlready', secondUri());
    await settings.update('enable', false, vscode.ConfigurationTarget.WorkspaceFolder);
    await waitForNoRule(secondUri('fetch.py'), 'remote-data-unpinned');
    assert.ok(mlreadyDiagnostics(fixtureUri('train.py')).length > 0, 'the other folder still reports');
    await settings.update('enable', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    await waitForRule(secondUri('fetch.py'), 'remote-data-unpinned', 3);
  });
});
