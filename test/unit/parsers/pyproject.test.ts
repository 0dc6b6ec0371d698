// Tests for the pyproject.toml parser: PEP 621, PEP 735, Poetry, PDM, uv, Hatch and TOML errors.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from '../../../src/engine/text.js';
import type { DependencySpec, Manifest } from '../../../src/engine/parsers/manifest-types.js';
import type { Range } from '../../../src/engine/types.js';
import { parsePyproject } from '../../../src/engine/parsers/pyproject.js';

const r = (line: number, column: number, endLine: number, endColumn: number): Range => ({
  start: { line, column },
  end: { line: endLine, column: endColumn },
});

const parse = (text: string): Manifest => parsePyproject('pyproject.toml', new TextDocument(text));

function deps(m: Manifest, name: string): DependencySpec[] {
  return m.dependencies.filter((d) => d.normalizedName === name);
}
function dep(m: Manifest, name: string): DependencySpec {
  const found = deps(m, name)[0];
  assert.ok(found, `no dependency ${name}`);
  return found;
}

const POETRY = `[tool.poetry]
name = "churn-model"
version = "0.1.0"
packages = [{ include = "churn" }]

[tool.poetry.dependencies]
python = "^3.11"
pandas = "^2.1"
scikit-learn = "1.4.0"
numpy = "==1.26.4"
xgboost = "~2.0"
mlflow = ">=2.9,<3"
boto3 = { version = "1.34.11", optional = true, extras = ["crt"] }
feature-lib = { git = "https://github.com/acme/feature-lib.git", rev = "3f2a1c9d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39" }
utils = { git = "https://github.com/acme/utils.git", branch = "main" }
shared = { path = "../shared", develop = true }
torch = [
  { version = "2.1.2", markers = "sys_platform == 'darwin'" },
  { url = "https://download.pytorch.org/whl/cu121/torch-2.1.2%2Bcu121-cp311-cp311-linux_x86_64.whl", markers = "sys_platform == 'linux'" },
]

[tool.poetry.group.dev.dependencies]
pytest = "*"
ruff = "0.3.0"

[tool.poetry.group.main.dependencies]
rich = "^13.7"

[tool.poetry.dev-dependencies]
black = "^24.1"

[tool.poetry.extras]
aws = ["boto3"]

[build-system]
requires = ["poetry-core>=1.0.0"]
build-backend = "poetry.core.masonry.api"
`;

void describe('parsePyproject: Poetry', () => {
  const m = parse(POETRY);

  void test('project metadata and tools', () => {
    assert.equal(m.projectName, 'churn-model');
    assert.equal(m.buildsPackage, true);
    assert.deepEqual(m.tools, ['poetry']);
    assert.deepEqual(m.problems, []);
    assert.equal(m.generatedLock, false);
  });

  void test('python is not a dependency', () => {
    assert.deepEqual(deps(m, 'python'), []);
  });

  void test('exact versions pin; caret, tilde, star and ranges do not', () => {
    const pinned = (name: string) => dep(m, name).pinned;
    assert.equal(pinned('scikit-learn'), true);
    assert.equal(dep(m, 'scikit-learn').pinnedVersion, '1.4.0');
    assert.equal(pinned('numpy'), true);
    assert.equal(dep(m, 'numpy').pinnedVersion, '1.26.4');
    assert.equal(pinned('pandas'), false);
    assert.equal(pinned('xgboost'), false);
    assert.equal(pinned('mlflow'), false);
    assert.equal(pinned('pytest'), false);
    assert.equal(pinned('ruff'), true);
  });

  void test('positions: key name, whole entry and the inside of the version string', () => {
    const pandas = dep(m, 'pandas');
    assert.deepEqual(pandas.nameRange, r(7, 0, 7, 6));
    assert.deepEqual(pandas.range, r(7, 0, 7, 15));
    assert.deepEqual(pandas.specifierRange, r(7, 10, 7, 14));
    assert.equal(pandas.specifier, '^2.1');
    const boto3 = dep(m, 'boto3');
    assert.deepEqual(boto3.specifierRange, r(12, 21, 12, 28));
  });

  void test('inline tables: optional, extras, git rev, branch, path', () => {
    const boto3 = dep(m, 'boto3');
    assert.equal(boto3.group, 'optional');
    assert.deepEqual(boto3.extras, ['crt']);
    assert.equal(boto3.pinned, true);
    const featureLib = dep(m, 'feature-lib');
    assert.equal(featureLib.url, 'https://github.com/acme/feature-lib.git');
    assert.equal(featureLib.pinned, true);
    assert.equal(dep(m, 'utils').pinned, false);
    assert.equal(dep(m, 'shared').url, '../shared');
    assert.equal(dep(m, 'shared').pinned, false);
  });

  void test('multiple-constraint dependencies give one spec per alternative', () => {
    const torch = deps(m, 'torch');
    assert.equal(torch.length, 2);
    const [darwin, linux] = torch;
    assert.ok(darwin && linux);
    assert.equal(darwin.pinned, true);
    assert.equal(darwin.marker, "sys_platform == 'darwin'");
    assert.deepEqual(darwin.nameRange, r(16, 0, 16, 5));
    assert.equal(linux.pinned, false);
    assert.match(linux.url ?? '', /^https:/);
  });

  void test('groups: dev groups, the main group and legacy dev-dependencies', () => {
    assert.equal(dep(m, 'pytest').group, 'dev');
    assert.equal(dep(m, 'pytest').groupName, 'dev');
    assert.equal(dep(m, 'rich').group, 'runtime');
    assert.equal(dep(m, 'black').group, 'dev');
    assert.equal(dep(m, 'pandas').group, 'runtime');
  });
});

