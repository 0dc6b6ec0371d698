// Tests of the notebook-run recogniser: papermill, nbconvert --execute, jupyter execute, runipy, ipython, behind runners and prefixes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { notebookRun } from '../../src/engine/parsers/notebook-runs';
import { shellWords } from '../../src/engine/parsers/shell';

const run = (command: string): string | undefined => {
  const r = notebookRun(shellWords(command));
  return r ? `${r.tool} ${r.notebook?.value ?? '-'} @${command.slice(r.head.start, r.head.end)}` : undefined;
};

describe('notebookRun', () => {
  it('recognises the notebook runners', () => {
    assert.equal(run('papermill nb/train.ipynb out/train.ipynb -p epochs 3'), 'papermill nb/train.ipynb @papermill');
    assert.equal(run('jupyter nbconvert --to notebook --execute report.ipynb'), 'jupyter nbconvert --execute report.ipynb @jupyter');
    assert.equal(run('jupyter nbconvert --ExecutePreprocessor.enabled=True --to html a.ipynb'), 'jupyter nbconvert --execute a.ipynb @jupyter');
    assert.equal(run('jupyter-nbconvert --execute --inplace a.ipynb'), 'jupyter nbconvert --execute a.ipynb @jupyter-nbconvert');
    assert.equal(run('jupyter execute clean.ipynb'), 'jupyter execute clean.ipynb @jupyter');
    assert.equal(run('runipy in.ipynb out.ipynb'), 'runipy in.ipynb @runipy');
    assert.equal(run('ipython --no-banner run_all.ipynb'), 'ipython run_all.ipynb @ipython');
    assert.equal(run('jupytext --to notebook --execute analysis.py'), 'jupytext --execute - @jupytext');
  });

  it('looks through prefixes, environment runners and python -m', () => {
    assert.equal(run('poetry run papermill a.ipynb b.ipynb'), 'papermill a.ipynb @papermill');
    assert.equal(run('conda run -n ml papermill a.ipynb b.ipynb'), 'papermill a.ipynb @papermill');
    assert.equal(run('CUDA_VISIBLE_DEVICES=0 time uv run --with papermill papermill a.ipynb b.ipynb'), 'papermill a.ipynb @papermill');
    assert.equal(run('python -m papermill a.ipynb b.ipynb'), 'papermill a.ipynb @papermill');
    assert.equal(run('python3 -m jupyter nbconvert --execute a.ipynb'), 'jupyter nbconvert --execute a.ipynb @jupyter');
  });

  it('ignores conversions that run nothing, probes and unrelated commands', () => {
    assert.equal(run('jupyter nbconvert --to script a.ipynb'), undefined);
    assert.equal(run('jupyter nbconvert --to html --output report a.ipynb'), undefined);
    assert.equal(run('jupyter nbconvert --ExecutePreprocessor.enabled=False --to html a.ipynb'), undefined);
    assert.equal(run('papermill --help'), undefined);
    assert.equal(run('papermill --prepare-only a.ipynb b.ipynb'), undefined);
    assert.equal(run('ipython -c "print(1)"'), undefined);
    assert.equal(run('jupyter lab --port 8888'), undefined);
    assert.equal(run('pytest --nbmake notebooks/'), undefined);
    assert.equal(run('pip install papermill'), undefined);
  });
});
