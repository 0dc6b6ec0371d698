// Findings to LSP diagnostics: severity, rule id and docs link, tags, related locations, cells, and config problems.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import type { Finding } from '../../src/engine/types';
import { configDiagnostic, diagnosticsByUri, toDiagnostic, type Locate } from '../../src/server/diagnostics';

const range = (line: number, start: number, end: number) => ({ start: { line, column: start }, end: { line, column: end } });

const base: Finding = { ruleId: 'random-state-unset', category: 'reproducibility', severity: 'warning', message: 'no seed', file: 'train.py', range: range(9, 12, 34), subject: 's' };

const locate: Locate = (file, cell) => ({ uri: cell === undefined ? `file:///p/${file}` : `vscode-notebook-cell:/p/${file}#c${cell}` });

describe('server diagnostics', () => {
  it('carries source, the rule id with its docs link, severity and a 0-based range', () => {
    const d = toDiagnostic(base, locate('train.py', undefined), locate);
    assert.equal(d.source, 'mlready');
    assert.equal(d.code, 'random-state-unset');
    assert.equal(d.codeDescription?.href, 'https://github.com/mlready/mlready/blob/main/docs/rules/random-state-unset.md');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(d.range, { start: { line: 9, character: 12 }, end: { line: 9, character: 34 } });
    assert.equal(d.tags, undefined);
    assert.equal(toDiagnostic({ ...base, severity: 'error' }, locate('x', undefined), locate).severity, DiagnosticSeverity.Error);
    assert.equal(toDiagnostic({ ...base, severity: 'info' }, locate('x', undefined), locate).severity, DiagnosticSeverity.Information);
  });

  it('marks dead code Unnecessary and points related locations at their documents', () => {
    const finding: Finding = { ...base, tags: ['unnecessary'], related: [{ file: 'nb.ipynb', cell: 3, range: range(1, 0, 4), message: 'defined here' }] };
    const d = toDiagnostic(finding, locate('train.py', undefined), locate);
    assert.deepEqual(d.tags, [DiagnosticTag.Unnecessary]);
    assert.deepEqual(d.relatedInformation, [{ location: { uri: 'vscode-notebook-cell:/p/nb.ipynb#c3', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } } }, message: 'defined here' }]);
  });

  it('groups a notebook\'s findings by the cell they are in, and maps ranges where the target asks', () => {
    const findings: Finding[] = [
      { ...base, file: 'nb.ipynb', cell: 2, range: range(0, 5, 9) },
      { ...base, file: 'nb.ipynb', cell: 2, range: range(1, 0, 3) },
      { ...base, file: 'nb.ipynb', cell: 4, range: range(0, 0, 1) },
    ];
    const byUri = diagnosticsByUri('nb.ipynb', findings, locate);
    assert.deepEqual([...byUri.keys()], ['vscode-notebook-cell:/p/nb.ipynb#c2', 'vscode-notebook-cell:/p/nb.ipynb#c4']);
    assert.equal(byUri.get('vscode-notebook-cell:/p/nb.ipynb#c2')?.length, 2);
    const shifted = diagnosticsByUri('nb.ipynb', findings.slice(0, 1), () => ({ uri: 'file:///p/nb.ipynb', mapRange: (r, cell) => ({ start: { line: 10 * (cell ?? 0) + r.start.line, column: r.start.column }, end: r.end }) }));
    assert.equal(shifted.get('file:///p/nb.ipynb')?.[0]?.range.start.line, 20);
  });

  it('shows a config problem at its place, to the end of the line when it has no end', () => {
    const d = configDiagnostic({ file: '/p/.mlready.yaml', line: 3, column: 2, message: 'bad severity', severity: 'error' }, () => 30);
    assert.deepEqual(d.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 30 } });
    assert.equal(d.source, 'mlready');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    const warning = configDiagnostic({ file: 'f', line: 0, column: 0, endLine: 0, endColumn: 4, message: 'unknown rule', severity: 'warning' }, () => 99);
    assert.equal(warning.severity, DiagnosticSeverity.Warning);
    assert.equal(warning.range.end.character, 4);
  });
});
