// `npm run test:integration`: runs the mocha suites of test/integration inside a real VS Code extension host, then installs
// the packaged VSIX and checks what a user sees. Exits non-zero when a suite fails or the harness cannot start.
//
//   node scripts/e2e/run.mjs [--runner code-server|electron] [--no-vsix | --vsix-only] [--verbose]
//
// code-server (the default on Linux x64): VS Code's server from the `code-server` npm package on Node 24, its web
// workbench in Debian's Chromium. electron: @vscode/test-electron, which downloads VS Code (where that is possible).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { launchBrowser, startCodeServer } from './code-server.mjs';
import { ensureRuntime } from './runtime.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose') || process.env.MLREADY_E2E_VERBOSE === '1';
const runnerArg = argv[argv.indexOf('--runner') + 1];
const runner = argv.includes('--runner') ? runnerArg : process.platform === 'linux' && process.arch === 'x64' ? 'code-server' : 'electron';
const artifacts = join(root, 'test-artifacts');
const SUITE_TIMEOUT_MS = 8 * 60 * 1000;
const t0 = Date.now();
const say = (message) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s] ${message}`);

/** Copies the fixture folders to a temp dir (tests edit files) and writes a two-folder .code-workspace over them. */
function prepareWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'mlready-e2e-ws-'));
  for (const name of ['workspace', 'second']) cpSync(join(root, 'test', 'integration', 'fixtures', name), join(dir, name), { recursive: true });
  const file = join(dir, 'mlready-tests.code-workspace');
  writeFileSync(file, JSON.stringify({ folders: [{ path: 'workspace' }, { path: 'second' }], settings: {} }, null, 2));
  return { dir, file, results: join(dir, 'results.json') };
}

/** The counts test/integration/index.ts wrote, if it got that far. */
function readResults(workspace) {
  if (!existsSync(workspace.results)) return undefined;
  const { passed, failed } = JSON.parse(readFileSync(workspace.results, 'utf8'));
  return { passed, failed, seen: true };
}

/** Counts mocha's "N passing" / "N failing" summary lines as they go by. */
function mochaCounter() {
  const counts = { passed: 0, failed: 0, seen: false };
  return {
    counts,
    line(text) {
      const passing = /^\s*(\d+) passing\b/.exec(text);
      const failing = /^\s*(\d+) failing\b/.exec(text);
      if (passing) {
        counts.passed = Number(passing[1]);
        counts.seen = true;
      }
      if (failing) counts.failed = Number(failing[1]);
    },
  };
}

/** The suites in code-server's extension host; resolves with mocha's counts. */
async function runInCodeServer(workspace) {
  ensureRuntime(say);
  const server = await startCodeServer({ log: verbose ? (t) => process.stdout.write(t) : () => {} });
  say(`code-server listening on ${server.authority}`);
  const browser = await launchBrowser();
  const counter = mochaCounter();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (e) => verbose && say(`[page error] ${e.message}`));
    let exited;
    const exit = new Promise((resolve) => {
      exited = resolve;
    });
    // Workbench stack frames from offline noise (gallery, sign-in) are dropped unless --verbose.
    const noise = /^\s+at .*\/static\/out\/vs\//;
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      for (const line of text.split('\n')) counter.line(line);
      console.log(verbose ? text : text.split('\n').filter((l) => !noise.test(l)).join('\n'));
    });
    await page.exposeFunction('codeAutomationExit', (code) => exited(typeof code === 'number' ? code : 1));
    const payload = [
      ['extensionDevelopmentPath', server.remote(root)],
      ['extensionTestsPath', server.remote(join(root, 'out', 'integration', 'index.js'))],
      ['skipWelcome', 'true'],
      ['extensionEnvironment', JSON.stringify({ MLREADY_E2E_WORKSPACE: workspace.dir, MLREADY_E2E_RESULTS: workspace.results })],
    ];
    const url = `http://${server.authority}/?workspace=${encodeURIComponent(workspace.file)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    say('opening the workbench; the suites run in its extension host');
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), SUITE_TIMEOUT_MS).unref());
    const code = await Promise.race([exit, timeout]);
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'integration-end.png') }).catch(() => undefined);
    if (code === 'timeout') throw new Error(`the suites did not finish within ${SUITE_TIMEOUT_MS / 60000} minutes`);
    say(`extension host finished with exit code ${code}`);
    const counts = readResults(workspace) ?? counter.counts;
    if (!counts.seen) throw new Error(`the suites reported no results (exit code ${code}); run with --verbose for the workbench log`);
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    return counts;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
  }
}

/** The suites in a downloaded VS Code desktop build, for machines that can download it. */
async function runInElectron(workspace) {
  const { runTests } = await import('@vscode/test-electron');
  const code = await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'integration', 'index.js'),
    launchArgs: [workspace.file, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { MLREADY_E2E_WORKSPACE: workspace.dir, MLREADY_E2E_RESULTS: workspace.results },
  }).catch((error) => {
    // runTests rejects when VS Code cannot be downloaded or started, and when the suites fail: the results file tells.
    if (existsSync(workspace.results)) return 1;
    throw new Error(`@vscode/test-electron could not run VS Code: ${error instanceof Error ? error.message : String(error)}`);
  });
  const counts = readResults(workspace);
  if (!counts) throw new Error(`VS Code exited with code ${code} before the suites reported results`);
  return counts;
}

async function main() {
  const totals = { passed: 0, failed: 0 };
  let harnessError;
  const workspace = prepareWorkspace();
  rmSync(artifacts, { recursive: true, force: true });
  try {
    say('building the extension, the server and the suites');
    const build = spawnSync(process.execPath, ['esbuild.mjs', '--integration-tests'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the build failed');
    if (!argv.includes('--vsix-only')) {
      const suites = runner === 'electron' ? await runInElectron(workspace) : await runInCodeServer(workspace);
      totals.passed += suites.passed;
      totals.failed += suites.failed;
    } else ensureRuntime(say);
    if (runner === 'code-server' && !argv.includes('--no-vsix')) {
      const { checkVsix } = await import('./vsix-ui.mjs');
      const ui = await checkVsix({ say, artifacts, verbose });
      totals.passed += ui.passed;
      totals.failed += ui.failed;
    }
  } catch (error) {
    harnessError = error;
    console.error(`\nintegration tests could not run: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    rmSync(workspace.dir, { recursive: true, force: true });
  }
  if (harnessError) totals.failed += 1;
  say(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s (runner: ${runner})`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

await main();
