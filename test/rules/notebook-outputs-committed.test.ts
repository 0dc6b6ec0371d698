// Tests of notebook-outputs-committed: bulky outputs, error outputs where the run stopped, long data tables; Git tracking.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../src/engine/rules/notebooks/notebook-outputs-committed';
import { fixtureTest } from '../helpers/fixtures';
import { lintProject } from '../helpers/project-rule-tester';
import { ruleTester } from '../helpers/rule-tester';

interface Cell {
  readonly source: string;
  readonly count?: number | null;
  readonly outputs?: readonly unknown[];
  readonly tags?: readonly string[];
}

function notebook(cells: readonly Cell[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { language: 'python', name: 'python3' } },
    cells: cells.map((c) => ({ cell_type: 'code', metadata: c.tags ? { tags: c.tags } : {}, execution_count: c.count ?? null, outputs: c.outputs ?? [], source: c.source })),
  });
}

const png = (kb: number): unknown => ({ output_type: 'display_data', metadata: {}, data: { 'image/png': 'A'.repeat(kb * 1024), 'text/plain': ['<Figure>'] } });
const text = (s: string): unknown => ({ output_type: 'stream', name: 'stdout', text: [s] });
const error = (ename: string): unknown => ({ output_type: 'error', ename, evalue: '', traceback: [`${ename}: stopped`] });
const table = (rows: number): unknown => ({
  output_type: 'execute_result',
  metadata: {},
  execution_count: 1,
  data: { 'text/html': `<table class="dataframe"><thead><tr><th>a</th></tr></thead><tbody>${'<tr><td>1</td></tr>'.repeat(rows)}</tbody></table>` },
});
const filename = 'eda.ipynb';

ruleTester(rule, {
  valid: [
    { name: 'small outputs', filename, code: notebook([{ source: 'df.describe()', count: 1, outputs: [text('ok')] }, { source: 'plot(df)', count: 2, outputs: [png(200)] }]) },
    {
      name: 'an error shown on purpose: the run went on past it',
      filename,
      code: notebook([{ source: 'torch.tensor(ragged)', count: 1, outputs: [error('ValueError')] }, { source: 'torch.tensor(padded)', count: 2, outputs: [text('ok')] }]),
    },
    {
      name: 'an error shown on purpose, counts stripped',
      filename,
      code: notebook([{ source: 'int("x")', outputs: [error('ValueError')] }, { source: 'int("1")', outputs: [text('1')] }]),
    },
    { name: 'a cell tagged raises-exception', filename, code: notebook([{ source: '1 / 0', count: 3, outputs: [error('ZeroDivisionError')], tags: ['raises-exception'] }]) },
    { name: 'a truncated DataFrame', filename, code: notebook([{ source: 'df', count: 1, outputs: [table(60)] }]) },
    { name: 'outputs under a raised limit', filename, options: { maxNotebookKb: 4096 }, code: notebook([{ source: 'plot()', count: 1, outputs: [png(1500)] }]) },
  ],
  invalid: [
    {
      name: 'outputs over the limit, reported at the biggest cell',
      filename,
      code: notebook([{ source: 'plot(a)', count: 1, outputs: [png(600)] }, { source: 'plot(b)\nplot(c)', count: 2, outputs: [png(700), text('done')] }]),
      errors: [{ messageId: 'tooLarge', line: 1, column: 1, cell: 1 }],
    },
    {
      name: 'the run stopped at an interrupted training cell',
      filename,
      code: notebook([{ source: 'model = build()', count: 1 }, { source: 'train(model, epochs=10)', count: 8, outputs: [text('epoch 1'), error('KeyboardInterrupt')] }, { source: 'evaluate(model)', count: null }]),
      errors: [{ messageId: 'errorOutput', line: 1, cell: 1 }],
    },
    {
      name: 'counts stripped and nothing below has outputs',
      filename,
      code: notebook([{ source: 'load()', outputs: [error('FileNotFoundError')] }, { source: 'train()' }]),
      errors: [{ messageId: 'errorOutput', line: 1, cell: 0 }],
    },
    {
      name: 'a full DataFrame dumped into the notebook',
      filename,
      code: notebook([{ source: 'pd.set_option("display.max_rows", None)\ncustomers', count: 4, outputs: [table(150)] }]),
      errors: [{ messageId: 'dataTable', line: 1, cell: 0 }],
    },
    {
      name: 'a configured table limit',
      filename,
      options: { maxTableRows: 20 },
      code: notebook([{ source: 'df.head(50)', count: 2, outputs: [table(50)] }]),
      errors: [{ messageId: 'dataTable', line: 1, cell: 0 }],
    },
  ],
});

describe('notebook-outputs-committed and Git', () => {
  const bulky = notebook([{ source: 'plot()', count: 1, outputs: [png(1200)] }]);
  it('stays quiet on a notebook Git does not track', async () => {
    assert.deepEqual(await lintProject({ 'notebook-outputs-committed': {} }, { 'scratch.ipynb': bulky, 'README.md': '' }, { tracked: ['README.md'] }), []);
  });
  it('reports a tracked notebook', async () => {
    const findings = await lintProject({ 'notebook-outputs-committed': {} }, { 'eda.ipynb': bulky }, { tracked: ['eda.ipynb'] });
    assert.deepEqual(findings.map((f) => `${f.file}#${String(f.cell)}:${String(f.range.start.line + 1)}`), ['eda.ipynb#0:1']);
  });
});

fixtureTest('notebook-outputs-committed');
