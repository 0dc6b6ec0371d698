// config-value-duplicated: one hyperparameter defined in several places, and config files that copy each other.
import { configKeys, formatKeyPath, namesConfig, type ConfigFileModel } from '../../analyses/config-files.js';
import { canonicalHyperparameter } from '../../analyses/config-use.js';
import { defineProjectRule, type ProjectRuleContext } from '../../rule.js';
import type { Range, RelatedLocation } from '../../types.js';

const messages = {
  duplicated: "{what} sets {name}={value}, which {other} also defines ({otherValue}){verdict}: keep one source of truth.",
  copied: '{file} repeats {other} except for {diff}: express it as an override of {other} instead of a copy.',
} as const;

interface Definition {
  readonly file: string;
  readonly what: string;
  readonly name: string;
  readonly value: string;
  readonly range: Range;
  readonly cell?: number;
  readonly kind: 'config' | 'argparse' | 'constant';
}

export default defineProjectRule<keyof typeof messages>({
  id: 'config-value-duplicated',
  category: 'configuration',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds a hyperparameter defined in several places (config files, argparse defaults, module constants), and config files that are near-copies of each other.',
  messages,
  references: [
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015), section 7: a config should be a small diff from another' },
  ],
  fileKinds: [],
  scope: 'project',
  usesFacts: true,
  facts: ['configUse'],
  checkProject(ctx) {
    for (const [file, facts] of ctx.facts) {
      const use = facts.configUse;
      if (!use) continue;
      // A duplicate only matters inside one program: the configs this file reads, and its own definitions.
      const definitions: Definition[] = [];
      if (!use.hyperparams.some((h) => h.source !== 'argument')) continue;
      for (const config of use.refs.length === 0 ? [] : ctx.configs) {
        if (!namesConfig(use.refs, config)) continue;
        for (const key of configKeys(config)) {
          const canonical = canonicalHyperparameter(key.name);
          if (canonical === undefined || key.node.kind !== 'scalar' || typeof key.node.value !== 'number') continue;
          definitions.push({ file: config.file, what: `${config.file} (${formatKeyPath([...config.prefix, ...key.path])})`, name: canonical, value: String(key.node.value), range: key.keyRange, kind: 'config' });
        }
      }
      for (const h of use.hyperparams) {
        if (h.source === 'argument') continue;
        const what = h.source === 'argparse' ? `The --${h.written.replace(/^-+/, '')} default in ${file}` : `The constant ${h.written} in ${file}`;
        definitions.push({ file, what, name: h.name, value: h.value, range: h.range, kind: h.source, ...(h.cell === undefined ? {} : { cell: h.cell }) });
      }
      const byName = new Map<string, Definition[]>();
      for (const d of definitions) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
      for (const list of byName.values()) reportDuplicates(list, ctx.report.bind(ctx));
    }
    reportCopies(ctx.configs.filter((c) => !c.hydra), ctx.report.bind(ctx));
  },
});

type Reporter = ProjectRuleContext<keyof typeof messages>['report'];

/** The config files are the source of truth: definitions in code are reported against the first config one. */
function reportDuplicates(list: readonly Definition[], report: Reporter): void {
  const sorted = [...list].sort((a, b) => rank(a) - rank(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const first = sorted[0];
  if (!first) return;
  for (const d of sorted.slice(1)) {
    // Config files restating a value are experiment variants by design; copies are reported as a whole below.
    if (d.kind === 'config') continue;
    const same = Number(d.value) === Number(first.value);
    const related: RelatedLocation = { file: first.file, range: first.range, message: `${first.name} is also defined here`, ...(first.cell === undefined ? {} : { cell: first.cell }) };
    report({
      messageId: 'duplicated',
      data: { what: d.what, name: d.name, value: d.value, other: first.what, otherValue: first.value, verdict: same ? ' with the same value' : ' with a different value' },
      file: d.file,
      range: d.range,
      subject: `hyperparameter ${d.name} duplicated`,
      related: [related],
      ...(d.cell === undefined ? {} : { cell: d.cell }),
    });
  }
}

function rank(d: Definition): number {
  return d.kind === 'config' ? 0 : d.kind === 'argparse' ? 1 : 2;
}

/** Two config files with the same keys whose values differ in at most two of at least five leaves. */
function reportCopies(configs: readonly ConfigFileModel[], report: Reporter): void {
  const leaves = configs.map((c) => ({ config: c, values: new Map(configKeys(c).filter((k) => k.node.kind === 'scalar').map((k) => [formatKeyPath(k.path), k.node.kind === 'scalar' ? String(k.node.value) : ''])) }));
  const reported = new Set<string>();
  for (let i = 0; i < leaves.length; i++) {
    for (let j = i + 1; j < leaves.length; j++) {
      const a = leaves[i];
      const b = leaves[j];
      if (!a || !b || a.values.size < 5 || a.values.size !== b.values.size || reported.has(b.config.file)) continue;
      const diff: string[] = [];
      for (const [key, value] of a.values) {
        const other = b.values.get(key);
        if (other === undefined) {
          diff.length = 99;
          break;
        }
        if (other !== value) diff.push(key);
      }
      if (diff.length === 0 || diff.length > 2) continue;
      reported.add(b.config.file);
      const start = { line: 0, column: 0 };
      report({
        messageId: 'copied',
        data: { file: b.config.file, other: a.config.file, diff: diff.join(', ') },
        file: b.config.file,
        range: { start, end: start },
        subject: `config copy of ${a.config.file}`,
        related: [{ file: a.config.file, range: { start, end: start }, message: 'the config it copies' }],
      });
    }
  }
}
