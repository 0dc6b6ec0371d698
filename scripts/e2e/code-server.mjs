// Starts the VS Code server of the `code-server` package on a free loopback port and drives its web workbench with
// Debian's Chromium through playwright-core: the pieces both the mocha suites and the installed-VSIX check use.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { codeServerBin, findChromium, node24 } from './runtime.mjs';

/** User settings that keep an offline, headless workbench quiet and deterministic. */
const QUIET_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'files.hotExit': 'off',
  // Workspace trust stays on and is never granted: the tests run in Restricted Mode, which mlready must support.
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts code-server with a fresh user-data and extensions folder. `extensionsDir` may hold installed extensions
 * (the VSIX check). Resolves once it listens; `stop()` ends it and removes its folders.
 */
export async function startCodeServer({ extensionsDir, settings = {}, log = () => {} } = {}) {
  const home = mkdtempSync(join(tmpdir(), 'mlready-vscode-'));
  const userData = join(home, 'data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  // Without --config code-server writes ~/.config/code-server/config.yaml; an empty file is an error.
  writeFileSync(join(home, 'config.yaml'), 'auth: none\n');
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  const args = [
    '--config', join(home, 'config.yaml'), '--bind-addr', authority, '--auth', 'none',
    '--user-data-dir', userData, '--extensions-dir', extensionsDir ?? join(home, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', '--ignore-last-opened',
    // The built workbench ignores the ?payload= test parameters unless the smoke-test driver is enabled.
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  const env = { ...process.env, PATH: `${dirname(node24)}:${process.env.PATH ?? ''}`, XDG_CONFIG_HOME: join(home, 'xdg-config'), XDG_DATA_HOME: join(home, 'xdg-data') };
  const child = spawn(codeServerBin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    log(String(chunk));
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 90 s:\n${output}`)), 90_000);
    const check = () => {
      if (/HTTP server listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with code ${code} before listening:\n${output}`));
    });
  });
  return {
    authority,
    /** A `vscode-remote:` URI for a path on this machine, as the workbench's payload wants. */
    remote: (path) => `vscode-remote://${authority}${path}`,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => {
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 5000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Launches headless Chromium (Debian's package) with a fresh profile. */
export async function launchBrowser() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium is not installed: run `apt-get install -y chromium` (or set CHROMIUM_PATH).');
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
