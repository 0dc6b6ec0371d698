// Generates the deterministic synthetic ML monorepo (10k .py, 200 notebooks, 300 YAML) that bench/run.mjs times mlready against.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CORPUS } from './common.mjs';
import { Rng, hashSeed, NOUNS, VERBS, ADJS } from './prng.mjs';
import { buildModule } from './py-file.mjs';
import { buildNotebook, buildHydraYaml, buildHydraRoot, buildParamsYaml, buildMiscFiles } from './extras.mjs';

// Bump whenever any template changes, so stale corpora (and their timings) are never silently reused.
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 1;
export const STAMP = '.mlready-bench-stamp';
export { DEFAULT_CORPUS };

const COUNTS = { python: 10000, notebook: 200, yaml: 300 };
const GIANT_SHARE = 0.02; // files of ~2,000 lines: the ones that stress a parser's worst case

const SERVICES = ['churn-prediction', 'demand-forecast', 'fraud-detection', 'search-ranking', 'recsys-candidates', 'pricing-engine', 'ad-ctr', 'support-triage', 'doc-classifier', 'image-tagging', 'eta-prediction', 'credit-risk', 'inventory-planner', 'anomaly-detection', 'review-sentiment', 'lead-scoring'];
const LIBS = ['ml-common', 'feature-store-client', 'model-registry', 'data-contracts'];
// Sub-packages in dependency order: modules only import from modules generated before them, so there are no cycles.
const TREE = [
  ['', 'utils'], ['utils', 'utils'], ['io', 'data'], ['io/readers', 'data'], ['io/writers', 'data'],
  ['features', 'features'], ['features/tabular', 'features'], ['features/text', 'features'], ['features/time_series', 'features'],
  ['models', 'sklearn'], ['models/sklearn', 'sklearn'], ['models/torch', 'torch'], ['models/torch/layers', 'torch'],
  ['training', 'train'], ['training/callbacks', 'torch'], ['evaluation', 'eval'], ['pipelines', 'pipeline'],
  ['pipelines/steps', 'pipeline'], ['serving', 'serving'], ['serving/api', 'serving'], ['cli', 'cli'],
];
const SUFFIX = {
  data: ['loader', 'reader', 'sources', 'schema', 'io'], features: ['features', 'transforms', 'encoders', 'aggregates'],
  sklearn: ['model', 'estimator', 'baseline', 'ensemble'], torch: ['net', 'layers', 'modules', 'dataset', 'trainer'],
  train: ['trainer', 'train', 'loop', 'tuning'], eval: ['metrics', 'report', 'evaluation', 'calibration'],
  serving: ['api', 'handlers', 'routes', 'app'], cli: ['cli', 'job', 'command'], utils: ['utils', 'helpers', 'config', 'timing'],
  pipeline: ['pipeline', 'steps', 'flow', 'job'], test: ['test'],
};

function planLayout(seed) {
  const r = new Rng(hashSeed(seed, 'layout'));
  const packages = [
    ...LIBS.map((n) => ({ dir: `libs/${n}`, pkg: n.replaceAll('-', '_'), isLib: true, weight: 0.5, subdirs: TREE.filter(([d]) => /^(|utils|io|io\/readers|features|features\/tabular|models)$/.test(d)) })),
    ...SERVICES.map((n) => ({ dir: `services/${n}`, pkg: n.replaceAll('-', '_'), isLib: false, weight: 0.7 + r.next(), subdirs: TREE.filter(([d]) => d === '' || r.chance(0.8)) })),
  ];
  const inits = packages.reduce((s, p) => s + p.subdirs.length, 0);
  const conftests = packages.filter((p) => !p.isLib).length;
  const modules = COUNTS.python - inits - conftests;
  const tests = Math.round(modules * 0.15);
  const slots = [];
  for (const p of packages) for (const [sub, category] of p.subdirs) slots.push({ p, sub, category, n: 0, tests: 0 });
  const slotWeights = slots.map((s) => [s.p.weight * (s.sub === '' ? 0.25 : 1), s]);
  for (let i = 0; i < modules - tests; i++) r.weighted(slotWeights).n++;
  const testWeights = slotWeights.filter(([, s]) => !s.p.isLib);
  for (let i = 0; i < tests; i++) r.weighted(testWeights).tests++;
  return { packages, slots };
}

