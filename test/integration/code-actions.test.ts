// Code actions through vscode.executeCodeActionProvider: the safe fix, fix-all on save, "Ignore" with a reason, "Show documentation".
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { api, fixtureUri, setText, waitFor, waitForNoRule, waitForRule } from './helpers';

function actionsAt(uri: vscode.Uri, range: vscode.Range, kind: string): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);
}

function editedTexts(edit: vscode.WorkspaceEdit | undefined): string[] {
  return (edit?.entries() ?? []).flatMap(([, edits]) => edits.map((e) => e.newText));
}

suite('code actions', () => {
  const requirements = fixtureUri('requirements.txt');
  const train = fixtureUri('train.py');

  test('fix-all (source.fixAll.mlready) offers safe fixes only', async () => {
    await api();
    const doc = await vscode.workspace.openTextDocument(requirements);
    await vscode.window.showTextDocument(doc);
    await waitForRule(requirements, 'dependency-unpinned', 3);
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const fixAll = await waitFor('a fix-all action for requirements.txt', async () => (await actionsAt(requirements, whole, 'source.fixAll.mlready')).find((a) => a.kind?.value === 'source.fixAll.mlready'));
    assert.deepEqual(editedTexts(fixAll.edit), ['==2.31.0'], 'the version recorded in requirements-lock.txt');
    const trainDoc = await vscode.workspace.openTextDocument(train);
    await vscode.window.showTextDocument(trainDoc);
    await waitForRule(train, 'random-state-unset', 9);
    const none = await actionsAt(train, new vscode.Range(0, 0, trainDoc.lineCount, 0), 'source.fixAll.mlready');
    assert.equal(none.filter((a) => a.kind?.value === 'source.fixAll.mlready').length, 0, 'random-state-unset has only an unsafe fix');
  });

  test('the quick fix pins the requirement from the lockfile and clears the finding', async () => {
    const doc = await vscode.workspace.openTextDocument(requirements);
    await vscode.window.showTextDocument(doc);
    const diagnostic = await waitForRule(requirements, 'dependency-unpinned', 3);
    const actions = await actionsAt(requirements, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred === true);
    assert.ok(fix?.edit, `a preferred fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.lineAt(3).text, 'requests==2.31.0');
    await waitForNoRule(requirements, 'dependency-unpinned');
    await doc.save();
  });

  test('"Ignore <rule> on this line" adds a suppression and puts the cursor on its reason', async () => {
    const doc = await vscode.workspace.openTextDocument(train);
    const editor = await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    const diagnostic = await waitForRule(train, 'random-state-unset', 9);
    const actions = await actionsAt(train, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const ignore = actions.find((a) => a.title === 'Ignore random-state-unset on this line');
    assert.ok(ignore?.edit, `an Ignore action among: ${actions.map((a) => a.title).join(' | ')}`);
    const unsafe = actions.find((a) => a.title.includes('unsafe'));
    assert.notEqual(unsafe?.isPreferred, true, 'an unsafe fix is never preferred');
    assert.ok(await vscode.workspace.applyEdit(ignore.edit));
    assert.equal(doc.lineAt(9).text, '    model = RandomForestClassifier(n_estimators=50)  # mlready: ignore[random-state-unset] -- reason');
    assert.equal(doc.getText(editor.selection), 'reason', 'the reason placeholder is selected');
    await waitForNoRule(train, 'random-state-unset');
    await setText(doc, original);
    await doc.save();
    await waitForRule(train, 'random-state-unset', 9);
  });

  test('"Show documentation" opens the rule page shipped with the extension', async () => {
    const diagnostic = await waitForRule(train, 'random-state-unset', 9);
    const actions = await actionsAt(train, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const docs = actions.find((a) => a.title === 'Show documentation for random-state-unset');
    assert.ok(docs?.command, `a docs action among: ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.commands.executeCommand(docs.command.command, ...((docs.command.arguments ?? []) as unknown[]));
    await waitFor('a preview tab of random-state-unset.md', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.includes('random-state-unset')));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
