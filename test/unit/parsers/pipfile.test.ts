// Tests for the Pipfile parser.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from '../../../src/engine/text.js';
import type { DependencySpec, Manifest } from '../../../src/engine/parsers/manifest-types.js';
import type { Range } from '../../../src/engine/types.js';
import { parsePipfile } from '../../../src/engine/parsers/pipfile.js';

const r = (line: number, column: number, endLine: number, endColumn: number): Range => ({
  start: { line, column },
  end: { line: endLine, column: endColumn },
});

const parse = (text: string): Manifest => parsePipfile('Pipfile', new TextDocument(text));

function dep(m: Manifest, name: string): DependencySpec {
  const found = m.dependencies.find((d) => d.normalizedName === name);
  assert.ok(found, `no dependency ${name}`);
  return found;
}

const PIPFILE = `[[source]]
url = "https://pypi.org/simple"
verify_ssl = true
name = "pypi"

[packages]
flask = "*"
numpy = "==1.26.4"
pandas = ">=2.0,<3"
scikit-learn = {version = "==1.4.0", extras = ["alldeps"]}
requests = {version = "~=2.31", markers = "python_version >= '3.8'"}
featurelib = {git = "https://github.com/acme/featurelib.git", ref = "0123456789abcdef0123456789abcdef01234567"}
tools = {git = "https://github.com/acme/tools.git", ref = "v2"}
myproject = {path = ".", editable = true}
sibling = {path = "./libs/sibling", editable = true}
torch = "==2.1.*"
"ruamel.yaml" = "*"

[dev-packages]
pytest = "==8.0.0"
black = "*"

[requires]
python_version = "3.11"
`;

void describe('parsePipfile', () => {
  const m = parse(PIPFILE);

  void test('reads packages and dev-packages, leaving the project itself out', () => {
    assert.deepEqual(m.dependencies.map((d) => [d.name, d.group]), [
      ['flask', 'runtime'], ['numpy', 'runtime'], ['pandas', 'runtime'], ['scikit-learn', 'runtime'], ['requests', 'runtime'],
      ['featurelib', 'runtime'], ['tools', 'runtime'], ['sibling', 'runtime'], ['torch', 'runtime'], ['ruamel.yaml', 'runtime'], ['pytest', 'dev'], ['black', 'dev'],
    ]);
    assert.deepEqual(m.tools, ['pipenv']);
    assert.deepEqual(m.problems, []);
    assert.equal(m.kind, 'pipfile');
  });

  void test('pins', () => {
    const pin = (name: string) => [dep(m, name).pinned, dep(m, name).pinnedVersion];
    assert.deepEqual(pin('flask'), [false, undefined]);
    assert.deepEqual(pin('numpy'), [true, '1.26.4']);
    assert.deepEqual(pin('pandas'), [false, undefined]);
    assert.deepEqual(pin('scikit-learn'), [true, '1.4.0']);
    assert.deepEqual(pin('requests'), [false, undefined]);
    assert.deepEqual(pin('featurelib'), [true, undefined]);
    assert.deepEqual(pin('tools'), [false, undefined]);
    assert.deepEqual(pin('torch'), [false, undefined]);
    assert.deepEqual(pin('pytest'), [true, '8.0.0']);
  });

  void test('ranges, extras, markers and urls', () => {
    const numpy = dep(m, 'numpy');
    assert.deepEqual(numpy.nameRange, r(7, 0, 7, 5));
    assert.deepEqual(numpy.range, r(7, 0, 7, 18));
    assert.deepEqual(numpy.specifierRange, r(7, 9, 7, 17));
    assert.equal(numpy.specifier, '==1.26.4');
    const sk = dep(m, 'scikit-learn');
    assert.deepEqual(sk.extras, ['alldeps']);
    assert.deepEqual(sk.specifierRange, r(9, 27, 9, 34));
    assert.equal(dep(m, 'requests').marker, "python_version >= '3.8'");
    assert.equal(dep(m, 'featurelib').url, 'https://github.com/acme/featurelib.git');
    assert.equal(dep(m, 'sibling').url, './libs/sibling');
    assert.equal(dep(m, 'black').groupName, 'dev-packages');
    assert.deepEqual(dep(m, 'ruamel-yaml').nameRange, r(16, 1, 16, 12));
  });

  void test('malformed TOML and odd values', () => {
    const broken = parse('[packages]\nnumpy = "==1.2\n');
    assert.deepEqual(broken.dependencies, []);
    assert.equal(broken.problems.length, 1);
    assert.equal(broken.problems[0]?.range.start.line, 1);
    const odd = parse('[packages]\nnumpy = 3\nok = "*"\n');
    assert.deepEqual(odd.problems.map((p) => p.range), [r(1, 0, 1, 9)]);
    assert.deepEqual(odd.dependencies.map((d) => d.name), ['ok']);
    assert.deepEqual(parse('').dependencies, []);
  });
});
