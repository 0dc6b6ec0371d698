// Tests of the notebook layer: nbformat parsing, IPython masking with preserved columns, and cell <-> virtual line mapping.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskIPython, NotebookMap, parseNotebook, type Notebook } from '../../src/engine/parsers/notebook';
import { TextDocument } from '../../src/engine/text';

interface RawCell {
  readonly cell_type: string;
  readonly source: string | string[];
  readonly execution_count?: number | null;
  readonly outputs?: unknown[];
}

function notebookJson(cells: readonly RawCell[], metadata: Record<string, unknown> = {}): string {
  return JSON.stringify({ cells, metadata, nbformat: 4, nbformat_minor: 5 }, null, 1);
}

function parsed(text: string): Notebook {
  const result = parseNotebook(text);
  if (!result.ok) assert.fail(`expected a notebook, got: ${result.reason}`);
  return result.notebook;
}

/** What masking turns a line of this text into: `...` padded to its length. */
function dots(text: string): string {
  return `...${' '.repeat(text.length - 3)}`;
}

function blank(text: string): string {
  return ' '.repeat(text.length);
}

function failure(text: string): string {
  const result = parseNotebook(text);
  if (result.ok) assert.fail('expected the notebook to be rejected');
  return result.reason;
}

describe('parseNotebook', () => {
  it('reads nbformat 4 code cells with list and string sources', () => {
    const nb = parsed(
      notebookJson([
        { cell_type: 'code', source: ['import pandas as pd\n', 'df = pd.read_csv("a.csv")'], execution_count: 3, outputs: [{ output_type: 'stream', text: 'ok' }] },
        { cell_type: 'code', source: 'x = 1\ny = 2', execution_count: null, outputs: [] },
      ]),
    );
    assert.equal(nb.language, 'python');
    assert.deepEqual(
      nb.cells.map((c) => ({ index: c.index, kind: c.kind, source: c.source, executionCount: c.executionCount, outputs: c.outputs.length, start: c.virtualStartLine })),
      [
        { index: 0, kind: 'code', source: 'import pandas as pd\ndf = pd.read_csv("a.csv")', executionCount: 3, outputs: 1, start: 0 },
        { index: 1, kind: 'code', source: 'x = 1\ny = 2', executionCount: null, outputs: 0, start: 2 },
      ],
    );
    assert.equal(nb.virtualText, 'import pandas as pd\ndf = pd.read_csv("a.csv")\nx = 1\ny = 2');
  });

  it('keeps markdown and raw cells out of the virtual text but in the cell list', () => {
    const nb = parsed(
      notebookJson([
        { cell_type: 'markdown', source: ['# Title\n', 'text'] },
        { cell_type: 'code', source: 'a = 1\n' },
        { cell_type: 'raw', source: 'raw stuff' },
        { cell_type: 'code', source: ['b = 2'] },
        { cell_type: 'something-else', source: 'odd' },
      ]),
    );
    assert.deepEqual(
      nb.cells.map((c) => [c.index, c.kind, c.virtualStartLine]),
      [
        [0, 'markdown', -1],
        [1, 'code', 0],
        [2, 'raw', -1],
        [3, 'code', 2],
        [4, 'markdown', -1],
      ],
    );
    // The code cell ending in a newline keeps its empty last line, so the next cell starts one line later.
    assert.equal(nb.virtualText, 'a = 1\n\nb = 2');
  });

  it('tolerates cells without a source or with non-string list items', () => {
    const text = JSON.stringify({ cells: [{ cell_type: 'code' }, { cell_type: 'code', source: ['a', 7, 'b'] }, 'not a cell'], metadata: {} });
    const nb = parsed(text);
    assert.deepEqual(
      nb.cells.map((c) => [c.kind, c.source]),
      [
        ['code', ''],
        ['code', 'ab'],
        ['markdown', ''],
      ],
    );
    assert.equal(nb.virtualText, '\nab');
  });

  it('reads the kernel language from language_info, else kernelspec, lower-cased', () => {
    assert.equal(parsed(notebookJson([], { language_info: { name: 'R' }, kernelspec: { language: 'python' } })).language, 'r');
    assert.equal(parsed(notebookJson([], { kernelspec: { language: 'Julia', name: 'julia-1.9' } })).language, 'julia');
    assert.equal(parsed(notebookJson([], { language_info: { name: 'Python', version: '3.11' } })).language, 'python');
    assert.equal(parsed(JSON.stringify({ cells: [] })).language, 'python', 'no metadata: python');
  });

  it('reports broken JSON with the 1-based line and column where parsing stopped', () => {
    // Cut in the middle of a cell: the parser stops at the end of the text, line 3 column 23.
    const reason = failure('{\n "cells": [\n  {"cell_type": "code"');
    assert.match(reason, /^not valid notebook JSON \(line 3, column 23: \S.*\)$/);
    const bad = failure('{\n "cells": [\n  {"a": 1,,}\n ]\n}');
    assert.match(bad, /^not valid notebook JSON \(line 3, column 11: \S.*\)$/);
    assert.doesNotMatch(bad, /position/, 'the raw offset is replaced by line and column');
  });

  it('says an empty file looks truncated', () => {
    assert.equal(failure(''), 'not valid notebook JSON (the file ends early: it looks truncated)');
  });

  it('rejects JSON that is not a notebook', () => {
    const reason = 'not a Jupyter notebook (no "cells" list; nbformat 4 is supported)';
    assert.equal(failure('[1, 2]'), reason);
    assert.equal(failure('{"worksheets": []}'), reason);
    assert.equal(failure('{"cells": {}}'), reason);
    assert.equal(failure('null'), reason);
  });

  it('masks IPython syntax in the virtual text', () => {
    const nb = parsed(notebookJson([{ cell_type: 'code', source: ['%matplotlib inline\n', 'files = !ls data\n', 'x = 1'] }, { cell_type: 'code', source: '%%bash\necho hi' }]));
    assert.equal(nb.virtualText, `${dots('%matplotlib inline')}\nfiles = ${dots('!ls data')}\nx = 1\n${blank('%%bash')}\n${blank('echo hi')}`);
    assert.equal(nb.cells[0]?.source, '%matplotlib inline\nfiles = !ls data\nx = 1', 'cell sources stay as written');
  });
});