function moduleNames(r, category, n, taken) {
  const out = [];
  while (out.length < n) {
    const base = category === 'cli' ? `${r.pick(VERBS)}_${r.pick(NOUNS)}s` : `${r.pick(NOUNS)}_${r.pick(SUFFIX[category])}`;
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
    taken.add(name);
    out.push(name);
  }
  return out;
}

function sizeTarget(r, category) {
  if (category !== 'test' && r.chance(GIANT_SHARE)) return { targetLines: r.int(1800, 2300) };
  // Lognormal sizes: most modules are a few KB, a long tail is much bigger, like real repositories.
  const mu = category === 'test' ? 7.7 : 8.28;
  return { targetBytes: Math.min(60000, Math.max(300, Math.round(Math.exp(mu + 0.8 * r.normal())))) };
}

/** Picks earlier modules to import from; mostly from the same package, sometimes from the shared libs. */
function pickImports(r, prior, libMods, dotDir) {
  const chosen = [];
  const seen = new Set();
  const pool = prior.slice(-150);
  const k = pool.length === 0 ? 0 : r.int(0, 3);
  const candidates = r.sample(pool, k);
  if (libMods.length > 0 && r.chance(0.35)) candidates.push(r.pick(libMods));
  for (const m of candidates) {
    const names = r.sample(m.exports, r.int(1, 3)).filter((n) => !seen.has(n));
    if (names.length === 0) continue;
    for (const n of names) seen.add(n);
    const relative = m.dotDir === dotDir && r.chance(0.3);
    chosen.push({ mod: relative ? `.${m.name}` : m.dotted, names });
  }
  return chosen;
}

export function readStamp(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, STAMP), 'utf8'));
  } catch {
    return null;
  }
}

