// feature-code-untested: feature-engineering code (data frame transforms, sklearn transformers) in modules no test reaches, when the project has tests.
import { untestedReports } from '../../analyses/test-reach.js';
import { defineProjectRule } from '../../rule.js';

const messages = {
  untested: "{name} {why}, but no test reaches {file}: the tests ({tests}) import neither it nor code that imports it. Add a test that runs it on a tiny data frame and checks the output's columns and values.",
  untestedCoverage: "{name} {why}, but no test reaches {file}: the tests ({tests}) import neither it nor code that imports it, and {report} shows none of its {lines} lines ran. Add a test that runs it on a tiny data frame and checks the output's columns and values.",
} as const;

export default defineProjectRule<keyof typeof messages>({
  id: 'feature-code-untested',
  category: 'testing',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds feature-engineering modules (functions that transform data frames or arrays, scikit-learn transformers) that no test file imports, directly or through other code, in a project that has tests; a coverage report that saw the module run counts as a test.',
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
    for (const { name, ...report } of untestedReports(ctx, (_p, f) => f.outline?.features[0])) ctx.report({ ...report, subject: `feature code ${name}` });
  },
});
