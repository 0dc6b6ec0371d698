// The notebook JSON the server builds from editor cells, and cell positions mapped into a closed notebook's JSON text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNotebook } from '../../src/engine/parsers/notebook';
import { notebookRangeMapper, synthesizeNotebook, type EditorCell } from '../../src/server/notebook-json';

const cells: EditorCell[] = [
  { kind: 'markdown', source: '# Title' },
  { kind: 'code', source: 'import os\nx = 1', language: 'python', executionOrder: 3 },
  { kind: 'code', source: 'print(x)\n', language: 'python' },
];

describe('server notebook JSON', () => {
  it('builds a notebook the engine reads with the same cells at the same indexes as the editor', () => {
    const parsed = parseNotebook(synthesizeNotebook(cells));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.notebook.cells.map((c) => [c.index, c.kind, c.source]), [[0, 'markdown', '# Title'], [1, 'code', 'import os\nx = 1'], [2, 'code', 'print(x)\n']]);
    assert.equal(parsed.notebook.cells[1]?.executionCount, 3);
    assert.equal(parsed.notebook.language, 'python');
  });

  it('keeps the saved notebook\'s metadata and the outputs of cells that kept their kind', () => {
    const saved = JSON.stringify({
      cells: [
        { cell_type: 'markdown', metadata: {}, source: ['# Old'] },
        { cell_type: 'code', metadata: { tags: ['x'] }, execution_count: 7, outputs: [{ output_type: 'stream', text: ['hi'] }], source: ['old'] },
        { cell_type: 'markdown', metadata: {}, source: ['was markdown'] },
      ],
      metadata: { kernelspec: { language: 'python' }, custom: true },
      nbformat: 4,
      nbformat_minor: 4,
    });
    const json = JSON.parse(synthesizeNotebook(cells, saved)) as { cells: { outputs?: unknown[]; metadata: unknown; execution_count?: number | null }[]; metadata: { custom?: boolean }; nbformat_minor: number };
    assert.equal(json.metadata.custom, true);
    assert.equal(json.nbformat_minor, 4);
    const [, code, changed] = json.cells;
    assert.equal(code?.outputs?.length, 1);
    assert.deepEqual(code.metadata, { tags: ['x'] });
    assert.equal(code.execution_count, 3, 'the editor\'s execution order wins');
    assert.deepEqual(changed?.outputs, [], 'a cell that changed kind gets no outputs');
    assert.equal(changed.execution_count, null);
  });

  it('ignores a saved file that is not JSON', () => {
    assert.ok(parseNotebook(synthesizeNotebook(cells, '{ broken')).ok);
  });

  it('maps a cell line to its string in the JSON source list, columns after the quote', () => {
    const text = synthesizeNotebook(cells);
    const map = notebookRangeMapper(text);
    const lines = text.split('\n');
    const mapped = map({ start: { line: 1, column: 2 }, end: { line: 1, column: 3 } }, 1);
    assert.equal(lines[mapped.start.line]?.slice(mapped.start.column, mapped.end.column), '=');
    assert.equal(lines[mapped.start.line]?.trim(), '"x = 1"');
  });

  it('maps a cell whose source is one string, and a finding without a cell to the top', () => {
    const text = JSON.stringify({ cells: [{ cell_type: 'code', source: 'a = 1\nb = 2', outputs: [], metadata: {} }], metadata: {} }, null, 1);
    const map = notebookRangeMapper(text);
    const start = map({ start: { line: 0, column: 0 }, end: { line: 0, column: 1 } }, 0).start;
    assert.equal(text.split('\n')[start.line]?.slice(start.column, start.column + 1), 'a');
    assert.deepEqual(map({ start: { line: 5, column: 1 }, end: { line: 5, column: 2 } }, undefined), { start: { line: 0, column: 0 }, end: { line: 0, column: 1 } });
  });
});