const UV = `[project]
name = "forecast"
version = "0.2.0"
requires-python = ">=3.10"
dependencies = [
    "numpy>=1.26",
    "polars==0.20.3",
    "lightgbm[scikit-learn]~=4.3 ; platform_system != 'Windows'",
    "mlutils @ git+https://github.com/acme/mlutils@0123456789abcdef0123456789abcdef01234567",
]

[project.optional-dependencies]
test = ["pytest>=8", "hypothesis==6.98.0"]
serve = ["fastapi==0.110.0"]

[dependency-groups]
lint = ["ruff==0.3.0", { include-group = "typing" }]
typing = ["mypy>=1.8"]

[tool.uv]
dev-dependencies = ["ipykernel>=6"]
package = false

[tool.pdm.dev-dependencies]
docs = ["mkdocs>=1.5"]

[tool.hatch.envs.default]
dependencies = ["coverage[toml]>=7"]

[tool.setuptools.dynamic]
optional-dependencies = { gpu = { file = ["requirements-gpu.txt"] } }

[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"
`;

void describe('parsePyproject: PEP 621, PEP 735, uv, PDM, Hatch', () => {
  const m = parse(UV);

  void test('PEP 508 strings with ranges inside the TOML string', () => {
    const numpy = dep(m, 'numpy');
    assert.equal(numpy.group, 'runtime');
    assert.deepEqual(numpy.range, r(5, 5, 5, 16));
    assert.deepEqual(numpy.nameRange, r(5, 5, 5, 10));
    assert.deepEqual(numpy.specifierRange, r(5, 10, 5, 16));
    const lgbm = dep(m, 'lightgbm');
    assert.deepEqual(lgbm.extras, ['scikit-learn']);
    assert.equal(lgbm.marker, "platform_system != 'Windows'");
    assert.equal(dep(m, 'polars').pinned, true);
    assert.equal(dep(m, 'mlutils').pinned, true);
  });

  void test('optional dependencies: extras named like test are dev', () => {
    assert.equal(dep(m, 'pytest').group, 'dev');
    assert.equal(dep(m, 'pytest').groupName, 'test');
    assert.equal(dep(m, 'fastapi').group, 'optional');
    assert.equal(dep(m, 'fastapi').groupName, 'serve');
  });

  void test('dependency groups, uv, PDM and Hatch dev dependencies', () => {
    assert.equal(dep(m, 'ruff').group, 'dev');
    assert.equal(dep(m, 'ruff').groupName, 'lint');
    assert.equal(dep(m, 'mypy').groupName, 'typing');
    assert.equal(dep(m, 'ipykernel').group, 'dev');
    assert.equal(dep(m, 'mkdocs').groupName, 'docs');
    assert.equal(dep(m, 'coverage').groupName, 'default');
    assert.deepEqual(m.problems, []);
  });

  void test('tools, project name, package mode and dynamic includes', () => {
    assert.deepEqual(m.tools, ['pep621', 'hatch', 'pdm', 'uv', 'setuptools']);
    assert.equal(m.projectName, 'forecast');
    assert.equal(m.buildsPackage, false);
    assert.deepEqual(m.includes, [{ path: 'requirements-gpu.txt', kind: 'requirements', range: r(30, 43, 30, 63) }]);
  });
});

void describe('parsePyproject: odd and malformed input', () => {
  void test('no build-system: not a package; dotted keys work', () => {
    const m = parse('project.name = "x"\nproject.dependencies = ["a==1"]\n');
    assert.equal(m.buildsPackage, false);
    assert.equal(m.projectName, 'x');
    assert.deepEqual(m.dependencies.map((d) => d.name), ['a']);
  });

  void test('bad requirement strings and non-strings are problems', () => {
    const m = parse('[project]\ndependencies = ["numpy>>1", 3, "ok"]\n');
    assert.deepEqual(m.problems.map((p) => p.range), [r(1, 16, 1, 26), r(1, 28, 1, 29)]);
    assert.deepEqual(m.dependencies.map((d) => d.name), ['ok']);
  });

  void test('a Poetry dependency that is neither a string nor a table is a problem', () => {
    const m = parse('[tool.poetry.dependencies]\nnumpy = 1\npandas = "^2"\n');
    assert.deepEqual(m.problems.map((p) => p.range), [r(1, 8, 1, 9)]);
    assert.deepEqual(m.dependencies.map((d) => d.name), ['pandas']);
  });

  void test('escaped strings fall back to the whole string for ranges', () => {
    const m = parse('[project]\ndependencies = ["t\\u006Frch==2.1.0"]\n');
    assert.equal(dep(m, 'torch').pinned, true);
    assert.deepEqual(dep(m, 'torch').nameRange, r(1, 16, 1, 35));
  });

  void test('truncated TOML: no dependencies, one problem at the error', () => {
    const m = parse('[project]\nname = "x"\ndependencies = [\n  "numpy",\n');
    assert.deepEqual(m.dependencies, []);
    assert.equal(m.problems.length, 1);
    assert.match(m.problems[0]?.message ?? '', /TOML/);
    assert.equal(m.problems[0]?.range.start.line, 4);
  });

  void test('duplicate keys and unterminated strings do not throw', () => {
    const dup = parse('[project]\nname = "a"\nname = "b"\n');
    assert.equal(dup.problems[0]?.range.start.line, 2);
    const open = parse('[project]\nname = "x\n');
    assert.deepEqual(open.problems[0]?.range.start, { line: 1, column: 9 });
  });
});
