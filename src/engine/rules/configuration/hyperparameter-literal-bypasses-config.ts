// hyperparameter-literal-bypasses-config: a training program passes a literal for a hyperparameter its own config defines.
import { configKeys, formatKeyPath, namesConfig } from '../../analyses/config-files.js';
import { canonicalHyperparameter } from '../../analyses/config-use.js';
import { defineProjectRule } from '../../rule.js';
import type { RelatedLocation } from '../../types.js';

interface Definition {
  readonly where: string;
  readonly key: string;
  readonly value: string;
  readonly related: RelatedLocation;
}

const messages = {
  literal: '{written}={value} is hard-coded here, but {where} defines {key} ({configured}): read it from the config so runs are driven by one place.',
} as const;

export default defineProjectRule<keyof typeof messages>({
  id: 'hyperparameter-literal-bypasses-config',
  category: 'configuration',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds hyperparameters (learning rate, epochs, batch size, tree depth, ...) passed as literals in a training program whose own config file or command-line options define them.',
  messages,
  references: [
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015), section 7: configuration debt' },
    { title: 'Zhang, Cruz, van Deursen, Code Smells for Machine Learning Applications (CAIN 2022): Hyperparameter Not Explicitly Set' },
  ],
  fileKinds: [],
  scope: 'project',
  usesFacts: true,
  facts: ['configUse'],
  checkProject(ctx) {
    const graph = ctx.importGraph();
    for (const [file, facts] of ctx.facts) {
      const use = facts.configUse;
      // Training entrypoints only: tests, notebooks and library defaults legitimately spell values out.
      if (!use || !use.roles.includes('training') || use.roles.includes('test') || use.roles.includes('notebook')) continue;
      // The program's configs: files that it, or a module it imports, names; and its own command-line options.
      const refs = [use.refs, ...graph.importsOf(file).map((e) => ctx.facts.get(e.to)?.configUse?.refs ?? [])].flat();
      const defined = new Map<string, Definition>();
      for (const h of use.hyperparams) {
        if (h.source !== 'argparse' || defined.has(h.name)) continue;
        const flag = h.written.replace(/^-+/, '');
        defined.set(h.name, { where: `its --${flag} option`, key: flag, value: h.value, related: { file, range: h.range, message: `--${flag} is defined here`, ...(h.cell === undefined ? {} : { cell: h.cell }) } });
      }
      for (const config of ctx.configs) {
        if (!namesConfig(refs, config)) continue;
        for (const key of configKeys(config)) {
          const canonical = canonicalHyperparameter(key.name);
          if (canonical === undefined || key.node.kind !== 'scalar' || defined.has(canonical)) continue;
          const full = formatKeyPath([...config.prefix, ...key.path]);
          defined.set(canonical, { where: config.file, key: full, value: String(key.node.value), related: { file: config.file, range: key.keyRange, message: `${full} is defined here` } });
        }
      }
      for (const h of use.hyperparams) {
        const definition = h.source === 'argument' ? defined.get(h.name) : undefined;
        // A literal next to a read of the configured value is a deliberate, different use (one epoch per outer loop).
        if (!definition || use.reads.includes(h.name)) continue;
        ctx.report({
          messageId: 'literal',
          data: { written: h.written, value: h.value, where: definition.where, key: definition.key, configured: definition.value },
          file,
          range: h.range,
          subject: `hyperparameter ${h.written}=${h.value} in ${h.callee ?? 'call'}`,
          related: [definition.related],
          ...(h.cell === undefined ? {} : { cell: h.cell }),
        });
      }
    }
  },
});
