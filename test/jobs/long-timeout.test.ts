// A job's timeout longer than one timer holds (2^31-1 ms, about 24.8 days): timeoutSeconds 1e308 is an integer, so
// the sandbox takes it like the Hub takes any, and it must wait that long, not end the job at once as "Job timeout"
// (with Node's TimeoutOverflowWarning on the sandbox's stderr), as it did.
import {runJob} from '@huggingface/hub';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {longTimeout} from '../../src/sandbox/jobs/runner.js';
import {useSandbox} from '../helpers/sandbox.js';
import {NS, nodeJob, waitForStage} from './helpers.js';

describe('longTimeout', () => {
  afterEach(() => vi.useRealTimers());

  it('fires after its whole wait, in steps a timer can hold, and not when cleared', () => {
    vi.useFakeTimers();
    const MAX = 2 ** 31 - 1;
    const fired: string[] = [];
    longTimeout(() => fired.push('long'), 3 * MAX);
    const cleared = longTimeout(() => fired.push('cleared'), 2 * MAX);
    longTimeout(() => fired.push('short'), 1000);
    vi.advanceTimersByTime(1000);
    expect(fired).toEqual(['short']);
    vi.advanceTimersByTime(MAX);
    cleared.clear();
    vi.advanceTimersByTime(MAX);
    expect(fired).toEqual(['short']);
    vi.advanceTimersByTime(MAX);
    expect(fired).toEqual(['short', 'long']);
    // Infinity waits (in steps) and never fires.
    longTimeout(() => fired.push('never'), Infinity);
    vi.advanceTimersByTime(10 * MAX);
    expect(fired).toEqual(['short', 'long']);
  });
});

describe('a sandbox job with timeoutSeconds 1e308', () => {
  const sb = useSandbox();
  it('runs to its end (COMPLETED), not "Job timeout" at once', async () => {
    const hub = {hubUrl: sb.current.url, accessToken: sb.current.tokens.write};
    const job = await runJob({
      ...hub,
      namespace: NS,
      ...nodeJob('setTimeout(() => console.log("done"), 300)'),
      timeoutSeconds: 1e308,
    });
    const done = await waitForStage(hub, job.id, ['COMPLETED', 'ERROR', 'CANCELED'], 10_000);
    expect(done.status.stage).toBe('COMPLETED');
  });
});