describe('maskIPython', () => {
  it('replaces line magics and shell escapes with ... of the same length, keeping indentation', () => {
    assert.equal(maskIPython('%matplotlib inline'), '...               ');
    assert.equal(maskIPython('!pip install torch'), '...               ');
    assert.equal(maskIPython('if x:\n    %cd ..\n    y = 1'), 'if x:\n    ...   \n    y = 1');
    assert.equal(maskIPython('!a'), '  ', 'too short for ...: blanks');
  });

  it('blanks a foreign cell magic cell entirely', () => {
    const source = '%%bash\nfor f in *.csv; do\n  echo $f\ndone';
    const masked = maskIPython(source);
    assert.equal(masked, '      \n                  \n         \n    ');
    assert.equal(maskIPython('  %%writefile out.py\nprint(1)'), '                    \n        ');
  });

  it('keeps the Python body of %%time, %%timeit and %%capture cells', () => {
    assert.equal(maskIPython('%%time\nmodel.fit(X, y)'), '      \nmodel.fit(X, y)');
    assert.equal(maskIPython('%%capture out\nimport noisy'), '             \nimport noisy');
    assert.equal(maskIPython('%%timeit -n 3\n%time f()\ng()'), '             \n...      \ng()');
  });

  it('keeps the assignment of `x = !cmd` and `y = %magic` and masks the right-hand side', () => {
    assert.equal(maskIPython('x = !ls'), 'x = ...');
    assert.equal(maskIPython('files = !ls data/'), 'files = ...      ');
    assert.equal(maskIPython('  t = %timeit -o f()'), `  t = ${dots('%timeit -o f()')}`);
    assert.equal(maskIPython('self.out = !ls'), 'self.out = ...');
  });

  it('masks help syntax: name?, name?? and ?name', () => {
    assert.equal(maskIPython('pd.read_csv?'), '...         ');
    assert.equal(maskIPython('obj??'), '...  ');
    assert.equal(maskIPython('?print'), '...   ');
    assert.equal(maskIPython('??np.mean'), '...      ');
  });

  it('blanks the continuation lines of a shell escape ending with a backslash', () => {
    assert.equal(maskIPython('!echo a \\\n  b \\\n  c\nd = 1'), `${dots('!echo a \\')}\n${blank('  b \\')}\n${blank('  c')}\nd = 1`);
  });

  it('leaves ordinary Python alone', () => {
    const code = 'a = b % c\nif x != y:\n    print("what?")\nd = {"k": "!v"}\ns = f"{a!r}"\n# %matplotlib in a comment';
    assert.equal(maskIPython(code), code);
  });

  it('leaves % and != that continue an expression inside brackets alone', () => {
    const code = 'msg = ("value: %s"\n       % value)\nok = (a\n      != b)';
    assert.equal(maskIPython(code), code);
  });

  it('preserves the length of every line', () => {
    const sources = [
      '%matplotlib inline\nimport os\n!ls -la\nx = !pwd\nhelp?\n%%time\n',
      '%%time\nfor i in range(3):\n    %time f(i)\n',
      '%%bash\nset -e\necho "a"\n',
      '!a \\\nb \\\nc\n?x\nobj.attr??\n',
      '\ty = %env HOME\n\t\t!echo\n',
    ];
    for (const source of sources) {
      const masked = maskIPython(source);
      assert.deepEqual(
        masked.split('\n').map((l) => l.length),
        source.split('\n').map((l) => l.length),
        `line lengths changed for ${JSON.stringify(source)}`,
      );
    }
  });
});

