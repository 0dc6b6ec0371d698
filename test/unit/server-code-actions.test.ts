// Code actions from findings: the fix (preferred only when safe), "Ignore" with a reason placeholder, docs, and fix-all.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnnotatedTextEdit, Diagnostic, SnippetTextEdit, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import type { FileKind, Finding } from '../../src/engine/types';
import { codeActions, fixAllAction, ignoreEdit, type ActionDocument } from '../../src/server/code-actions';
import { toDiagnostic } from '../../src/server/diagnostics';

const range = (line: number, start: number, end: number) => ({ start: { line, column: start }, end: { line, column: end } });

function doc(lines: string[], kind: FileKind = 'python', cellUris?: string[]): ActionDocument {
  return { uri: cellUris?.[1] ?? 'file:///p/a.py', version: 4, kind, lineText: (l) => lines[l] ?? '', uriForCell: (c) => (c === undefined || !cellUris ? (cellUris?.[1] ?? 'file:///p/a.py') : (cellUris[c] ?? '')) };
}

const unsafe: Finding = {
  ruleId: 'random-state-unset', category: 'reproducibility', severity: 'warning', message: 'no seed', file: 'a.py', range: range(1, 4, 10), subject: 's',
  fix: { description: 'Pass random_state=0', safety: 'unsafe', edits: [{ range: range(1, 9, 9), newText: 'random_state=0' }] },
};
const safe: Finding = {
  ruleId: 'dependency-unpinned', category: 'dependencies', severity: 'warning', message: 'unpinned', file: 'requirements.txt', range: range(0, 0, 8), subject: 'p',
  fix: { description: 'Pin requests to 2.31.0', safety: 'safe', edits: [{ range: range(0, 8, 8), newText: '==2.31.0' }] },
};

function diagnostic(f: Finding): Diagnostic {
  return toDiagnostic(f, { uri: 'file:///p/a.py' }, () => ({ uri: 'x' }));
}

function onlyEdit(edit: { documentChanges?: unknown[] } | undefined): TextEdit | AnnotatedTextEdit | SnippetTextEdit {
  const change = edit?.documentChanges?.[0] as TextDocumentEdit | undefined;
  const first = change?.edits[0];
  assert.ok(first && !('annotationId' in first && !('snippet' in first)), 'a plain or snippet edit');
  return first;
}

