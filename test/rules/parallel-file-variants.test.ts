// Tests of parallel-file-variants: versioned and copied files beside a near-identical sibling.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureTest } from '../helpers/fixtures';
import { lintProject } from '../helpers/project-rule-tester';

const run = async (files: Record<string, string>, options = {}): Promise<string[]> =>
  (await lintProject({ 'parallel-file-variants': options }, files)).map((f) => `${f.file}${f.cell === undefined ? '' : `#${String(f.cell)}`}:${String(f.range.start.line + 1)} ${f.message.replace(/ \(\d+% .*$/, '').replace(/ of \S+$/, '')}${f.related ? ` <- ${f.related.map((r) => r.file).join(',')}` : ''}`);

const lines = (n: number, tag = ''): string => Array.from({ length: n }, (_, i) => `value_${String(i)} = compute("${tag}${String(i)}")`).join('\n');
const BASE = `import pandas as pd\n${lines(20)}\n`;
const EDITED = `import pandas as pd\n${lines(18)}\nvalue_18 = compute("new")\nvalue_19 = compute("other")\n`;
const OTHER = `import pandas as pd\n${lines(20, 'x')}\n`;

describe('parallel-file-variants', () => {
  it('reports a versioned, old, copied or backup file on the variant, with the sibling related', async () => {
    assert.deepEqual(await run({ 'train.py': BASE, 'train_v2.py': EDITED }), ['train_v2.py:1 train_v2.py is a version (v2) <- train.py']);
    assert.deepEqual(await run({ 'utils.py': BASE, 'utils_old.py': EDITED }), ["utils_old.py:1 utils_old.py is a 'old' variant <- utils.py"]);
    assert.deepEqual(await run({ 'src/x.py': BASE, 'src/x copy.py': BASE, 'src/x (1).py': EDITED }), ['src/x (1).py:1 src/x (1).py is a copy <- src/x.py', 'src/x copy.py:1 src/x copy.py is a copy <- src/x.py']);
    assert.deepEqual(await run({ 'model_final_new.py': EDITED, 'model.py': BASE }), ["model_final_new.py:1 model_final_new.py is a 'final_new' variant <- model.py"]);
  });

  it('between two versions, reports the older one', async () => {
    assert.deepEqual(await run({ 'code/train_v3.py': BASE, 'code/train_v4.py': EDITED }), ['code/train_v3.py:1 code/train_v3.py is a version (v3) <- code/train_v4.py']);
  });

  it('matches a plain name in another folder, but variants only within their folder', async () => {
    assert.deepEqual(await run({ 'src/train.py': BASE, 'old/train_backup.py': EDITED }), ["old/train_backup.py:1 old/train_backup.py is a 'backup' variant <- src/train.py"]);
    assert.deepEqual(await run({ 'a/train_v1.py': BASE, 'b/train_v2.py': EDITED }), []);
  });

  it('reports notebook copies in their first code cell', async () => {
    const nb = (code: string): string => JSON.stringify({ cells: [{ cell_type: 'markdown', metadata: {}, source: ['# t'] }, { cell_type: 'code', metadata: {}, outputs: [], source: [code] }], metadata: { language_info: { name: 'python' } }, nbformat: 4, nbformat_minor: 5 });
    assert.deepEqual(await run({ 'Untitled.ipynb': nb(BASE), 'Untitled-Copy1.ipynb': nb(EDITED), 'analysis.ipynb': nb(OTHER), 'analysis-Copy2.ipynb': nb(BASE) }), ['Untitled-Copy1.ipynb#1:1 Untitled-Copy1.ipynb is a copy <- Untitled.ipynb']);
  });

  it('is quiet when the files differ, are tiny, or have different extensions', async () => {
    assert.deepEqual(await run({ 'train.py': BASE, 'train_v2.py': OTHER }), []);
    assert.deepEqual(await run({ 'a.py': 'x = 1\n', 'a_old.py': 'x = 1\n' }), []);
    assert.deepEqual(await run({ 'train.py': BASE, 'train_v2.ipynb': JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, outputs: [], source: [BASE] }], metadata: {}, nbformat: 4, nbformat_minor: 5 }) }), []);
  });

  it('is quiet for a variant other code imports: api_v1 and api_v2 served side by side are both live', async () => {
    assert.deepEqual(await run({ 'api_v1.py': BASE, 'api_v2.py': EDITED, 'app.py': 'import api_v1\nimport api_v2\n' }), []);
  });

  it('names that only look like markers are not variants: train_model.py, stage_1.py beside stage_2.py that differ', async () => {
    assert.deepEqual(await run({ 'train.py': BASE, 'train_model.py': EDITED, 'stage_1.py': BASE, 'stage_2.py': OTHER }), []);
  });

  it('takes the similarity threshold from the options', async () => {
    const half = `import pandas as pd\n${lines(10)}\n${lines(10, 'y')}\n`;
    assert.deepEqual(await run({ 'train.py': BASE, 'train_v2.py': half }), []);
    assert.deepEqual(await run({ 'train.py': BASE, 'train_v2.py': half }, { minSimilarity: 0.3 }), ['train_v2.py:1 train_v2.py is a version (v2) <- train.py']);
  });
});

fixtureTest('parallel-file-variants');
