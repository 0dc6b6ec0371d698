// The team config in the editor: edits take effect as typed, errors show at the key while the last valid config
// stays in force, changes saved on disk are picked up, the baseline is honoured, and the schema is contributed.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, fixtureUri, mlreadyDiagnostics, setText, waitFor, waitForNoRule, waitForRule } from './helpers';

const encoder = new TextEncoder();

suite('team config', () => {
  const config = fixtureUri('.mlready.yaml');
  const train = fixtureUri('train.py');

  test('turning a rule off in .mlready.yaml clears its diagnostics as you type, without a reload', async () => {
    await api();
    await waitForRule(train, 'random-state-unset', 9);
    const doc = await vscode.workspace.openTextDocument(config);
    await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    await setText(doc, original.replace('random-state-unset: warning', 'random-state-unset: off'));
    await waitForNoRule(train, 'random-state-unset');
    assert.ok(mlreadyDiagnostics(train).some((d) => d.range.start.line === 8), 'the other rules still report');
    await setText(doc, original);
    await waitForRule(train, 'random-state-unset', 9);
    await doc.save();
  });

  test('an invalid config shows a diagnostic at the wrong key, and the last valid config stays in force', async () => {
    const doc = await vscode.workspace.openTextDocument(config);
    await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    const broken = original.replace('random-state-unset: warning', 'random-state-unset: loud');
    await setText(doc, broken);
    const problem = await waitFor('an error diagnostic in .mlready.yaml', () => mlreadyDiagnostics(config).find((d) => d.severity === vscode.DiagnosticSeverity.Error));
    assert.equal(problem.range.start.line, broken.split('\n').findIndex((l) => l.includes('random-state-unset: loud')), problem.message);
    const kept = await waitForRule(train, 'random-state-unset', 9);
    assert.equal(kept.severity, vscode.DiagnosticSeverity.Warning, 'the last valid config is still in force');
    await setText(doc, original);
    await waitFor('the config diagnostic to clear', () => mlreadyDiagnostics(config).length === 0 || undefined);
    await doc.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a config changed on disk (not in an editor) takes effect', async () => {
    const original = await vscode.workspace.fs.readFile(config);
    const text = new TextDecoder().decode(original);
    await vscode.workspace.fs.writeFile(config, encoder.encode(text.replace('random-state-unset: warning', 'random-state-unset: error')));
    await waitFor('random-state-unset raised to error', () => mlreadyDiagnostics(train).find((d) => d.range.start.line === 9 && d.severity === vscode.DiagnosticSeverity.Error));
    await vscode.workspace.fs.writeFile(config, original);
    await waitFor('random-state-unset back to warning', () => mlreadyDiagnostics(train).find((d) => d.range.start.line === 9 && d.severity === vscode.DiagnosticSeverity.Warning));
  });

  test('the baseline recorded by `mlready baseline` hides the findings it lists', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const folder = fixtureUri().fsPath;
    // The CLI of this repository records today's findings (ELECTRON_RUN_AS_NODE lets a desktop VS Code's binary run it).
    execFileSync(process.execPath, [vscode.Uri.joinPath(extension.extensionUri, 'bin', 'mlready.js').fsPath, 'baseline', '--no-cache'], { cwd: folder, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    const original = await vscode.workspace.fs.readFile(config);
    await vscode.workspace.fs.writeFile(config, encoder.encode(`${new TextDecoder().decode(original)}baseline: .mlready-baseline.json\n`));
    await waitForNoRule(train, 'random-state-unset');
    await waitForNoRule(train, 'remote-data-unpinned');
    // Deleting the baseline file is seen by the file watcher: the findings are new again.
    await vscode.workspace.fs.delete(fixtureUri('.mlready-baseline.json'));
    await waitForRule(train, 'random-state-unset', 9);
    await vscode.workspace.fs.writeFile(config, original);
  });

  test('the JSON Schema of .mlready.yaml is contributed through yamlValidation', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const contributes = (extension?.packageJSON as { contributes?: { yamlValidation?: { fileMatch: string[]; url: string }[] } } | undefined)?.contributes;
    const entry = contributes?.yamlValidation?.find((v) => v.fileMatch.includes('.mlready.yaml'));
    assert.ok(entry && extension);
    const schema = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, entry.url)))) as { title?: string };
    assert.ok(schema.title);
  });
});