export function generate(dir, seed) {
  const start = performance.now();
  const stats = { python: { files: 0, bytes: 0 }, notebook: { files: 0, bytes: 0 }, yaml: { files: 0, bytes: 0 }, other: { files: 0, bytes: 0 } };
  const made = new Set();
  const write = (rel, text, kind) => {
    const abs = path.join(dir, rel);
    const parent = path.dirname(abs);
    if (!made.has(parent)) { fs.mkdirSync(parent, { recursive: true }); made.add(parent); }
    fs.writeFileSync(abs, text);
    stats[kind].files++;
    stats[kind].bytes += Buffer.byteLength(text);
  };
  const { packages, slots } = planLayout(seed);
  const roots = new Set(packages.map((p) => p.pkg));
  const libMods = [];
  for (const p of packages) {
    const prior = [];
    const pkgSlots = slots.filter((s) => s.p === p);
    for (const s of pkgSlots) {
      const relDir = `${p.dir}/src/${p.pkg}${s.sub ? `/${s.sub}` : ''}`;
      const dotDir = `${p.pkg}${s.sub ? `.${s.sub.replaceAll('/', '.')}` : ''}`;
      const r = new Rng(hashSeed(seed, relDir));
      const dirMods = [];
      for (const name of moduleNames(r, s.category, s.n, new Set())) {
        const rel = `${relDir}/${name}.py`;
        const fr = new Rng(hashSeed(seed, rel));
        const firstParty = pickImports(fr, prior, p.isLib ? [] : libMods, dotDir);
        const { text, exports } = buildModule(fr, { category: s.category, module: `${dotDir}.${name}`, firstParty, firstPartyRoots: roots, ...sizeTarget(fr, s.category) });
        write(rel, text, 'python');
        const m = { name, dotDir, dotted: `${dotDir}.${name}`, exports: exports.filter((e) => !e.startsWith('_')) };
        if (m.exports.length > 0) { prior.push(m); dirMods.push(m); if (p.isLib) libMods.push(m); }
      }
      // Half the packages keep __init__.py empty; the rest re-export a few names, as packages with a public API do.
      const reexp = r.chance(0.5) ? r.sample(dirMods, 3) : [];
      const init = s.sub === '' ? `"""${p.pkg}: ${p.isLib ? 'shared library' : 'service package'}."""\n\n__version__ = "0.${r.int(1, 40)}.${r.int(0, 9)}"\n`
        : reexp.length === 0 ? '' : `"""${s.sub.replaceAll('/', '.')} sub-package."""\n\n${reexp.map((m) => `from .${m.name} import ${m.exports[0]}`).join('\n')}\n\n__all__ = [${reexp.map((m) => `"${m.exports[0]}"`).join(', ')}]\n`;
      write(`${relDir}/__init__.py`, init, 'python');
    }
    if (p.isLib) continue;
    const r = new Rng(hashSeed(seed, `${p.dir}/tests`));
    write(`${p.dir}/tests/conftest.py`, `"""Shared pytest fixtures for ${p.pkg}."""\nimport pytest\n\n\n@pytest.fixture(autouse=True)\ndef _no_network(monkeypatch):\n    monkeypatch.setenv("MLREADY_OFFLINE", "1")\n`, 'python');
    for (const s of pkgSlots) {
      const area = s.sub === '' ? 'integration' : `unit/${s.sub.split('/')[0]}`;
      const local = prior.filter((m) => m.dotDir.startsWith(`${p.pkg}${s.sub ? `.${s.sub.split('/')[0]}` : ''}`));
      for (const name of moduleNames(r, 'test', s.tests, new Set())) {
        const rel = `${p.dir}/tests/${area}/test_${name.replace(/_test(_\d+)?$/, '$1')}_${s.sub.replaceAll('/', '_') || 'e2e'}.py`;
        const fr = new Rng(hashSeed(seed, rel));
        const targets = fr.sample(local.length > 0 ? local : prior, fr.int(1, 2)).map((m) => ({ mod: m.dotted, names: fr.sample(m.exports, fr.int(1, 3)) }));
        write(rel, buildModule(fr, { category: 'test', module: path.basename(rel, '.py'), firstParty: dedupe(targets), firstPartyRoots: roots, ...sizeTarget(fr, 'test') }).text, 'python');
      }
    }
  }
  const services = packages.filter((p) => !p.isLib).map((p) => ({ dir: p.dir.slice('services/'.length), pkg: p.pkg }));
  writeNotebooks(seed, services, write);
  writeYaml(seed, services, write);
  for (const [rel, text] of Object.entries(buildMiscFiles(new Rng(hashSeed(seed, 'misc')), services))) write(rel, text, 'other');
  // No timestamps or timings in the stamp: the tree, stamp included, is byte-identical for a given seed.
  const stamp = { generator: 'mlready-bench-corpus', version: GENERATOR_VERSION, seed, stats };
  // Written last: an interrupted run leaves no stamp, so the next run regenerates.
  fs.writeFileSync(path.join(dir, STAMP), JSON.stringify(stamp, null, 2) + '\n');
  return { stamp, ms: Math.round(performance.now() - start) };
}

function dedupe(targets) {
  const seen = new Set();
  return targets.map((t) => ({ mod: t.mod, names: t.names.filter((n) => !seen.has(n) && seen.add(n)) })).filter((t) => t.names.length > 0);
}

function writeNotebooks(seed, services, write) {
  const r = new Rng(hashSeed(seed, 'notebooks'));
  const taken = new Set();
  for (let i = 0; i < COUNTS.notebook; i++) {
    const topic = `${r.pick(VERBS)}_${r.pick(ADJS)}_${r.pick(NOUNS)}s`;
    const rel = i % 7 === 6
      ? `research/${r.pick(['alice', 'bob', 'carol', 'dmitri', 'esra'])}/${topic}_${i}.ipynb`
      : `services/${r.pick(services).dir}/notebooks/${String(i).padStart(3, '0')}_${topic}.ipynb`;
    if (taken.has(rel)) throw new Error(`duplicate notebook ${rel}`);
    taken.add(rel);
    write(rel, buildNotebook(new Rng(hashSeed(seed, rel)), topic.replaceAll('_', ' ')), 'notebook');
  }
}

