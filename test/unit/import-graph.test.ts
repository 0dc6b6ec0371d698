// Tests of the import graph: absolute, relative, src-layout, namespace and script-folder imports; reachability.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ImportGraph } from '../../src/engine/analyses/import-graph';
import type { FileFacts, ImportFact } from '../../src/engine/facts';
import type { InventoryEntry } from '../../src/engine/inventory';

const entry = (path: string): InventoryEntry => ({ path, kind: path.endsWith('.ipynb') ? 'notebook' : 'python', size: 1 });
const imp = (module: string, names: string[] = [], level = 0, line = 0): ImportFact => ({
  module,
  level,
  names,
  optional: false,
  typeCheckingOnly: false,
  range: { start: { line, column: 0 }, end: { line, column: 1 } },
});

const files = [
  'src/churn/__init__.py',
  'src/churn/features.py',
  'src/churn/train.py',
  'src/churn/serve/__init__.py',
  'src/churn/serve/app.py',
  'scripts/prepare.py',
  'scripts/helpers.py',
  'tests/test_features.py',
  'notebooks/explore.ipynb',
  'tools/ns/util.py',
].map(entry);

const facts = new Map<string, FileFacts>([
  ['src/churn/train.py', { imports: [imp('churn.features'), imp('pandas'), imp('sklearn.ensemble', ['RandomForestClassifier'])] }],
  ['src/churn/serve/app.py', { imports: [imp('..features', [], 2), imp('.', ['__init__'], 1), imp('fastapi', ['FastAPI'])] }],
  ['scripts/prepare.py', { imports: [imp('helpers'), imp('tools.ns.util')] }],
  ['tests/test_features.py', { imports: [imp('churn', ['features'])] }],
  ['notebooks/explore.ipynb', { imports: [{ ...imp('churn.train'), cell: 2 }] }],
]);

describe('ImportGraph', () => {
  const graph = new ImportGraph(files, facts);

  it('resolves src-layout packages and leaves third-party imports out', () => {
    assert.deepEqual(graph.importsOf('src/churn/train.py').map((e) => e.to), ['src/churn/features.py']);
  });

  it('resolves relative imports by level', () => {
    assert.deepEqual(graph.importsOf('src/churn/serve/app.py').map((e) => e.to).sort(), ['src/churn/features.py', 'src/churn/serve/__init__.py']);
  });

  it("resolves a script's sibling module and a namespace package", () => {
    assert.deepEqual(graph.importsOf('scripts/prepare.py').map((e) => e.to), ['scripts/helpers.py', 'tools/ns/util.py']);
  });

  it('resolves `from package import submodule` to the submodule file', () => {
    assert.deepEqual(graph.importsOf('tests/test_features.py').map((e) => e.to), ['src/churn/__init__.py', 'src/churn/features.py']);
  });

  it('keeps notebook cells on edges and answers importers and reachability', () => {
    assert.equal(graph.importsOf('notebooks/explore.ipynb')[0]?.cell, 2);
    assert.deepEqual(graph.importersOf('src/churn/features.py').map((e) => e.from).sort(), ['src/churn/serve/app.py', 'src/churn/train.py', 'tests/test_features.py']);
    assert.deepEqual([...graph.reachableFrom(['notebooks/explore.ipynb'])].sort(), ['notebooks/explore.ipynb', 'src/churn/features.py', 'src/churn/train.py']);
  });

  it('knows first-party top-level names (a script folder sibling is found through importsOf, not here)', () => {
    assert.ok(graph.isFirstParty('churn'));
    assert.ok(graph.isFirstParty('scripts'));
    assert.ok(!graph.isFirstParty('helpers'));
    assert.ok(!graph.isFirstParty('pandas'));
  });
});
