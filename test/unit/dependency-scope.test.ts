// Unit tests of the dependency scope: sub-projects, libraries versus applications, first-party modules, freeze files.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DependencyScope, isTemplatedPath, looksFrozen } from '../../src/engine/dependency-scope';
import { classifyPath, resolveRelative } from '../../src/engine/file-kinds';
import { buildProjectModel, PROJECT_METADATA_KINDS } from '../../src/engine/project';
import { SourceFile } from '../../src/engine/source-file';

function scopeOf(files: Readonly<Record<string, string>>): DependencyScope {
  const entries = Object.entries(files);
  const metadata = entries.filter(([p]) => PROJECT_METADATA_KINDS.has(classifyPath(p))).map(([p, t]) => new SourceFile(p, classifyPath(p), t, {}));
  return new DependencyScope(buildProjectModel(entries.map(([p, t]) => ({ path: p, kind: classifyPath(p), size: t.length })), metadata));
}

const LIBRARY = '[build-system]\nrequires = ["setuptools"]\n\n[project]\nname = "churnlib"\ndependencies = ["numpy", "pandas>=2"]\n';

describe('DependencyScope', () => {
  it('makes folders with their own pyproject, or a manifest beside code, separate sub-projects', () => {
    const scope = scopeOf({ 'requirements.txt': 'numpy\n', 'train.py': '', 'svc/pyproject.toml': '[project]\nname="svc"\n', 'svc/app.py': '', 'scripts/eval/requirements.txt': 'x\n', 'scripts/eval/run.py': '', 'requirements/base.txt': 'y\n' });
    assert.deepEqual([...scope.unitRoots].sort(), ['', 'scripts/eval', 'svc']);
    assert.equal(scope.unitOf('svc/app.py'), 'svc');
    assert.equal(scope.unitOf('requirements/base.txt'), '');
  });

  it('tells a library manifest, and requirements files that mirror or feed it, from application ones', () => {
    const scope = scopeOf({ 'pyproject.toml': LIBRARY, 'requirements.txt': 'numpy\npandas\n', 'tools/requirements.txt': 'numpy\n', 'app/requirements.txt': 'numpy\nflask\n' });
    const manifest = (file: string) => scope.realManifests.find((m) => m.file === file);
    const lib = manifest('pyproject.toml');
    const mirror = manifest('requirements.txt');
    const app = manifest('app/requirements.txt');
    assert.ok(lib && mirror && app);
    assert.equal(scope.isLibraryManifest(lib, 'auto'), true);
    assert.equal(scope.isLibraryManifest(mirror, 'auto'), true);
    assert.equal(scope.isLibraryManifest(app, 'auto'), false);
    assert.equal(scope.isLibraryManifest(lib, 'application'), false);
  });

  it('reads requirements files a library pyproject includes dynamically as the library', () => {
    const scope = scopeOf({ 'pyproject.toml': '[build-system]\nrequires=["setuptools"]\n[project]\nname="x"\ndynamic=["dependencies"]\n[tool.setuptools.dynamic]\ndependencies = {file = ["requirements/run.txt"]}\n', 'requirements/run.txt': 'torch\n' });
    const run = scope.realManifests.find((m) => m.file === 'requirements/run.txt');
    assert.ok(run);
    assert.equal(scope.isLibraryManifest(run, 'auto'), true);
  });

  it('finds first-party modules the way Python does, and not a script folder named like a distribution', () => {
    const scope = scopeOf({ 'src/churn/__init__.py': '', 'scripts/transformers/run.py': '', 'scripts/transformers/utils.py': '', 'lib/helpers.py': '', 'data/prepare.py': '' });
    assert.ok(scope.isFirstParty('churn', 'train.py', true));
    assert.ok(scope.isFirstParty('utils', 'scripts/transformers/run.py', false));
    assert.ok(!scope.isFirstParty('transformers', 'scripts/transformers/run.py', true));
    assert.ok(scope.isFirstParty('helpers', 'scripts/transformers/run.py', false), 'sys.path tweaks reach sibling folders');
    assert.ok(!scope.isFirstParty('helpers', 'scripts/transformers/run.py', true));
    assert.ok(scope.isFirstParty('data', 'train.py', true));
  });

  it('cannot read declarations a setup.py holds when no readable manifest sits beside it', () => {
    const scope = scopeOf({ 'setup.py': '', 'setup.cfg': '[flake8]\nmax-line-length = 99\n', 'src/pkg/a.py': '', 'scripts/x/requirements.txt': 'numpy\n', 'scripts/x/run.py': '' });
    assert.equal(scope.declarationsReadable('src/pkg/a.py'), false);
    assert.equal(scope.declarationsReadable('scripts/x/run.py'), true);
  });

  it('collects declared names with conda names translated', () => {
    const scope = scopeOf({ 'environment.yml': 'dependencies:\n  - pytorch=2.1\n  - pip:\n    - PyYAML==6.0\n' });
    assert.deepEqual([...scope.declaredNames].sort(), ['pyyaml', 'torch']);
  });
});

describe('helpers', () => {
  it('recognises pip freeze output', () => {
    const frozen = scopeOf({ 'requirements.txt': ['certifi==2024.2.2', 'idna==3.6', 'urllib3==2.2.1', 'six==1.16.0', ...Array.from({ length: 20 }, (_, i) => `pkg${i}==1.0`)].join('\n') });
    const written = scopeOf({ 'requirements.txt': Array.from({ length: 25 }, (_, i) => `pkg${i}==1.0`).join('\n') });
    assert.ok(frozen.realManifests[0] && looksFrozen(frozen.realManifests[0]));
    assert.ok(written.realManifests[0] && !looksFrozen(written.realManifests[0]));
  });

  it('recognises template paths and resolves relative includes', () => {
    assert.ok(isTemplatedPath('{{ cookiecutter.repo_name }}/pyproject.toml'));
    assert.ok(!isTemplatedPath('src/app.py'));
    assert.equal(resolveRelative('a/b', '../c.txt'), 'a/c.txt');
    assert.equal(resolveRelative('', '../c.txt'), undefined);
  });
});
