// Tests of reading Git's index without git: versions 2 and 4, projects in subfolders, worktree pointer files.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadGit } from '../../src/engine/git';
import { MemoryFileSystem } from '../../src/engine/fs';
import { parseGitIndex } from '../../src/engine/parsers/git-index';
import { NodeFileSystem } from '../../src/node/node-fs';

const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } });

describe('loadGit', () => {
  let repo = '';
  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'mlready-git-')).split('\\').join('/');
    git(repo, 'init', '-q');
    mkdirSync(join(repo, 'ml', 'data'), { recursive: true });
    writeFileSync(join(repo, 'ml', 'train.py'), 'x = 1\n');
    writeFileSync(join(repo, 'ml', 'data', 'a-rather-long-file-name-for-prefix-compression.csv'), 'a\n');
    writeFileSync(join(repo, 'ml', 'data', 'a-rather-long-file-name-for-prefix-compression.parquet'), 'b\n');
    writeFileSync(join(repo, 'README.md'), '# r\n');
    writeFileSync(join(repo, 'untracked.py'), 'y = 2\n');
    git(repo, 'add', 'ml', 'README.md');
  });
  after(() => {
    rmSync(repo, { recursive: true, force: true });
  });

  it('lists tracked files and not untracked ones (index v2)', async () => {
    const model = await loadGit(new NodeFileSystem(), repo);
    assert.deepEqual([...(model?.tracked ?? [])].sort(), ['README.md', 'ml/data/a-rather-long-file-name-for-prefix-compression.csv', 'ml/data/a-rather-long-file-name-for-prefix-compression.parquet', 'ml/train.py']);
  });

  it('reads a version 4 index with prefix-compressed paths', async () => {
    git(repo, 'update-index', '--index-version', '4');
    const model = await loadGit(new NodeFileSystem(), repo);
    assert.ok(model?.tracked.has('ml/data/a-rather-long-file-name-for-prefix-compression.parquet'));
    assert.equal(model?.tracked.size, 4);
    git(repo, 'update-index', '--index-version', '2');
  });

  it('gives paths relative to a project root inside the work tree', async () => {
    const model = await loadGit(new NodeFileSystem(), `${repo}/ml`);
    assert.deepEqual([...(model?.tracked ?? [])].sort(), ['data/a-rather-long-file-name-for-prefix-compression.csv', 'data/a-rather-long-file-name-for-prefix-compression.parquet', 'train.py']);
  });

  it('follows a .git file that points at the real git dir', async () => {
    const index = (await new NodeFileSystem().readFile(`${repo}/.git/index`));
    const fs = new MemoryFileSystem({ '/wt/.git': 'gitdir: /elsewhere/worktrees/wt\n', '/elsewhere/worktrees/wt/index': index, '/wt/README.md': '' });
    const model = await loadGit(fs, '/wt');
    assert.ok(model?.tracked.has('README.md'));
  });

  it('is undefined outside a work tree, and off when asked', async () => {
    assert.equal(await loadGit(new MemoryFileSystem({ '/p/a.py': '' }), '/p'), undefined);
    assert.equal(await loadGit(new NodeFileSystem(), repo, 'off'), undefined);
  });

  it('rejects a file that is not an index with a reason', () => {
    assert.throws(() => parseGitIndex(new TextEncoder().encode('not an index at all')), /no DIRC signature/);
  });
});
