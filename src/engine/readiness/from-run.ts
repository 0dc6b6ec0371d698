// Builds the readiness model's input from a finished lint run, for the CLI, the language server and tests.
import type { SettingsResolver } from '../config/resolve.js';
import type { FileSystem } from '../fs.js';
import { readText, type LintRun } from '../linter.js';
import { ruleEnabledAnywhere } from '../project-rules.js';
import type { ReadinessInput } from './input.js';

export interface ReadinessContext {
  readonly settings: SettingsResolver;
  readonly fs: FileSystem;
  /** Absolute project root. */
  readonly root: string;
  readonly now: Date;
  readonly toolVersion: string;
}

/** The input of `computeReadiness` for a run made with `extraFacts: READINESS_FACTS` and no baseline. */
export function readinessInput(run: Pick<LintRun, 'project' | 'facts' | 'findings' | 'configs' | 'texts'>, ctx: ReadinessContext): ReadinessInput {
  const config = ctx.settings.config;
  return {
    project: run.project,
    facts: run.facts,
    findings: run.findings,
    configs: run.configs,
    ...(config.readiness ? { readiness: config.readiness } : {}),
    ruleEnabled: (id) => ruleEnabledAnywhere(config, id),
    readText: async (path) => run.texts.get(path) ?? (await readText(ctx.fs, ctx.root, path, [])),
    now: ctx.now,
    projectName: ctx.root.replace(/\/+$/, '').split('/').pop() ?? ctx.root,
    toolVersion: ctx.toolVersion,
  };
}
