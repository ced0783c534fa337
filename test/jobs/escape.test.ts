// A job's processes end with it even when they left its process group (setsid, a daemon's double fork): the runner
// finds them through /proc (src/sandbox/jobs/proc-tree.ts) by their environment mark and their parent chains. Before,
// only the group was signalled: each `sleep` below ran on after its job was done or canceled.
import {cancelJob, runJob, streamJobLogs} from '@huggingface/hub';
import {existsSync} from 'node:fs';
import {afterAll, describe, expect, it} from 'vitest';
import {parseStatLine} from '../../src/sandbox/jobs/proc-tree.js';
import {useSandbox} from '../helpers/sandbox.js';
import {NS, goneWithin, nodeJob, waitForStage} from './helpers.js';

const linux = process.platform === 'linux' && existsSync('/proc/self/stat');
const sb = useSandbox();
const hub = () => ({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
const started: number[] = [];
afterAll(() => {
  // Whatever a failing test left running.
  for (const pid of started)
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone, as it should be
    }
});

/** A job that starts `sleep 1000` in a session of its own (Node's detached = setsid) and prints its pid. */
function escaper(options: {clearEnv?: boolean; thenMs?: number}): string {
  return [
    "const {spawn} = require('node:child_process');",
    `const c = spawn('sleep', ['1000'], {detached: true, stdio: 'ignore'${options.clearEnv ? ', env: {}' : ''}});`,
    'c.unref();',
    "console.log('escaped', c.pid);",
    options.thenMs === undefined ? 'setInterval(() => {}, 1000);' : `setTimeout(() => {}, ${options.thenMs});`,
  ].join('\n');
}

async function escapedPid(jobId: string): Promise<number> {
  for await (const e of streamJobLogs({...hub(), namespace: NS, jobId})) {
    const m = /^escaped (\d+)$/.exec(e.message);
    if (m) {
      started.push(Number(m[1]));
      return Number(m[1]);
    }
  }
  throw new Error('the job printed no pid');
}

describe.skipIf(!linux)('a job cannot outlive itself through setsid', () => {
  it('a process in its own session, left behind by a job that completed, is killed when the job ends', async () => {
    const job = await runJob({...hub(), namespace: NS, ...nodeJob(escaper({thenMs: 0}))});
    const pid = await escapedPid(job.id);
    expect((await waitForStage(hub(), job.id)).status.stage).toBe('COMPLETED');
    expect(await goneWithin(pid, 3000)).toBe(true);
  });

  it('a process in its own session is killed when the job is canceled', async () => {
    const job = await runJob({...hub(), namespace: NS, ...nodeJob(escaper({}))});
    const pid = await escapedPid(job.id);
    await cancelJob({...hub(), namespace: NS, jobId: job.id});
    expect(await goneWithin(pid, 4000)).toBe(true);
  });

  it('one that also cleared its environment is found through its parent, seen while the job ran', async () => {
    const job = await runJob({...hub(), namespace: NS, ...nodeJob(escaper({clearEnv: true, thenMs: 2500}))});
    const pid = await escapedPid(job.id);
    expect((await waitForStage(hub(), job.id)).status.stage).toBe('COMPLETED');
    expect(await goneWithin(pid, 3000)).toBe(true);
  });
});

describe('parseStatLine', () => {
  it('reads parent, group, session and start time past a command name with spaces and parentheses', () => {
    const line = '4242 (my (odd) name) S 17 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 200 0';
    expect(parseStatLine(line)).toEqual({state: 'S', ppid: 17, pgrp: 4242, session: 4242, start: '987654'});
  });
});
