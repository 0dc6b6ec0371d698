// feature-code-untested: feature-engineering code (data frame transforms, sklearn transformers) in modules no test reaches, when the project has tests.
import { describeTests, testFileLocations, testSuite, untestedModules } from '../../analyses/test-reach.js';
import { defineProjectRule } from '../../rule.js';

const messages = {
  untested: "{name} {why}, but no test reaches {file}: the tests ({tests}) import neither it nor code that imports it. Add a test that runs it on a tiny data frame and checks the output's columns and values.",
} as const;

export default defineProjectRule<keyof typeof messages>({
  id: 'feature-code-untested',
  category: 'testing',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds feature-engineering modules (functions that transform data frames or arrays, scikit-learn transformers) that no test file imports, directly or through other code, in a project that has tests.',
  messages,
  references: [
    { title: 'Breck et al., The ML Test Score (2017): Data 7, all input feature code is tested', url: 'https://research.google/pubs/the-ml-test-score-a-rubric-for-ml-production-readiness-and-technical-debt-reduction/' },
    { title: 'mllint: testing/coverage', url: 'https://bvobart.github.io/mllint/docs/categories/testing/' },
  ],
  fileKinds: [],
  scope: 'project',
  usesFacts: true,
  facts: ['outline'],
  checkProject(ctx) {
    const graph = ctx.importGraph();
    const suite = testSuite(ctx.project.files, ctx.facts, graph, ctx.configs);
    const tests = describeTests(suite.files);
    const related = testFileLocations(suite, ctx.facts);
    for (const { path, definition } of untestedModules(suite, ctx.facts, (_p, f) => f.outline?.features[0])) {
      ctx.report({
        messageId: 'untested',
        data: { name: definition.name, why: definition.why, file: path, tests },
        file: path,
        range: definition.range,
        ...(definition.cell === undefined ? {} : { cell: definition.cell }),
        related,
        subject: `feature code ${definition.name}`,
      });
    }
  },
});
