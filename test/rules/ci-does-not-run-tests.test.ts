// Tests of ci-does-not-run-tests: a test suite with no CI, or with CI whose jobs never run it; other CI systems; anchors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureTest } from '../helpers/fixtures';
import { lintProject } from '../helpers/project-rule-tester';

const suite = {
  'pyproject.toml': '[project]\nname = "churn"\n',
  'src/churn/__init__.py': '',
  'src/churn/features.py': 'def add_ratio(df):\n    return df.assign(ratio=df.a / df.b)\n',
  'tests/test_features.py': 'from churn.features import add_ratio\n\ndef test_ratio():\n    assert add_ratio is not None\n\ndef test_more():\n    pass\n',
};
const workflow = (run: string, on = '[push, pull_request]'): string =>
  `name: CI\non: ${on}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -e .[dev] pytest\n      - run: ${run}\n`;

async function found(files: Readonly<Record<string, string>>): Promise<string[]> {
  const findings = await lintProject({ 'ci-does-not-run-tests': {} }, files);
  return findings.map((f) => `${f.file}:${String(f.range.start.line + 1)} ${f.message.split(':')[0] ?? ''}`);
}

describe('ci-does-not-run-tests', () => {
  describe('stays quiet', () => {
    const quiet = async (files: Readonly<Record<string, string>>): Promise<void> => {
      assert.deepEqual(await found(files), []);
    };
    it('without tests (tests-missing reports that)', () => quiet({ 'pyproject.toml': '', 'src/train.py': 'print(1)\n' }));
    it('with test files that hold no test functions', () => quiet({ 'pyproject.toml': '', 'tests/__init__.py': '', 'tests/conftest.py': 'import pytest\n' }));
    it('when a workflow runs pytest', () => quiet({ ...suite, '.github/workflows/ci.yml': workflow('python -m pytest -q') }));
    it('when a workflow runs tox for the test envs', () => quiet({ ...suite, '.github/workflows/ci.yml': workflow('tox -e py311') }));
    it('when a workflow runs a test script', () => quiet({ ...suite, '.github/workflows/ci.yml': workflow('./scripts/run_tests.sh') }));
    it('when pytest runs inside a container', () => quiet({ ...suite, '.github/workflows/ci.yml': workflow('docker compose run --rm app pytest -x') }));
    it('when a job calls a reusable workflow', () =>
      quiet({ ...suite, '.github/workflows/ci.yml': 'on: push\njobs:\n  tests:\n    uses: acme/shared/.github/workflows/python.yml@v2\n' }));
    it('when GitLab CI only includes templates', () => quiet({ ...suite, '.gitlab-ci.yml': 'include:\n  - template: Python.gitlab-ci.yml\n' }));
    it('when GitLab CI runs make test', () => quiet({ ...suite, '.gitlab-ci.yml': 'test:\n  script:\n    - make test\n' }));
    it('when another CI system is configured', () => quiet({ ...suite, '.circleci/config.yml': 'version: 2.1\n' }));
    it('when a Jenkinsfile is present', () => quiet({ ...suite, Jenkinsfile: 'pipeline { }\n' }));
    it('when the only tests are in a cookiecutter template', () =>
      quiet({ 'pyproject.toml': '', '{{ cookiecutter.name }}/tests/test_x.py': 'def test_x():\n    pass\n' }));
  });

  describe('reports', () => {
    it('tests with no CI at all, on the pyproject', async () => {
      assert.deepEqual(await found(suite), ['pyproject.toml:1 The project has 2 tests (tests/test_features.py), but no CI configuration']);
    });
    it('tests with no CI and no pyproject: the root requirements file', async () => {
      const rest = Object.fromEntries(Object.entries(suite).filter(([path]) => path !== 'pyproject.toml'));
      assert.deepEqual(await found({ ...rest, 'requirements.txt': 'pandas==2.2.2\n', 'docs/requirements.txt': 'mkdocs\n' }), [
        'requirements.txt:1 The project has 2 tests (tests/test_features.py), but no CI configuration',
      ]);
    });
    it('a workflow that lints and installs pytest but never runs it', async () => {
      assert.deepEqual(await found({ ...suite, '.github/workflows/ci.yml': workflow('flake8 src tests') }), [
        '.github/workflows/ci.yml:4 No job of the CI configuration (.github/workflows/ci.yml) runs the test suite (2 tests in tests/test_features.py)',
      ]);
    });
    it('tox with lint envs only, anchored on the workflow that runs on pushes', async () => {
      const release = 'on:\n  release:\n    types: [published]\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python -m build\n';
      const findings = await lintProject({ 'ci-does-not-run-tests': {} }, { ...suite, '.github/workflows/a-release.yml': release, '.github/workflows/quality.yml': workflow('tox -e lint,typing') });
      assert.deepEqual(findings.map((f) => `${f.file}:${String(f.range.start.line + 1)}`), ['.github/workflows/quality.yml:4']);
      assert.deepEqual(findings[0]?.related?.map((r) => r.file), ['tests/test_features.py']);
    });
  });
});

fixtureTest('ci-does-not-run-tests');
