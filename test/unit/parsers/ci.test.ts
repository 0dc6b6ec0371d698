// Tests for the CI parser: GitHub Actions and GitLab CI jobs, command ranges, shell splitting and test detection.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from '../../../src/engine/text.js';
import type { Range } from '../../../src/engine/types.js';
import { getPath, scalarText } from '../../../src/engine/parsers/config-tree.js';
import {
  parseCiWorkflow, runsTests, splitShellCommandSpans, splitShellCommands, type CiJob, type CiWorkflow,
} from '../../../src/engine/parsers/ci.js';

const r = (line: number, column: number, endLine: number, endColumn: number): Range => ({
  start: { line, column },
  end: { line: endLine, column: endColumn },
});

function job(workflow: CiWorkflow, name: string): CiJob {
  const found = workflow.jobs.find((j) => j.name === name);
  assert.ok(found, `no job ${name}`);
  return found;
}

const GITHUB = `name: CI
on:
  push:
    branches: [main]
  pull_request:
  schedule:
    - cron: '0 3 * * 1'
  workflow_dispatch:
jobs:
  test:
    name: Tests (\${{ matrix.os }}, py\${{ matrix.python-version }})
    runs-on: \${{ matrix.os }}
    strategy:
      matrix:
        os: [ubuntu-latest, macos-latest]
        python-version: ["3.10", "3.11"]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: \${{ matrix.python-version }}
      - name: Install
        run: |
          python -m pip install --upgrade pip
          # dev tools too
          pip install -r requirements.txt \\
            -r requirements-dev.txt

          cat > setup.cfg <<EOF
          [tool:pytest]
          EOF
      - name: Test
        run: pytest -q --cov=src && coverage xml
      - uses: codecov/codecov-action@e28ff129e5465c2c0dcc6f003fc735cb6ae0c673
  lint:
    runs-on: ubuntu-latest
    if: github.event_name == 'pull_request'
    steps:
      - uses: actions/checkout@v4
      - run: ruff check .
        shell: bash
  release:
    uses: org/shared/.github/workflows/release.yml@main
  docker:
    runs-on: ubuntu-latest
    steps:
      - uses: docker://alpine:3.19
      - uses: ./.github/actions/build
`;

void describe('parseCiWorkflow: GitHub Actions', () => {
  const workflow = parseCiWorkflow('.github/workflows/ci.yml', new TextDocument(GITHUB));

  void test('triggers and schedules', () => {
    assert.deepEqual(workflow.problems, []);
    assert.equal(workflow.system, 'github');
    assert.deepEqual(workflow.triggers, ['push', 'pull_request', 'schedule', 'workflow_dispatch']);
    assert.deepEqual(workflow.schedules, [{ cron: '0 3 * * 1', range: r(6, 12, 6, 23) }]);
    assert.deepEqual(workflow.jobs.map((j) => j.name), ['test', 'lint', 'release', 'docker']);
    assert.deepEqual(job(workflow, 'lint').triggers, workflow.triggers);
  });

  void test('multi-line run blocks: one command per line, on its own source line', () => {
    const testJob = job(workflow, 'test');
    assert.deepEqual(testJob.range, r(9, 2, 9, 6));
    assert.equal(testJob.displayName, 'Tests (${{ matrix.os }}, py${{ matrix.python-version }})');
    assert.deepEqual(testJob.commands, [
      { text: 'python -m pip install --upgrade pip', range: r(23, 10, 23, 45), step: 'Install' },
      { text: 'pip install -r requirements.txt -r requirements-dev.txt', range: r(25, 10, 26, 35), step: 'Install' },
      { text: 'cat > setup.cfg <<EOF', range: r(28, 10, 28, 31), step: 'Install' },
      { text: 'pytest -q --cov=src && coverage xml', range: r(32, 13, 32, 48), step: 'Test' },
    ]);
    assert.ok(testJob.commands.some((c) => runsTests(c.text)));
    assert.equal(scalarText(getPath(testJob.matrix, ['python-version', 0])), '3.10');
  });

  void test('uses: actions with refs, reusable workflows, docker and local actions', () => {
    assert.deepEqual(job(workflow, 'test').uses, [
      { action: 'actions/checkout', ref: 'v4', range: r(17, 14, 17, 33) },
      { action: 'actions/setup-python', ref: 'v5', range: r(18, 14, 18, 37) },
      { action: 'codecov/codecov-action', ref: 'e28ff129e5465c2c0dcc6f003fc735cb6ae0c673', range: r(33, 14, 33, 77) },
    ]);
    assert.deepEqual(job(workflow, 'release').uses.map((u) => [u.action, u.ref]), [['org/shared/.github/workflows/release.yml', 'main']]);
    assert.deepEqual(job(workflow, 'docker').uses.map((u) => [u.action, u.ref]), [['docker://alpine:3.19', undefined], ['./.github/actions/build', undefined]]);
  });

  void test('job condition and step shell', () => {
    const lint = job(workflow, 'lint');
    assert.equal(lint.condition, "github.event_name == 'pull_request'");
    assert.deepEqual(lint.commands, [{ text: 'ruff check .', range: r(39, 13, 39, 25), shell: 'bash' }]);
    assert.equal(lint.commands.some((c) => runsTests(c.text)), false);
  });

  void test('on: as a string or list; quoted run without its quotes; run via an alias', () => {
    const text = 'on: [push, pull_request]\njobs:\n  a:\n    steps:\n      - run: &t "pytest -x"\n      - run: *t\n';
    const workflow2 = parseCiWorkflow('.github/workflows/a.yaml', new TextDocument(text));
    assert.deepEqual(workflow2.triggers, ['push', 'pull_request']);
    assert.deepEqual(workflow2.jobs[0]?.commands.map((c) => c.range), [r(4, 17, 4, 26), r(4, 17, 4, 26)]);
    assert.deepEqual(parseCiWorkflow('.github/workflows/b.yml', new TextDocument('on: push\njobs: {}\n')).triggers, ['push']);
  });

  void test('folded run blocks give one command per paragraph', () => {
    const text = 'on: push\njobs:\n  a:\n    steps:\n      - run: >\n          python -m pytest\n          -q tests\n\n          echo done\n';
    const commands = parseCiWorkflow('.github/workflows/f.yml', new TextDocument(text)).jobs[0]?.commands;
    assert.deepEqual(commands?.map((c) => [c.text, c.range]), [['python -m pytest -q tests', r(5, 10, 6, 18)], ['echo done', r(8, 10, 8, 19)]]);
  });
});

