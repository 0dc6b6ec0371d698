// Tests of notebook-hidden-state: names used before any cell above defines them while a cell below does.
import rule from '../../src/engine/rules/notebooks/notebook-hidden-state';
import { fixtureTest } from '../helpers/fixtures';
import { ruleTester } from '../helpers/rule-tester';

/** A notebook of code cells; a `#md ` prefix makes a markdown cell. */
function notebook(cells: readonly string[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { language: 'python', name: 'python3' } },
    cells: cells.map((source) => (source.startsWith('#md ') ? { cell_type: 'markdown', metadata: {}, source: source.slice(4) } : { cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source })),
  });
}

const filename = 'explore.ipynb';
const valid = (name: string, cells: readonly string[]): { name: string; filename: string; code: string } => ({ name, filename, code: notebook(cells) });

ruleTester(rule, {
  valid: [
    valid('defined in a cell above', ['import pandas as pd\ndf = pd.read_csv("a.csv")', 'df.head()', 'df = df.dropna()']),
    valid('defined earlier in the same cell', ['x = 1\nprint(x)', 'x = 2']),
    valid('used in a function body, which runs later', ['def score():\n    return model.score(X, y)', 'model = fit()', 'score()']),
    valid('used in a lambda and a class body', ['f = lambda: later\nclass C:\n    attr = later', 'later = 1']),
    valid('an attribute name and a keyword name are not uses', ['cfg.model = build(model=None)', 'model = 1']),
    valid('a comprehension variable is local', ['data = [1, 2]', 'squares = [m * m for m in data]', 'm = 3']),
    valid('builtins and IPython names', ['print(len(Out), display, _)', 'print = None']),
    valid('never defined anywhere: not hidden state this rule can prove', ['undefined_thing()']),
    valid('defined only later in the same cell', ['for i in range(3):\n    if i:\n        print(last)\n    last = i']),
    valid('a star import above may bind anything', ['from helpers import *', 'run(config)', 'config = {}']),
    valid('a notebook that %runs another one', ['%run setup.ipynb', 'train(df)', 'df = load()']),
    valid('a notebook that writes globals() by name', ['globals()["df"] = load()', 'show(df)', 'df = 1']),
    valid('guarded by except NameError', ['try:\n    cache\nexcept NameError:\n    cache = {}', 'cache = {}']),
    valid('bound by a line magic', ['%time model = fit(X)', 'model.predict(X)', 'model = None']),
    valid('bound by %%capture', ['%%capture log\nfit()', 'log.show()', 'log = None']),
    valid('set through global in a function called above', ['def setup():\n    global model\n    model = 1\nsetup()', 'model.fit()', 'model = 2']),
    valid('automagic pip install does not use its words', ['pip install torch', 'import torch']),
    valid('a Python 2 builtin name', ['xrange(3)', 'xrange = range']),
  ],
  invalid: [
    {
      name: 'a DataFrame defined two cells below',
      filename,
      code: notebook(['#md # Explore', 'print(df.head())', 'import pandas as pd', 'df = pd.read_csv("data/train.csv")']),
      errors: [{ messageId: 'usedBeforeDefined', line: 1, column: 7, cell: 1 }],
    },
    {
      name: 'a module imported in a later cell, and each name once',
      filename,
      code: notebook(['x = np.zeros(3)\ny = np.ones(3)', 'import numpy as np']),
      errors: [{ messageId: 'usedBeforeDefined', line: 1, column: 5, cell: 0 }],
    },
    {
      name: 'augmented assignment, comprehension iterable, decorator and f-string',
      filename,
      code: notebook(['total += 1\nsquares = [v * v for v in values]\n@cache\ndef f():\n    pass\nprint(f"{name}")', 'total = 0\nvalues = [1]\nfrom functools import cache\nname = "x"']),
      errors: [
        { messageId: 'usedBeforeDefined', line: 1, column: 1, cell: 0 },
        { messageId: 'usedBeforeDefined', line: 2, column: 27, cell: 0 },
        { messageId: 'usedBeforeDefined', line: 3, column: 2, cell: 0 },
        { messageId: 'usedBeforeDefined', line: 6, column: 10, cell: 0 },
      ],
    },
    {
      name: 'the right-hand side reads the name before the assignment binds it',
      filename,
      code: notebook(['step = step + 1', 'step = 0']),
      errors: [{ messageId: 'usedBeforeDefined', line: 1, column: 8, cell: 0 }],
    },
    {
      name: 'a use in a module-level loop and if block',
      filename,
      code: notebook(['for batch in loader:\n    if batch:\n        optimizer.step()', 'optimizer = make_optimizer()\nloader = []']),
      errors: [
        { messageId: 'usedBeforeDefined', line: 1, column: 14, cell: 0 },
        { messageId: 'usedBeforeDefined', line: 3, column: 9, cell: 0 },
      ],
    },
  ],
});

fixtureTest('notebook-hidden-state');
