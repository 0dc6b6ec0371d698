// Test helper: lints a small in-memory project end to end (file and project rules), with Git tracking given as a list.
import { SettingsResolver } from '../../src/engine/config/resolve';
import type { ResolvedConfig, RuleSetting } from '../../src/engine/config/types';
import { InProcessExecutor } from '../../src/engine/executor';
import { MemoryFileSystem } from '../../src/engine/fs';
import { runLint } from '../../src/engine/linter';
import type { RuleOptions } from '../../src/engine/rule';
import { RULES } from '../../src/engine/rules/index';
import type { Finding } from '../../src/engine/types';
import { VERSION } from '../../src/engine/version';
import { pythonParser } from './python';

const ROOT = '/project';

/**
 * Runs the given rules (id -> options; every other rule off) over `files` (project-relative path -> content).
 * `tracked` lists what Git tracks; leave it out for a project outside Git. Returns the findings of those rules.
 */
export async function lintProject(
  rules: Readonly<Record<string, RuleOptions>>,
  files: Readonly<Record<string, string | Uint8Array>>,
  options: { readonly tracked?: readonly string[] } = {},
): Promise<Finding[]> {
  const settings = new Map<string, RuleSetting>();
  for (const [id, meta] of RULES) {
    const configured = rules[id];
    settings.set(id, configured ? { severity: meta.defaultSeverity === 'off' ? 'warning' : meta.defaultSeverity, options: configured } : { severity: 'off' });
  }
  const config: ResolvedConfig = { root: ROOT, profile: 'production', preset: 'mlready:recommended', rules: settings, ignore: [], overrides: [], warnings: [], sourceTexts: [] };
  const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([path, content]) => [`${ROOT}/${path}`, content])));
  const run = await runLint({
    fs,
    root: ROOT,
    settings: new SettingsResolver(config, RULES),
    executor: new InProcessExecutor(await pythonParser()),
    version: VERSION,
    git: options.tracked ? { tracked: options.tracked } : 'off',
  });
  if (run.ruleErrors.length > 0) throw new Error(`rule threw: ${run.ruleErrors.map((e) => e.message).join('\n')}`);
  return run.findings.filter((f) => f.ruleId in rules);
}
