// Tests of the Python tokenizer's logical lines and of code-unit fingerprints (renaming, numbers, columns, notebooks).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeUnits, unitInCells } from '../../src/engine/analyses/code-units';
import { PythonAnalysis } from '../../src/engine/python/analysis';
import { logicalLines, stringTokenValue } from '../../src/engine/python/tokens';
import { pythonParser } from '../helpers/python';

async function analyse(code: string): Promise<PythonAnalysis> {
  return new PythonAnalysis((await pythonParser()).parse(code), code, '');
}

describe('logicalLines', () => {
  it('joins bracketed and backslash continuations, drops comments, keeps strings whole', () => {
    const code = 'x = f(1,\n      2)  # two\ny = "a # not a comment" \\\n    + \'\'\'b\nc\'\'\'\nz = r"\\"q"\n';
    const lines = logicalLines(code).map((l) => `${String(l.line)}: ${l.tokens.map((t) => t.text).join(' ')}`);
    assert.deepEqual(lines, ['0: x = f ( 1 , 2 )', '2: y = "a # not a comment" + \'\'\'b\nc\'\'\'', '5: z = r"\\"q"']);
  });

  it('reads numbers with exponents and multi-character operators', () => {
    assert.deepEqual(logicalLines('a **= 1e-5 // 2\n').map((l) => l.tokens.map((t) => `${t.kind}:${t.text}`)), [['name:a', 'op:**=', 'number:1e-5', 'op://', 'number:2']]);
  });

  it('unquotes string tokens', () => {
    assert.equal(stringTokenValue('f"x{y}"'), 'x{y}');
    assert.equal(stringTokenValue("'''doc'''"), 'doc');
  });
});

describe('codeUnits', () => {
  it('gives a copy with renamed variables and changed numbers the same line hashes', async () => {
    const a = await analyse('import numpy as np\ndef f(df):\n    df["r"] = df["a"] / df["b"].clip(lower=1)\n    df["l"] = np.log1p(df["a"])\n    return df\n');
    const b = await analyse('import numpy as numpy_\ndef g(frame):\n    frame["r"] = frame["a"] / frame["b"].clip(lower=0)\n    frame["l"] = numpy_.log1p(frame["a"])\n    return frame\n');
    const [ua] = codeUnits(a);
    const [ub] = codeUnits(b);
    assert.ok(ua && ub);
    assert.deepEqual(ua.hashes, ub.hashes);
    assert.deepEqual(ua.columns.map((c) => c.column), ['r', 'l']);
    assert.deepEqual(ua.transforms, [0, 1]);
  });

  it('keeps column names and attribute names apart', async () => {
    const a = await analyse('def f(df):\n    df["x"] = df["a"].fillna(0)\n    df["y"] = 1\n    return df\n');
    const b = await analyse('def f(df):\n    df["x"] = df["b"].fillna(0)\n    df["y"] = 1\n    return df\n');
    assert.notEqual(codeUnits(a)[0]?.hashes[0], codeUnits(b)[0]?.hashes[0]);
  });

  it('has module-level code as a unit without imports, docstrings or function bodies', async () => {
    const py = await analyse('"""doc"""\nimport pandas as pd\ndf = pd.read_csv("a.csv")\ndf["z"] = df["a"] * 2\ndf.assign(w=1, v=2)\ndef f():\n    return 1\n');
    const module = codeUnits(py).find((u) => u.name === '<module>');
    assert.deepEqual(module?.lines, [2, 3, 4]);
    assert.deepEqual(module.columns.map((c) => c.column), ['z', 'w', 'v']);
  });

  it('does not take keyword arguments or comparisons for column writes', async () => {
    const py = await analyse('def f(df):\n    print(df["a"], end="")\n    ok = df["b"] == 1\n    df.loc[:, "c"] = 0\n');
    assert.deepEqual(codeUnits(py)[0]?.columns.map((c) => c.column), ['c']);
  });

  it('maps units into notebook cells and drops lines outside them', () => {
    const unit = { name: '<module>', lines: [1, 5, 9], indents: [0, 0, 0], ends: [5, 5, 5], hashes: [1, 2, 3], tokens: [4, 4, 4], transforms: [1, 2], columns: [{ column: 'a', index: 2 }] };
    const placed = unitInCells(unit, (line) => (line < 4 ? { cell: 0, line } : line < 8 ? undefined : { cell: 2, line: line - 8 }));
    assert.deepEqual([placed.lines, placed.cells, placed.hashes, placed.transforms, placed.columns], [[1, 1], [0, 2], [1, 3], [1], [{ column: 'a', index: 1 }]]);
  });
});