const GITLAB = `stages: [lint, test, train]
variables:
  PIP_CACHE_DIR: "$CI_PROJECT_DIR/.cache/pip"
default:
  image: python:3.11
  before_script:
    - pip install -r requirements.txt
.gpu: &gpu
  tags: [gpu]
  script:
    - nvidia-smi
lint:
  stage: lint
  script:
    - ruff check .
  only: [merge_requests, main]
test:
  stage: test
  script:
    - |
      export PYTHONPATH=src
      python -m pytest -q tests/
    - echo "done"
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  parallel:
    matrix:
      - PY: ["3.10", "3.11"]
train:
  <<: *gpu
  stage: train
  script:
    - !reference [.gpu, script]
    - python train.py --config configs/prod.yaml
  after_script:
    - dvc push
  when: manual
workflow:
  rules:
    - if: $CI_PIPELINE_SOURCE == "schedule"
    - when: always
`;

void describe('parseCiWorkflow: GitLab CI', () => {
  const workflow = parseCiWorkflow('.gitlab-ci.yml', new TextDocument(GITLAB));

  void test('jobs, templates and defaults', () => {
    assert.deepEqual(workflow.problems, []);
    assert.equal(workflow.system, 'gitlab');
    assert.deepEqual(workflow.schedules, []);
    assert.deepEqual(workflow.triggers, ['$CI_PIPELINE_SOURCE == "schedule"']);
    assert.deepEqual(workflow.jobs.map((j) => [j.name, j.kind]), [['default', 'default'], ['.gpu', 'template'], ['lint', 'job'], ['test', 'job'], ['train', 'job']]);
    assert.deepEqual(job(workflow, 'default').commands, [{ text: 'pip install -r requirements.txt', range: r(6, 6, 6, 37), step: 'before_script' }]);
    assert.deepEqual(job(workflow, 'lint').triggers, ['merge_requests', 'main']);
    assert.deepEqual(job(workflow, 'lint').range, r(11, 0, 11, 4));
  });

  void test('script block items split into lines with exact ranges', () => {
    const testJob = job(workflow, 'test');
    assert.deepEqual(testJob.commands, [
      { text: 'export PYTHONPATH=src', range: r(20, 6, 20, 27), step: 'script' },
      { text: 'python -m pytest -q tests/', range: r(21, 6, 21, 32), step: 'script' },
      { text: 'echo "done"', range: r(22, 6, 22, 17), step: 'script' },
    ]);
    assert.deepEqual(testJob.triggers, ['$CI_PIPELINE_SOURCE == "merge_request_event"', '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH']);
    assert.ok(testJob.commands.some((c) => runsTests(c.text)));
    assert.equal(testJob.matrix?.kind, 'list');
  });

  void test('!reference items are skipped; merged templates do not replace explicit scripts', () => {
    const train = job(workflow, 'train');
    assert.deepEqual(train.commands.map((c) => [c.text, c.step]), [['python train.py --config configs/prod.yaml', 'script'], ['dvc push', 'after_script']]);
    assert.deepEqual(train.triggers, ['manual']);
  });

  void test('a GitLab file under another name is recognised by its shape', () => {
    const workflow2 = parseCiWorkflow('ci/templates.yml', new TextDocument('build:\n  script: [make]\n'));
    assert.equal(workflow2.system, 'gitlab');
    assert.equal(workflow2.jobs[0]?.commands[0]?.text, 'make');
  });
});

