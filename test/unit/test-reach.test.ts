// Tests of the test suite analysis: collected tests, reach through imports, package __init__ files, code references and config targets.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inFolders, isAuxiliary, isTemplated, isVendored, prototypeFolderOf, PROTOTYPE_FOLDERS } from '../../src/engine/analyses/code-areas';
import type { ConfigFileModel } from '../../src/engine/analyses/config-files';
import { ImportGraph } from '../../src/engine/analyses/import-graph';
import type { OutlineFacts } from '../../src/engine/analyses/module-facts';
import { configTargets, describeTests, isTestModule, resolveCodeRef, testSuite, untestedModules } from '../../src/engine/analyses/test-reach';
import type { FileFacts, ImportFact } from '../../src/engine/facts';
import type { InventoryEntry } from '../../src/engine/inventory';
import type { ConfigNode } from '../../src/engine/parsers/config-tree';

const R = { start: { line: 0, column: 0 }, end: { line: 0, column: 1 } };
const imp = (module: string, names: string[] = []): ImportFact => ({ module, level: 0, names, optional: false, typeCheckingOnly: false, range: R });
const outline = (o: Partial<OutlineFacts>): OutlineFacts => ({ roles: [], tests: 0, classes: [], models: [], features: [], validation: [], ingests: [], pathEdits: [], codeRefs: [], ...o });
const entry = (path: string): InventoryEntry => ({ path, kind: 'python', size: 1 });
const scalar = (value: string): ConfigNode => ({ kind: 'scalar', value, style: 'plain', range: R });
const map = (entries: Record<string, ConfigNode>): ConfigNode => ({ kind: 'map', range: R, children: Object.entries(entries).map(([key, node]) => ({ key, node })) });

describe('testSuite', () => {
  const paths = ['pkg/__init__.py', 'pkg/models/__init__.py', 'pkg/models/net.py', 'pkg/train.py', 'pkg/lit.py', 'pkg/unused.py', 'scripts/run.py', 'tests/conftest.py', 'tests/test_train.py', 'tests/helpers.py'];
  const base = new Map<string, FileFacts>([
    ['pkg/__init__.py', { imports: [], outline: outline({}) }],
    ['pkg/models/__init__.py', { imports: [], outline: outline({}) }],
    ['pkg/models/net.py', { imports: [], outline: outline({}) }],
    ['pkg/train.py', { imports: [imp('hydra')], outline: outline({}) }],
    ['pkg/lit.py', { imports: [], outline: outline({}) }],
    ['pkg/unused.py', { imports: [], outline: outline({}) }],
    ['scripts/run.py', { imports: [], outline: outline({}) }],
    ['tests/conftest.py', { imports: [], outline: outline({ roles: ['test'], tests: 2 }) }],
    ['tests/helpers.py', { imports: [], outline: outline({ roles: ['test'] }) }],
    ['tests/test_train.py', { imports: [imp('pkg.models.net')], outline: outline({ roles: ['test'], tests: 3, codeRefs: ['scripts/run.py', 'config.yaml'] }) }],
  ]);
  const files = paths.map(entry);
  const configs: ConfigFileModel[] = [{ file: 'configs/model.yaml', root: map({ _target_: scalar('pkg.lit.Lit'), inner: map({ class_path: scalar('torch.optim.Adam') }) }), prefix: [], hydra: true }];

  it('counts tests only in modules pytest and unittest collect, and reaches imports, package __init__ files and named scripts', () => {
    const suite = testSuite(files, base, new ImportGraph(files, base), configs);
    assert.equal(suite.total, 3);
    assert.deepEqual(suite.files.map((f) => `${f.path}:${String(f.tests)}`), ['tests/conftest.py:0', 'tests/helpers.py:0', 'tests/test_train.py:3']);
    assert.deepEqual([...suite.reached].filter((p) => !p.startsWith('tests/')).sort(), ['pkg/__init__.py', 'pkg/models/__init__.py', 'pkg/models/net.py', 'scripts/run.py']);
    assert.equal(describeTests(suite.files), 'tests/test_train.py');
  });

  it('reaches config targets once the tests reach code that instantiates configs', () => {
    const facts = new Map(base);
    facts.set('tests/test_train.py', { imports: [imp('pkg.train')], outline: outline({ roles: ['test'], tests: 1 }) });
    const suite = testSuite(files, facts, new ImportGraph(files, facts), configs);
    assert.ok(suite.reached.has('pkg/lit.py'));
    assert.ok(!suite.reached.has('pkg/unused.py'));
    const untested = untestedModules(suite, facts, (path) => (path.startsWith('pkg/') ? path : undefined));
    assert.deepEqual(untested.map((u) => u.path), ['pkg/models/__init__.py', 'pkg/models/net.py', 'pkg/unused.py']);
  });

  it('reports nothing untested when there are no test functions at all', () => {
    const facts = new Map(base);
    facts.set('tests/test_train.py', { imports: [], outline: outline({ roles: ['test'] }) });
    const suite = testSuite(files, facts, new ImportGraph(files, facts), []);
    assert.deepEqual(untestedModules(suite, facts, () => 'x'), []);
  });
});

describe('code references', () => {
  const python = new Set(['src/pkg/models.py', 'src/pkg/__init__.py', 'scripts/train.py', 'config.py']);

  it('resolves paths, path tails and dotted names from the root, src/ or a path tail', () => {
    assert.equal(resolveCodeRef('scripts/train.py', python), 'scripts/train.py');
    assert.equal(resolveCodeRef('./train.py', python), 'scripts/train.py');
    assert.equal(resolveCodeRef('pkg.models.Net', python), 'src/pkg/models.py');
    assert.equal(resolveCodeRef('src.pkg.models', python), 'src/pkg/models.py');
    assert.equal(resolveCodeRef('pkg.Thing', python), 'src/pkg/__init__.py');
  });

  it('does not read file names as module paths', () => {
    assert.equal(resolveCodeRef('config.yaml', python), undefined);
    assert.equal(resolveCodeRef('config.pt', python), undefined);
    assert.equal(resolveCodeRef('numpy.testing', python), undefined);
  });

  it('collects _target_ and class_path values from config trees', () => {
    const root = map({ model: map({ _target_: scalar('a.B') }), list: { kind: 'list', range: R, children: [map({ class_path: scalar('c.D') })] } });
    assert.deepEqual(configTargets([{ file: 'c.yaml', root, prefix: [], hydra: false }]), ['a.B', 'c.D']);
  });

  it('knows test modules by name', () => {
    assert.deepEqual(['tests/test_a.py', 'a_test.py', 'testing.py', 'tests/conftest.py', 'tests/helpers.py'].map(isTestModule), [true, true, true, false, false]);
  });
});

describe('code areas', () => {
  it('tells prototype, auxiliary, vendored and templated paths by folder', () => {
    assert.ok(inFolders('Notebooks/x.py', PROTOTYPE_FOLDERS));
    assert.ok(!inFolders('pkg/experiments.py', PROTOTYPE_FOLDERS));
    assert.equal(prototypeFolderOf('src/Scratch/a.py', PROTOTYPE_FOLDERS), 'Scratch');
    assert.ok(isAuxiliary('docs/conf.py') && isAuxiliary('examples/a/b.py') && !isAuxiliary('src/example.py'));
    assert.ok(isVendored('third_party/lib/a.py') && !isVendored('src/a.py'));
    assert.ok(isTemplated('{{ cookiecutter.repo_name }}/a.py') && !isTemplated('a.py'));
  });
});
