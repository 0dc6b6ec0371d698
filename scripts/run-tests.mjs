// Runs every *.test.ts under test/ (except integration suites) with Node's test runner and tsx.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const update = process.argv.includes('--update');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

function collect(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name === 'fixtures' || name === 'integration') continue;
      collect(path, out);
    } else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const files = collect('test').filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { ...process.env, ...(update ? { MLREADY_UPDATE_GOLDEN: '1' } : {}) },
});
process.exit(result.status ?? 1);
