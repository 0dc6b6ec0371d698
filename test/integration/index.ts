// The extension-tests entry VS Code loads (`extensionTestsPath`): runs every suite here with mocha inside the extension host.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/** Suites that change shared state run last: the crash suite restarts the server under the others' feet. */
const ORDER = ['activation', 'diagnostics', 'notebooks', 'code-actions', 'config', 'commands', 'readiness', 'crash'];

function rank(file: string): number {
  const index = ORDER.indexOf(file.replace(/\.test\.js$/, ''));
  return index === -1 ? ORDER.length - 1 : index;
}

/** Called by VS Code; resolving means every test passed. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  for (const file of files) mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // The runner script reads the counts from here (the extension host's console is not always its stdout).
      const results = process.env.MLREADY_E2E_RESULTS;
      if (results) writeFileSync(results, JSON.stringify({ passed: runner.stats?.passes ?? 0, failed: failures }));
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