function writeYaml(seed, services, write) {
  const r = new Rng(hashSeed(seed, 'yaml'));
  const groups = ['model', 'data', 'trainer', 'experiment', 'serving'];
  const perService = services.map(() => []);
  // Two fixed files per service (params.yaml, conf/config.yaml); the remainder is dealt round-robin into config groups.
  for (let i = 0; i < COUNTS.yaml - 2 * services.length; i++) perService[i % services.length].push(groups[(i / services.length | 0) % groups.length]);
  services.forEach((s, si) => {
    const names = Object.fromEntries(groups.map((g) => [g, []]));
    for (const g of perService[si]) {
      let name = g === 'data' ? `${r.pick(NOUNS)}s` : r.pick(ADJS);
      for (let k = 2; names[g].includes(name); k++) name = `${name.replace(/_\d+$/, '')}_${k}`;
      names[g].push(name);
      const rel = `services/${s.dir}/conf/${g}/${name}.yaml`;
      write(rel, buildHydraYaml(new Rng(hashSeed(seed, rel)), g, s.pkg), 'yaml');
    }
    write(`services/${s.dir}/conf/config.yaml`, buildHydraRoot(r, s.pkg, Object.fromEntries(groups.filter((g) => names[g].length > 0 && g !== 'experiment').map((g) => [g, names[g]]))), 'yaml');
    write(`services/${s.dir}/params.yaml`, buildParamsYaml(r), 'yaml');
  });
}

/** Generates unless `dir` already holds a corpus with the same seed and generator version. */
export function ensureCorpus({ dir = DEFAULT_CORPUS, seed = DEFAULT_SEED, force = false, log = console.error } = {}) {
  const stamp = readStamp(dir);
  if (!force && stamp && stamp.version === GENERATOR_VERSION && stamp.seed === seed) return { generated: false, stamp };
  if (fs.existsSync(dir)) {
    // Only ever delete a directory this generator made: an unstamped, non-empty directory might be someone's repo.
    if (!stamp && fs.readdirSync(dir).length > 0) throw new Error(`refusing to overwrite ${dir}: it is not empty and has no ${STAMP}`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(dir, { recursive: true });
  log(`generating corpus in ${dir} (seed ${seed}, generator v${GENERATOR_VERSION})...`);
  return { generated: true, ...generate(dir, seed) };
}

export function formatStats(stats) {
  const rows = Object.entries(stats).map(([k, v]) => `  ${k.padEnd(9)} ${String(v.files).padStart(6)} files ${(v.bytes / 1e6).toFixed(1).padStart(7)} MB  avg ${(v.bytes / Math.max(1, v.files) / 1024).toFixed(1)} KB`);
  const total = Object.values(stats).reduce((a, v) => ({ files: a.files + v.files, bytes: a.bytes + v.bytes }), { files: 0, bytes: 0 });
  return [...rows, `  ${'total'.padEnd(9)} ${String(total.files).padStart(6)} files ${(total.bytes / 1e6).toFixed(1).padStart(7)} MB`].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const opt = (name) => { const i = args.indexOf(name); return i === -1 ? undefined : args[i + 1]; };
  const dir = path.resolve(opt('--out') ?? DEFAULT_CORPUS);
  const seed = Number(opt('--seed') ?? DEFAULT_SEED);
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const { generated, stamp, ms } = ensureCorpus({ dir, seed, force: args.includes('--force') });
  console.log(`${generated ? `generated in ${ms} ms` : 'up to date (stamp matches; --force to regenerate)'}: ${dir}`);
  console.log(formatStats(stamp.stats));
}
