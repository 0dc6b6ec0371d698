// Tests of notebook output measurement: sizes by payload, error names, DataFrame table rows, cell head ranges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellHeadRange, cellOutputs, formatSize, htmlTableRows } from '../../src/engine/analyses/notebook-cells';
import type { NotebookCell } from '../../src/engine/parsers/notebook';

const cell = (index: number, outputs: unknown[], kind: NotebookCell['kind'] = 'code'): NotebookCell => ({ index, kind, source: 'x', executionCount: 1, outputs, virtualStartLine: 0 });
const table = (rows: number): string => `<table class="dataframe"><thead><tr><th>a</th></tr></thead><tbody>${'<tr><td>1</td></tr>'.repeat(rows)}</tbody></table>`;

describe('cellOutputs', () => {
  it('measures streams, rich data, errors and JSON payloads, and keeps the largest', () => {
    const [measured] = cellOutputs([
      cell(2, [
        { output_type: 'stream', name: 'stdout', text: ['ab', 'cd'] },
        { output_type: 'display_data', data: { 'image/png': 'x'.repeat(100), 'text/plain': ['<Figure>'] } },
        { output_type: 'display_data', data: { 'application/vnd.jupyter.widget-view+json': { model_id: 'abc' } } },
        { output_type: 'error', ename: 'KeyboardInterrupt', evalue: '', traceback: ['line 1', 'line 2'] },
      ]),
    ]);
    assert.ok(measured);
    assert.equal(measured.cell.index, 2);
    assert.equal(measured.size, 4 + 100 + 8 + JSON.stringify({ model_id: 'abc' }).length + 12);
    assert.deepEqual(measured.largest, { size: 100, mime: 'image/png' });
    assert.deepEqual(measured.errors, ['KeyboardInterrupt']);
  });

  it('names errors saved without a name', () => {
    const crash = { output_type: 'error', ename: '', evalue: '', traceback: ['The Kernel crashed while executing code in the current cell'] };
    const [measured] = cellOutputs([cell(0, [crash, { output_type: 'error', traceback: [] }])]);
    assert.deepEqual(measured?.errors, ['kernel crash', 'unnamed error']);
  });

  it('skips cells without outputs, markdown cells and malformed outputs', () => {
    assert.deepEqual(cellOutputs([cell(0, []), cell(1, [{ output_type: 'stream' }], 'markdown')]), []);
    const [odd] = cellOutputs([cell(0, [null, 'text', { output_type: 'execute_result', data: 'nope' }])]);
    assert.equal(odd?.size, 0);
  });

  it('counts DataFrame body rows, not header rows', () => {
    assert.equal(htmlTableRows(table(12)), 12);
    assert.equal(htmlTableRows(`${table(3)}<p>and</p>${table(7)}`), 7);
    assert.equal(htmlTableRows('<div>no table</div>'), 0);
    const [measured] = cellOutputs([cell(0, [{ output_type: 'execute_result', data: { 'text/html': table(150) } }])]);
    assert.equal(measured?.tableRows, 150);
  });
});

describe('cell helpers', () => {
  it('ranges the first line of a cell and formats sizes', () => {
    assert.deepEqual(cellHeadRange('df.head()\nprint(1)'), { start: { line: 0, column: 0 }, end: { line: 0, column: 9 } });
    assert.deepEqual(cellHeadRange(''), { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } });
    assert.equal(formatSize(800), '1 KB');
    assert.equal(formatSize(300 * 1024), '300 KB');
    assert.equal(formatSize(4.25 * 1024 * 1024), '4.3 MB');
  });
});