describe('server code actions', () => {
  it('offers the fix, preferred only when safe, then Ignore and Show documentation', () => {
    const lines = ['import x', 'm = RF()   '];
    const actions = codeActions([diagnostic(unsafe)], [unsafe], doc(lines), undefined, { snippets: true, docsCommand: true });
    assert.deepEqual(actions.map((a) => a.title), ['Pass random_state=0 (unsafe fix: review it)', 'Ignore random-state-unset on this line', 'Show documentation for random-state-unset']);
    assert.equal(actions[0]?.isPreferred, false);
    assert.deepEqual(actions[2]?.command, { title: 'Show documentation for random-state-unset', command: 'mlready.showRuleDocumentation', arguments: ['random-state-unset'] });
    const req = codeActions([diagnostic(safe)], [safe], doc(['requests'], 'requirements'), undefined, { snippets: false, docsCommand: false });
    assert.equal(req[0]?.isPreferred, true);
    assert.ok(!req.some((a) => a.command !== undefined), 'no docs command for editors other than VS Code');
  });

  it('matches diagnostics to findings by rule, message and range, and ignores other sources', () => {
    const other = { ...diagnostic(unsafe), source: 'pylint' };
    assert.deepEqual(codeActions([other], [unsafe], doc(['', 'x']), undefined, { snippets: true, docsCommand: true }), []);
    const moved = { ...diagnostic(unsafe), range: { start: { line: 5, character: 0 }, end: { line: 5, character: 1 } } };
    assert.deepEqual(codeActions([moved], [unsafe], doc(['', 'x']), undefined, { snippets: true, docsCommand: true }), []);
  });

  it('Ignore appends a suppression whose reason is a snippet placeholder, after trimming trailing blanks', () => {
    const edit = onlyEdit(ignoreEdit(unsafe, doc(['', 'm = RF()   ']), true));
    assert.ok('snippet' in edit);
    assert.equal(edit.snippet.value, '  # mlready: ignore[random-state-unset] -- ${1:reason}');
    assert.deepEqual(edit.range, { start: { line: 1, character: 8 }, end: { line: 1, character: 11 } });
    const plain = onlyEdit(ignoreEdit(unsafe, doc(['', 'm = RF()']), false));
    assert.ok('newText' in plain);
    assert.equal(plain.newText, '  # mlready: ignore[random-state-unset] -- reason');
  });

  it('Ignore joins an existing suppression, goes above a backslash continuation, and skips JSON and meta rules', () => {
    const joined = onlyEdit(ignoreEdit(unsafe, doc(['', 'm = RF()  # mlready: ignore[other-rule] -- why']), true));
    assert.ok('newText' in joined);
    assert.equal(joined.newText, ', random-state-unset');
    assert.equal(joined.range.start.character, 'm = RF()  # mlready: ignore[other-rule'.length);
    const above = onlyEdit(ignoreEdit(unsafe, doc(['', '    m = RF(a, \\']), true));
    assert.ok('snippet' in above);
    assert.equal(above.snippet.value, '    # mlready: ignore[random-state-unset] -- ${1:reason}\n');
    assert.deepEqual(above.range.start, { line: 1, character: 0 });
    assert.equal(ignoreEdit(unsafe, doc(['', 'x'], 'json'), true), undefined);
    assert.equal(ignoreEdit({ ...unsafe, ruleId: 'unused-suppression', category: 'meta' }, doc(['', 'x']), true), undefined);
  });

  it('fix-all takes safe fixes only, never two overlapping edits, and only when asked for', () => {
    const second: Finding = { ...safe, range: range(0, 0, 3), fix: { description: 'other', safety: 'safe', edits: [{ range: range(0, 6, 9), newText: '!' }] } };
    const all = fixAllAction([unsafe, safe, second], doc(['requests'], 'requirements'));
    assert.equal(all?.kind, 'source.fixAll.mlready');
    const change = all.edit?.documentChanges?.[0] as TextDocumentEdit;
    assert.deepEqual(change.edits.map((e) => ('newText' in e ? e.newText : e.snippet.value)), ['==2.31.0']);
    assert.equal(fixAllAction([unsafe], doc(['', 'x'])), undefined);
    const quickOnly = codeActions([diagnostic(safe)], [safe], doc(['requests'], 'requirements'), undefined, { snippets: true, docsCommand: true });
    assert.ok(!quickOnly.some((a) => a.kind === 'source.fixAll.mlready'));
    const fixAllOnly = codeActions([], [safe], doc(['requests'], 'requirements'), undefined, { snippets: true, docsCommand: true, only: ['source.fixAll'] });
    assert.deepEqual(fixAllOnly.map((a) => a.kind), ['source.fixAll.mlready']);
  });

  it('puts the edits of a notebook finding on its cell document', () => {
    const cells = ['cell0', 'vscode-notebook-cell:/p/nb.ipynb#c1'];
    const finding: Finding = { ...unsafe, file: 'nb.ipynb', cell: 1, fix: { description: 'seed it', safety: 'unsafe', edits: [{ range: range(1, 9, 9), newText: 'random_state=0', cell: 1 }] } };
    const d = toDiagnostic(finding, { uri: 'vscode-notebook-cell:/p/nb.ipynb#c1' }, () => ({ uri: 'x' }));
    const actions = codeActions([d], [finding], doc(['', 'm = RF()'], 'notebook', cells), 1, { snippets: true, docsCommand: false });
    const change = actions[0]?.edit?.documentChanges?.[0] as TextDocumentEdit;
    assert.equal(change.textDocument.uri, 'vscode-notebook-cell:/p/nb.ipynb#c1');
    assert.equal(change.textDocument.version, 4);
  });
});
