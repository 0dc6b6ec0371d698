// experiment-flag-dead-branch: code behind `if False:`, `while 0:`, the `else` of `if True:`, or a boolean flag that is set once, or set alike in every config, and never changed.
import { isTemplated, isVendored } from '../../analyses/code-areas.js';
import { configFlagValue } from '../../analyses/config-flags.js';
import { usesStructuredConfigs } from '../../analyses/config-universe.js';
import type { ImportGraph } from '../../analyses/import-graph.js';
import type { BranchFacts, PlacedDeadCode } from '../../analyses/module-facts.js';
import type { FileFacts } from '../../facts.js';
import { defineProjectRule, type ProjectReport } from '../../rule.js';
import type { Range, RelatedLocation } from '../../types.js';

const messages = {
  constantFalse: '`{head}` never runs its block: dead experimental code. Delete it (Git keeps it), or put the experiment behind a real option.',
  constantTrue: '`{head}` always runs its block, so the branches after it never run. Delete them (Git keeps them).',
  flagFalse: '`{head}` is never true: {flag} is set to {literal} in {where} and nothing changes it, so this block never runs. Delete it, or make {flag} a real option (config or command line).',
  flagTrue: '`{head}` is always true: {flag} is set to {literal} in {where} and nothing changes it, so the branches after it never run. Delete them, or make {flag} a real option (config or command line).',
  configFalse: '`{head}` is never true: {evidence}, and no code or other config sets it otherwise, so this block never runs. Delete it and the key, or vary {key} in an experiment config.',
  configTrue: '`{head}` is always true: {evidence}, and no code or other config sets it otherwise, so the branches after it never run. Delete them and the key, or vary {key} in an experiment config.',
} as const;

type Id = keyof typeof messages;
type FlagTestFact = BranchFacts['tests'][number];

export default defineProjectRule<Id>({
  id: 'experiment-flag-dead-branch',
  category: 'glue-code',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds branches that can never run: `if False:`/`if 0:` blocks, `while False:` loops, the `else` of `if True:`, branches on module-level boolean flags that are assigned once and never changed anywhere in the project, and branches on config flags whose value is the same in every config file the code can load.',
  messages,
  fix: 'unsafe',
  references: [
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015), section 5: dead experimental codepaths' },
    { title: 'Pyright: reportUnreachable and unreachable code hints', url: 'https://microsoft.github.io/pyright/#/configuration' },
  ],
  fileKinds: [],
  scope: 'project',
  usesFacts: true,
  facts: ['branches', 'configReads'],
  checkProject(ctx) {
    const structured = usesStructuredConfigs(ctx.facts);
    /** Reports the clause a flag's value makes dead (nothing when that side has no clause, as an `if` without `else`). */
    const reportDead = (
      path: string,
      test: { readonly keyword: string; readonly test: string; readonly scope: string; readonly whenFalse: PlacedDeadCode; readonly whenTrue?: PlacedDeadCode },
      value: boolean,
      messageId: 'flagTrue' | 'flagFalse' | 'configTrue' | 'configFalse',
      data: Readonly<Record<string, string>>,
      related: readonly RelatedLocation[],
    ): void => {
      const dead = value ? test.whenTrue : test.whenFalse;
      if (!dead) return;
      const head = `${test.keyword} ${test.test}:`;
      ctx.report({
        messageId,
        data: { head, ...data },
        file: path,
        range: dead.range,
        ...(dead.cell === undefined ? {} : { cell: dead.cell }),
        subject: `${head} in ${test.scope}`,
        unnecessary: true,
        // Notebooks are toggled by hand, cell by cell: a flag there is as much a switch as dead code.
        ...(path.endsWith('.ipynb') ? { maxSeverity: 'info' as const } : {}),
        related,
      });
    };
    const rebound = new Set<string>();
    for (const facts of ctx.facts.values()) for (const name of facts.branches?.rebinds ?? []) rebound.add(name);
    let graph: ImportGraph | undefined;
    let starImported: ReadonlySet<string> | undefined;
    for (const [path, facts] of ctx.facts) {
      const branches = facts.branches;
      // Someone else's code, or code that is not Python until a template renders it.
      if (!branches || isVendored(path) || isTemplated(path)) continue;
      for (const c of branches.constants) {
        const head = `${c.keyword} ${c.test}:`;
        report((r) => { ctx.report(r); }, path, c.alwaysTrue ? 'constantTrue' : 'constantFalse', { head }, c, `${head} in ${c.scope}`, path.endsWith('.py'));
      }
      for (const test of branches.tests) {
        if (!test.local) graph ??= ctx.importGraph();
        const found = test.local ? localFlag(path, branches, test) : graph && importedFlag(path, test, graph, ctx.facts);
        if (!found || rebound.has(found.name)) continue;
        graph ??= ctx.importGraph();
        starImported ??= starImportedModules(ctx.facts, graph);
        // `from config import *` then `DEBUG = True` in an override module: the flag is a default others replace.
        if (starImported.has(found.file)) continue;
        const value = test.negated ? !found.value : found.value;
        const where = found.file === path ? 'this file' : found.file;
        reportDead(path, test, value, value ? 'flagTrue' : 'flagFalse', { flag: found.name, literal: found.value ? 'True' : 'False', where }, [
          { file: found.file, range: found.range, ...(found.cell === undefined ? {} : { cell: found.cell }), message: `${found.name} = ${found.value ? 'True' : 'False'}, never reassigned` },
        ]);
      }
      for (const test of facts.configReads?.tests ?? []) {
        const source = facts.configReads?.sources[test.source];
        if (!source) continue;
        if (test.via !== undefined && (graph ??= ctx.importGraph()).importersOf(path).some((e) => e.from !== path)) continue;
        const flag = configFlagValue(source, test, ctx.project, ctx.configs, structured);
        if (!flag) continue;
        const value = test.negated ? !flag.value : flag.value;
        reportDead(path, test, value, value ? 'configTrue' : 'configFalse', { key: test.path.join('.'), evidence: flag.evidence }, flag.related);
      }
    }
  },
});

