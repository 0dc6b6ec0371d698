// Fixture tests: real files under test/fixtures/rules/<rule-id>/ with `expect: <rule-id>` markers; missing and extra findings fail.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { it } from 'node:test';
import { SettingsResolver } from '../../src/engine/config/resolve';
import type { ResolvedConfig, RuleSetting } from '../../src/engine/config/types';
import { InProcessExecutor } from '../../src/engine/executor';
import { runLint } from '../../src/engine/linter';
import { RULES } from '../../src/engine/rules/index';
import { VERSION } from '../../src/engine/version';
import { NodeFileSystem } from '../../src/node/node-fs';
import { pythonParser } from './python';

const FIXTURES = join(__dirname, '..', 'fixtures', 'rules');
const MARKER = /expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/g;

/** Expected findings as `file[#cell]:line rule`, read from markers in the files' text (notebooks: in cell sources). */
function expectedFindings(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const rel = relative(root, path).split('\\').join('/');
      const text = readFileSync(path, 'utf8');
      const scan = (source: string, prefix: string): void => {
        source.split('\n').forEach((line, i) => {
          for (const m of line.matchAll(MARKER)) for (const id of (m[1] ?? '').split(',')) out.push(`${prefix}:${i + 1} ${id.trim()}`);
        });
      };
      if (name.endsWith('.ipynb')) {
        try {
          const nb = JSON.parse(text) as { cells: { source: string | string[] }[] };
          nb.cells.forEach((cell, index) => {
            scan(Array.isArray(cell.source) ? cell.source.join('') : cell.source, `${rel}#${index}`);
          });
        } catch {
          // Broken notebooks are fixtures too; they carry no markers.
        }
      } else scan(text, rel);
    }
  };
  walk(root);
  return out.sort();
}

/** Lints the fixture folder of a rule with only that rule on, and compares findings to the markers. */
export function fixtureTest(ruleId: string, extraRules: readonly string[] = [], project?: string): void {
  it(`${ruleId} fixtures${project === undefined ? '' : ` (${project})`}: findings match the expect markers`, async () => {
    const root = (project === undefined ? join(FIXTURES, ruleId) : join(FIXTURES, ruleId, project)).split('\\').join('/');
    const rules = new Map<string, RuleSetting>();
    for (const id of RULES.keys()) rules.set(id, { severity: id === ruleId || extraRules.includes(id) ? 'warning' : 'off' });
    const config: ResolvedConfig = { root, profile: 'production', preset: 'mlready:recommended', rules, ignore: [], overrides: [], warnings: [], sourceTexts: [] };
    // Git tracking comes from a `.git-tracked` list in the fixture, never from this repository's own index.
    const trackedList = join(root, '.git-tracked');
    const git = existsSync(trackedList) ? { tracked: readFileSync(trackedList, 'utf8').split('\n').filter((l) => l.trim() !== '') } : ('off' as const);
    const run = await runLint({
      git,
      fs: new NodeFileSystem(),
      root,
      settings: new SettingsResolver(config, RULES),
      executor: new InProcessExecutor(await pythonParser()),
      version: VERSION,
    });
    assert.deepEqual(run.ruleErrors, []);
    const actual = run.findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.file}${f.cell === undefined ? '' : `#${f.cell}`}:${f.range.start.line + 1} ${f.ruleId}`).sort();
    assert.deepEqual(actual, expectedFindings(root).filter((e) => e.endsWith(` ${ruleId}`)));
  });
}
