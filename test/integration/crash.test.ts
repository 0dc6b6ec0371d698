// The server survives a crash: killed, it is restarted by the client's error handler and lints again; Restart Server works too.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import type { ServerInfo } from '../../src/protocol';
import { api, fixtureUri, setText, waitFor, waitForNoRule, waitForRule } from './helpers';

async function newServer(previous: number): Promise<ServerInfo> {
  const exports = await api();
  return waitFor('a new server process with both folders loaded', async () => {
    const info = await exports.serverInfo();
    return info.pid !== previous && info.folders.length === 2 && !info.folders.some((f) => f.scanning) && info;
  }, 60_000);
}

/** An edit clears a finding and undoing it brings it back: the server is linting. */
async function serverLints(): Promise<void> {
  const uri = fixtureUri('train.py');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const original = doc.getText();
  await waitForRule(uri, 'random-state-unset', 9);
  await setText(doc, original.replace('RandomForestClassifier(n_estimators=50)', 'RandomForestClassifier(n_estimators=50, random_state=0)'));
  await waitForNoRule(uri, 'random-state-unset');
  await setText(doc, original);
  await doc.save();
  await waitForRule(uri, 'random-state-unset', 9);
}

suite('server crash and restart', () => {
  test('a crashed server is restarted and lints again', async () => {
    const before = await (await api()).serverInfo();
    process.kill(before.pid, 'SIGKILL');
    const after = await newServer(before.pid);
    assert.notEqual(after.pid, before.pid);
    await serverLints();
  });

  test('Restart Server starts a fresh server process', async () => {
    const before = await (await api()).serverInfo();
    await vscode.commands.executeCommand('mlready.restartServer');
    await newServer(before.pid);
    await serverLints();
  });
});
