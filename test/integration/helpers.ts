// Shared by the integration suites: the fixture workspace, the extension's API, and polling with a deadline (never a fixed sleep).
import * as vscode from 'vscode';
import type { MlreadyApi } from '../../src/extension/api';

export const EXTENSION_ID = 'mlready.mlready';

/** The fixture folder with the team config (the first workspace folder). */
export function fixtureUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** The second folder of the multi-root fixture: no team config, so mlready's defaults apply. */
export function secondUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[1];
  if (!folder) throw new Error('the tests need the two-folder fixture workspace');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function api(): Promise<MlreadyApi> {
  const extension = vscode.extensions.getExtension<MlreadyApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  const exports = await extension.activate();
  await exports.ready();
  return exports;
}

/**
 * Polls `probe` every 100 ms until it returns something other than undefined/false, or fails after `timeoutMs`
 * with what it was waiting for and the last value seen.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${describe(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.message;
  try {
    const json = JSON.stringify(value) as string | undefined;
    return json === undefined ? String(value) : json.slice(0, 500);
  } catch {
    return String(value);
  }
}

/** mlready's diagnostics of a document now. */
export function mlreadyDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mlready');
}

/** The rule id of a diagnostic (its `code` is `{ value, target }`). */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (typeof code === 'object') return String(code.value);
  return code === undefined ? undefined : String(code);
}

/** Waits until the document has a diagnostic of `rule` (optionally on `line`) and returns it. */
export function waitForRule(uri: vscode.Uri, rule: string, line?: number, timeoutMs?: number): Promise<vscode.Diagnostic> {
  return waitFor(`${rule}${line === undefined ? '' : ` on line ${line}`} in ${uri.path}`, () => mlreadyDiagnostics(uri).find((d) => ruleOf(d) === rule && (line === undefined || d.range.start.line === line)), timeoutMs);
}

/** Waits until the document has no diagnostic of `rule`. */
export function waitForNoRule(uri: vscode.Uri, rule: string, timeoutMs?: number): Promise<true> {
  return waitFor(`no ${rule} in ${uri.path}`, () => !mlreadyDiagnostics(uri).some((d) => ruleOf(d) === rule) || undefined, timeoutMs);
}

/** Replaces a document's whole text (unsaved). */
export async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${doc.uri.path}`);
}
