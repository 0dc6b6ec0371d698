// Tests for the setup.cfg parser.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from '../../../src/engine/text.js';
import type { DependencySpec, Manifest } from '../../../src/engine/parsers/manifest-types.js';
import type { Range } from '../../../src/engine/types.js';
import { parseSetupCfg } from '../../../src/engine/parsers/setup-cfg.js';

const r = (line: number, column: number, endLine: number, endColumn: number): Range => ({
  start: { line, column },
  end: { line: endLine, column: endColumn },
});

const parse = (text: string): Manifest => parseSetupCfg('setup.cfg', new TextDocument(text));

function dep(m: Manifest, name: string): DependencySpec {
  const found = m.dependencies.find((d) => d.normalizedName === name);
  assert.ok(found, `no dependency ${name}`);
  return found;
}

const SETUP_CFG = `[metadata]
name = recsys-pipeline
version = attr: recsys.__version__

[options]
packages = find:
python_requires = >=3.9
install_requires =
    numpy>=1.24
    pandas==2.1.4
    # a comment inside the value
    torch[cuda] >=2.0 ; sys_platform == "linux"
tests_require = pytest==7.4.0

[options.extras_require]
docs =
    sphinx>=7
serving =
    fastapi==0.110.0
    uvicorn

[flake8]
max-line-length = 100
`;

void describe('parseSetupCfg', () => {
  const m = parse(SETUP_CFG);

  void test('metadata and groups', () => {
    assert.equal(m.projectName, 'recsys-pipeline');
    assert.equal(m.buildsPackage, true);
    assert.deepEqual(m.tools, ['setuptools']);
    assert.deepEqual(m.dependencies.map((d) => [d.name, d.group, d.groupName]), [
      ['numpy', 'runtime', undefined], ['pandas', 'runtime', undefined], ['torch', 'runtime', undefined],
      ['pytest', 'dev', 'tests'], ['sphinx', 'dev', 'docs'], ['fastapi', 'optional', 'serving'], ['uvicorn', 'optional', 'serving'],
    ]);
    assert.deepEqual(m.problems, []);
  });

  void test('ranges on continuation lines', () => {
    const pandas = dep(m, 'pandas');
    assert.deepEqual(pandas.range, r(9, 4, 9, 17));
    assert.deepEqual(pandas.specifierRange, r(9, 10, 9, 17));
    assert.equal(pandas.pinned, true);
    const torch = dep(m, 'torch');
    assert.deepEqual(torch.extras, ['cuda']);
    assert.equal(torch.marker, 'sys_platform == "linux"');
    assert.deepEqual(torch.nameRange, r(11, 4, 11, 9));
    assert.deepEqual(dep(m, 'pytest').range, r(12, 16, 12, 29));
  });

  void test('a single-line value is split on semicolons, as setuptools does', () => {
    const single = parse('[options]\ninstall-requires = numpy==1.26.4; scipy\n');
    assert.deepEqual(single.dependencies.map((d) => d.name), ['numpy', 'scipy']);
    assert.deepEqual(dep(single, 'scipy').range, r(1, 34, 1, 39));
  });

  void test('file: directives become includes', () => {
    const m2 = parse('[options]\ninstall_requires = file: requirements.txt, requirements-extra.txt\n');
    assert.deepEqual(m2.includes, [
      { path: 'requirements.txt', kind: 'requirements', range: r(1, 25, 1, 41) },
      { path: 'requirements-extra.txt', kind: 'requirements', range: r(1, 43, 1, 65) },
    ]);
  });

  void test('no metadata name: not a package', () => {
    assert.equal(parse('[options]\ninstall_requires =\n  numpy\n').buildsPackage, false);
  });

  void test('malformed lines and requirements are problems, never exceptions', () => {
    const bad = parse('garbage line\n[options]\ninstall_requires =\n    numpy >> 1\n    pandas  # inline comments are not INI comments\n    ok\n');
    assert.deepEqual(bad.problems.map((p) => p.range), [r(0, 0, 0, 12), r(3, 4, 3, 14), r(4, 4, 4, 50)]);
    assert.deepEqual(bad.dependencies.map((d) => d.name), ['ok']);
    assert.deepEqual(parse('').dependencies, []);
  });
});
