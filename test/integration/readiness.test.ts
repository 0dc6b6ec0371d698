// The readiness panel and report: the command opens one panel that receives the report from the server, its links
// open files at the line, attesting through the panel's message path edits .mlready.yaml keeping comments, and
// the Markdown report opens in an editor tab.
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { AttestPrompt } from '../../src/extension/attest-prompt';
import type { HostToPanel } from '../../src/protocol';
import { api, fixtureUri, setText, waitFor } from './helpers';

type ReportMessage = Extract<HostToPanel, { type: 'report' }>;

const decoder = new TextDecoder();

/** The readiness panel's tabs (VS Code prefixes an extension's view type). */
function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('mlready.readiness'));
}

/** The newest report posted to the panel that satisfies `accept`, once there is one. */
async function postedReport(what: string, accept: (m: ReportMessage) => boolean = () => true): Promise<ReportMessage> {
  const exports = await api();
  return waitFor(what, async () => (await exports.readiness.posted()).filter((m): m is ReportMessage => m.type === 'report').reverse().find(accept));
}

async function lastNotice(): Promise<string | undefined> {
  const posted = await (await api()).readiness.posted();
  const notices = posted.filter((m) => m.type === 'notice');
  return notices[notices.length - 1]?.message;
}

const answers: AttestPrompt = {
  attest: () => Promise.resolve({ status: 'done', how: 'manual', note: 'Runbook: https://wiki.example/canary', by: 'Integration Test' }),
  confirmRevoke: () => Promise.resolve(true),
};

