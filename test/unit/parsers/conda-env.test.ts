// Tests for the conda environment.yml parser, including its nested pip section and YAML errors.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from '../../../src/engine/text.js';
import type { DependencySpec, Manifest } from '../../../src/engine/parsers/manifest-types.js';
import type { Range } from '../../../src/engine/types.js';
import { condaPinnedVersion, parseCondaEnvironment } from '../../../src/engine/parsers/conda-env.js';

const r = (line: number, column: number, endLine: number, endColumn: number): Range => ({
  start: { line, column },
  end: { line: endLine, column: endColumn },
});

const parse = (text: string, file = 'environment.yml'): Manifest => parseCondaEnvironment(file, new TextDocument(text));

function dep(m: Manifest, name: string): DependencySpec {
  const found = m.dependencies.find((d) => d.normalizedName === name);
  assert.ok(found, `no dependency ${name}`);
  return found;
}

const ENV = `name: vision-training
channels:
  - pytorch
  - nvidia
  - conda-forge
dependencies:
  - python=3.11
  - numpy=1.26.4
  - pandas=2.1
  - scipy==1.11.4
  - conda-forge::opencv>=4.8
  - pytorch::pytorch=2.1.2=py3.11_cuda12.1_cudnn8.9.2_0
  - cudatoolkit=11.8.*
  - "matplotlib 3.8.2"
  - jupyterlab
  - pip
  - pip:
      - -r requirements-extra.txt
      - --extra-index-url https://download.pytorch.org/whl/cu121
      - albumentations==1.3.1
      - "timm>=0.9"
      - git+https://github.com/acme/augment@0123456789abcdef0123456789abcdef01234567#egg=augment
      - -e .
`;

void describe('parseCondaEnvironment', () => {
  const m = parse(ENV);

  void test('reads conda and pip entries and the tools', () => {
    assert.deepEqual(m.dependencies.map((d) => d.name), [
      'python', 'numpy', 'pandas', 'scipy', 'opencv', 'pytorch', 'cudatoolkit', 'matplotlib', 'jupyterlab', 'pip',
      'albumentations', 'timm', 'augment',
    ]);
    assert.deepEqual(m.tools, ['conda', 'pip']);
    assert.deepEqual(m.problems, []);
    assert.equal(m.kind, 'conda-env');
    assert.equal(m.buildsPackage, false);
  });

  void test('conda pins: full versions, == and build strings; prefixes and wildcards are not pins', () => {
    const pin = (name: string) => [dep(m, name).pinned, dep(m, name).pinnedVersion];
    assert.deepEqual(pin('numpy'), [true, '1.26.4']);
    assert.deepEqual(pin('pandas'), [false, undefined]);
    assert.deepEqual(pin('python'), [false, undefined]);
    assert.deepEqual(pin('scipy'), [true, '1.11.4']);
    assert.deepEqual(pin('opencv'), [false, undefined]);
    assert.deepEqual(pin('pytorch'), [true, '2.1.2']);
    assert.deepEqual(pin('cudatoolkit'), [false, undefined]);
    assert.deepEqual(pin('matplotlib'), [true, '3.8.2']);
    assert.deepEqual(pin('jupyterlab'), [false, undefined]);
  });

  void test('exact ranges for conda specs, channels and quoted entries', () => {
    const numpy = dep(m, 'numpy');
    assert.deepEqual(numpy.range, r(7, 4, 7, 16));
    assert.deepEqual(numpy.nameRange, r(7, 4, 7, 9));
    assert.deepEqual(numpy.specifierRange, r(7, 9, 7, 16));
    assert.equal(numpy.specifier, '=1.26.4');
    const opencv = dep(m, 'opencv');
    assert.deepEqual(opencv.nameRange, r(10, 17, 10, 23));
    assert.equal(opencv.specifier, '>=4.8');
    const mpl = dep(m, 'matplotlib');
    assert.deepEqual(mpl.nameRange, r(13, 5, 13, 15));
    assert.deepEqual(mpl.specifierRange, r(13, 16, 13, 21));
    assert.equal(dep(m, 'jupyterlab').specifierRange, undefined);
  });

  void test('the pip section is read like a requirements file', () => {
    assert.deepEqual(m.includes, [{ path: 'requirements-extra.txt', kind: 'requirements', range: r(17, 11, 17, 33) }]);
    const alb = dep(m, 'albumentations');
    assert.equal(alb.pinned, true);
    assert.deepEqual(alb.range, r(19, 8, 19, 29));
    assert.deepEqual(dep(m, 'timm').nameRange, r(20, 9, 20, 13));
    assert.equal(dep(m, 'augment').pinned, true);
  });

  void test('the file name decides the group', () => {
    assert.equal(dep(parse('dependencies:\n  - pytest\n', 'environment-dev.yml'), 'pytest').group, 'dev');
    assert.equal(dep(m, 'numpy').group, 'runtime');
  });

  void test('condaPinnedVersion', () => {
    assert.equal(condaPinnedVersion('==1.2'), '1.2');
    assert.equal(condaPinnedVersion('=1.2'), undefined);
    assert.equal(condaPinnedVersion('=1.2.3'), '1.2.3');
    assert.equal(condaPinnedVersion('=1.2=h123_0'), '1.2');
    assert.equal(condaPinnedVersion('=1.2.*'), undefined);
    assert.equal(condaPinnedVersion('>=1.2,<2'), undefined);
    assert.equal(condaPinnedVersion('1.2.*'), undefined);
    assert.equal(condaPinnedVersion(''), undefined);
  });
});

void describe('parseCondaEnvironment: malformed input', () => {
  void test('a tab used as indentation is a problem with a position', () => {
    const m = parse('name: x\ndependencies:\n\t- numpy\n');
    const first = m.problems[0];
    assert.ok(first);
    assert.deepEqual(first.range, r(2, 0, 2, 1));
    assert.match(first.message, /Tabs/);
  });

  void test('odd entries are problems; the rest is still read', () => {
    const m = parse('dependencies:\n  - numpy\n  - {weird: 1}\n  - pip:\n      - "requests >> 2"\n      - [nested]\n');
    assert.deepEqual(m.dependencies.map((d) => d.name), ['numpy']);
    assert.deepEqual(m.problems.map((p) => p.range.start), [{ line: 2, column: 4 }, { line: 4, column: 9 }, { line: 5, column: 8 }]);
  });

  void test('dependencies that are not a list, empty files and non-mapping roots', () => {
    assert.equal(parse('dependencies: numpy\n').problems.length, 1);
    assert.deepEqual(parse('').dependencies, []);
    assert.deepEqual(parse('dependencies:\n').problems, []);
    assert.deepEqual(parse('- just\n- a list\n').dependencies, []);
    assert.ok(parse('dependencies: [numpy, "pandas\n').problems.length > 0);
  });
});
