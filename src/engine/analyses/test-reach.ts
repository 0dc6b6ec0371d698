// The project's test suite and the code it reaches: imports from test files, package __init__ files, config targets, paths named in tests.
import { baseName, dirName, isDataExtension } from '../file-kinds.js';
import type { FileFacts } from '../facts.js';
import type { InventoryEntry } from '../inventory.js';
import { FILE_START, type RelatedLocation } from '../types.js';
import type { ConfigNode } from '../parsers/config-tree.js';
import type { CoverageReport } from '../parsers/test-reports.js';
import { inFolders, isAuxiliary, isTemplated, isVendored, PROTOTYPE_FOLDERS } from './code-areas.js';
import type { ConfigFileModel } from './config-files.js';
import type { ImportGraph } from './import-graph.js';
import type { MlDefinition } from './ml-code.js';
import type { Placed } from './module-facts.js';
import type { ProjectReport, ProjectRuleContext } from '../rule.js';

export interface TestFile {
  readonly path: string;
  /** Test functions collected in it. */
  readonly tests: number;
}

export interface TestSuite {
  /** Files in test roles (test modules, conftest.py, helpers under tests/), by path. */
  readonly files: readonly TestFile[];
  /** Test functions in all of them. */
  readonly total: number;
  /** Project files the tests run: the test files, what they import transitively, and what that code loads by name. */
  readonly reached: ReadonlySet<string>;
}

/** Config keys whose value names a class or function that the config system imports (Hydra, LightningCLI). */
const TARGET_KEYS = new Set(['_target_', 'class_path']);
const NON_CODE_EXTENSIONS = /\.(ya?ml|json|jsonc|toml|txt|md|rst|cfg|ini|sh|log|html|xml|env|lock|ipynb)$/i;
/** Imports that load code named in configs: when tests reach one, they reach the configs' targets too. */
const INSTANTIATORS = ['hydra', 'omegaconf', 'lightning.pytorch.cli', 'pytorch_lightning.cli', 'jsonargparse'];

/** Builds the test suite of a project from the outline facts of its files (rules get it once per run from their context). */
export function testSuite(files: readonly InventoryEntry[], facts: ReadonlyMap<string, FileFacts>, graph: ImportGraph, configs: readonly ConfigFileModel[]): TestSuite {
  const python = new Set(files.filter((f) => f.kind === 'python').map((f) => f.path));
  const testFiles: TestFile[] = [];
  const starts = new Set<string>();
  for (const [path, fileFacts] of facts) {
    const outline = fileFacts.outline;
    if (!outline?.roles.includes('test') || !python.has(path)) continue;
    testFiles.push({ path, tests: isTestModule(path) ? outline.tests : 0 });
    starts.add(path);
    for (const ref of outline.codeRefs) {
      const target = resolveCodeRef(ref, python);
      if (target !== undefined) starts.add(target);
    }
  }
  testFiles.sort((a, b) => (a.path < b.path ? -1 : 1));
  const reached = new Set<string>();
  let pending = [...starts];
  let targetsAdded = false;
  while (pending.length > 0) {
    const next = new Set<string>();
    for (const path of graph.reachableFrom(pending)) {
      if (reached.has(path)) continue;
      reached.add(path);
      // Importing `pkg.sub.mod` runs `pkg/__init__.py` and `pkg/sub/__init__.py` first, and whatever they import.
      for (let dir = dirName(path); dir !== ''; dir = dirName(dir)) {
        const init = `${dir}/__init__.py`;
        if (python.has(init) && !reached.has(init)) next.add(init);
      }
    }
    if (!targetsAdded && [...reached].some((p) => instantiates(facts.get(p)))) {
      targetsAdded = true;
      for (const ref of configTargets(configs)) {
        const target = resolveCodeRef(ref, python);
        if (target !== undefined && !reached.has(target)) next.add(target);
      }
    }
    pending = [...next];
  }
  return { files: testFiles, total: testFiles.reduce((n, f) => n + f.tests, 0), reached };
}

/** Files pytest (`test_*.py`, `*_test.py`) or unittest (`test*.py`) collect tests from by default; conftest.py and helpers hold none. */
export function isTestModule(path: string): boolean {
  return /^test[^/]*\.py$|_test\.py$/.test(baseName(path));
}

function instantiates(fileFacts: FileFacts | undefined): boolean {
  return (fileFacts?.imports ?? []).some((i) => i.level === 0 && INSTANTIATORS.some((m) => i.module === m || i.module.startsWith(`${m}.`)));
}

/** Dotted names under `_target_` and `class_path` keys in the project's config files. */
export function configTargets(configs: readonly ConfigFileModel[]): string[] {
  const out = new Set<string>();
  const walk = (node: ConfigNode): void => {
    if (node.kind === 'map') {
      for (const entry of node.children) {
        if (TARGET_KEYS.has(entry.key) && entry.node.kind === 'scalar' && typeof entry.node.value === 'string') out.add(entry.node.value);
        else walk(entry.node);
      }
    } else if (node.kind === 'list') node.children.forEach(walk);
  };
  for (const c of configs) walk(c.root);
  return [...out].sort();
}

/**
 * The project file a reference names: a path (`src/train.py`, or its tail) or a dotted name (`pkg.models.Net`, `src.train`)
 * whose longest module prefix is a project module, found from the root, `src/`, or as a path tail.
 */
