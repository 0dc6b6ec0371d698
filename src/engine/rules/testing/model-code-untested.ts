// model-code-untested: model definitions (networks, estimators, model builders) in modules no test reaches, when the project has tests.
import { ImportGraph } from '../../analyses/import-graph.js';
import type { OutlineFacts } from '../../analyses/module-facts.js';
import { untestedReports } from '../../analyses/test-reach.js';
import type { FileFacts } from '../../facts.js';
import { defineProjectRule } from '../../rule.js';

const messages = {
  untested: "{name} {why}, but no test reaches {file}: the tests ({tests}) import neither it nor code that imports it. Add a test that builds it and runs one forward pass or a tiny fit.",
  untestedCoverage: "{name} {why}, but no test reaches {file}: the tests ({tests}) import neither it nor code that imports it, and {report} shows none of its {lines} lines ran. Add a test that builds it and runs one forward pass or a tiny fit.",
} as const;

type ModelDefinition = OutlineFacts['models'][number];

export default defineProjectRule<keyof typeof messages>({
  id: 'model-code-untested',
  category: 'testing',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds modules that define models (nn.Module, LightningModule and Keras Model subclasses, scikit-learn estimators, build_model functions) that no test file imports, directly or through other code, in a project that has tests; a coverage report that saw the module run counts as a test.',
  messages,
  references: [
    { title: 'Breck et al., The ML Test Score (2017): Infra 2, model specification code is unit tested', url: 'https://research.google/pubs/the-ml-test-score-a-rubric-for-ml-production-readiness-and-technical-debt-reduction/' },
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015)' },
  ],
  fileKinds: [],
  scope: 'project',
  usesFacts: true,
  facts: ['outline'],
  checkProject(ctx) {
    for (const { name, ...report } of untestedReports(ctx, (p, f) => firstModel(p, f, ctx.importGraph(), ctx.facts))) ctx.report({ ...report, subject: `model ${name}` });
  },
});

/** The module's first model definition; a class whose base is a model class of a module it imports counts too. */
function firstModel(path: string, facts: FileFacts, graph: ImportGraph, all: ReadonlyMap<string, FileFacts>): ModelDefinition | undefined {
  const outline = facts.outline;
  if (!outline) return undefined;
  const own = outline.models[0];
  const imported = new Map<string, string>();
  for (const edge of graph.importsOf(path)) for (const m of all.get(edge.to)?.outline?.models ?? []) imported.set(m.name, edge.to);
  const inherited = outline.classes.find((c) => c.bases.some((b) => imported.has(b.split('.').pop() ?? b)));
  if (!inherited) return own;
  const base = inherited.bases.find((b) => imported.has(b.split('.').pop() ?? b)) ?? '';
  const candidate: ModelDefinition = { name: inherited.name, why: `subclasses the model ${base.split('.').pop() ?? base}`, range: inherited.range, ...(inherited.cell === undefined ? {} : { cell: inherited.cell }) };
  return own && (own.range.start.line < candidate.range.start.line) ? own : candidate;
}
