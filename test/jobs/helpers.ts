// Shared helpers for the Jobs tests: a node job spec, waiting for a stage, collecting a job's log.
import {getJob, streamJobLogs} from '@huggingface/hub';

type ApiJob = Awaited<ReturnType<typeof getJob>>;

export const FAKE_TOKEN = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12';
export const NS = 'practice-user';

/** A job running `node -e <source>` (the sandbox maps node:* images to this Node). */
export function nodeJob(source: string, extra: Record<string, unknown> = {}) {
  return {dockerImage: 'node:20-slim', command: ['node', '-e', source], flavor: 'cpu-basic' as const, ...extra};
}

export async function waitForStage(
  hub: {hubUrl: string; accessToken: string},
  jobId: string,
  stages: string[] = ['COMPLETED', 'ERROR', 'CANCELED'],
  timeoutMs = 15_000,
): Promise<ApiJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJob({...hub, namespace: NS, jobId});
    if (stages.includes(job.status.stage as string)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status.stage} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function collectLogs(
  hub: {hubUrl: string; accessToken: string},
  jobId: string,
  namespace = NS,
): Promise<string[]> {
  const lines: string[] = [];
  for await (const entry of streamJobLogs({...hub, namespace, jobId})) lines.push(entry.message);
  return lines;
}

/** The lines the job itself printed (without the sandbox's markers and notes). */
export function ownLines(lines: string[]): string[] {
  return lines.filter((l) => !l.startsWith('=====') && !l.startsWith('[sandbox]'));
}

/**
 * A job process's pid as the host (and the sandbox) sees it, found by an argument only it has (`marker`): inside its
 * PID namespace `process.pid` is the namespace's number, and its /proc is the namespace's (it cannot see the host's).
 * Waits up to `ms` for the process to show.
 */
export async function hostPidOf(marker: string, ms = 5000): Promise<number> {
  const deadline = Date.now() + ms;
  for (;;) {
    const [pid] = await pidsWithArg(marker);
    if (pid || Date.now() > deadline) return pid ?? 0;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** An argument no other process has: how a test finds from the host the job process it started. */
export function uniqueMarker(): string {
  return `marker-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The live (not zombie) processes on this host with `arg` as one of their arguments, by /proc (Linux). */
export async function pidsWithArg(arg: string): Promise<number[]> {
  const {readdirSync, readFileSync} = await import('node:fs');
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (!readFileSync(`/proc/${name}/cmdline`, 'latin1').split('\0').includes(arg)) continue;
      if (/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${name}/stat`, 'utf8'))) continue;
      out.push(Number(name));
    } catch {
      // gone
    }
  }
  return out;
}

/** Whether a process is gone (or a zombie waiting to be reaped) within `ms`. */
export async function goneWithin(pid: number, ms: number): Promise<boolean> {
  const {readFileSync} = await import('node:fs');
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      process.kill(pid, 0);
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (/^\d+ \(.*\) Z/.test(stat)) return true;
    } catch {
      return true;
    }
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** In-memory streams for driving a command in-process (stdin is not a TTY unless asked). */
export async function commandIo(env: Record<string, string>) {
  const {PassThrough} = await import('node:stream');
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough() as InstanceType<typeof PassThrough> & {isTTY?: boolean};
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return {io: {stdout, stderr, stdin, env, cwd: process.cwd()}, out: () => out, err: () => err};
}

/** A temp HOME/XDG_CACHE_HOME so sandbox mode keeps its state (and practice login) out of the real one. */
export async function tempHome(): Promise<{env: Record<string, string>; cleanup: () => Promise<void>}> {
  const {mkdtemp, rm} = await import('node:fs/promises');
  const {tmpdir} = await import('node:os');
  const {join} = await import('node:path');
  const dir = await mkdtemp(join(tmpdir(), 'hfjw-example-'));
  return {
    env: {HOME: dir, XDG_CACHE_HOME: join(dir, 'cache'), PATH: process.env.PATH ?? ''},
    cleanup: () => rm(dir, {recursive: true, force: true}),
  };
}