export function resolveCodeRef(ref: string, python: ReadonlySet<string>): string | undefined {
  if (ref.endsWith('.py')) {
    const clean = ref.replace(/^\.\//, '');
    if (python.has(clean)) return clean;
    return [...python].filter((p) => p.endsWith(`/${clean}`)).sort((a, b) => a.length - b.length)[0];
  }
  const parts = ref.split('.');
  // `config.yaml` and `model.pt` are file names, not a module `config` with an attribute.
  if (NON_CODE_EXTENSIONS.test(ref) || isDataExtension(parts[parts.length - 1] ?? '')) return undefined;
  for (let k = parts.length; k > 0; k--) {
    const base = parts.slice(0, k).join('/');
    for (const candidate of [`${base}.py`, `${base}/__init__.py`, `src/${base}.py`, `src/${base}/__init__.py`]) if (python.has(candidate)) return candidate;
    // Only multi-part names are matched as tails: a bare `utils` could be any project's utils.
    if (k >= 2) {
      const tail = [...python].filter((p) => p.endsWith(`/${base}.py`) || p.endsWith(`/${base}/__init__.py`)).sort((a, b) => a.length - b.length)[0];
      if (tail !== undefined) return tail;
    }
  }
  return undefined;
}

/** A module the tests do not reach, with the definition that makes it worth testing. */
/** What `feature-code-untested` and `model-code-untested` report on an untested module, but the subject. */
export type UntestedReport = Omit<ProjectReport<'untested' | 'untestedCoverage'>, 'subject'> & { readonly name: string };

/**
 * One report per module that no test reaches and whose `pick`ed definition is the code at stake, with the test files
 * as related locations and, when a coverage report measured the module and saw nothing run, that report too.
 */
export function untestedReports(
  ctx: Pick<ProjectRuleContext<string>, 'project' | 'facts' | 'testSuite'>,
  pick: (path: string, facts: FileFacts) => (MlDefinition & Placed) | undefined,
): UntestedReport[] {
  const suite = ctx.testSuite();
  const tests = describeTests(suite.files);
  const related = testFileLocations(suite, ctx.facts);
  return untestedModules(suite, ctx.facts, pick, ctx.project.testReports?.coverage ?? []).map(({ path, definition, coverage: measured }) => ({
    messageId: measured ? 'untestedCoverage' : 'untested',
    data: { name: definition.name, why: definition.why, file: path, tests, ...(measured ? { report: measured.report, lines: measured.total } : {}) },
    file: path,
    range: definition.range,
    ...(definition.cell === undefined ? {} : { cell: definition.cell }),
    related: measured ? [...related, { file: measured.report, range: FILE_START, message: `the coverage report: 0 of ${String(measured.total)} lines of ${path} ran` }] : related,
    name: definition.name,
  }));
}

export interface UntestedModule<D> {
  readonly path: string;
  readonly definition: D;
  /** A coverage report that measured the module and saw none of its lines run. */
  readonly coverage?: { readonly report: string; readonly total: number };
}

/**
 * Library modules (not tests, notebooks, prototype folders, examples, scripts or vendored code) that hold a
 * definition `pick` selects and that no test reaches. Empty when the project has no test functions at all:
 * then tests-missing says so once, instead of one finding per module. A module a coverage report saw run (covered
 * lines > 0) counts as tested: the tests may reach it in ways imports do not show (subprocesses, `importlib`, plugins).
 */
export function untestedModules<D>(suite: TestSuite, facts: ReadonlyMap<string, FileFacts>, pick: (path: string, facts: FileFacts) => D | undefined, coverage: readonly CoverageReport[] = []): UntestedModule<D>[] {
  if (suite.total === 0) return [];
  const roots = [...new Set(suite.files.filter((f) => f.tests > 0).map((f) => testRoot(f.path)))];
  const out: UntestedModule<D>[] = [];
  for (const [path, fileFacts] of facts) {
    const outline = fileFacts.outline;
    if (!outline || !path.endsWith('.py') || outline.roles.includes('test') || suite.reached.has(path)) continue;
    // A test suite answers for the code under its root: the tests of one vendored library in a monorepo say nothing of the rest.
    if (!roots.some((root) => root === '' || path.startsWith(`${root}/`))) continue;
    if (isTemplated(path) || isVendored(path) || isAuxiliary(path) || inFolders(path, PROTOTYPE_FOLDERS)) continue;
    const measured = coverage.flatMap((c) => {
      const lines = c.files.get(path);
      return lines ? [{ report: c.file, ...lines }] : [];
    });
    if (measured.some((m) => m.covered > 0)) continue;
    const definition = pick(path, fileFacts);
    const none = measured.find((m) => m.total > 0);
    if (definition !== undefined) out.push({ path, definition, ...(none ? { coverage: { report: none.report, total: none.total } } : {}) });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The folder a test file answers for: the parent of its `tests/` folder, or its own folder for tests kept beside the code. */
export function testRoot(path: string): string {
  const parts = path.split('/').slice(0, -1);
  const at = parts.findIndex((p) => p === 'tests' || p === 'test');
  return (at === -1 ? parts : parts.slice(0, at)).join('/');
}

/** Related locations for a finding on untested code: the test files with tests (up to `max`), at their first line. */
export function testFileLocations(suite: TestSuite, facts: ReadonlyMap<string, FileFacts>, max = 2): RelatedLocation[] {
  return suite.files
    .filter((f) => f.tests > 0)
    .slice(0, max)
    .map((f) => ({ file: f.path, range: facts.get(f.path)?.outline?.top?.range ?? FILE_START, message: 'a test file; it reaches neither this module nor code that imports it' }));
}

/** Test file paths for a message: the first three, and how many more. */
export function describeTests(files: readonly TestFile[]): string {
  const withTests = files.filter((f) => f.tests > 0).map((f) => f.path);
  return withTests.length <= 3 ? withTests.join(', ') : `${withTests.slice(0, 3).join(', ')} and ${withTests.length - 3} more`;
}
