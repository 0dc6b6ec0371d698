// Tests of the notebook def-use analysis: module-level definitions and uses per cell, scopes, targets, magics and dynamic code.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { notebookNames, type NotebookNames } from '../../src/engine/analyses/notebook-names';
import { SourceFile } from '../../src/engine/source-file';
import { pythonParser } from '../helpers/python';

/** A notebook of code cells (a `#md ` prefix makes a markdown cell). */
function notebook(cells: readonly string[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { language: 'python', name: 'python3' } },
    cells: cells.map((source) => (source.startsWith('#md ') ? { cell_type: 'markdown', metadata: {}, source: source.slice(4) } : { cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source })),
  });
}

async function names(cells: readonly string[]): Promise<NotebookNames> {
  const file = new SourceFile('a.ipynb', 'notebook', notebook(cells), { python: await pythonParser() });
  const nb = file.notebook;
  const py = file.python;
  assert.ok(nb && py);
  return notebookNames(py, nb.notebook, nb.doc);
}

const used = (n: NotebookNames): string[] => n.uses.map((u) => `${u.name}@${String(u.cell)}`);
const defined = (n: NotebookNames): string[] => [...n.defs].flatMap(([name, defs]) => defs.map((d) => `${name}@${String(d.cell)}`)).sort();

describe('notebookNames', () => {
  it('collects assignments, tuple targets, imports, defs, classes, loop, with and except targets, walrus', async () => {
    const n = await names([
      'import numpy as np\nfrom os import path as p\na, (b, *c) = 1, (2, 3)\nd: int = 4',
      'def f(x):\n    return x\nclass K:\n    pass\nfor i in range(3):\n    pass\nwith open(p) as fh:\n    pass',
      'try:\n    pass\nexcept ValueError as err:\n    pass\nif (w := 5):\n    pass\ne += 1',
    ]);
    assert.deepEqual(defined(n), ['K@1', 'a@0', 'b@0', 'c@0', 'd@0', 'e@2', 'err@2', 'f@1', 'fh@1', 'i@1', 'np@0', 'p@0', 'w@2'].sort());
    assert.deepEqual(used(n), ['int@0', 'range@1', 'open@1', 'p@1', 'ValueError@2', 'e@2']);
  });

  it('skips function, lambda and class bodies but keeps decorators, base classes and class keywords', async () => {
    const n = await names(['@register\ndef f(a=default):\n    return hidden\ng = lambda q: q + other\nclass C(Base, metaclass=Meta):\n    attr = inside']);
    assert.deepEqual(used(n), ['register@0', 'Base@0', 'Meta@0']);
  });

  it('does not count attribute names, keyword names or comprehension variables as uses', async () => {
    const n = await names(['obj.attr = f(key=value)\nsquares = [x * k for x in data if x]\n{kk: vv for kk, vv in pairs}']);
    assert.deepEqual(used(n), ['obj@0', 'f@0', 'value@0', 'k@0', 'data@0', 'pairs@0']);
  });

  it('reads a subscript or attribute target as uses of its names, and x += 1 as a use', async () => {
    const n = await names(['table[key] = 1\nnode.child.leaf = 2\ncount += 1']);
    assert.deepEqual(used(n), ['table@0', 'key@0', 'node@0', 'count@0']);
    assert.deepEqual(defined(n), ['count@0']);
  });

  it('makes an assignment take effect after its right-hand side', async () => {
    const n = await names(['x = x + 1']);
    const def = n.defs.get('x')?.[0];
    const use = n.uses.find((u) => u.name === 'x');
    assert.ok(def && use);
    assert.ok(def.effective > use.start);
  });

  it('records the loop around a use, star imports, global names and NameError guards', async () => {
    const n = await names(['for i in r:\n    print(y)\n    y = i', 'from helpers import *', 'def setup():\n    global model\n    model = 1', 'try:\n    cache\nexcept NameError:\n    cache = {}']);
    assert.ok(n.uses.find((u) => u.name === 'y')?.loop);
    assert.equal(n.starImports.length, 1);
    assert.ok(n.unsure.has('model'));
    assert.equal(n.uses.some((u) => u.name === 'cache'), false);
  });

  it('finds names bound by magics the masked text hides', async () => {
    const n = await names(['%time model = fit(data)', '%%capture captured\nprint(1)', '%sql rows << SELECT 1']);
    assert.deepEqual(defined(n), ['captured@1', 'model@0', 'rows@2']);
  });

  it('drops uses on lines that do not parse (IPython automagics)', async () => {
    const n = await names(['pip install torch transformers', 'import torch\ntorch.zeros(1)']);
    assert.deepEqual(used(n), ['torch@1']);
  });

  it('gives up on notebooks that load code or touch the namespace by name', async () => {
    assert.equal((await names(['%run setup.ipynb', 'x'])).dynamic, '%run');
    assert.equal((await names(['globals()["x"] = 1'])).dynamic, 'globals()');
    assert.equal((await names(['exec(code)'])).dynamic, 'exec(');
    assert.equal((await names(['%store -r data'])).dynamic, '%store -r');
    assert.equal((await names(['%load_ext autoreload\nx = 1'])).dynamic, undefined);
  });

  it('maps sites to cell indexes counted over all cells, markdown included', async () => {
    const n = await names(['#md # Title', 'a = 1', '#md text', 'b = a']);
    assert.deepEqual(used(n), ['a@3']);
    assert.deepEqual(defined(n), ['a@1', 'b@3']);
  });
});
