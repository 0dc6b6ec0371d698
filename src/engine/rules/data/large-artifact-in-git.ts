// large-artifact-in-git: data and model binaries, and any very large file, committed to plain Git instead of Git LFS or DVC.
import { extensionOf, isDataExtension } from '../../file-kinds.js';
import { formatBytes } from '../../inventory.js';
import { lfsMatcher } from '../../project.js';
import { defineProjectRule } from '../../rule.js';
import { FILE_START } from '../../types.js';

const messages = {
  dataInGit: "'{path}' is a {size} data or model file committed to plain Git: every version stays in the history forever and each clone downloads it. Track it with DVC (`git rm --cached` then `dvc add`) or Git LFS.",
  largeFileInGit: "'{path}' ({size}) is committed to plain Git, over the {limit} limit: it bloats every clone and every version stays in the history. Move it to Git LFS or DVC.",
} as const;

type Id = keyof typeof messages;

/** Images, audio and video in a repo are mostly documentation; only the size limit applies to them. */
const MEDIA = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'wav', 'mp3', 'flac', 'mp4']);

export default defineProjectRule<Id>({
  id: 'large-artifact-in-git',
  category: 'data',
  defaultSeverity: 'warning',
  profileSeverity: { prototype: 'info' },
  status: 'stable',
  scope: 'project',
  usesFacts: false,
  description: 'Finds data and model binaries, and any file over a size limit, that Git tracks directly instead of through Git LFS or DVC.',
  messages,
  options: {
    maxSizeMb: { type: 'number', default: 10, description: 'Any tracked file larger than this (MB) is reported, whatever its kind.' },
    smallDataKb: { type: 'number', default: 512, description: 'Data and model files up to this size (KB) are fine in Git: test fixtures, small lookup tables, anchors.' },
  },
  references: [
    { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015): data dependencies cost more than code dependencies' },
    { title: 'mllint rule version-control/code/git-no-big-files', url: 'https://github.com/bvobart/mllint/blob/main/linters/versioncontrol/rules.go' },
    { title: 'GitHub docs: About large files on GitHub', url: 'https://docs.github.com/en/repositories/working-with-files/managing-large-files/about-large-files-on-github' },
  ],
  fileKinds: [],
  checkProject(ctx) {
    const git = ctx.project.git;
    // Without Git's index nothing is known to be committed; an empty index is a repository with no commit yet.
    if (!git || git.tracked.size === 0) return;
    const isLfs = lfsMatcher(ctx.project);
    const maxSize = Number(ctx.options.maxSizeMb) * 1024 * 1024;
    const smallData = Number(ctx.options.smallDataKb) * 1024;
    for (const file of ctx.project.files) {
      if (!git.tracked.has(file.path) || isLfs(file.path)) continue;
      const ext = extensionOf(file.path);
      const data = isDataExtension(ext) && !MEDIA.has(ext);
      const size = formatBytes(file.size);
      const common = { file: file.path, range: FILE_START, subject: file.path };
      if (data && file.size > smallData) ctx.report({ messageId: 'dataInGit', data: { path: file.path, size }, ...common });
      else if (file.size > maxSize) ctx.report({ messageId: 'largeFileInGit', data: { path: file.path, size, limit: formatBytes(maxSize) }, ...common });
    }
  },
});
