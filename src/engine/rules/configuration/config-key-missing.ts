// config-key-missing: code reads a key path, without a default, that no config file it loads defines.
import { isTemplated, isVendored } from '../../analyses/code-areas.js';
import { configUniverse, covers, lookupKey, usesStructuredConfigs, type ConfigUniverse } from '../../analyses/config-universe.js';
import type { ImportGraph } from '../../analyses/import-graph.js';
import { nearNames } from '../../near-names.js';
import { defineProjectRule } from '../../rule.js';

const messages = {
  missing: "This reads config key '{path}', but {where} defines no '{key}' {under}: a {error} waiting to happen. Add the key to the config, or read it with a default.",
  didYouMean: "This reads config key '{path}', but {where} defines no '{key}' {under}; did you mean '{suggestion}'? As written it is a {error} waiting to happen.",
} as const;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PYTHON_KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);

export default defineProjectRule<keyof typeof messages>({
  id: 'config-key-missing',
  category: 'configuration',
  defaultSeverity: 'warning',
  status: 'stable',
  description: 'Finds key paths that code reads, without a default, from a config it loads itself (YAML/JSON/TOML loads, OmegaConf.load, @hydra.main, dvc.api.params_show) when no config file it can load defines them.',
  messages,
  fix: 'unsafe',
  references: [
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015), section 7: configuration debt' },
    { title: 'Hydra: the defaults list and config groups', url: 'https://hydra.cc/docs/advanced/defaults_list/' },
  ],
  fileKinds: [],
  scope: 'project',
  usesFacts: true,
  facts: ['configReads'],
  checkProject(ctx) {
    if (ctx.configs.length === 0) return;
    const structured = usesStructuredConfigs(ctx.facts);
    let graph: ImportGraph | undefined;
    for (const [file, facts] of ctx.facts) {
      const found = facts.configReads;
      if (!found || found.reads.length === 0 || isVendored(file) || isTemplated(file)) continue;
      const universes = new Map<number, ConfigUniverse | undefined>();
      for (const read of found.reads) {
        const source = found.sources[read.source];
        if (!source) continue;
        // Reads in a function the object was passed to: another module may call that function with another object.
        if (read.via !== undefined && (graph ??= ctx.importGraph()).importersOf(file).some((e) => e.from !== file)) continue;
        // Written or merged here; or below an object handed to code that may add keys to it (Hydra's struct mode forbids that).
        if (covers(source.written, read.path, 0) || (source.loader !== 'hydra' && covers(source.escaped, read.path, 1))) continue;
        if (read.path.some((k) => source.guarded.includes(k)) || (source.loader === 'hydra' && read.path[0] === 'hydra')) continue;
        if (!universes.has(read.source)) universes.set(read.source, configUniverse(source, ctx.project, ctx.configs, structured));
        const universe = universes.get(read.source);
        const result = universe ? lookupKey(universe, read.path) : undefined;
        if (!universe || result?.kind !== 'missing' || result.at < read.from) continue;
        const key = read.path[result.at] ?? '';
        const range = read.keys[result.at - read.from];
        if (!range) continue;
        const near = nearNames(key, result.siblings);
        const suggestion = near[0];
        const attribute = read.attribute[result.at - read.from] === true;
        const fixable = near.length === 1 && suggestion !== undefined && (attribute ? IDENTIFIER.test(suggestion) && !PYTHON_KEYWORDS.has(suggestion) : !/['"\\\n]/.test(suggestion));
        const parent = read.path.slice(0, result.at).join('.');
        const path = read.path.slice(0, result.at + 1).join('.');
        ctx.report({
          messageId: suggestion === undefined ? 'missing' : 'didYouMean',
          data: { path: read.path.join('.'), where: universe.where, key, error: attribute ? 'ConfigAttributeError' : 'KeyError', under: parent === '' ? 'at its top level' : `under '${parent}'`, ...(suggestion === undefined ? {} : { suggestion }) },
          file,
          range,
          ...(read.cell === undefined ? {} : { cell: read.cell }),
          subject: `config key ${path} read from ${source.variable}`,
          related: result.parents.slice(0, 3).map((p) => ({ file: p.file, range: p.range, message: parent === '' ? `the top-level keys of ${p.file}; '${key}' is not among them` : `'${parent}' is defined here, without '${key}'` })),
          ...(fixable ? { fix: { description: `Read '${suggestion}' instead`, safety: 'unsafe' as const, edits: [{ range, newText: suggestion }] } } : {}),
        });
      }
    }
  },
});
