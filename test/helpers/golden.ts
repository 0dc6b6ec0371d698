// Golden-file assertions: compare with a file under test/fixtures, or rewrite it with `npm run test:update`.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function assertGolden(actual: string, path: string): void {
  if (process.env.MLREADY_UPDATE_GOLDEN === '1' || !existsSync(path)) {
    if (process.env.CI === 'true' && !existsSync(path)) assert.fail(`golden file ${path} is missing; run npm run test:update and commit it`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.equal(actual, readFileSync(path, 'utf8'), `output differs from ${path}; if the change is intended, run npm run test:update and review the diff`);
}
