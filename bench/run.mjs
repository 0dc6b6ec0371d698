// Benchmark runner: ensures the corpus, times the floors and cold/warm `mlready check` as whole processes, prints medians vs targets.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { REPO_ROOT, DEFAULT_CORPUS } from './common.mjs';
import { ensureCorpus, DEFAULT_SEED, formatStats } from './generate.mjs';

const TARGETS = { coldOverParseFloor: 0.8, warmOverReadFloor: 2.0, peakRssBytes: 500 * 1024 * 1024 };
const CLI = path.join(REPO_ROOT, 'bin', 'mlready.js');
const BENCH_DIR = path.join(REPO_ROOT, '.bench');
const MB = 1024 * 1024;

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    corpus: { type: 'string', default: DEFAULT_CORPUS },
    only: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  console.log('usage: node bench/run.mjs [--runs N] [--seed N] [--corpus DIR] [--only floors|check]');
  process.exit(0);
}
const runs = Number(opts.runs);
const seed = Number(opts.seed);
if (!Number.isInteger(runs) || runs < 1) fail('--runs must be a positive integer');
if (!Number.isInteger(seed)) fail('--seed must be an integer');
if (opts.only !== undefined && !['floors', 'check', 'incremental'].includes(opts.only)) fail('--only must be "floors", "check" or "incremental"');
const doFloors = opts.only === undefined || opts.only === 'floors';
const doCheck = opts.only === undefined || opts.only === 'check';
const doIncremental = opts.only === undefined || opts.only === 'incremental';
const corpus = path.resolve(opts.corpus);

function fail(msg) {
  console.error(`bench: ${msg}`);
  process.exit(2);
}

/** Spawns `node <args>` and measures wall time around the whole child, startup included, as a user would experience it. */
function timeProcess(args, { env = {}, stdoutPath } = {}) {
  return new Promise((resolve, reject) => {
    const out = stdoutPath ? fs.openSync(stdoutPath, 'w') : 'pipe';
    let stdout = '';
    let stderr = '';
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', out, 'pipe'] });
    child.stdout?.setEncoding('utf8').on('data', (d) => { stdout += d; });
    // Keep only the tail: progress output could be large, and the interesting part of a crash is at the end.
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr = (stderr + d).slice(-200_000); });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (typeof out === 'number') fs.closeSync(out);
      resolve({ ms, code, signal, stdout, stderr });
    });
  });
}

function lastJsonLine(text, key) {
  for (const line of text.split('\n').reverse()) {
    const t = line.trim();
    if (!t.startsWith('{') || !t.includes(key)) continue;
    try {
      const v = JSON.parse(t);
      if (v && typeof v === 'object' && key in v) return v;
    } catch { /* not ours: the CLI may print other braces on stderr */ }
  }
  return null;
}

async function floor(script) {
  const res = await timeProcess([path.join(REPO_ROOT, 'bench', script), corpus]);
  if (res.code !== 0) throw new Error(`${script} exited with ${res.code ?? res.signal}\n${res.stderr}`);
  const stats = lastJsonLine(res.stdout, 'ms');
  if (!stats) throw new Error(`${script} printed no stats:\n${res.stdout}`);
  return { ms: res.ms, inProcessMs: stats.ms, files: stats.files, bytes: stats.bytes, maxRssBytes: stats.maxRssBytes ?? null };
}

/** Exit 1 means "findings exist", but an uncaught exception also exits 1, so a 1 only counts when stdout really is a JSON report. */
function looksLikeJsonReport(file) {
  const text = fs.readFileSync(file, 'utf8').trim();
  if (text === '') return false;
  try { JSON.parse(text); return true; } catch { /* maybe JSON Lines */ }
  return text.split('\n').every((l) => { try { JSON.parse(l); return true; } catch { return l.trim() === ''; } });
}

