// Benchmark of the editor path: after a one-line edit in a 2,000-line file, how long until every finding is current.
import { readFileSync } from 'node:fs';
import { SettingsResolver } from '../src/engine/config/resolve';
import { presetRules } from '../src/engine/config/presets';
import { OverlayFileSystem } from '../src/engine/fs';
import { PythonParser } from '../src/engine/parsers/python';
import { RULES } from '../src/engine/rules/index';
import { Workspace } from '../src/engine/workspace';
import { readGrammarBinaries } from '../src/node/grammar';
import { NodeFileSystem } from '../src/node/node-fs';

const root = process.argv[2];
const edits = Number(process.argv[3] ?? '30');
if (!root) throw new Error('usage: incremental.js <corpus> [edits]');

async function main(): Promise<void> {
  const python = await PythonParser.load(readGrammarBinaries(process.env.MLREADY_DIST ?? __dirname));
  const config = { root: root as string, profile: 'production' as const, preset: 'mlready:recommended', rules: presetRules('mlready:recommended', RULES, 'production'), ignore: [], overrides: [], warnings: [], sourceTexts: [] };
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  const ws = new Workspace({ fs: overlay, root: root as string, settings: new SettingsResolver(config, RULES), python, git: 'off' });
  const scanStart = performance.now();
  await ws.scan();
  const scanMs = performance.now() - scanStart;
  // The largest Python file of the corpus stands for "a 2,000-line file".
  const { execSync } = await import('node:child_process');
  const target = execSync(`find ${root} -name '*.py' -size +60k | head -1`).toString().trim();
  const rel = target.slice((root as string).length + 1);
  const original = readFileSync(target, 'utf8');
  const lines = original.split('\n');
  const samples: number[] = [];
  for (let i = 0; i < edits; i++) {
    // A one-line edit in the middle of the file, different each time so nothing can be served from a memo.
    const edited = [...lines];
    const at = Math.floor(lines.length / 2);
    edited[at] = `${lines[at] ?? ''}  # edit ${i}`;
    overlay.set(target, edited.join('\n'));
    const start = performance.now();
    await ws.update(rel);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] ?? 0;
  const p90 = samples[Math.floor(samples.length * 0.9)] ?? 0;
  process.stdout.write(`${JSON.stringify({ file: rel, lines: lines.length, scanMs, edits, medianMs: median, p90Ms: p90, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
}

void main();