suite('readiness panel', () => {
  const config = fixtureUri('.mlready.yaml');
  let original: Uint8Array | undefined;

  suiteTeardown(async () => {
    if (original) await vscode.workspace.fs.writeFile(config, original);
    await (await api()).readiness.setPrompt(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the status bar shows the readiness score', async () => {
    const exports = await api();
    await waitFor('a score in the readiness status bar item', () => /^\$\(rocket\) Readiness \d+(\.5)?( \(\d+(\.5)? attested\))?$/.test(exports.readinessStatusText()) || undefined);
  });

  test('Show Readiness Checklist opens one panel, whose script asks for and receives the report', async () => {
    const exports = await api();
    original = await vscode.workspace.fs.readFile(config);
    await vscode.commands.executeCommand('mlready.showReadiness');
    await waitFor('the panel to open', () => exports.readiness.isOpen());
    // The host posts a report only after the webview's script said `ready`: the bundle loaded under the CSP.
    const message = await postedReport('a report posted to the panel');
    assert.equal(message.folder, fixtureUri().toString());
    assert.equal(message.configFile, '.mlready.yaml');
    assert.equal(message.configExists, true);
    assert.deepEqual(message.report.sections.map((s) => s.id), ['data', 'model', 'infra', 'monitor', 'debt']);
    assert.ok(message.report.findings.warnings + message.report.findings.errors > 0, 'the fixture has findings');
    await vscode.commands.executeCommand('mlready.showReadiness');
    assert.equal(panelTabs().length, 1, 'a second run reveals the same panel');
  });

  test('a blocking finding opens its file at the line; a path outside the project is refused', async () => {
    const exports = await api();
    const { report } = await postedReport('a report');
    const finding = report.sections.flatMap((s) => s.items).flatMap((i) => i.blocking).find((b) => b.file === 'train.py');
    assert.ok(finding, 'a blocking finding in train.py');
    await exports.readiness.receive({ type: 'openLocation', file: finding.file, line: finding.line });
    const editor = await waitFor('train.py open at the finding', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.path.endsWith('/train.py') && e.selection.start.line === finding.line - 1 ? e : undefined;
    });
    assert.equal(editor.selection.start.line, finding.line - 1);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const before = vscode.window.visibleTextEditors.length;
    for (const file of ['../second/fetch.py', '/etc/passwd', 'a/../../second/fetch.py']) await exports.readiness.receive({ type: 'openLocation', file, line: 1 });
    assert.equal(vscode.window.visibleTextEditors.length, before, 'nothing was opened');
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.path.endsWith('fetch.py') || e.document.uri.path === '/etc/passwd'));
  });

  test('attesting through the panel writes .mlready.yaml keeping its comments, and the panel shows it', async () => {
    const exports = await api();
    await exports.readiness.setPrompt(answers);
    const before = decoder.decode(await vscode.workspace.fs.readFile(config));
    await postedReport('a report to attest from');
    await exports.readiness.receive({ type: 'attest', item: 'monitor-3' });
    const written = await waitFor('the attestation in .mlready.yaml', async () => {
      const text = decoder.decode(await vscode.workspace.fs.readFile(config));
      return text.includes('monitor-3:') ? text : undefined;
    });
    for (const line of before.split('\n')) assert.ok(written.includes(line), `kept: ${line}`);
    assert.match(written, /\n {4}monitor-3:\n {6}status: done\n {6}how: manual\n {6}by: Integration Test\n {6}date: \d{4}-\d{2}-\d{2}\n {6}note: "?Runbook: https:\/\/wiki\.example\/canary"?\n/);
    const shown = await postedReport('the attestation in the panel', (m) => m.report.sections.flatMap((s) => s.items).some((i) => i.id === 'monitor-3' && i.attestation?.by === 'Integration Test'));
    const item = shown.report.sections.flatMap((s) => s.items).find((i) => i.id === 'monitor-3');
    assert.equal(item?.points, 0.5, 'a documented manual check earns half a point');

    await exports.readiness.receive({ type: 'revoke', item: 'monitor-3' });
    const revoked = await waitFor('the attestation removed', async () => {
      const text = decoder.decode(await vscode.workspace.fs.readFile(config));
      return text.includes('monitor-3') ? undefined : text;
    });
    // The last attestation leaves an empty `attestations: {}` behind; everything else is as it was.
    assert.equal(revoked.replace(/\nreadiness:\n {2}attestations: \{\}\n$/, ''), before);
    await postedReport('the panel without the attestation', (m) => m.report.sections.flatMap((s) => s.items).some((i) => i.id === 'monitor-3' && i.attestation === undefined));
  });

  test('with unsaved edits in .mlready.yaml, attesting writes nothing and says why', async () => {
    const exports = await api();
    await exports.readiness.setPrompt(answers);
    const onDisk = decoder.decode(await vscode.workspace.fs.readFile(config));
    const doc = await vscode.workspace.openTextDocument(config);
    await vscode.window.showTextDocument(doc);
    await setText(doc, `${doc.getText()}# an unsaved thought\n`);
    await exports.readiness.receive({ type: 'attest', item: 'monitor-4' });
    await waitFor('a notice about unsaved changes', async () => /unsaved changes/.test((await lastNotice()) ?? '') || undefined);
    assert.equal(decoder.decode(await vscode.workspace.fs.readFile(config)), onDisk);
    assert.ok(doc.getText().endsWith('# an unsaved thought\n'), 'the unsaved text is untouched');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('messages that are not in the protocol are ignored', async () => {
    const exports = await api();
    const config = decoder.decode(await vscode.workspace.fs.readFile(fixtureUri('.mlready.yaml')));
    const open = vscode.window.visibleTextEditors.map((e) => e.document.uri.toString());
    for (const raw of [null, 'attest', { type: 'attest' }, { type: 'attest', item: '../../x' }, { type: 'runCommand', command: 'workbench.action.quit' }]) await exports.readiness.receive(raw);
    assert.deepEqual(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()), open);
    assert.equal(decoder.decode(await vscode.workspace.fs.readFile(fixtureUri('.mlready.yaml'))), config);
  });

  test('Generate Readiness Report opens the Markdown report in an untitled editor', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('mlready.generateReadinessReport');
    assert.ok(doc);
    assert.equal(doc.languageId, 'markdown');
    assert.equal(doc.isUntitled, true);
    assert.match(doc.getText(), /^# Readiness report: workspace\n/);
    assert.equal(vscode.window.activeTextEditor?.document, doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the panel asks for the Markdown report too', async () => {
    const exports = await api();
    await exports.readiness.receive({ type: 'generateReport' });
    const doc = await waitFor('the report editor', () => (vscode.window.activeTextEditor?.document.isUntitled && vscode.window.activeTextEditor.document.languageId === 'markdown' ? vscode.window.activeTextEditor.document : undefined));
    assert.match(doc.getText(), /^# Readiness report: workspace\n/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