async function check(cacheDir, outPath) {
  if (!fs.existsSync(CLI)) throw new Error(`${path.relative(REPO_ROOT, CLI)} does not exist yet: build the CLI first (npm run build), then rerun; floors are unaffected`);
  const args = [CLI, 'check', corpus, '--format', 'json', '--cache-location', cacheDir];
  const res = await timeProcess(args, { env: { MLREADY_BENCH_STATS: '1' }, stdoutPath: outPath });
  const ok = res.code === 0 || (res.code === 1 && looksLikeJsonReport(outPath));
  if (!ok) throw new Error(`mlready check exited with ${res.code ?? res.signal}${res.code === 1 ? ' and no JSON report on stdout' : ''}; stderr:\n${res.stderr}`);
  const stats = lastJsonLine(res.stderr, 'maxRssBytes');
  return { ms: res.ms, exitCode: res.code, maxRssBytes: typeof stats?.maxRssBytes === 'number' ? stats.maxRssBytes : null, outputBytes: fs.statSync(outPath).size };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const summarize = (samples) => (samples.length === 0 ? null : {
  medianMs: median(samples.map((s) => s.ms)),
  minMs: Math.min(...samples.map((s) => s.ms)),
  maxMs: Math.max(...samples.map((s) => s.ms)),
  maxRssBytes: samples.some((s) => s.maxRssBytes != null) ? Math.max(...samples.map((s) => s.maxRssBytes ?? 0)) : null,
  samples,
});

async function main() {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const { generated, stamp, ms } = ensureCorpus({ dir: corpus, seed });
  const shown = path.relative(REPO_ROOT, corpus);
  console.log(`corpus ${shown.startsWith('..') || shown === '' ? corpus : shown} (seed ${seed}${generated ? `, generated in ${(ms / 1000).toFixed(1)} s` : ', reused'})\n${formatStats(stamp.stats)}\n`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlready-bench-'));
  const cacheDir = path.join(tmp, 'cache');
  const outPath = path.join(BENCH_DIR, 'check-output.json');
  const samples = { readFloor: [], parseFloor: [], checkCold: [], checkWarm: [] };
  const failures = {};
  // Each measurement stops repeating after its first failure, so a missing CLI costs one message, not N.
  const attempt = async (key, label, fn, run) => {
    if (failures[key]) return;
    try {
      const s = await fn();
      samples[key].push(s);
      console.error(`[run ${run}/${runs}] ${label.padEnd(11)} ${(s.ms / 1000).toFixed(2)} s${s.maxRssBytes != null ? `  rss ${(s.maxRssBytes / MB).toFixed(0)} MB` : ''}`);
    } catch (err) {
      failures[key] = err.message;
      console.error(`[run ${run}/${runs}] ${label} FAILED: ${err.message}`);
    }
  };
  try {
    // Untimed warm-up so every timed run sees the same (hot) page cache, whether or not the corpus was just generated.
    await floor('floor-read.mjs');
    for (let run = 1; run <= runs; run++) {
      if (doFloors) {
        await attempt('readFloor', 'read floor', () => floor('floor-read.mjs'), run);
        await attempt('parseFloor', 'parse floor', () => floor('floor-parse.mjs'), run);
      }
      if (doCheck) {
        await attempt('checkCold', 'check cold', () => { fs.rmSync(cacheDir, { recursive: true, force: true }); return check(cacheDir, outPath); }, run);
        await attempt('checkWarm', 'check warm', () => check(cacheDir, outPath), run);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)]));
  const ratio = (a, b) => (m[a] && m[b] ? m[a].medianMs / m[b].medianMs : null);
  const peaks = [m.checkCold?.maxRssBytes, m.checkWarm?.maxRssBytes].filter((x) => x != null);
  const ratios = {
    coldOverParseFloor: ratio('checkCold', 'parseFloor'),
    warmOverReadFloor: ratio('checkWarm', 'readFloor'),
    peakRssBytes: peaks.length > 0 ? Math.max(...peaks) : null,
  };
  const pass = {
    coldOverParseFloor: ratios.coldOverParseFloor == null ? null : ratios.coldOverParseFloor <= TARGETS.coldOverParseFloor,
    warmOverReadFloor: ratios.warmOverReadFloor == null ? null : ratios.warmOverReadFloor <= TARGETS.warmOverReadFloor,
    peakRssBytes: ratios.peakRssBytes == null ? null : ratios.peakRssBytes < TARGETS.peakRssBytes,
  };

  const fmtS = (x) => (x == null ? 'n/a' : `${(x / 1000).toFixed(2)} s`);
  const rows = [['measurement', 'median', 'min', 'max', 'peak RSS', 'n']];
  const names = { readFloor: 'read floor', parseFloor: 'parse floor', checkCold: 'check cold', checkWarm: 'check warm' };
  for (const [k, label] of Object.entries(names)) {
    if ((k.startsWith('check') && !doCheck) || (!k.startsWith('check') && !doFloors)) continue;
    const s = m[k];
    rows.push([label, s ? fmtS(s.medianMs) : 'FAILED', fmtS(s?.minMs), fmtS(s?.maxMs), s?.maxRssBytes != null ? `${(s.maxRssBytes / MB).toFixed(0)} MB` : 'n/a', String(s?.samples.length ?? 0)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log(rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n'));
  const verdict = (p) => (p == null ? 'n/a' : p ? 'PASS' : 'FAIL');
  const fx = (x) => (x == null ? 'n/a' : `${x.toFixed(2)}x`);
  const line = (label, value, target, p) => console.log(`${label.padEnd(19)} ${value.padStart(7)}  ${target.padEnd(16)} ${verdict(p)}`);
  console.log('');
  line('cold / parse floor', fx(ratios.coldOverParseFloor), `target <= ${TARGETS.coldOverParseFloor}x`, pass.coldOverParseFloor);
  line('warm / read floor', fx(ratios.warmOverReadFloor), `target <= ${TARGETS.warmOverReadFloor}x`, pass.warmOverReadFloor);
  line('peak memory', ratios.peakRssBytes == null ? 'n/a' : `${(ratios.peakRssBytes / MB).toFixed(0)} MB`, `target < ${TARGETS.peakRssBytes / MB} MB`, pass.peakRssBytes);

  const results = {
    date: new Date().toISOString(),
    machine: { cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? 'unknown', totalMemBytes: os.totalmem(), platform: `${os.platform()} ${os.release()}`, arch: os.arch(), node: process.version },
    corpus: { dir: corpus, seed, stats: stamp.stats },
    runs,
    only: opts.only ?? null,
    targets: TARGETS,
    measurements: m,
    ratios,
    pass,
    failures,
  };
  if (doIncremental) results.incremental = await incremental();
  const resultsPath = path.join(BENCH_DIR, 'results.json');
  fs.writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nresults: ${path.relative(REPO_ROOT, resultsPath)}`);
  if (Object.keys(failures).length > 0) {
    console.error(`\nbench: ${Object.keys(failures).length} measurement(s) failed: ${Object.keys(failures).join(', ')}`);
    process.exitCode = 1;
  }
}

/**
 * The editor path: a Workspace scans the corpus in one thread, then 30 one-line edits in a ~2,000-line file are each
 * followed by an update of all findings. Target: median under 50 ms.
 */
async function incremental() {
  const { build } = await import('esbuild');
  const out = path.join(BENCH_DIR, 'incremental.js');
  await build({
    entryPoints: [path.join(REPO_ROOT, 'bench', 'incremental.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, logLevel: 'error',
    define: { 'import.meta.url': '__mlreadyUrl' }, banner: { js: "const __mlreadyUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  const run = await timeProcess([out, corpus, '30'], { env: { MLREADY_DIST: path.join(REPO_ROOT, 'dist') } });
  const result = lastJsonLine(run.stdout, 'medianMs');
  if (!result) {
    console.error(`incremental FAILED:\n${run.stderr.slice(-2000)}`);
    process.exitCode = 1;
    return null;
  }
  console.log(`\nincremental: one-line edit in ${result.file} (${result.lines} lines): median ${result.medianMs.toFixed(1)} ms, p90 ${result.p90Ms.toFixed(1)} ms  target < 50 ms  ${result.medianMs < 50 ? 'PASS' : 'FAIL'} (scan ${(result.scanMs / 1000).toFixed(1)} s)`);
  return result;
}

await main();
