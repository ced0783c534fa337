// A job's processes end with it even when they left its process group (setsid, a daemon's double fork). Where the
// machine allows it each job runs in a PID namespace of its own (src/sandbox/jobs/pid-namespace.ts): nothing the job
// starts can leave it, and ending its init ends them all. Elsewhere, and with jobIsolation 'proc', the runner finds
// them through /proc (src/sandbox/jobs/proc-tree.ts) by their environment mark and their parent chains. Before either,
// only the group was signalled: each `sleep` below ran on after its job was done or canceled.
// The escaped processes are found by a unique argument (`sleep 1000.<n>`): a pid printed inside a namespace is the
// namespace's number, not the host's.
import {cancelJob, runJob, streamJobLogs} from '@huggingface/hub';
import {existsSync} from 'node:fs';
import {afterAll, describe, expect, it} from 'vitest';
import {jobIsolation} from '../../src/sandbox/jobs/pid-namespace.js';
import {parseStatLine} from '../../src/sandbox/jobs/proc-tree.js';
import {useSandbox} from '../helpers/sandbox.js';
import {collectLogs, NS, nodeJob, pidsWithArg, waitForStage} from './helpers.js';

const linux = process.platform === 'linux' && existsSync('/proc/self/stat');
const namespaces = linux && (await jobIsolation('auto', process.env.PATH)).kind === 'pid-namespace';
const markers: string[] = [];
afterAll(async () => {
  // Whatever a failing test left running.
  for (const marker of markers)
    for (const pid of await pidsWithArg(marker))
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone, as it should be
      }
});

let count = 0;
/** A `sleep` argument no other process has: how a test finds the process it started, from the host. */
function marker(): string {
  const m = `1000.${process.pid}${String(++count).padStart(3, '0')}`;
  markers.push(m);
  return m;
}

/** A job that starts `sleep <marker>` in a session of its own (Node's detached = setsid), then says so. */
function escaper(sleepArg: string, options: {clearEnv?: boolean; thenMs?: number}): string {
  return [
    "const {spawn} = require('node:child_process');",
    `const c = spawn('sleep', ['${sleepArg}'], {detached: true, stdio: 'ignore'${options.clearEnv ? ', env: {}' : ''}});`,
    'c.unref();',
    "console.log('escaped', c.pid);",
    options.thenMs === undefined ? 'setInterval(() => {}, 1000);' : `setTimeout(() => {}, ${options.thenMs});`,
  ].join('\n');
}

/**
 * A job whose `sleep <marker>` clears its environment and leaves the job's tree at once: a shell with no environment
 * starts a session of its own that starts the sleep in the background and exits, so the sleep's parent is gone (a
 * double fork) well within the second between two /proc scans. The job itself runs on until canceled.
 */
function doubleForker(sleepArg: string): string {
  const script = `/usr/bin/env -i /bin/sh -c 'setsid /bin/sh -c "sleep ${sleepArg} </dev/null >/dev/null 2>&1 &"'`;
  return [
    "const {execSync} = require('node:child_process');",
    `execSync(${JSON.stringify(script)}, {stdio: 'ignore'});`,
    "console.log('escaped 1');",
    'setInterval(() => {}, 1000);',
  ].join('\n');
}

/** Whether no process has `arg` as an argument within `ms`. */
async function noneLeftWithin(arg: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (!(await pidsWithArg(arg)).length) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!linux).each([['auto' as const], ['proc' as const]])('jobIsolation %s', (isolation) => {
  const sb = useSandbox({jobIsolation: isolation});
  const hub = () => ({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});

  /**
   * Waits for the job's "escaped <pid>" line; while the job still runs (`running`), its sleep must be seen on the host
   * (a job that ends at once may take its sleep with it before the test looks: its pid shows that it started).
   */
  async function escaped(jobId: string, sleepArg: string, running = true): Promise<void> {
    let said = '';
    for await (const e of streamJobLogs({...hub(), namespace: NS, jobId}))
      if (e.message.startsWith('escaped ')) {
        said = e.message;
        break;
      }
    expect(said).toMatch(/^escaped [1-9]\d*$/);
    if (running) expect(await pidsWithArg(sleepArg)).toHaveLength(1);
  }

  it('a process in its own session, left behind by a job that completed, is killed when the job ends', async () => {
    const arg = marker();
    const job = await runJob({...hub(), namespace: NS, ...nodeJob(escaper(arg, {thenMs: 0}))});
    await escaped(job.id, arg, false);
    expect((await waitForStage(hub(), job.id)).status.stage).toBe('COMPLETED');
    expect(await noneLeftWithin(arg, 3000)).toBe(true);
  });

  it('a process in its own session is killed when the job is canceled', async () => {
    const arg = marker();
    const job = await runJob({...hub(), namespace: NS, ...nodeJob(escaper(arg, {}))});
    await escaped(job.id, arg);
    await cancelJob({...hub(), namespace: NS, jobId: job.id});
    expect(await noneLeftWithin(arg, 4000)).toBe(true);
  });

  it('one that also cleared its environment is found through its parent, seen while the job ran', async () => {
    const arg = marker();
    const job = await runJob({...hub(), namespace: NS, ...nodeJob(escaper(arg, {clearEnv: true, thenMs: 2500}))});
    await escaped(job.id, arg);
    expect((await waitForStage(hub(), job.id)).status.stage).toBe('COMPLETED');
    expect(await noneLeftWithin(arg, 3000)).toBe(true);
  });

  it("says in the job's log how its processes are kept together", async () => {
    const job = await runJob({...hub(), namespace: NS, ...nodeJob('')});
    await waitForStage(hub(), job.id);
    const notes = (await collectLogs(hub(), job.id)).filter((l) => l.startsWith("[sandbox] the job's processes"));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(isolation === 'auto' && namespaces ? 'PID namespace of their own' : 'through /proc');
  });

  it.skipIf(isolation === 'proc' || !namespaces)(
    'in its PID namespace, a double fork with a cleared environment does not survive a cancel',
    async () => {
      const arg = marker();
      const job = await runJob({...hub(), namespace: NS, ...nodeJob(doubleForker(arg))});
      await escaped(job.id, arg);
      await cancelJob({...hub(), namespace: NS, jobId: job.id});
      expect((await waitForStage(hub(), job.id)).status.stage).toBe('CANCELED');
      expect(await noneLeftWithin(arg, 3000)).toBe(true);
    },
  );
});

describe('parseStatLine', () => {
  it('reads parent, group, session and start time past a command name with spaces and parentheses', () => {
    const line = '4242 (my (odd) name) S 17 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 200 0';
    expect(parseStatLine(line)).toEqual({state: 'S', ppid: 17, pgrp: 4242, session: 4242, start: '987654'});
  });
});
