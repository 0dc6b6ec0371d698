// Runs the project rules once per run over the project model and the files' facts.
import type { SettingsResolver } from './config/resolve.js';
import type { ResolvedConfig } from './config/types.js';
import type { ConfigFileModel } from './analyses/config-files.js';
import { ImportGraph } from './analyses/import-graph.js';
import { testSuite as buildTestSuite, type TestSuite } from './analyses/test-reach.js';
import type { FactKind, FileFacts } from './facts.js';
import type { ProjectModel } from './project.js';
import { timed, type Timing } from './timing.js';
import { findingFromReport, resolveOptions, type ProjectReport, type ProjectRule } from './rule.js';
import type { Finding } from './types.js';

/**
 * Whether a rule may be on for some file of the project: on in the base config, or in an override (an override's
 * profile may turn it on). Per-file severities decide the rest.
 */
export function ruleEnabledAnywhere(config: ResolvedConfig, id: string): boolean {
  return (config.rules.get(id)?.severity ?? 'off') !== 'off' || config.overrides.some((o) => (o.rules.get(id)?.severity ?? 'off') !== 'off' || o.profile !== undefined);
}

/** The fact kinds that enabled project rules read (empty when none reads facts). */
export function projectRulesWantFacts(rules: readonly ProjectRule[], settings: SettingsResolver): FactKind[] {
  const kinds = new Set<FactKind>();
  for (const r of rules) {
    if (!r.usesFacts || !ruleEnabledAnywhere(settings.config, r.id)) continue;
    kinds.add('imports');
    for (const k of r.facts ?? []) kinds.add(k);
  }
  return [...kinds].sort();
}

/** Findings of the project rules; a rule that throws is reported as an error and the others still run. */
export function runProjectRules(
  rules: readonly ProjectRule[],
  project: ProjectModel,
  facts: ReadonlyMap<string, FileFacts>,
  settings: SettingsResolver,
  configs: readonly ConfigFileModel[] = [],
  timing?: Timing,
): { findings: Finding[]; errors: { file: string; ruleId: string; message: string }[] } {
  const findings: Finding[] = [];
  const errors: { file: string; ruleId: string; message: string }[] = [];
  const rootSettings = settings.forFile('');
  let graph: ImportGraph | undefined;
  const importGraph = (): ImportGraph => (graph ??= timed(timing, 'project:(import graph)', () => new ImportGraph(project.files, facts)));
  let suite: TestSuite | undefined;
  const testSuite = (): TestSuite => (suite ??= timed(timing, 'project:(test suite)', () => buildTestSuite(project.files, facts, importGraph(), configs)));
  for (const rule of rules) {
    if (!ruleEnabledAnywhere(settings.config, rule.id)) continue;
    const report = (r: ProjectReport<string>): void => {
      const configured = settings.forFile(r.file).get(rule.id)?.severity ?? 'off';
      if (configured === 'off') return;
      const subject = r.subject;
      findings.push(findingFromReport(rule, configured, r, { file: r.file, range: r.range, subject: () => subject, ...(r.cell === undefined ? {} : { cell: r.cell }), ...(r.fix ? { edits: r.fix.edits } : {}) }));
    };
    try {
      const ctx = { project, facts, configs, importGraph, testSuite, options: resolveOptions(rule, rootSettings.get(rule.id)?.options), report };
      timed(timing, `project:${rule.id}`, () => {
        rule.checkProject(ctx);
      });
    } catch (error) {
      errors.push({ file: '.', ruleId: rule.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
  return { findings, errors };
}
