// Tests of file fingerprints (bottom-k sketches of normalised lines) and of variant file names.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSiblingCandidate, parseVariantName } from '../../src/engine/analyses/file-variants';
import { fingerprint, similarity, SKETCH_SIZE } from '../../src/engine/analyses/fingerprint';

const lines = (n: number, tag = ''): string => Array.from({ length: n }, (_, i) => `x_${String(i)} = f("${tag}${String(i)}")`).join('\n');

/** The definition the scanning implementation must match: hash each trimmed, whitespace-free, non-trivial line. */
function reference(text: string): { lines: number; sketch: number[] } {
  const trivial = /^(pass|return|returnNone|break|continue|else:|try:|finally:|except:|exceptExceptionase:|[)\]}:,]*|@\w+|"""|''')$/;
  const hashes = new Set<number>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('import ') || (line.startsWith('from ') && line.includes(' import '))) continue;
    const compact = line.replace(/\s+/g, '');
    if (compact.length < 4 || trivial.test(compact)) continue;
    let hash = 0x811c9dc5;
    for (let i = 0; i < compact.length; i++) hash = Math.imul(hash ^ compact.charCodeAt(i), 0x01000193);
    hashes.add(hash >>> 0);
  }
  const sorted = [...hashes].sort((a, b) => a - b);
  return { lines: hashes.size, sketch: sorted.slice(0, SKETCH_SIZE) };
}

describe('fingerprint', () => {
  it('hashes exactly the lines its definition names, whatever the whitespace', () => {
    const texts = [
      '', '\n', ' @x \n', '@a.b\n@ab c\n@@@@\n@\u00e9abc', ')]}:,\n)) ]\n', '  pass  \r\n  return None\n', 'exceptException as e:\nexcept  Exception  as  e :',
      'from x import y\nfrom x\nimport y\nimport  os\nimport\tos\nimport\nfrom a  import b', '\u00a0import os\u2028x = 1\nab\u3000cd\ufeffe = 2',
      '"""\n\'\'\'\n', 'x = 1  # from y import z\n', lines(300), `def f(a):\n    return a + 1\n\n\nclass A(B):\n    pass\n`,
    ];
    for (const text of texts) assert.deepEqual(fingerprint(text), reference(text), JSON.stringify(text));
  });

  it('ignores blank lines, comments, imports, indentation and lone brackets', () => {
    const a = fingerprint('import os\nfrom a import b\n\n# note\nx = f(\n    1,\n)\nreturn\n');
    const b = fingerprint('x = f(\n        1,\n    )\n');
    assert.equal(a.lines, 1);
    assert.deepEqual(a, b);
  });

  it('is exact below the sketch size and estimates above it', () => {
    assert.equal(similarity(fingerprint(lines(10)), fingerprint(`${lines(5)}\n${lines(5, 'y')}`)), 5 / 15);
    const big = fingerprint(lines(1000));
    assert.equal(big.sketch.length, SKETCH_SIZE);
    const estimate = similarity(big, fingerprint(`${lines(800)}\n${lines(200, 'z')}`));
    assert.ok(Math.abs(estimate - 800 / 1200) < 0.15, String(estimate));
    assert.equal(similarity(big, fingerprint(lines(1000, 'q'))), 0);
    assert.equal(similarity(big, fingerprint('')), 0);
  });
});

describe('variant names', () => {
  const parse = (path: string): string => {
    const v = parseVariantName(path);
    return `${v.base}|${v.markers.join(',')}`;
  };

  it('strips versions, words, copies and counters, outermost last', () => {
    assert.deepEqual(['train_v2.py', 'model_final_new.py', 'utils_old.py', 'x copy.py', 'x copy 2.py', 'x (1).py', 'Copy of x.py', 'Untitled-Copy1.ipynb', 'stage_1.py'].map(parse), [
      'train|v2', 'model|final,new', 'utils|old', 'x|copy', 'x|copy', 'x|copy', 'x|copy', 'untitled|copy', 'stage|1',
    ]);
  });

  it('leaves plain names and names that only look like markers', () => {
    assert.deepEqual(['train.py', 'train_model.py', 'mobilenetv2.py', 'old.py', 'v2.py', 'test_train.py'].map(parse), [
      'train|', 'train_model|', 'mobilenetv2|', 'old|', 'v2|', 'test_train|',
    ]);
  });

  it('ranks plain names above newer markers, higher versions above lower, copies lowest', () => {
    const rank = (p: string): number => parseVariantName(p).rank;
    assert.ok(rank('train.py') > rank('train_new.py'));
    assert.ok(rank('train_new.py') > rank('train_v4.py'));
    assert.ok(rank('train_v4.py') > rank('train_v3.py'));
    assert.ok(rank('train_v3.py') > rank('train_old.py'));
    assert.ok(rank('train_old.py') > rank('train copy.py'));
  });

  it('finds siblings in the same folder, or a plain name anywhere', () => {
    assert.ok(isSiblingCandidate('a/train_v2.py', 'a/train.py'));
    assert.ok(isSiblingCandidate('old/train_v2.py', 'src/train.py'));
    assert.ok(!isSiblingCandidate('a/train_v2.py', 'b/train_v1.py'));
    assert.ok(!isSiblingCandidate('a/train_v2.py', 'a/train.ipynb'));
  });
});
