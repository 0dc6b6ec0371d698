// tests-missing: a project with training, serving or model code and not one test function pytest or unittest would collect.
import { inFolders, isAuxiliary, isTemplated, isTrainingScript, isVendored, PROTOTYPE_FOLDERS } from '../../analyses/code-areas.js';
import { parseVariantName } from '../../analyses/file-variants.js';
import type { OutlineFacts } from '../../analyses/module-facts.js';
import { isTestModule } from '../../analyses/test-reach.js';
import { baseName } from '../../file-kinds.js';
import type { FileFacts } from '../../facts.js';
import { runsTests } from '../../parsers/ci.js';
import { defineProjectRule } from '../../rule.js';
import { FILE_START, type RelatedLocation } from '../../types.js';

const messages = {
  noTests: '{what}, but the project has no test functions at all: add a tests/ folder with a pytest smoke test that runs this code on a tiny input.',
  emptyTests: '{what}, but the files named like tests ({files}) hold no test functions that pytest or unittest would collect.',
} as const;

type Id = keyof typeof messages;

const SERVING_RANK = 10;
/** A project script a CI step runs that tests by its name: `./run_python_examples.sh`, `bash ci/smoke_test.sh`. */
const SMOKE_SCRIPT = /(^|[\s/])[\w.-]*(test|smoke|example)[\w.-]*\.(sh|py)\b/i;

interface Candidate {
  readonly path: string;
  readonly outline: OutlineFacts;
  readonly rank: number;
  readonly what: string;
}

export default defineProjectRule<Id>({
  id: 'tests-missing',
  category: 'testing',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds projects that train, serve or define models in Python modules but hold no test functions at all (pytest functions, Test* class methods, unittest.TestCase methods).',
  messages,
  references: [
    { title: 'Breck et al., The ML Test Score (2017): Infra 2 and 3, model specification code is unit tested', url: 'https://research.google/pubs/the-ml-test-score-a-rubric-for-ml-production-readiness-and-technical-debt-reduction/' },
    { title: 'mllint: testing/has-tests', url: 'https://bvobart.github.io/mllint/docs/categories/testing/' },
  ],
  fileKinds: [],
  scope: 'project',
  usesFacts: true,
  facts: ['outline'],
  checkProject(ctx) {
    const candidates: Candidate[] = [];
    const testFiles: string[] = [];
    let tests = 0;
    for (const [path, facts] of ctx.facts) {
      const outline = facts.outline;
      if (!outline || !path.endsWith('.py')) continue;
      if (outline.roles.includes('test')) {
        testFiles.push(path);
        if (isTestModule(path)) tests += outline.tests;
        continue;
      }
      // Notebooks, prototype folders, examples and vendored code are not what a test suite is expected to cover.
      if (isTemplated(path) || isVendored(path) || inFolders(path, PROTOTYPE_FOLDERS) || (isAuxiliary(path) && !inFolders(path, ['scripts']))) continue;
      const candidate = rank(path, outline, facts.imports);
      if (candidate) candidates.push(candidate);
    }
    // A web app alone is not ML code: serving counts as evidence only beside training, model or feature code.
    if (tests > 0 || !candidates.some((c) => c.rank !== SERVING_RANK)) return;
    // CI that runs a test command, or a smoke-test script, knows of tests this count does not see (doctests, a custom
    // `python_files`, every example run end to end by `./run_python_examples.sh`).
    if (ctx.project.ci.some((w) => w.jobs.some((j) => j.commands.some((c) => runsTests(c.text) || SMOKE_SCRIPT.test(c.text))))) return;
    // Among equals the newest variant (`train_v4.py` over `train_v3.py`) and the shallowest path lead.
    candidates.sort((a, b) => a.rank - b.rank || parseVariantName(b.path).rank - parseVariantName(a.path).rank || depth(a.path) - depth(b.path) || (a.path < b.path ? -1 : 1));
    const [anchor, ...others] = candidates;
    if (!anchor) return;
    const at = anchor.outline.mainGuard ?? anchor.outline.top?.range ?? FILE_START;
    const related: RelatedLocation[] = others.slice(0, 3).map((c) => ({ file: c.path, range: c.outline.top?.range ?? at, message: `${c.what}, untested as well` }));
    testFiles.sort();
    const common = { file: anchor.path, range: at, subject: 'test functions', ...(related.length > 0 ? { related } : {}) };
    if (testFiles.length === 0) ctx.report({ messageId: 'noTests', data: { what: anchor.what }, ...common });
    else ctx.report({ messageId: 'emptyTests', data: { what: anchor.what, files: list(testFiles) }, ...common });
  },
});

/** Training scripts first (`train.py` before other trainers), then serving code, then model and feature modules. */
function rank(path: string, outline: OutlineFacts, imports: FileFacts['imports']): Candidate | undefined {
  const name = baseName(path);
  const trainName = /^train(ing)?\.py$/i.test(name) ? 0 : /train/i.test(name) ? 1 : 2;
  if (isTrainingScript(path, outline.roles, imports)) {
    return { path, outline, rank: trainName * 2 + (outline.mainGuard ? 0 : 1), what: trainName < 2 ? `${path} trains a model` : `${path} fits models` };
  }
  if (outline.roles.includes('serving')) return { path, outline, rank: SERVING_RANK, what: `${path} serves a model` };
  const model = outline.models[0];
  if (model) return { path, outline, rank: 20, what: `${path} defines model code (${model.name} ${model.why})` };
  const feature = outline.features[0];
  if (feature) return { path, outline, rank: 30, what: `${path} holds feature code (${feature.name} ${feature.why})` };
  return undefined;
}

function depth(path: string): number {
  return path.split('/').length;
}

function list(paths: readonly string[]): string {
  return paths.length <= 3 ? paths.join(', ') : `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more`;
}
