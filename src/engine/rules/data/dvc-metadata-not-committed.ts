// dvc-metadata-not-committed: DVC's own files (.dvc/config, *.dvc, dvc.yaml, dvc.lock) missing from Git, so the data versions live on one machine.
import { dirName } from '../../file-kinds.js';
import type { InventoryEntry } from '../../inventory.js';
import { defineProjectRule, type ProjectRuleContext } from '../../rule.js';
import { FILE_START } from '../../types.js';

const messages = {
  configUntracked: "DVC is set up but '{path}' is not committed: a fresh clone is not a DVC project and has no remote to pull from. `git add {path}`.",
  dvcFileUntracked: "'{path}' is not committed: it is the only record of which version of the data it points to, and nobody else can `dvc pull` it. `git add {path}`.",
  pipelineUntracked: "'{path}' is not committed: the pipeline that makes the data and models exists only on this machine. `git add {path}`.",
  lockUntracked: "'{path}' is not committed: its hashes of every stage's inputs, parameters and outputs are what make a run reproducible. `git add {path}`.",
  lockMissing: "'{path}' declares stages but there is no {lock} beside it: nobody can tell which data, code and parameters produced the outputs. Run `dvc repro` (or `dvc commit`) and commit {lock}.",
} as const;

type Id = keyof typeof messages;


export default defineProjectRule<Id>({
  id: 'dvc-metadata-not-committed',
  category: 'data',
  defaultSeverity: 'error',
  profileSeverity: { prototype: 'warning' },
  status: 'stable',
  scope: 'project',
  usesFacts: false,
  description: 'Finds DVC metadata that Git does not track (.dvc/config, *.dvc files, dvc.yaml, dvc.lock) and pipelines with no dvc.lock.',
  messages,
  references: [
    { title: 'DVC user guide: project structure (what to commit to Git)', url: 'https://dvc.org/doc/user-guide/project-structure' },
    { title: 'mllint rules version-control/data/commit-dvc-folder and commit-dvc-lock', url: 'https://github.com/bvobart/mllint/blob/main/linters/versioncontrol/rules.go' },
    { title: 'Breck et al., The ML Test Score (2017): Infra 1, training is reproducible' },
  ],
  fileKinds: [],
  checkProject(ctx) {
    const git = ctx.project.git;
    // An empty index is a repository with no commit yet: "not committed" would be true of every file.
    const tracked = git && git.tracked.size > 0 ? git.tracked : undefined;
    if (tracked) reportUntracked(ctx, tracked);
    for (const pipeline of ctx.project.dvc.pipelines) {
      const stage = pipeline.stages[0];
      if (!stage) continue;
      const dir = dirName(pipeline.file);
      const lock = dir === '' ? 'dvc.lock' : `${dir}/dvc.lock`;
      if (ctx.project.files.some((f) => f.path === lock) || tracked?.has(lock) === true) continue;
      ctx.report({ messageId: 'lockMissing', data: { path: pipeline.file, lock: 'dvc.lock' }, file: pipeline.file, range: stage.range, subject: lock });
    }
  },
});

function reportUntracked(ctx: ProjectRuleContext<Id>, tracked: ReadonlySet<string>): void {
  for (const file of ctx.project.files) {
    if (tracked.has(file.path)) continue;
    const messageId = untrackedMessage(file);
    if (messageId) ctx.report({ messageId, data: { path: file.path }, file: file.path, range: FILE_START, subject: file.path });
  }
}

function untrackedMessage(file: InventoryEntry): Id | undefined {
  switch (file.kind) {
    case 'dvc-config':
      // config.local is personal by design and belongs in .dvc/.gitignore.
      return file.path.endsWith('.local') ? undefined : 'configUntracked';
    case 'dvc':
      return 'dvcFileUntracked';
    case 'dvc-pipeline':
      return 'pipelineUntracked';
    case 'dvc-lock':
      return 'lockUntracked';
    default:
      return undefined;
  }
}
