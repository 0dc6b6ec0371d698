// Tests of the shared "did you mean" helper: near names by edit distance, case-only differences, limits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editDistance, nearNames } from '../../src/engine/near-names';

describe('nearNames', () => {
  it('returns near names, nearest first, never the name itself', () => {
    assert.deepEqual(nearNames('max_dept', ['max_leaf', 'max_depth', 'max_dept', 'min_split']), ['max_depth']);
    assert.deepEqual(nearNames('seed_c', ['seed_a', 'seed_b']), ['seed_a', 'seed_b']);
    assert.deepEqual(nearNames('n_estimator', ['n_estimators', 'estimator']), ['n_estimators', 'estimator']);
  });

  it('keeps short names strict: two letters are near only one edit away; case alone is one edit', () => {
    assert.deepEqual(nearNames('lr', ['bs', 'lr_', 'wd']), ['lr_']);
    assert.deepEqual(nearNames('LEARNING_RATE', ['learning_rate']), ['learning_rate']);
  });

  it('takes a wider limit when asked', () => {
    assert.deepEqual(nearNames('xyz', ['abc']), []);
    assert.deepEqual(nearNames('xyz', ['abc'], 3), ['abc']);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });
});