interface FoundFlag {
  readonly name: string;
  readonly value: boolean;
  readonly file: string;
  readonly range: Range;
  readonly cell?: number;
}

function localFlag(path: string, branches: BranchFacts, test: FlagTestFact): FoundFlag | undefined {
  if (branches.dynamic) return undefined;
  const flag = branches.flags.find((f) => f.name === test.name);
  return flag ? { name: flag.name, value: flag.value, file: path, range: flag.range, ...(flag.cell === undefined ? {} : { cell: flag.cell }) } : undefined;
}

/** A flag imported from a project module (`from constants import USE_X`, `constants.USE_X`), found through the import graph. */
function importedFlag(path: string, test: FlagTestFact, graph: ImportGraph, facts: ReadonlyMap<string, FileFacts>): FoundFlag | undefined {
  const qualified = test.qualified;
  if (qualified === undefined) return undefined;
  const name = qualified.slice(qualified.lastIndexOf('.') + 1);
  for (const edge of graph.importsOf(path)) {
    if (!qualified.startsWith(`${edge.module}.`)) continue;
    const target = facts.get(edge.to)?.branches;
    if (!target || target.dynamic || edge.to.endsWith('.ipynb')) continue;
    const flag = target.flags.find((f) => f.name === name);
    if (flag) return { name, value: flag.value, file: edge.to, range: flag.range };
  }
  return undefined;
}

/** Project modules some file imports with `*`. */
function starImportedModules(facts: ReadonlyMap<string, FileFacts>, graph: ImportGraph): Set<string> {
  const out = new Set<string>();
  for (const [path, fileFacts] of facts) {
    for (const fact of fileFacts.imports) {
      if (!fact.names.includes('*')) continue;
      for (const edge of graph.importsOf(path)) if (edge.module === fact.module) out.add(edge.to);
    }
  }
  return out;
}

function report(emit: (r: ProjectReport<Id>) => void, file: string, messageId: Id, data: Record<string, string>, dead: PlacedDeadCode, subject: string, fixable: boolean): void {
  const edits = fixable && dead.deleteRange ? [{ range: dead.deleteRange, newText: '' }] : undefined;
  emit({
    messageId,
    data,
    file,
    range: dead.range,
    ...(dead.cell === undefined ? {} : { cell: dead.cell }),
    subject,
    unnecessary: true,
    ...(edits ? { fix: { description: 'Delete the dead branch', safety: 'unsafe' as const, edits } } : {}),
  });
}
