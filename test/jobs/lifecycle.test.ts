// Jobs across the sandbox's life: closing kills running jobs; a persistent sandbox keeps jobs and logs.
import {getJob, listJobs, runJob} from '@huggingface/hub';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {startSandbox} from '../../src/sandbox/index.js';
import {collectLogs, goneWithin, hostPidOf, NS, nodeJob, ownLines, uniqueMarker, waitForStage} from './helpers.js';

describe('jobs and the sandbox lifecycle', () => {
  it('kills running jobs when the sandbox closes', async () => {
    const sb = await startSandbox();
    const hub = {hubUrl: sb.url, accessToken: sb.tokens.write};
    const marker = uniqueMarker();
    const job = await runJob({
      ...hub,
      namespace: NS,
      ...nodeJob('setInterval(() => {}, 1000)'),
      command: ['node', '-e', 'setInterval(() => {}, 1000)', marker],
    });
    await waitForStage(hub, job.id, ['RUNNING']);
    const pid = await hostPidOf(marker);
    expect(pid).toBeGreaterThan(0);
    const started = Date.now();
    await sb.close();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await goneWithin(pid, 2000)).toBe(true);
  });

  it('keeps finished jobs and their logs in a persistent data dir, and ends jobs cut off by a stop', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hf-jobs-persist-'));
    try {
      const first = await startSandbox({dataDir});
      const hub = {hubUrl: first.url, accessToken: first.tokens.write};
      const done = await runJob({...hub, namespace: NS, ...nodeJob('console.log("kept")')});
      const lines = await collectLogs(hub, done.id);
      const cut = await runJob({...hub, namespace: NS, ...nodeJob('setInterval(() => {}, 1000)')});
      await waitForStage(hub, cut.id, ['RUNNING']);
      await first.close();

      const second = await startSandbox({dataDir});
      const hub2 = {hubUrl: second.url, accessToken: second.tokens.write};
      try {
        expect((await getJob({...hub2, namespace: NS, jobId: done.id})).status.stage).toBe('COMPLETED');
        expect(await collectLogs(hub2, done.id)).toEqual(lines);
        expect(ownLines(lines)).toEqual(['kept']);
        const cutNow = await getJob({...hub2, namespace: NS, jobId: cut.id});
        expect(cutNow.status.stage).toBe('CANCELED');
        expect((await collectLogs(hub2, cut.id)).at(-1)).toBe('===== Job finished: status=CANCELED =====');
        expect((await listJobs({...hub2, namespace: NS})).map((j) => j.id)).toEqual(
          expect.arrayContaining([done.id, cut.id]),
        );
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, {recursive: true, force: true});
    }
  });
});
