// Finds the Git work tree around a project and reads what it tracks from the index, through the injected fs.
import { dirName } from './file-kinds.js';
import type { FileSystem } from './fs.js';
import { parseGitIndex } from './parsers/git-index.js';
import type { GitModel } from './project.js';

/** How a run learns what Git tracks: from `.git/index`, not at all, or from a given list (tests). */
export type GitOption = 'auto' | 'off' | { readonly tracked: readonly string[] };

const decoder = new TextDecoder();

/**
 * Walks up from the project root to the nearest `.git` (a folder, or a file `gitdir: <path>` as worktrees and
 * submodules have), reads its index and returns the tracked paths relative to the project root. Undefined when
 * there is no work tree or its index cannot be read: rules that need tracking then stay quiet.
 */
export async function loadGit(fs: FileSystem, root: string, option: GitOption = 'auto'): Promise<GitModel | undefined> {
  if (option === 'off') return undefined;
  if (option !== 'auto') return { tracked: new Set(option.tracked) };
  for (let dir = root; ; dir = dirName(dir) || '/') {
    const dotGit = `${dir === '/' ? '' : dir}/.git`;
    let gitDir: string | undefined;
    try {
      const stat = await fs.stat(dotGit);
      if (stat.kind === 'directory') gitDir = dotGit;
      else {
        const pointer = /^gitdir:\s*(.+)\s*$/m.exec(decoder.decode(await fs.readFile(dotGit)))?.[1];
        if (pointer !== undefined) gitDir = pointer.startsWith('/') ? pointer : `${dir}/${pointer}`;
      }
    } catch {
      gitDir = undefined;
    }
    if (gitDir !== undefined) {
      try {
        const index = parseGitIndex(await fs.readFile(`${gitDir}/index`));
        const prefix = root === dir ? '' : `${root.slice(dir === '/' ? 1 : dir.length + 1)}/`;
        const tracked = new Set<string>();
        for (const path of index.files.keys()) if (path.startsWith(prefix)) tracked.add(path.slice(prefix.length));
        return { tracked };
      } catch {
        return undefined;
      }
    }
    if (dir === '/' || dir === '') return undefined;
  }
}