void describe('parseCiWorkflow: malformed input', () => {
  void test('never throws; problems carry positions', () => {
    const tabs = parseCiWorkflow('.github/workflows/ci.yml', new TextDocument('on: push\njobs:\n\ttest:\n    steps: []\n'));
    assert.ok(tabs.problems.some((p) => p.range.start.line === 2));
    const unclosed = parseCiWorkflow('.gitlab-ci.yml', new TextDocument('test:\n  script: [pytest, {a: 1\n'));
    assert.ok(unclosed.problems.length > 0);
    const garbage = parseCiWorkflow('.github/workflows/x.yml', new TextDocument('\u0000\u0001\u00ff PK\u0003\u0004 : : - [ {'));
    assert.ok(garbage.problems.length > 0);
    assert.deepEqual(garbage.jobs, []);
    const shapes = parseCiWorkflow('.github/workflows/x.yml', new TextDocument('on: push\njobs:\n  a: 1\n  b:\n    steps: run\n  c:\n    steps: [1, {run: null}, {uses: 3}]\n'));
    assert.deepEqual(shapes.jobs.map((j) => [j.name, j.commands.length]), [['a', 0], ['b', 0], ['c', 0]]);
    assert.deepEqual(shapes.jobs[2]?.uses.map((u) => u.action), ['3']);
  });
});

void describe('splitShellCommands', () => {
  void test('splits at operators outside quotes, with offsets', () => {
    assert.deepEqual(splitShellCommands('a && b; c | d'), ['a', 'b', 'c', 'd']);
    assert.deepEqual(splitShellCommands('pytest || echo "a && b; c"'), ['pytest', 'echo "a && b; c"']);
    assert.deepEqual(splitShellCommands("echo 'x | y' & wait"), ["echo 'x | y'", 'wait']);
    assert.deepEqual(splitShellCommands('if pytest; then echo ok; fi'), ['pytest', 'echo ok']);
    assert.deepEqual(splitShellCommands('cd x && (poetry run pytest -q)'), ['cd x', 'poetry run pytest -q']);
    assert.deepEqual(splitShellCommands('echo $(date && ls) |& tee log'), ['echo $(date && ls)', 'tee log']);
    assert.deepEqual(splitShellCommands('python x.py 2>&1 >/dev/null &> out # c && d'), ['python x.py 2>&1 >/dev/null &> out']);
    assert.deepEqual(splitShellCommands('echo a\\;b; c'), ['echo a\\;b', 'c']);
    assert.deepEqual(splitShellCommands("echo 'a\\' && pytest"), ["echo 'a\\'", 'pytest']);
    assert.deepEqual(splitShellCommands(''), []);
    assert.deepEqual(splitShellCommandSpans('  make test && tox -e py311'), [{ text: 'make test', start: 2, end: 11 }, { text: 'tox -e py311', start: 15, end: 27 }]);
  });
});

void describe('runsTests', () => {
  const yes = [
    'pytest', 'pytest -q tests/', 'py.test', 'python -m pytest tests', 'python3.11 -u -m unittest discover', '.venv/bin/python -m pytest',
    'tox', 'tox -e py311,lint', 'nox -s tests', 'make test', 'make -C ml tests', 'just test', 'poetry run pytest', 'uv run --with x pytest',
    'pdm run pytest', 'pipenv run python -m pytest', 'hatch run test', 'hatch run dev:test', 'hatch test', 'pdm test', 'conda run -n env pytest',
    'coverage run -m pytest', 'python -m coverage run -m pytest', 'python setup.py test', 'python manage.py test', 'CI=1 pytest', 'sudo -E env X=1 pytest',
    'uvx tox', 'nose2 -v', 'cd ml && pytest', 'timeout 600 true || pytest',
  ];
  const no = [
    'pip install pytest', 'echo pytest', 'pytest --version', 'pytest --collect-only', 'tox -e lint', 'nox -s lint,docs', 'make lint', 'uv run coverage report',
    'python train.py', 'python -c "import pytest"', 'poetry install', './run_tests.sh', 'git commit -m "run pytest"', '',
  ];
  for (const command of yes) void test(`runs tests: ${command}`, () => { assert.equal(runsTests(command), true); });
  for (const command of no) void test(`does not run tests: ${command || '(empty)'}`, () => { assert.equal(runsTests(command), false); });
});
