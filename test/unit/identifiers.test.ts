// The identifier scan config-use relies on finds exactly what the regex it replaced found.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachIdentifier } from '../../src/engine/python/identifiers';

function viaRegex(text: string, wanted: ReadonlySet<string>): string[] {
  return [...text.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)].map((m) => m[0]).filter((w) => wanted.has(w));
}

function viaScan(text: string, wanted: ReadonlySet<string>): string[] {
  const out: string[] = [];
  forEachIdentifier(text, wanted, (name) => out.push(name));
  return out;
}

describe('forEachIdentifier', () => {
  it('matches the regex on Python-like text, digits and unicode included', () => {
    const wanted = new Set(['lr', 'epochs', 'batch_size', 'x1', '_a', 'é']);
    const text = 'lr = 1e-3\nepochs=10; batch_size2 = 3\n1lr 9epochs x1 _a __a é lré cfg.lr["epochs"] lr';
    assert.deepEqual(viaScan(text, wanted), viaRegex(text, wanted));
    assert.deepEqual(viaScan(text, wanted), ['lr', 'epochs', 'lr', 'epochs', 'x1', '_a', 'lr', 'lr', 'epochs', 'lr']);
  });

  it('matches the regex on random text', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const alphabet = 'ab_1 .\n=é"Z9';
    const wanted = new Set(['a', 'ab', 'b_', '_1', 'Z9a', 'ba1']);
    for (let round = 0; round < 200; round++) {
      let text = '';
      for (let i = 0; i < 60; i++) text += alphabet.charAt(next() % alphabet.length);
      assert.deepEqual(viaScan(text, wanted), viaRegex(text, wanted), text);
    }
  });

  it('finds nothing when nothing is wanted', () => {
    assert.deepEqual(viaScan('a b c', new Set()), []);
  });
});
