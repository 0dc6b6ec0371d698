// Tests of notebook-in-pipeline: notebooks run by DVC stages, Make targets, scripts, scheduled CI and Python, and notebook imports.
import rule from '../../src/engine/rules/notebooks/notebook-in-pipeline';
import { fixtureTest } from '../helpers/fixtures';
import { ruleTester } from '../helpers/rule-tester';

const scheduled = (run: string, job = 'refresh'): string =>
  `name: Nightly\non:\n  schedule:\n    - cron: '0 3 * * *'\njobs:\n  ${job}:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${run}\n`;

ruleTester(rule, {
  valid: [
    { name: 'converting to a script runs nothing', filename: 'Makefile', code: 'export:\n\tjupyter nbconvert --to script notebooks/*.ipynb\n' },
    { name: 'rendering without --execute', filename: 'scripts/publish.sh', code: 'jupyter nbconvert --to html reports/summary.ipynb\n' },
    { name: 'a test target executes notebooks to check them', filename: 'Makefile', code: 'test-notebooks:\n\tjupyter nbconvert --execute --to notebook --output-dir /tmp notebooks/*.ipynb\n' },
    { name: 'a docs script', filename: 'docs/build_docs.sh', code: 'papermill examples/intro.ipynb docs/intro.ipynb\n' },
    { name: 'a CI job on pushes: a smoke test of the notebooks', filename: '.github/workflows/main.yml', code: 'on: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: jupyter execute notebooks/demo.ipynb\n' },
    { name: 'a scheduled CI job named for tests', filename: '.github/workflows/nightly.yml', code: scheduled('papermill notebooks/demo.ipynb out.ipynb', 'test-notebooks') },
    { name: 'Python converting a notebook to a script', filename: 'tools/export.py', code: 'import subprocess\nsubprocess.check_call(["jupyter", "nbconvert", "--to", "script", path])\n' },
    { name: 'a pytest module running notebooks', filename: 'checks/run_notebooks.py', code: 'import pytest\nimport papermill as pm\n\ndef test_intro():\n    pm.execute_notebook("intro.ipynb", "/tmp/out.ipynb")\n' },
    { name: 'a generic runner whose notebook is a parameter (a tool, not a step)', filename: 'tools/runner.py', code: 'import papermill as pm\n\ndef run(path, out):\n    pm.execute_notebook(path, out)\n' },
    { name: 'a papermill probe', filename: 'dvc.yaml', code: 'stages:\n  check:\n    cmd: papermill --help\n' },
    { name: 'the word papermill in an echo', filename: 'scripts/run.sh', code: 'echo "papermill is not used here"\npip install papermill\n' },
  ],
  invalid: [
    {
      name: 'a DVC stage runs a notebook with papermill',
      filename: 'dvc.yaml',
      files: { 'notebooks/featurize.ipynb': '{}' },
      code: 'stages:\n  featurize:\n    cmd: papermill notebooks/featurize.ipynb out/featurize.ipynb -p seed 42\n    deps:\n      - notebooks/featurize.ipynb\n    outs:\n      - data/features.parquet\n',
      errors: [{ messageId: 'executed', line: 3, column: 10 }],
    },
    {
      name: 'a DVC stage with nbconvert --execute',
      filename: 'dvc.yaml',
      code: 'stages:\n  train:\n    cmd: jupyter nbconvert --to notebook --execute train.ipynb\n',
      errors: [{ messageId: 'executed', line: 3, column: 10 }],
    },
    {
      name: 'a Make variable hides the command',
      filename: 'Makefile',
      code: 'nbx := jupyter nbconvert --execute --ExecutePreprocessor.timeout=1000 --to notebook\n\nprocess:\n\t$(nbx) Crime_Preprocess.ipynb\n\t$(nbx) City_Profile.ipynb\n',
      errors: [{ messageId: 'executed', line: 4, column: 2 }, { messageId: 'executed', line: 5, column: 2 }],
    },
    {
      name: 'a pipeline script behind poetry run',
      filename: 'scripts/run_pipeline.sh',
      code: 'set -e\npython src/prepare.py\npoetry run papermill notebooks/train.ipynb out/train.ipynb && python src/evaluate.py\n',
      errors: [{ messageId: 'executed', line: 3, column: 12 }],
    },
    {
      name: 'a scheduled CI job',
      filename: '.github/workflows/nightly.yml',
      code: scheduled('jupyter nbconvert --execute --inplace notebooks/retrain.ipynb'),
      errors: [{ messageId: 'executed', line: 10, column: 14 }],
    },
    {
      name: 'Python orchestration with papermill and os.system',
      filename: 'pipeline/run.py',
      code: 'import os\nimport papermill as pm\n\npm.execute_notebook("notebooks/train.ipynb", "out/train.ipynb", parameters={"lr": 0.1})\nos.system("jupyter execute notebooks/report.ipynb")\n',
      errors: [{ messageId: 'executed', line: 4, column: 1 }, { messageId: 'executed', line: 5, column: 1 }],
    },
    {
      name: 'a subprocess list',
      filename: 'flows/daily.py',
      code: 'import subprocess\nsubprocess.run(["papermill", "score.ipynb", "scored.ipynb"], check=True)\n',
      errors: [{ messageId: 'executed', line: 2, column: 1 }],
    },
    {
      name: 'nbclient executes a notebook read with nbformat',
      filename: 'jobs/refresh.py',
      code: 'import nbformat\nfrom nbclient import NotebookClient\n\nnb = nbformat.read(open("notebooks/refresh.ipynb"), as_version=4)\nNotebookClient(nb, timeout=600).execute()\n',
      errors: [{ messageId: 'executed', line: 5, column: 1 }],
    },
    {
      name: 'serving code imports a notebook',
      filename: 'app.py',
      code: 'import streamlit as st\nimport import_ipynb\nimport Project\n\nst.write(Project.predict())\n',
      errors: [{ messageId: 'importsNotebook', line: 2, column: 8 }],
    },
    {
      name: 'the ipynb package',
      filename: 'src/features.py',
      code: 'from ipynb.fs.defs.Cleaning import clean_frame\n',
      errors: [{ messageId: 'importsNotebook', line: 1, column: 36 }],
    },
  ],
});

fixtureTest('notebook-in-pipeline');
