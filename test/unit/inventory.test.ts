// Tests of the file inventory on a real temp tree: .gitignore scopes, skipped folders, symlinks, size limits; and decodeText.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { NodeFileSystem } from '../../src/node/node-fs';
import type { DirEntry, FileStat, FileSystem } from '../../src/engine/fs';
import { buildInventory, decodeText, formatBytes, type Inventory } from '../../src/engine/inventory';

/** NodeFileSystem that records every file it reads. */
class SpyFileSystem implements FileSystem {
  readonly reads: string[] = [];
  private readonly base = new NodeFileSystem();

  readDirectory(path: string): Promise<readonly DirEntry[]> {
    return this.base.readDirectory(path);
  }

  stat(path: string): Promise<FileStat> {
    return this.base.stat(path);
  }

  readFile(path: string): Promise<Uint8Array> {
    this.reads.push(path);
    return this.base.readFile(path);
  }

  realPath(path: string): Promise<string> {
    return this.base.realPath(path);
  }
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
let root = '';

function write(rel: string, content: string | Uint8Array): void {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function paths(inventory: Inventory): string[] {
  return inventory.files.map((f) => f.path);
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'mlready-inventory-')).split('\\').join('/');
  write('.gitignore', '*.log\nbuild/\n/outputs\n');
  write('train.py', 'import os\n');
  write('debug.log', 'x');
  write('build/lib.py', 'x = 1\n');
  write('outputs/result.csv', 'a,b\n');
  write('pkg/outputs/keep.py', 'x = 1\n');
  write('sub/.gitignore', '!keep.log\nsecret.py\n');
  write('sub/keep.log', 'kept');
  write('sub/other.log', 'ignored');
  write('sub/secret.py', 'TOKEN = 1\n');
  write('secret.py', 'x = 1\n');
  write('generated/auto.py', 'x = 1\n');
  write('docs/generated.py', 'x = 1\n');
  write('node_modules/pkg/index.py', 'x = 1\n');
  write('.git/config', '[core]\n');
  write('__pycache__/train.cpython-311.pyc', 'x');
  write('pkg/__pycache__/mod.py', 'x = 1\n');
  write('.venv/lib/site.py', 'x = 1\n');
  write('my-env/pyvenv.cfg', 'home = /usr/bin\n');
  write('my-env/lib/python3.11/site-packages/torch/__init__.py', 'x = 1\n');
  write('.dvc/cache/ab/cdef', 'blob');
  write('.dvc/config', "[core]\n    remote = s3\n");
  write('loop/inner.py', 'x = 1\n');
  symlinkSync('..', join(root, 'loop/parent'));
  symlinkSync('does-not-exist.py', join(root, 'dangling.py'));
  symlinkSync('train.py', join(root, 'alias.py'));
  write('big.py', Buffer.alloc(6 * 1024 * 1024, 0x61));
  write('data/big.parquet', Buffer.alloc(6 * 1024 * 1024, 0));
  write('data/train.csv', 'a,b\n1,2\n');
  write('notebooks/eda.ipynb', '{"cells": []}');
  write('requirements.txt', 'numpy==1.26.4\n');
  write('locked/a.py', 'x = 1\n');
});

after(() => {
  try {
    chmodSync(join(root, 'locked'), 0o755);
  } catch {
    // Already restored or never changed.
  }
  rmSync(root, { recursive: true, force: true });
});

