// config-key-unused: keys in the project's config files that no code, interpolation or DVC stage reads.
import { configKeys, formatKeyPath, interpolatedPaths, namesConfig, type ConfigFileModel } from '../../analyses/config-files.js';
import type { FileFacts } from '../../facts.js';
import { baseName } from '../../file-kinds.js';
import { defineProjectRule } from '../../rule.js';

const messages = {
  unused: "'{key}' in {file} is read by no code, interpolation or DVC stage: remove it, or wire it to the code it was meant for.",
} as const;

/** Keys that configure the config system itself, not the ML code. */
const INFRASTRUCTURE = /^(defaults|hydra|_target_|_partial_|_recursive_|_convert_|_args_|_self_|__\w+__)$/;

export default defineProjectRule<keyof typeof messages>({
  id: 'config-key-unused',
  category: 'configuration',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  description: 'Finds keys in ML config files (params.yaml, configs/, Hydra trees) whose name no Python file or notebook mentions, no interpolation references and no DVC stage lists.',
  messages,
  references: [
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015), section 7: configuration debt' },
    { title: 'Breck et al., The ML Test Score (2017): Model 1, every model specification is reviewed' },
  ],
  fileKinds: [],
  scope: 'project',
  usesFacts: true,
  facts: ['configUse'],
  checkProject(ctx) {
    if (ctx.configs.length === 0) return;
    const files = [...ctx.facts.values()].flatMap((f) => (f.configUse ? [f] : []));
    if (files.length === 0) return;
    const mentioned = new Set(files.flatMap((f) => f.configUse?.names ?? []));
    const interpolated = interpolatedPaths(ctx.configs);
    const dvcParams = dvcParamKeys(ctx.project.dvc.pipelines);
    // Index files by the strings they hold, so each config is matched against each distinct string once.
    const byRef = new Map<string, FileFacts[]>();
    for (const f of files) for (const ref of f.configUse?.refs ?? []) byRef.set(ref, [...(byRef.get(ref) ?? []), f]);
    for (const config of ctx.configs) {
      if (dvcParams.has(`file:${config.file}`)) continue;
      const named = [...new Set(candidateRefs(config, byRef).flatMap((ref) => (namesConfig([ref], config) ? (byRef.get(ref) ?? []) : [])))];
      // DVC reads params.yaml by convention (dvc.api.params_show, stage params): any code may be its reader.
      const readers = named.length === 0 && ctx.project.dvc.pipelines.length > 0 && baseName(config.file) === 'params.yaml' ? files : named;
      // A config no code names may be read by a tool outside the repo; one read wholesale may use any key.
      if (readers.length === 0 || readers.some((r) => r.configUse?.dynamic === true)) continue;
      for (const key of configKeys(config)) {
        if (!isLeaf(key.node)) continue;
        if (key.path.some((p) => INFRASTRUCTURE.test(p) || p.startsWith('_'))) continue;
        if (siblingsInstantiated(config, key.path)) continue;
        const full = formatKeyPath([...config.prefix, ...key.path]);
        if (mentioned.has(key.name) || interpolated.has(full) || interpolated.has(formatKeyPath(key.path)) || dvcParams.has(full) || dvcParams.has(key.name)) continue;
        ctx.report({ messageId: 'unused', data: { key: full, file: config.file }, file: config.file, range: key.keyRange, subject: `config key ${full}` });
      }
    }
  },
});

/** The strings that could name a config: its path, its name, and for Hydra trees its stem and folders. */
function candidateRefs(config: ConfigFileModel, byRef: ReadonlyMap<string, readonly unknown[]>): string[] {
  const name = baseName(config.file);
  const wanted = new Set([config.file, name, name.replace(/\.(ya?ml|json|toml)$/i, '')]);
  for (let d = config.file; d.includes('/'); d = d.slice(0, d.lastIndexOf('/'))) wanted.add(baseName(d.slice(0, d.lastIndexOf('/'))));
  return [...byRef.keys()].filter((ref) => {
    const clean = ref.replace(/^\.\//, '').replace(/\/$/, '');
    return wanted.has(clean) || wanted.has(baseName(clean)) || config.file.endsWith(clean) || clean.endsWith(name);
  });
}

/** Keys of a map that Hydra's `instantiate` passes as constructor arguments (the map has `_target_`). */
function siblingsInstantiated(config: ConfigFileModel, path: readonly string[]): boolean {
  let node = config.root;
  for (const segment of path.slice(0, -1)) {
    if (node.kind !== 'map') return false;
    const next = node.children.find((c) => c.key === segment)?.node;
    if (!next) return false;
    node = next;
  }
  return node.kind === 'map' && node.children.some((c) => c.key === '_target_');
}

/** Parameter keys DVC stages list (`train.lr`), and `file:<path>` for files a stage depends on whole. */
function dvcParamKeys(pipelines: readonly { readonly stages: readonly { readonly params: readonly { readonly key?: string; readonly resolvedFile: string }[] }[] }[]): Set<string> {
  const out = new Set<string>();
  for (const p of pipelines) for (const stage of p.stages) for (const param of stage.params) out.add(param.key ?? `file:${param.resolvedFile}`);
  return out;
}

/** A value a key holds directly: a scalar, a list of scalars, or an empty map. */
function isLeaf(node: ConfigFileModel['root']): boolean {
  if (node.kind === 'scalar') return true;
  if (node.kind === 'list') return node.children.every((c) => c.kind === 'scalar');
  return node.children.length === 0;
}
