// Debouncing of edits (only the last edit of a pause is linted) and the serial queue that keeps results in order.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { Debouncer, SerialQueue } from '../../src/server/scheduling';

describe('Debouncer', () => {
  beforeEach(() => {
    mock.timers.enable({ apis: ['setTimeout'] });
  });
  afterEach(() => {
    mock.timers.reset();
  });

  it('runs only the last call of a key once the pause is over', () => {
    const runs: string[] = [];
    const debouncer = new Debouncer(250);
    debouncer.schedule('a', () => runs.push('a1'));
    mock.timers.tick(200);
    debouncer.schedule('a', () => runs.push('a2'));
    mock.timers.tick(200);
    assert.deepEqual(runs, []);
    mock.timers.tick(50);
    assert.deepEqual(runs, ['a2']);
  });

  it('keeps keys apart, and cancel drops a pending run', () => {
    const runs: string[] = [];
    const debouncer = new Debouncer(100);
    debouncer.schedule('a', () => runs.push('a'));
    debouncer.schedule('b', () => runs.push('b'));
    assert.deepEqual(debouncer.pending().sort(), ['a', 'b']);
    debouncer.cancel('a');
    mock.timers.tick(100);
    assert.deepEqual(runs, ['b']);
    debouncer.schedule('c', () => runs.push('c'));
    debouncer.dispose();
    mock.timers.tick(100);
    assert.deepEqual(runs, ['b']);
  });
});

describe('SerialQueue', () => {
  it('runs tasks one at a time in order, even when a later task is quicker', async () => {
    const log: string[] = [];
    const queue = new SerialQueue(() => undefined);
    const slow = queue.run(async () => {
      log.push('slow start');
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push('slow end');
    });
    const quick = queue.run(() => {
      log.push('quick');
      return Promise.resolve();
    });
    assert.equal(queue.size, 2);
    await Promise.all([slow, quick]);
    assert.deepEqual(log, ['slow start', 'slow end', 'quick']);
    assert.equal(queue.size, 0);
  });

  it('reports a failing task and goes on with the next', async () => {
    const errors: unknown[] = [];
    const queue = new SerialQueue((e) => errors.push(e));
    let ran = false;
    await queue.run(() => Promise.reject(new Error('boom')));
    await queue.run(() => {
      ran = true;
      return Promise.resolve();
    });
    assert.equal(ran, true);
    assert.match(String(errors[0]), /boom/);
  });
});