describe('buildInventory', () => {
  it('lists files sorted by path with kinds and sizes', async () => {
    const inventory = await buildInventory(new NodeFileSystem(), root, { isIgnored: (p) => p === 'generated/' || p === 'docs/generated.py' });
    assert.equal(inventory.root, root);
    assert.deepEqual(paths(inventory), [
      '.dvc/config',
      '.gitignore',
      'alias.py',
      'data/big.parquet',
      'data/train.csv',
      'locked/a.py',
      'loop/inner.py',
      'notebooks/eda.ipynb',
      'pkg/outputs/keep.py',
      'requirements.txt',
      'secret.py',
      'sub/.gitignore',
      'sub/keep.log',
      'train.py',
    ]);
    const byPath = new Map(inventory.files.map((f) => [f.path, { path: f.path, kind: f.kind, size: f.size }]));
    assert.deepEqual(byPath.get('train.py'), { path: 'train.py', kind: 'python', size: 10 });
    assert.deepEqual(byPath.get('data/big.parquet'), { path: 'data/big.parquet', kind: 'data', size: 6 * 1024 * 1024 });
    assert.deepEqual(byPath.get('notebooks/eda.ipynb'), { path: 'notebooks/eda.ipynb', kind: 'notebook', size: 13 });
    assert.equal(byPath.get('requirements.txt')?.kind, 'requirements');
    assert.equal(byPath.get('.dvc/config')?.kind, 'dvc-config');
    assert.deepEqual(byPath.get('alias.py'), { path: 'alias.py', kind: 'python', size: 10 }, 'a symlink to a file is listed with the target size');
  });

  it('honours nested .gitignore files, including a negation that re-includes a file', async () => {
    const inventory = await buildInventory(new NodeFileSystem(), root);
    const listed = new Set(paths(inventory));
    assert.equal(listed.has('debug.log'), false, '*.log from the root .gitignore');
    assert.equal(listed.has('sub/other.log'), false);
    assert.equal(listed.has('sub/keep.log'), true, '!keep.log in sub/.gitignore re-includes it');
    assert.equal(listed.has('sub/secret.py'), false, 'sub/.gitignore applies below sub/');
    assert.equal(listed.has('secret.py'), true, 'sub/.gitignore does not apply at the root');
    assert.equal(listed.has('build/lib.py'), false, 'build/ ignores the folder');
    assert.equal(listed.has('outputs/result.csv'), false, '/outputs is anchored at the root');
    assert.equal(listed.has('pkg/outputs/keep.py'), true, '/outputs does not match deeper folders');
  });

  it('asks the config ignore for folders (with a trailing slash) and for files', async () => {
    const asked: string[] = [];
    const inventory = await buildInventory(new NodeFileSystem(), root, {
      isIgnored: (p) => {
        asked.push(p);
        return p === 'generated/' || p === 'docs/generated.py';
      },
    });
    const listed = new Set(paths(inventory));
    assert.equal(listed.has('generated/auto.py'), false);
    assert.equal(listed.has('docs/generated.py'), false);
    assert.ok(asked.includes('generated/'));
    assert.ok(asked.includes('docs/generated.py'));
    assert.ok(!asked.includes('generated/auto.py'), 'an ignored folder is not walked');
  });

  it('always skips VCS, dependency and cache folders, and virtualenvs whatever their name', async () => {
    const inventory = await buildInventory(new NodeFileSystem(), root);
    const all = paths(inventory);
    for (const prefix of ['node_modules/', '.git/', '__pycache__/', 'pkg/__pycache__/', '.venv/', 'my-env/', '.dvc/cache/']) {
      assert.deepEqual(all.filter((p) => p.startsWith(prefix)), [], prefix);
    }
    assert.ok(!inventory.skipped.some((s) => s.file.startsWith('my-env')), 'skipped folders are not reported');
  });

  it('reports a symlink loop once and does not recurse forever', async () => {
    const inventory = await buildInventory(new NodeFileSystem(), root);
    const loops = inventory.skipped.filter((s) => s.reason.includes('symbolic link loop'));
    assert.deepEqual(loops, [{ file: 'loop/parent/', reason: 'symbolic link loop: it points to a folder that contains it' }]);
    assert.ok(!paths(inventory).some((p) => p.startsWith('loop/parent/')));
  });

  it('lists a real directory under its own path when a sibling symlink points to it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlready-alias-')).split('\\').join('/');
    try {
      mkdirSync(join(dir, 'pkg'));
      writeFileSync(join(dir, 'pkg', 'model.py'), 'x = 1\n');
      symlinkSync('pkg', join(dir, 'alias'));
      const inventory = await buildInventory(new NodeFileSystem(), dir);
      assert.ok(paths(inventory).includes('pkg/model.py'), `listed: ${paths(inventory).join(', ')}`);
      assert.deepEqual(inventory.skipped.filter((s) => s.file === 'pkg/'), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a broken symlink with its reason', async () => {
    const inventory = await buildInventory(new NodeFileSystem(), root);
    assert.deepEqual(
      inventory.skipped.filter((s) => s.file === 'dangling.py'),
      [{ file: 'dangling.py', reason: 'broken symbolic link (no such file or directory)' }],
    );
  });

  it('skips a source file over the size limit but lists big data files', async () => {
    const inventory = await buildInventory(new NodeFileSystem(), root);
    assert.deepEqual(
      inventory.skipped.filter((s) => s.file === 'big.py'),
      [{ file: 'big.py', reason: 'file is 6.0 MB, over the 5.0 MB limit for source files' }],
    );
    assert.ok(!paths(inventory).includes('big.py'));
    assert.ok(paths(inventory).includes('data/big.parquet'));
  });

  it('applies the notebook limit to notebooks and the file limit to the rest', async () => {
    const inventory = await buildInventory(new NodeFileSystem(), root, { maxNotebookSize: 10, maxFileSize: 9 });
    const reasons = Object.fromEntries(inventory.skipped.map((s) => [s.file, s.reason]));
    assert.equal(reasons['notebooks/eda.ipynb'], 'file is 13 B, over the 10 B limit for notebooks');
    assert.equal(reasons['train.py'], 'file is 10 B, over the 9 B limit for source files');
    assert.equal(reasons['data/train.csv'], undefined, 'data files have no size limit');
  });

  it('reads nothing but .gitignore files: data files are listed, never read', async () => {
    const fs = new SpyFileSystem();
    const inventory = await buildInventory(fs, root);
    assert.deepEqual(fs.reads.sort(), [`${root}/.gitignore`, `${root}/sub/.gitignore`]);
    assert.equal(inventory.files.find((f) => f.path === 'data/big.parquet')?.kind, 'data');
  });

  it('reports an unreadable directory and goes on', async (t) => {
    if (isRoot) {
      t.skip('running as root: chmod 000 does not block reads');
      return;
    }
    chmodSync(join(root, 'locked'), 0o000);
    try {
      const inventory = await buildInventory(new NodeFileSystem(), root);
      assert.deepEqual(
        inventory.skipped.filter((s) => s.file === 'locked/'),
        [{ file: 'locked/', reason: 'cannot read directory: permission denied' }],
      );
      assert.ok(paths(inventory).includes('train.py'));
    } finally {
      chmodSync(join(root, 'locked'), 0o755);
    }
  });

  it('reports a root that does not exist', async () => {
    const inventory = await buildInventory(new NodeFileSystem(), `${root}/nope`);
    assert.deepEqual(inventory.files, []);
    assert.deepEqual(inventory.skipped, [{ file: '.', reason: 'cannot resolve path: no such file or directory' }]);
  });

  it('stops walking when cancelled', async () => {
    const inventory = await buildInventory(new NodeFileSystem(), root, { isCancelled: () => true });
    assert.deepEqual(inventory.files, []);
    assert.deepEqual(inventory.skipped, []);
  });
});

