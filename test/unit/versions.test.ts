// Unit tests of PEP 440, conda and Poetry version matching, as the dependency rules use it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareVersions, parseVersion, satisfiesConda, satisfiesPep440, satisfiesPoetry } from '../../src/engine/parsers/versions';

const cmp = (a: string, b: string): number => {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  assert.ok(x && y, `${a} or ${b} does not parse`);
  return Math.sign(compareVersions(x, y));
};

describe('PEP 440 versions', () => {
  it('orders dev < pre < final < post and pads releases', () => {
    assert.equal(cmp('1.0.dev1', '1.0a1'), -1);
    assert.equal(cmp('1.0a1', '1.0rc1'), -1);
    assert.equal(cmp('1.0rc1', '1.0'), -1);
    assert.equal(cmp('1.0', '1.0.post1'), -1);
    assert.equal(cmp('1.0', '1.0.0'), 0);
    assert.equal(cmp('1.10', '1.9'), 1);
    assert.equal(cmp('1!0.1', '2.0'), 1);
  });

  it('reads alternative spellings and rejects non-versions', () => {
    assert.equal(cmp('1.0-RC1', '1.0rc1'), 0);
    assert.equal(parseVersion('latest'), undefined);
  });

  it('meets specifiers', () => {
    assert.equal(satisfiesPep440('1.26.4', '>=1.20,<2'), true);
    assert.equal(satisfiesPep440('2.0.0', '>=1.20,<2'), false);
    assert.equal(satisfiesPep440('1.4.2', '~=1.4.0'), true);
    assert.equal(satisfiesPep440('1.5.0', '~=1.4.0'), false);
    assert.equal(satisfiesPep440('1.3.7', '==1.3.*'), true);
    assert.equal(satisfiesPep440('1.4.0', '!=1.4.*'), false);
    assert.equal(satisfiesPep440('1.12.1+cu113', '==1.12.1'), true);
    assert.equal(satisfiesPep440('1.12.1', '==1.12.1+cu113'), false);
    assert.equal(satisfiesPep440('2.0', ''), true);
    assert.equal(satisfiesPep440('2.0', '>=banana'), undefined);
  });
});

describe('conda specs', () => {
  it('reads = as a prefix, == and bare versions as exact, and build strings as noise', () => {
    assert.equal(satisfiesConda('1.26.4', '=1.26'), true);
    assert.equal(satisfiesConda('1.25.0', '=1.26'), false);
    assert.equal(satisfiesConda('1.26.4', '1.26.*'), true);
    assert.equal(satisfiesConda('1.26.4', '==1.26.4'), true);
    assert.equal(satisfiesConda('1.26.4', '1.26.4'), true);
    assert.equal(satisfiesConda('1.26.4', '=1.26.4=py311h64a7726_0'), true);
    assert.equal(satisfiesConda('2.1.0', '>=1.8,<2|>=2.1'), true);
    assert.equal(satisfiesConda('2.0.1', '>=1.8,<2|>=2.1'), false);
    assert.equal(satisfiesConda('2.3.1', '~=2.3.0'), true);
  });
});

describe('Poetry constraints', () => {
  it('expands caret and tilde and reads a bare version as exact', () => {
    assert.equal(satisfiesPoetry('1.9.0', '^1.2.3'), true);
    assert.equal(satisfiesPoetry('2.0.0', '^1.2.3'), false);
    assert.equal(satisfiesPoetry('0.2.9', '^0.2.3'), true);
    assert.equal(satisfiesPoetry('0.3.0', '^0.2.3'), false);
    assert.equal(satisfiesPoetry('1.2.9', '~1.2.3'), true);
    assert.equal(satisfiesPoetry('1.3.0', '~1.2.3'), false);
    assert.equal(satisfiesPoetry('1.2.3', '1.2.3'), true);
    assert.equal(satisfiesPoetry('1.2.4', '1.2.3'), false);
    assert.equal(satisfiesPoetry('5.0', '*'), true);
    assert.equal(satisfiesPoetry('3.0', '^1.0 || ^3.0'), true);
  });
});
