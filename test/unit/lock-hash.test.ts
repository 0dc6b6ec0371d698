// Unit tests of the lockfile hash recomputation: Python-compatible JSON, Pipenv's and Poetry's hashing schemes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pipfileHashes, poetryContentHashes, pythonJsonDumps, tomlToPython } from '../../src/engine/parsers/lock-hash';

// Expected hashes were computed with CPython's json and hashlib over the same texts (see the rule docs).
const PIPFILE = `[[source]]
url = "https://pypi.org/simple"
verify_ssl = true
name = "pypi"

[packages]
requests = "*"
numpy = {version = "==1.26.4", markers = "python_version >= '3.9'"}
"Flask_Cors" = "*"

[dev-packages]
pytest = ">=8"

[requires]
python_version = "3.11"

[pipenv]
allow_prereleases = false
`;

const POETRY_1 = `[tool.poetry]
name = "churn-model"
version = "0.1.0"
description = "Trains the churn model — naïve baseline"
authors = ["ML Team <ml@example.org>"]
package-mode = false

[tool.poetry.dependencies]
python = "^3.11"
pandas = "^2.2"
scikit-learn = {version = "^1.4", extras = ["all"]}

[tool.poetry.group.dev.dependencies]
pytest = "^8.0"
`;

const POETRY_2 = `[project]
name = "churn"
version = "0.1.0"
requires-python = ">=3.11"
dependencies = ["pandas>=2.2", "scikit-learn>=1.4", "caf\u00e9-lib==1.0"]

[dependency-groups]
dev = ["pytest>=8"]

[tool.poetry]
package-mode = false
`;

describe('pythonJsonDumps', () => {
  it('sorts keys, escapes like ensure_ascii and uses the given separators', () => {
    const value = tomlToPython('b = [1, "é\\u007f\\n\\"\\\\"]\nA = true\n');
    assert.ok(value);
    assert.equal(pythonJsonDumps({ ...value, a: null }, ', ', ': '), '{"A": true, "a": null, "b": [1, "\\u00e9\\u007f\\n\\"\\\\"]}');
    assert.equal(pythonJsonDumps({ ...value }, ',', ':'), '{"A":true,"b":[1,"\\u00e9\\u007f\\n\\"\\\\"]}');
  });

  it('refuses floats and dates, which Python prints its own way', () => {
    const value = tomlToPython('x = 1.0\n');
    assert.ok(value);
    assert.equal(pythonJsonDumps(value, ',', ':'), undefined);
  });

  it('nests array tables and sub-tables as tomllib does', () => {
    const value = tomlToPython('[[source]]\nname = "a"\n[[source]]\nname = "b"\n[source.extra]\nk = 1\n');
    assert.equal(pythonJsonDumps(value ?? null, ',', ':'), '{"source":[{"name":"a"},{"extra":{"k":1},"name":"b"}]}');
  });
});

describe('pipfileHashes', () => {
  it("reproduces plette's Pipfile.get_hash()", () => {
    assert.ok(pipfileHashes(PIPFILE)?.includes('8f1299adb33a3be206efa2be72797920e1f784d25b3a1f5f429ad1d442b3635c'));
  });

  it('changes when a package changes', () => {
    const hashes = pipfileHashes(PIPFILE.replace('requests = "*"', 'requests = "==2.32.0"'));
    assert.ok(hashes && !hashes.includes('8f1299adb33a3be206efa2be72797920e1f784d25b3a1f5f429ad1d442b3635c'));
  });

  it('ignores comments and formatting, as the hash is over the parsed data', () => {
    assert.ok(pipfileHashes(`# team Pipfile\n${PIPFILE.replace('requests = "*"', 'requests   =   "*"   # http')}`)?.includes('8f1299adb33a3be206efa2be72797920e1f784d25b3a1f5f429ad1d442b3635c'));
  });

  it('gives up on broken TOML', () => {
    assert.equal(pipfileHashes('[packages\n'), undefined);
  });
});

describe('poetryContentHashes', () => {
  it('reproduces the [tool.poetry] scheme of Poetry 1.x', () => {
    assert.ok(poetryContentHashes(POETRY_1)?.includes('122fefef5e1d160c497da5b60cb0168d71650142986c053e726bcbafd24eb0af'));
  });

  it('reproduces the [project] schemes of Poetry 2.0-2.2 and 2.3+', () => {
    const hashes = poetryContentHashes(POETRY_2) ?? [];
    assert.ok(hashes.includes('d139224789eca7ec404b761c7dead69f2b2a1c88591b71202ae991c0ca95bcef'));
    assert.ok(hashes.includes('3571074a958e45a79d367ef24ac02378b48bc4a155d580485b9333e3b366a2e7'));
  });

  it('does not depend on fields outside the dependency sections', () => {
    assert.ok(poetryContentHashes(POETRY_1.replace('version = "0.1.0"', 'version = "0.2.0"'))?.includes('122fefef5e1d160c497da5b60cb0168d71650142986c053e726bcbafd24eb0af'));
    assert.ok(!poetryContentHashes(POETRY_1.replace('pandas = "^2.2"', 'pandas = "^2.1"'))?.includes('122fefef5e1d160c497da5b60cb0168d71650142986c053e726bcbafd24eb0af'));
  });
});
