// dvc-remote-missing: DVC tracks data but the shared config names no remote (or no default one), so the data cannot be pulled.
import type { DvcPath } from '../../parsers/dvc.js';
import type { ProjectModel } from '../../project.js';
import { defineProjectRule } from '../../rule.js';
import { FILE_START, type Range } from '../../types.js';

const messages = {
  noRemote: "DVC tracks {count} output(s) but {where} names no remote: the data exists only in this machine's cache and `dvc pull` has nowhere to fetch it from. Add one with `dvc remote add -d <name> <url>` and commit .dvc/config.",
  localOnly: "The only DVC remote is in .dvc/config.local, which is personal and not committed: teammates and CI cannot `dvc pull`. Add the remote to .dvc/config (`dvc remote add -d <name> <url>`, without --local).",
  noDefault: "DVC remotes are configured but none is the default (core.remote), and {count} output(s) name no remote: `dvc push` and `dvc pull` fail without `-r`. Set one with `dvc remote default <name>`.",
  defaultUndefined: "core.remote is '{name}', but .dvc/config defines no such remote{where}: teammates and CI cannot pull. Define it in .dvc/config.",
} as const;

type Id = keyof typeof messages;


export default defineProjectRule<Id>({
  id: 'dvc-remote-missing',
  category: 'data',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  scope: 'project',
  usesFacts: false,
  description: 'Finds DVC projects whose committed .dvc/config names no remote, or no default remote for outputs that name none.',
  messages,
  references: [
    { title: 'DVC command reference: remote add (-d sets the default)', url: 'https://dvc.org/doc/command-reference/remote/add' },
    { title: 'mllint rule version-control/data/dvc-has-remote', url: 'https://github.com/bvobart/mllint/blob/main/linters/versioncontrol/rules.go' },
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015), section 3: a versioned copy of each data dependency' },
  ],
  fileKinds: [],
  checkProject(ctx) {
    const { project } = ctx;
    const shared = project.dvc.configs.find((c) => c.file === '.dvc/config');
    const local = project.dvc.configs.find((c) => c.file === '.dvc/config.local');
    const outs = pushedOutputs(project);
    // Nothing is cached, so nothing needs a remote (a DVC project with only `cache: false` metrics, or none yet).
    if (outs.length === 0) return;
    const anchor = shared ? { file: shared.file, range: shared.sections[0]?.range ?? FILE_START } : fallbackAnchor(project);
    if (!anchor) return;
    const remotes = shared?.remotes ?? [];
    if (remotes.length === 0) {
      if ((local?.remotes.length ?? 0) > 0) ctx.report({ messageId: 'localOnly', ...anchor, subject: 'dvc remote' });
      else ctx.report({ messageId: 'noRemote', data: { count: outs.length, where: shared ? '.dvc/config' : 'the project (it has no .dvc/config)' }, ...anchor, subject: 'dvc remote' });
      return;
    }
    // Only the committed default counts: one set in config.local is personal.
    const byDefault = shared?.defaultRemote;
    if (!byDefault) {
      const unrouted = outs.filter((o) => o.remote === undefined).length;
      const first = remotes[0];
      if (unrouted > 0 && first) ctx.report({ messageId: 'noDefault', data: { count: unrouted }, file: '.dvc/config', range: first.range, subject: 'dvc default remote' });
      return;
    }
    if (!remotes.some((r) => r.name === byDefault.name)) {
      const where = local?.remotes.some((r) => r.name === byDefault.name) === true ? ' (only the personal .dvc/config.local does)' : '';
      ctx.report({ messageId: 'defaultUndefined', data: { name: byDefault.name, where }, file: '.dvc/config', range: byDefault.range, subject: `dvc remote ${byDefault.name}` });
    }
  },
});

/** Outputs DVC caches and pushes: `.dvc` files and stage outs, metrics and plots, unless `cache: false` or `push: false`. */
function pushedOutputs(project: ProjectModel): DvcPath[] {
  const all = [
    ...project.dvc.files.flatMap((f) => f.outs),
    ...project.dvc.pipelines.flatMap((p) => p.stages.flatMap((s) => [...s.outs, ...s.metrics, ...s.plots])),
  ];
  return all.filter((o) => o.cache !== false && o.push !== false && !o.external);
}

/** Without .dvc/config, the finding goes on the first dvc.yaml stage or the first .dvc file. */
function fallbackAnchor(project: ProjectModel): { file: string; range: Range } | undefined {
  const pipeline = project.dvc.pipelines.find((p) => p.stages.length > 0);
  if (pipeline) return { file: pipeline.file, range: pipeline.stages[0]?.range ?? FILE_START };
  const dvcFile = project.dvc.files[0];
  return dvcFile ? { file: dvcFile.file, range: FILE_START } : undefined;
}
