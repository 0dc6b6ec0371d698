// `mlready rules`, `explain`, `init` and `baseline`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createBaseline, serializeBaseline } from '../../engine/baseline.js';
import { starterConfig } from '../../engine/init-config.js';
import { nearest } from '../../engine/config/validate.js';
import { ruleDocsUrl } from '../../engine/rule.js';
import { RULES } from '../../engine/rules/index.js';
import { UsageError, type ParsedArgs } from '../args.js';
import { findPackageRoot } from '../../node/grammar.js';
import type { Io } from '../io.js';
import { runCheck } from '../run.js';
import { printConfigWarnings } from './check.js';

export function rulesCommand(args: ParsedArgs, io: Io): number {
  const metas = [...RULES.values()];
  if (args.flags.get('--format') === 'json') {
    io.stdout(`${JSON.stringify(metas.map((m) => ({ id: m.id, category: m.category, defaultSeverity: m.defaultSeverity, status: m.status, fix: m.fix ?? null, description: m.description, docs: ruleDocsUrl(m.id) })), null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...metas.map((m) => m.id.length));
  io.stdout(`${'rule'.padEnd(width)}  ${'category'.padEnd(15)} ${'default'.padEnd(8)} ${'status'.padEnd(8)} fix\n`);
  for (const m of metas) io.stdout(`${m.id.padEnd(width)}  ${m.category.padEnd(15)} ${m.defaultSeverity.padEnd(8)} ${m.status.padEnd(8)} ${m.fix ?? '-'}\n`);
  io.stdout(`\n${metas.length} rules. 'mlready explain <rule>' shows one in full.\n`);
  return 0;
}

export function explainCommand(args: ParsedArgs, io: Io): number {
  const id = args.positionals[0];
  if (id === undefined) throw new UsageError('usage: mlready explain <rule-id>');
  const meta = RULES.get(id);
  if (!meta) {
    const hint = nearest(id, [...RULES.keys()]);
    throw new UsageError(`unknown rule '${id}'${hint ? `; did you mean '${hint}'?` : ''} ('mlready rules' lists them)`);
  }
  const docs = join(findPackageRoot(), 'docs', 'rules', `${id}.md`);
  io.stdout(`${meta.id} (${meta.category}, ${meta.status}, default ${meta.defaultSeverity}${meta.fix ? `, ${meta.fix} fix` : ''})\n\n`);
  io.stdout(existsSync(docs) ? readFileSync(docs, 'utf8') : `${meta.description}\n\nDocs: ${ruleDocsUrl(id)}\n`);
  return 0;
}

export function initCommand(args: ParsedArgs, io: Io): number {
  const dir = resolve(args.positionals[0] ?? '.');
  const target = join(dir, '.mlready.yaml');
  for (const name of ['.mlready.yaml', '.mlready.yml']) {
    if (existsSync(join(dir, name))) {
      io.stderr(`mlready: ${join(dir, name)} already exists; not overwritten. Edit it, or delete it first.\n`);
      return 2;
    }
  }
  writeFileSync(target, starterConfig());
  io.stdout(`Wrote ${target}. Commit it so the team, CI and the editor share one config.\n`);
  return 0;
}

export async function baselineCommand(args: ParsedArgs, io: Io): Promise<number> {
  const result = await runCheck({ paths: args.positionals, useBaseline: false, cache: !args.flags.has('--no-cache'), ...(typeof args.flags.get('--config') === 'string' ? { configFile: String(args.flags.get('--config')) } : {}) });
  printConfigWarnings(result.config, io);
  const explicit = args.flags.get('--baseline');
  const target = typeof explicit === 'string' ? resolve(explicit) : join(result.root, result.config.baseline ?? '.mlready-baseline.json');
  const baseline = createBaseline(result.run.findings);
  writeFileSync(target, serializeBaseline(baseline));
  io.stdout(`Recorded ${result.run.findings.length} findings in ${target}.\n`);
  if (!result.config.baseline && typeof explicit !== 'string') io.stdout("Add 'baseline: .mlready-baseline.json' to .mlready.yaml so every run, CI and the editor use it.\n");
  return 0;
}
