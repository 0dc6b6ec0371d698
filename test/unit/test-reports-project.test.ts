// Coverage reports in the project model: the project cache key and the editor workspace follow a changed report.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SettingsResolver } from '../../src/engine/config/resolve';
import type { ResolvedConfig, RuleSetting } from '../../src/engine/config/types';
import { InProcessExecutor } from '../../src/engine/executor';
import { MemoryFileSystem, OverlayFileSystem, type FileStat, type FileSystem } from '../../src/engine/fs';
import type { FileLintResult } from '../../src/engine/lint-file';
import { runLint, type FileStamp, type ResultCache } from '../../src/engine/linter';
import { RULES } from '../../src/engine/rules/index';
import type { Finding } from '../../src/engine/types';
import { VERSION } from '../../src/engine/version';
import { Workspace } from '../../src/engine/workspace';
import { pythonParser } from '../helpers/python';

const RULE = 'feature-code-untested';
const rules = new Map<string, RuleSetting>([...RULES.keys()].map((id) => [id, { severity: id === RULE ? 'warning' : 'off' }]));
const config: ResolvedConfig = { root: '/p', profile: 'production', preset: 'mlready:recommended', rules, ignore: [], overrides: [], warnings: [], sourceTexts: [] };
const settings = new SettingsResolver(config, RULES);

const cobertura = (hits: number): string => `<coverage><sources><source>/p</source></sources><packages><package name="pkg"><classes><class name="fe.py" filename="pkg/fe.py"><lines><line number="3" hits="${String(hits)}"/></lines></class></classes></package></packages></coverage>`;
const FILES = {
  '/p/pkg/fe.py': 'import pandas as pd\n\ndef make_features(df):\n    return df.groupby("id").agg({"x": "sum"})\n',
  '/p/pkg/other.py': 'X = 1\n',
  '/p/tests/test_other.py': 'from pkg.other import X\n\ndef test_it():\n    assert X\n',
};

/** Gives every file a fixed modification time, as a real disk does, so the result cache is used. */
class StampedFileSystem extends MemoryFileSystem implements FileSystem {
  override async stat(path: string): Promise<FileStat> {
    return { ...(await super.stat(path)), mtimeMs: 1 };
  }
}

class MemoryCache implements ResultCache {
  private readonly files = new Map<string, FileLintResult>();
  private project?: { key: string; findings: readonly Finding[] };
  get(stamp: FileStamp, context: string): FileLintResult | undefined {
    return this.files.get(`${stamp.path}:${context}`);
  }
  set(stamp: FileStamp, context: string, result: FileLintResult): void {
    this.files.set(`${stamp.path}:${context}`, result);
  }
  getProject(key: string): readonly Finding[] | undefined {
    return this.project?.key === key ? this.project.findings : undefined;
  }
  setProject(key: string, findings: readonly Finding[]): void {
    this.project = { key, findings };
  }
}

describe('coverage reports in the project model', () => {
  it('a changed report is part of the project cache key: cached project findings are not reused', async () => {
    const fs = new StampedFileSystem({ ...FILES, '/p/coverage.xml': cobertura(1) });
    const cache = new MemoryCache();
    const lint = async (): Promise<string[]> => {
      const run = await runLint({ fs, root: '/p', settings, executor: new InProcessExecutor(await pythonParser()), version: VERSION, git: 'off', cache });
      assert.ok(run.project.testReports, 'the project model holds the reports');
      return run.findings.map((f) => `${f.file}:${f.ruleId}`);
    };
    assert.deepEqual(await lint(), []);
    fs.write('/p/coverage.xml', cobertura(0));
    assert.deepEqual(await lint(), [`pkg/fe.py:${RULE}`]);
  });

  it('the editor workspace re-runs project rules when a report changes, without a rescan', async () => {
    const base = new MemoryFileSystem({ ...FILES, '/p/coverage.xml': cobertura(0) });
    const overlay = new OverlayFileSystem(base);
    const ws = new Workspace({ fs: overlay, root: '/p', settings, python: await pythonParser(), git: 'off' });
    await ws.scan();
    assert.equal(ws.findings('pkg/fe.py').length, 1);
    base.write('/p/coverage.xml', cobertura(2));
    assert.deepEqual([...(await ws.update('coverage.xml'))], ['pkg/fe.py']);
    assert.deepEqual(ws.findings('pkg/fe.py'), []);
  });
});
