// Tests for the .gitattributes parser: attributes, LFS patterns, Git's pattern rules, macros and bad lines.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from '../../../src/engine/text.js';
import type { Range } from '../../../src/engine/types.js';
import { compileGitattributesPattern, isLfsTrackedBy, parseGitattributes } from '../../../src/engine/parsers/gitattributes.js';

const r = (line: number, column: number, endLine: number, endColumn: number): Range => ({
  start: { line, column },
  end: { line: endLine, column: endColumn },
});

const ROOT = `# Git LFS
*.pt filter=lfs diff=lfs merge=lfs -text
*.safetensors filter=lfs diff=lfs merge=lfs -text
/data/raw/** filter=lfs diff=lfs merge=lfs -text
models/**/*.onnx filter=lfs diff=lfs merge=lfs -text
data/raw/README.md !filter -text
*.ipynb linguist-generated=true
*.png binary
"reports/final results/*.csv" filter=lfs
[attr]lfs filter=lfs diff=lfs merge=lfs -text
*.h5 lfs
`;

void describe('parseGitattributes', () => {
  const attrs = parseGitattributes('.gitattributes', new TextDocument(ROOT));

  void test('entries with attribute states and ranges', () => {
    assert.deepEqual(attrs.problems, []);
    assert.equal(attrs.entries.length, 9);
    const pt = attrs.entries[0];
    assert.equal(pt?.pattern, '*.pt');
    assert.deepEqual(pt.patternRange, r(1, 0, 1, 4));
    assert.deepEqual(pt.range, r(1, 0, 1, 40));
    assert.deepEqual(pt.attributes.map((a) => [a.name, a.value]), [['filter', 'lfs'], ['diff', 'lfs'], ['merge', 'lfs'], ['text', false]]);
    assert.deepEqual(pt.attributes[3]?.range, r(1, 35, 1, 40));
    assert.deepEqual(attrs.entries[4]?.attributes.map((a) => [a.name, a.value]), [['filter', null], ['text', false]]);
    assert.deepEqual(attrs.entries[5]?.attributes[0], { name: 'linguist-generated', value: 'true', range: r(6, 8, 6, 31) });
    assert.equal(attrs.entries[7]?.pattern, 'reports/final results/*.csv');
    assert.deepEqual(attrs.entries[7].patternRange, r(8, 0, 8, 29));
  });

  void test('lfsPatterns includes macro-expanded lines', () => {
    assert.deepEqual(attrs.lfsPatterns.map((e) => e.pattern), ['*.pt', '*.safetensors', '/data/raw/**', 'models/**/*.onnx', 'reports/final results/*.csv', '*.h5']);
    assert.ok(attrs.macros.has('lfs'));
    assert.ok(attrs.macros.has('binary'));
  });

  void test('isLfsTracked follows Git pattern rules', () => {
    const tracked = [
      'model.pt', 'checkpoints/epoch1/model.pt', '.hidden/x.pt', 'weights.safetensors', 'data/raw/a.csv', 'data/raw/deep/b.parquet',
      'models/a.onnx', 'models/x/y/b.onnx', 'reports/final results/q1.csv', 'any/where/w.h5',
    ];
    const untracked = [
      'model.pth', 'src/data/raw/a.csv', 'data/rawish/a.csv', 'other/models/a.onnx', 'data/raw/README.md', 'reports/final results/sub/q.csv',
      'image.png', 'notebook.ipynb', 'pt', 'model.pt.txt',
    ];
    for (const path of tracked) assert.equal(attrs.isLfsTracked(path), true, path);
    for (const path of untracked) assert.equal(attrs.isLfsTracked(path), false, path);
    assert.equal(attrs.attributesFor('image.png').get('diff'), false, 'binary expands to -diff');
    assert.equal(attrs.attributesFor('data/raw/README.md').get('filter'), null);
  });

  void test('a nested .gitattributes applies below its directory and overrides the root', () => {
    const nested = parseGitattributes('ml/.gitattributes', new TextDocument('*.csv filter=lfs\nsmall/*.pt -filter\n'));
    assert.equal(nested.isLfsTracked('ml/data/x.csv'), true);
    assert.equal(nested.isLfsTracked('x.csv'), false);
    assert.equal(nested.isLfsTracked('mlx/x.csv'), false);
    assert.equal(isLfsTrackedBy([nested, attrs], 'ml/small/m.pt'), false);
    assert.equal(isLfsTrackedBy([nested, attrs], 'ml/big/m.pt'), true);
    assert.equal(isLfsTrackedBy([attrs, nested], 'ml/data/x.csv'), true);
    assert.equal(isLfsTrackedBy([], 'model.pt'), false);
  });

  void test('negative patterns, non-root macros, unterminated quotes and directory patterns', () => {
    const text = '!*.pt filter=lfs\n[attr]mine -text\n"unterminated filter=lfs\ndata/ filter=lfs\n\u0000\u0001\u00ff PK\n';
    const nested = parseGitattributes('sub/.gitattributes', new TextDocument(text));
    assert.deepEqual(nested.problems.map((p) => p.range), [r(0, 0, 0, 5), r(1, 0, 1, 10), r(2, 0, 2, 24)]);
    const dir = nested.entries.find((e) => e.pattern === 'data/');
    assert.equal(dir?.matchesNothing, true);
    assert.equal(nested.isLfsTracked('sub/data/x.csv'), false);
    assert.equal(nested.isLfsTracked('sub/x.pt'), false);
  });
});

void describe('compileGitattributesPattern', () => {
  const cases: [string, string, boolean][] = [
    ['*.bin', 'a/b/c.bin', true],
    ['*.bin', '.bin', true],
    ['a/*.bin', 'a/b/c.bin', false],
    ['a/*.bin', 'a/c.bin', true],
    ['**/logs', 'logs', true],
    ['**/logs', 'x/y/logs', true],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['a/**', 'a/x/y', true],
    ['a/**', 'ab/x', false],
    ['file?.txt', 'file1.txt', true],
    ['file?.txt', 'file/.txt', false],
    ['[abc].txt', 'b.txt', true],
    ['[!abc].txt', 'b.txt', false],
    ['[!abc].txt', 'd.txt', true],
    ['[[:digit:]]*.csv', '2024.csv', true],
    ['[a-c]x', 'bx', true],
    ['\\*.txt', '*.txt', true],
    ['\\*.txt', 'a.txt', false],
    ['{a,b}.txt', 'a.txt', false],
    ['[unclosed', '[unclosed', true],
    ['data.v1+(x).csv', 'data.v1+(x).csv', true],
    ['Model.PT', 'model.pt', false],
  ];
  for (const [pattern, path, expected] of cases) {
    void test(`${pattern} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
      assert.equal(compileGitattributesPattern(pattern)(path), expected);
    });
  }
});
