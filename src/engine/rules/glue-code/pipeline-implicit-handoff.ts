// pipeline-implicit-handoff: one script writes a file another reads, and no pipeline (DVC, Make, CI, an orchestrator) declares that step.
import { findHandoffs, PipelineIndex } from '../../analyses/handoff-graph.js';
import type { PipelineDeclarations } from '../../analyses/pipeline-steps.js';
import { defineProjectRule } from '../../rule.js';

const messages = {
  handoff: "Reads '{path}', which {writer} writes, but no pipeline declares that step: nothing re-runs {writer} when it changes, and a forgotten or out-of-order run feeds stale data here. Declare the step (a dvc.yaml stage with '{path}' in outs and deps, or a Makefile rule).",
} as const;

/** Snakemake and friends keep their rules in files the engine does not read: with one present the rule cannot judge. */
const UNREAD_PIPELINE_FILES = /(^|\/)(Snakefile|[^/]+\.smk|MLproject|[^/]*\.nf|kustomization\.ya?ml)$/;
const MAX_RELATED = 3;

export default defineProjectRule<keyof typeof messages>({
  id: 'pipeline-implicit-handoff',
  category: 'glue-code',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds files that one script or notebook writes and another reads (constant paths) when no DVC stage, Makefile rule, CI job or orchestrator declares that step.',
  messages,
  references: [
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015): pipeline jungles' },
    { title: 'DVC documentation: Defining pipelines', url: 'https://dvc.org/doc/user-guide/pipelines/defining-pipelines' },
  ],
  fileKinds: [],
  scope: 'project',
  usesFacts: true,
  facts: ['dataIo', 'roles', 'pipelineSteps'],
  checkProject(ctx) {
    if (ctx.project.files.some((f) => UNREAD_PIPELINE_FILES.test(f.path))) return;
    const python = new Map([...ctx.facts].filter(([path]) => path.endsWith('.py') || path.endsWith('.ipynb')));
    const graph = ctx.importGraph();
    const isTest = (file: string): boolean => ctx.facts.get(file)?.roles?.includes('test') === true || /(^|\/)tests?\//.test(file);
    const handoffs = findHandoffs(python, graph, isTest);
    if (handoffs.length === 0) return;
    const declarations = new Map<string, PipelineDeclarations>();
    for (const [path, facts] of ctx.facts) if (facts.pipelineSteps) declarations.set(path, facts.pipelineSteps);
    const pipelines = new PipelineIndex(ctx.project, declarations, graph);
    for (const handoff of handoffs) {
      const undeclared = handoff.writers.filter((w) => pipelines.declaredBy(handoff.path, w.file, handoff.reader.file) === undefined);
      const first = undeclared[0];
      if (!first || undeclared.length < handoff.writers.length) continue;
      const access = handoff.reader.access;
      ctx.report({
        messageId: 'handoff',
        data: { path: handoff.path, writer: first.file },
        file: handoff.reader.file,
        range: access.range,
        ...(access.cell === undefined ? {} : { cell: access.cell }),
        subject: `${handoff.path} from ${first.file}`,
        related: undeclared.slice(0, MAX_RELATED).map((w) => ({
          file: w.file,
          range: w.access.range,
          ...(w.access.cell === undefined ? {} : { cell: w.access.cell }),
          message: `${handoff.path} is written here (${w.access.via})`,
        })),
      });
    }
  },
});
