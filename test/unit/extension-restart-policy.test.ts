// The client's crash policy: restart up to four times within three minutes, then stop and say so.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RestartPolicy } from '../../src/extension/restart-policy';

describe('RestartPolicy', () => {
  it('restarts four times, and gives up on the fifth crash within the window', () => {
    const policy = new RestartPolicy(4, 180_000);
    for (let i = 1; i <= 4; i++) {
      const d = policy.crashed(i * 1000);
      assert.equal(d.restart, true);
      assert.match(d.message, new RegExp(`restarted \\(${i} of 4`));
    }
    const fifth = policy.crashed(5000);
    assert.equal(fifth.restart, false);
    assert.match(fifth.message, /crashed 5 times within 3 minutes.*Restart Server/);
  });

  it('forgets crashes older than the window, and after a manual restart', () => {
    const policy = new RestartPolicy(2, 1000);
    policy.crashed(0);
    policy.crashed(10);
    assert.equal(policy.crashed(2000).restart, true, 'the first two are outside the window');
    policy.crashed(2001);
    assert.equal(policy.crashed(2002).restart, false);
    policy.reset();
    assert.equal(policy.crashed(2003).restart, true);
  });
});