describe('NotebookMap', () => {
  // Cells: 0 markdown, 1 code (3 lines), 2 markdown, 3 markdown, 4 code (2 lines), 5 raw, 6 code (1 line).
  const nb = parsed(
    notebookJson([
      { cell_type: 'markdown', source: '# Intro' },
      { cell_type: 'code', source: ['import os\n', 'x = 1\n', 'y = x + 1'] },
      { cell_type: 'markdown', source: 'Some text' },
      { cell_type: 'markdown', source: 'More text' },
      { cell_type: 'code', source: ['%matplotlib inline\n', 'z = compute()'] },
      { cell_type: 'raw', source: 'raw' },
      { cell_type: 'code', source: 'print(z)' },
    ]),
  );
  const map = new NotebookMap(nb);

  it('lays code cells one after another in the virtual text', () => {
    assert.deepEqual(
      nb.cells.map((c) => c.virtualStartLine),
      [-1, 0, -1, -1, 3, -1, 5],
    );
    const doc = new TextDocument(nb.virtualText);
    assert.equal(doc.lineCount, 6);
    assert.equal(doc.lineText(4), 'z = compute()');
    assert.equal(doc.lineText(5), 'print(z)');
  });

  it('maps virtual lines to cells and back', () => {
    const expected: [number, number, number][] = [
      [0, 1, 0],
      [1, 1, 1],
      [2, 1, 2],
      [3, 4, 0],
      [4, 4, 1],
      [5, 6, 0],
    ];
    for (const [virtualLine, cell, line] of expected) {
      const mapped = map.toCell({ line: virtualLine, column: 2 });
      assert.deepEqual(mapped, { cell, position: { line, column: 2 } }, `virtual line ${virtualLine}`);
      assert.deepEqual(map.fromCell(cell, { line, column: 2 }), { line: virtualLine, column: 2 }, `cell ${cell} line ${line}`);
    }
    assert.equal(map.cellAt(4)?.index, 4);
  });

  it('finds no code cell for markdown cells or negative lines', () => {
    assert.equal(map.fromCell(0, { line: 0, column: 0 }), undefined);
    assert.equal(map.fromCell(5, { line: 0, column: 0 }), undefined);
    assert.equal(map.fromCell(99, { line: 0, column: 0 }), undefined);
    assert.equal(map.toCell({ line: -1, column: 0 }), undefined);
    assert.equal(new NotebookMap(parsed(notebookJson([{ cell_type: 'markdown', source: 'only text' }]))).toCell({ line: 0, column: 0 }), undefined);
  });

  it('finds no cell past the end of the virtual text', () => {
    assert.equal(map.cellAt(6), undefined);
    assert.equal(map.toCell({ line: 40, column: 0 }), undefined);
  });

  it('maps a range inside one cell, and cuts a range that runs into the next cell at its cell end', () => {
    assert.deepEqual(map.rangeToCell({ start: { line: 1, column: 0 }, end: { line: 2, column: 5 } }), {
      cell: 1,
      range: { start: { line: 1, column: 0 }, end: { line: 2, column: 5 } },
    });
    assert.deepEqual(map.rangeToCell({ start: { line: 2, column: 4 }, end: { line: 4, column: 3 } }), {
      cell: 1,
      range: { start: { line: 2, column: 4 }, end: { line: 2, column: 9 } },
    });
    assert.equal(map.rangeToCell({ start: { line: -2, column: 0 }, end: { line: 0, column: 1 } }), undefined);
  });
});
