// Tests of notebook-out-of-order-execution: decreasing execution counts, with gaps, unrun, empty and setup cells left out.
import rule from '../../src/engine/rules/notebooks/notebook-out-of-order-execution';
import { fixtureTest } from '../helpers/fixtures';
import { ruleTester } from '../helpers/rule-tester';

/** A notebook from [source, execution count] pairs; a string alone is a markdown cell. */
function notebook(cells: readonly (readonly [string, number | null] | string)[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { language: 'python', name: 'python3' } },
    cells: cells.map((c) => (typeof c === 'string' ? { cell_type: 'markdown', metadata: {}, source: c } : { cell_type: 'code', metadata: {}, execution_count: c[1], outputs: [], source: c[0] })),
  });
}

const filename = 'analysis.ipynb';

ruleTester(rule, {
  valid: [
    { name: 'top to bottom', filename, code: notebook([['import pandas as pd', 1], '# Load', ['df = pd.read_csv("a.csv")', 2], ['df.head()', 3]]) },
    { name: 'gaps from re-runs and deleted cells keep the order', filename, code: notebook([['a = 1', 1], ['b = a', 4], ['c = b', 9]]) },
    { name: 'cells never run are skipped', filename, code: notebook([['a = 1', 1], ['push_to_hub()', null], ['b = a', 2]]) },
    { name: 'a notebook with its counts stripped', filename, code: notebook([['a = 1', null], ['b = a', null]]) },
    { name: 'install, restart, then run on', filename, code: notebook([['!pip install -q setfit', 1], ['%pip install datasets', 2], ['from setfit import SetFitModel\nmodel = SetFitModel()', 1], ['model.fit()', 2]]) },
    { name: 'a login cell run after a restart', filename, code: notebook([['from huggingface_hub import notebook_login\n\nnotebook_login()', 5], ['import torch', 1], ['x = torch.ones(1)', 2]]) },
    { name: 'comment-only cells keep stale counts', filename, code: notebook([['# %pip install setfit', 1], ['# !apt install git-lfs', 3], ['from datasets import load_dataset', 1], ['ds = load_dataset("x")', 2]]) },
    { name: 'a copied cell keeps its count', filename, code: notebook([['x = 1', 3], ['x = 1', 3], ['y = x', 4]]) },
  ],
  invalid: [
    {
      name: 'a cell ran before the one above it',
      filename,
      code: notebook([['import numpy as np', 1], ['x = np.ones(3)', 2], '## Train', ['model = fit(x)', 7], ['score = model.score(x)', 5]]),
      errors: [{ messageId: 'outOfOrder', line: 1, column: 1, cell: 4 }],
    },
    {
      name: 'a restart in the middle: code above ran in another session',
      filename,
      code: notebook([['df = load()', 1], ['df = clean(df)', 3], ['report(df)', 1]]),
      errors: [{ messageId: 'outOfOrder', line: 1, cell: 2 }],
    },
    {
      name: 'only the first inversion is reported',
      filename,
      code: notebook([['a = 1', 4], ['b = 2', 2], ['c = 3', 1], ['d = 4', 9], ['e = 5', 6]]),
      errors: [{ messageId: 'outOfOrder', line: 1, cell: 1 }],
    },
  ],
});

fixtureTest('notebook-out-of-order-execution');