describe('decodeText', () => {
  it('refuses NUL bytes as binary', () => {
    assert.deepEqual(decodeText(new Uint8Array([0x69, 0x6d, 0x00, 0x70])), { ok: false, reason: 'binary content (NUL bytes): not a text file' });
  });

  it('only probes the first 8 KB for NUL bytes', () => {
    const bytes = new Uint8Array(9000).fill(0x61);
    bytes[8500] = 0;
    const decoded = decodeText(bytes);
    assert.ok(decoded.ok);
    assert.equal(decoded.text.length, 9000);
  });

  it('refuses invalid UTF-8 such as latin-1 bytes', () => {
    assert.deepEqual(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a])), {
      ok: false,
      reason: 'not valid UTF-8: mlready reads source and config files as UTF-8',
    });
  });

  it('strips a UTF-8 byte order mark and keeps other text as is', () => {
    assert.deepEqual(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x78, 0x3d, 0x31])), { ok: true, text: 'x=1' });
    assert.deepEqual(decodeText(new TextEncoder().encode('café = "ü"\r\n')), { ok: true, text: 'café = "ü"\r\n' });
    assert.deepEqual(decodeText(new Uint8Array([])), { ok: true, text: '' });
  });
});

describe('formatBytes', () => {
  it('uses B, KB and MB with one decimal', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(1023), '1023 B');
    assert.equal(formatBytes(1024), '1.0 KB');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(5 * 1024 * 1024), '5.0 MB');
    assert.equal(formatBytes(50 * 1024 * 1024), '50.0 MB');
  });
});
