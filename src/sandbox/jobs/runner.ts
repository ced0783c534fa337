// The local job runner: each job is a child process of the sandbox with only its own environment, in its own
// temporary directory, killed (its process group, and on Linux its PID namespace where one can be made:
// pid-namespace.ts, and every process found to be the job's: proc-tree.ts) on timeout, cancel or sandbox close. Jobs and their logs
// persist under `<dataDir>/jobs/<id>/` so finished jobs stay readable.
import {spawn, type ChildProcess} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {delimiter, join} from 'node:path';
import {findInterpreters, planLaunch} from './images.js';
import {JobLog, LineSplitter} from './log.js';
import {jobIsolation, isolationNote} from './pid-namespace.js';
import {JOB_MARK_NAME, JobProcesses} from './proc-tree.js';
import {TERMINAL_STAGES, type JobOwner, type JobRecord, type JobStage, type ValidJobSpec} from './spec.js';
import type {SandboxCore} from '../context.js';
import {VolumeError, mountVolumes, syncBack, type MountPlan} from './volumes.js';

/** After SIGTERM, how long a job's processes get before SIGKILL. */
const KILL_GRACE_MS = 1000;
/** After the main process exits, how long to wait for its output pipes to drain. */
const DRAIN_MS = 500;

interface Running {
  job: JobRecord;
  log: JobLog;
  child?: ChildProcess;
  /** On Linux: the job's processes, wherever they moved (proc-tree.ts). */
  procs?: JobProcesses;
  stopReason?: {stage: JobStage; message: string; cancelReason?: string};
  done: Promise<void>;
  /** Resolves at the job's first output (or its end): see firstOutput(). */
  outputSeen: Promise<void>;
  markOutput: () => void;
}

export function newJobId(): string {
  return randomBytes(12).toString('hex');
}

function isTerminal(stage: JobStage): boolean {
  return TERMINAL_STAGES.includes(stage);
}

async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, text, {mode: 0o600});
  await rename(tmp, file);
}

export class JobRunner {
  private readonly jobs = new Map<string, JobRecord>();
  private readonly running = new Map<string, Running>();
  /** Each job's secret values by name, in memory only (never on disk): the job's page masks them, duplicate reuses them. */
  private readonly secretValues = new Map<string, Record<string, string>>();
  private closed = false;
  readonly ready: Promise<void>;

  constructor(
    private readonly dir: string,
    private readonly endpoint: () => string,
    /** The sandbox whose buckets and repos volumes come from (without it, jobs asking for volumes fail). */
    private readonly core?: SandboxCore,
    /** 'auto': a PID namespace a job where the machine allows it (pid-namespace.ts); 'proc': the /proc search only. */
    private readonly isolation: 'auto' | 'proc' = 'auto',
  ) {
    this.ready = this.load();
  }

  logFile(id: string): string {
    return join(this.dir, id, 'logs.sse');
  }

  get(id: string): JobRecord | undefined {
    return this.jobs.get(id);
  }

  list(namespace: string): JobRecord[] {
    return [...this.jobs.values()]
      .filter((j) => j.owner.name === namespace)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** The process group id of a job's command while it runs (the command is its group's leader), for its metrics. */
  processGroupOf(id: string): number | undefined {
    const child = this.running.get(id)?.child;
    return child && child.exitCode === null && child.signalCode === null && process.platform !== 'win32'
      ? child.pid
      : undefined;
  }

  /** The live log of a job still running (undefined once finished: read the file). */
  liveLog(id: string): JobLog | undefined {
    const r = this.running.get(id);
    return r && !r.log.finished ? r.log : undefined;
  }

  private async load(): Promise<void> {
    await mkdir(this.dir, {recursive: true, mode: 0o700});
    for (const id of await readdir(this.dir)) {
      let job: JobRecord;
      try {
        job = JSON.parse(await readFile(join(this.dir, id, 'job.json'), 'utf8')) as JobRecord;
      } catch {
        continue; // an unreadable job folder is skipped, not fatal
      }
      if (!isTerminal(job.status.stage)) {
        // The sandbox stopped while this job ran: it cannot be resumed.
        job.status = {stage: 'ERROR', message: 'The sandbox stopped while this job was running'};
        job.finishedAt = new Date().toISOString();
        const log = new JobLog(this.logFile(id));
        log.append([`[sandbox] ${job.status.message}.`, `===== Job finished: status=ERROR =====`]);
        log.close();
        await this.save(job);
      }
      this.jobs.set(job.id, job);
    }
  }

  private async save(job: JobRecord): Promise<void> {
    await mkdir(join(this.dir, job.id), {recursive: true, mode: 0o700});
    await writeAtomic(join(this.dir, job.id, 'job.json'), JSON.stringify(job, null, 2));
  }

  /**
   * Records the job (stage SCHEDULING) and starts it on the next tick. Secret values live only in this call.
   * `notes` are "[sandbox] …" lines for the top of its log (a scheduled run says which schedule started it).
   */
  async create(
    spec: ValidJobSpec,
    owner: JobOwner,
    creator: {id: string; name: string},
    notes: string[] = [],
  ): Promise<JobRecord> {
    await this.ready;
    if (this.closed) throw new Error('The sandbox is closing');
    const job: JobRecord = {
      id: newJobId(),
      createdAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      owner,
      createdBy: creator,
      dockerImage: spec.dockerImage,
      spaceId: spec.spaceId,
      command: spec.command,
      arguments: spec.arguments,
      environment: spec.environment,
      secretNames: Object.keys(spec.secrets),
      flavor: spec.flavor,
      timeoutSeconds: spec.timeoutSeconds,
      labels: spec.labels,
      volumes: spec.volumes,
      arch: spec.arch,
      attempts: spec.attempts,
      status: {stage: 'SCHEDULING', message: null},
    };
    await this.save(job);
    this.jobs.set(job.id, job);
    const log = new JobLog(this.logFile(job.id));
    if (notes.length) log.append(notes);
    let resolveDone!: () => void;
    let markOutput!: () => void;
    const running: Running = {
      job,
      log,
      done: new Promise<void>((r) => (resolveDone = r)),
      outputSeen: new Promise<void>((r) => (markOutput = r)),
      markOutput: () => markOutput(),
    };
    this.running.set(job.id, running);
    const secrets = {...spec.secrets};
    this.secretValues.set(job.id, secrets);
    setImmediate(() => {
      this.start(running, secrets)
        .catch((error: unknown) =>
          this.finish(running, 'ERROR', `The sandbox could not run the job: ${(error as Error).message}`),
        )
        .finally(() => {
          this.running.delete(job.id);
          running.markOutput();
          resolveDone();
        });
    });
    return job;
  }

  /** The secret values job `id` was started with by this process (empty after a restart). */
  secretsOf(id: string): string[] {
    return Object.values(this.secretValues.get(id) ?? {}).filter((v) => v.length >= 6);
  }

  /** Replaces the job's labels (kept in its record). */
  async setLabels(id: string, labels: Record<string, string>): Promise<JobRecord> {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`No job ${id}`);
    job.labels = labels;
    await this.save(job);
    return job;
  }

  /** A new job with the same spec; secrets whose values this run of the sandbox no longer has are left out (named in the log). */
  async duplicate(id: string, owner: JobOwner, creator: {id: string; name: string}): Promise<JobRecord> {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`No job ${id}`);
    const known = this.secretValues.get(id) ?? {};
    const secrets = Object.fromEntries(job.secretNames.filter((n) => n in known).map((n) => [n, known[n]!]));
    const copy = await this.create({...job, labels: {...job.labels}, secrets}, owner, creator);
    const lost = job.secretNames.filter((n) => !(n in known));
    if (lost.length) {
      this.running
        .get(copy.id)
        ?.log.append([
          `[sandbox] secrets ${lost.join(', ')} of job ${id} are not known since the sandbox restarted: this copy runs without them.`,
        ]);
    }
    return copy;
  }

  /**
   * Resolves once job `id` has written its first output (already in its log), or has ended: a practice switch that
   * cancels a job "once it has started" (practice-credits-run-out) then cancels even a job that ends within a second,
   * since the cancel lands before its end is settled (the pipes drain first).
   */
  firstOutput(id: string): Promise<void> {
    return this.running.get(id)?.outputSeen ?? Promise.resolve();
  }

  /** Cancels a job; resolves once it has ended. A finished job is left as it is. `cancelReason` as the Hub sets it. */
  async cancel(id: string, message: string, cancelReason?: string): Promise<void> {
    const r = this.running.get(id);
    if (!r) return;
    this.stop(r, 'CANCELED', message, cancelReason);
    await r.done;
  }

  /** Kills every running job (stage CANCELED) and waits for them; later creates are refused. */
  async close(): Promise<void> {
    this.closed = true;
    await this.ready.catch(() => {});
    const all = [...this.running.values()];
    for (const r of all) this.stop(r, 'CANCELED', 'Canceled: the sandbox was closed while the job ran');
    await Promise.all(all.map((r) => r.done));
  }

  private stop(r: Running, stage: JobStage, message: string, cancelReason?: string): void {
    if (isTerminal(r.job.status.stage) || r.stopReason) return;
    r.stopReason = {stage, message, ...(cancelReason ? {cancelReason} : {})};
    if (r.child) killTree(r.child, r.procs);
  }

  private async start(r: Running, secrets: Record<string, string>): Promise<void> {
    const {job, log} = r;
    log.append([`===== Job started at ${new Date().toISOString()} =====`]);
    const reason = r.stopReason as Running['stopReason'];
    if (reason) return this.finish(r, reason.stage, reason.message);

    const hostPath = process.env.PATH;
    const plan = planLaunch(job, await findInterpreters(), hostPath);
    // finish() writes the message as the job's one "[sandbox] …" line.
    if (!plan.ok) return this.finish(r, 'ERROR', plan.message);

    const root = await mkdtemp(join(tmpdir(), `hf-job-${job.id.slice(-6)}-`));
    let outcome: {stage: JobStage; message: string | null};
    try {
      outcome = await this.runIn(root, r, plan, secrets, hostPath);
    } finally {
      // The job's folder goes before the job is reported finished.
      await rm(root, {recursive: true, force: true}).catch(() => {});
    }
    await this.finish(r, outcome.stage, outcome.message);
  }

  private async runIn(
    root: string,
    r: Running,
    plan: {argv: string[]; links: Record<string, string>; notes: string[]; programs?: Record<string, string>},
    secrets: Record<string, string>,
    hostPath: string | undefined,
  ): Promise<{stage: JobStage; message: string | null}> {
    const {job, log} = r;
    const home = join(root, 'home');
    const work = join(root, 'work');
    const bin = join(root, 'bin');
    await Promise.all([mkdir(home, {mode: 0o700}), mkdir(work, {mode: 0o700}), mkdir(bin, {mode: 0o700})]);
    for (const [name, target] of Object.entries(plan.links)) await symlink(target, join(bin, name));
    for (const [name, text] of Object.entries(plan.programs ?? {}))
      await writeFile(join(bin, name), text, {mode: 0o700});
    const jobPath = `${bin}${delimiter}${hostPath ?? ''}`;
    // A login shell (`sh -lc`, as the MCP hf_jobs tool sends every uv script) resets PATH from /etc/profile, then
    // reads ~/.profile: there the job's PATH comes back, so `uv` and `python` are found as in a plain shell.
    await writeFile(
      join(home, '.profile'),
      `# hf-jobs-wizard sandbox: the job's PATH, after /etc/profile reset it\nPATH=${shellQuote(jobPath)}\nexport PATH\n`,
      {mode: 0o600},
    );

    log.append([
      `[sandbox] hf-jobs-wizard sandbox: ${plan.notes.join('; ')}.`,
      `[sandbox] flavor ${job.flavor} is not emulated (this machine's CPU); timeout ${job.timeoutSeconds}s; working directory is a fresh temporary folder.`,
    ]);
    let mounts: MountPlan | undefined;
    if (job.volumes?.length) {
      try {
        if (!this.core) throw new VolumeError('this runner has no sandbox store to mount volumes from');
        mounts = await mountVolumes(this.core, job, root);
        log.append(mounts.log);
      } catch (error) {
        if (!(error instanceof VolumeError)) throw error;
        return {stage: 'ERROR', message: `Could not mount the job's volumes: ${error.message}`};
      }
    }
    const reason = r.stopReason as Running['stopReason'];
    if (reason) return reason;
    const rewrite = (s: string) => (mounts ? mounts.rewrite(s) : s);

    // Only what the job asked for, plus PATH, HOME, JOB_ID and HF_ENDPOINT (and on Linux the mark HF_SANDBOX_JOB):
    // nothing of the sandbox's environment.
    const env: Record<string, string> = {
      ...Object.fromEntries(Object.entries(job.environment).map(([k, v]) => [k, rewrite(v)])),
      ...secrets,
      PATH: jobPath,
      HOME: home,
      JOB_ID: job.id,
      HF_ENDPOINT: this.endpoint(),
    };
    const posix = process.platform !== 'win32' && existsSync('/bin/sh');
    const isolation = posix ? await jobIsolation(this.isolation, hostPath) : undefined;
    if (isolation) log.append([isolationNote(isolation)]);
    // The mark its processes carry wherever they move (a new session, a new parent): how a kill finds them all.
    const procs =
      posix && existsSync('/proc/self/stat') ? new JobProcesses(randomBytes(12).toString('hex')) : undefined;
    if (procs) env[JOB_MARK_NAME] = procs.markValue;
    // `exec "$@" 2>&1`: stdout and stderr share one pipe, so their lines keep the order they were written in.
    const argv = mounts ? mounts.wrap(plan.argv.map(rewrite)) : plan.argv;
    // In a namespace its init shell runs the command (pid-namespace.ts), with the same redirection.
    const launch =
      isolation?.kind === 'pid-namespace'
        ? [...isolation.prefix, ...argv]
        : posix
          ? ['/bin/sh', '-c', 'exec "$@" 2>&1', 'sh', ...argv]
          : argv;
    const [file, args] = [launch[0]!, launch.slice(1)];
    const child = spawn(file, args as string[], {
      cwd: work,
      env,
      detached: posix,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    r.child = child;
    if (procs && child.pid !== undefined) {
      r.procs = procs;
      procs.watch(child.pid);
    }
    job.status = {stage: 'RUNNING', message: null};
    job.startedAt = new Date().toISOString();
    const supervised = this.supervise(r, child);
    await this.save(job);
    const outcome = await supervised;
    if (mounts && this.core) {
      try {
        log.append(await syncBack(this.core, mounts));
      } catch (error) {
        log.append([`[sandbox] could not write the job's bucket volume back: ${(error as Error).message}`]);
        if (outcome.stage === 'COMPLETED')
          return {stage: 'ERROR', message: 'The job completed but its bucket volume could not be written back'};
      }
    }
    return outcome;
  }

  private supervise(r: Running, child: ChildProcess): Promise<{stage: JobStage; message: string | null}> {
    const {job, log} = r;
    const out = new LineSplitter();
    const err = new LineSplitter();
    child.stdout!.setEncoding('utf8');
    child.stderr!.setEncoding('utf8');
    // The job's output, capped on disk (log.ts MAX_OUTPUT_BYTES); the sandbox's own lines use append.
    child.stdout!.on('data', (text: string) => {
      log.appendOutput(out.push(text));
      r.markOutput();
    });
    child.stderr!.on('data', (text: string) => {
      log.appendOutput(err.push(text));
      r.markOutput();
    });

    const timer = longTimeout(() => {
      // status.message is the Hub's own words ("Job timeout"); the log says what happened in the sandbox.
      log.append([
        `[sandbox] Job timeout: timed out after ${job.timeoutSeconds}s (timeoutSeconds=${job.timeoutSeconds}); its processes were killed.`,
      ]);
      this.stop(r, 'ERROR', 'Job timeout');
    }, job.timeoutSeconds * 1000);
    if (r.stopReason) killTree(child, r.procs);

    return new Promise((resolve) => {
      let settled = false;
      const settle = (code: number | null, signal: NodeJS.Signals | null, spawnError?: Error) => {
        if (settled) return;
        settled = true;
        timer.clear();
        // Let the pipes drain (a grandchild may still hold them: it is killed with the group below).
        const drained = new Promise<void>((ok) => {
          if (child.stdout!.readableEnded && child.stderr!.readableEnded) return ok();
          child.once('close', () => ok());
          setTimeout(ok, DRAIN_MS).unref();
        });
        void drained.then(() => {
          // Whatever the job left running (a daemon, a `setsid cmd &`) ends with it.
          killTree(child, r.procs, 'SIGKILL');
          r.procs?.stopWatching();
          log.appendOutput([...out.flush(), ...err.flush()]);
          if (spawnError)
            return resolve({stage: 'ERROR', message: `The command could not start: ${spawnError.message}`});
          if (r.stopReason) return resolve(r.stopReason);
          if (code === 0) return resolve({stage: 'COMPLETED', message: null});
          if (code !== null) return resolve({stage: 'ERROR', message: `Command exited with code ${code}`});
          return resolve({stage: 'ERROR', message: `Command was killed by signal ${signal ?? 'unknown'}`});
        });
      };
      child.once('exit', (code, signal) => settle(code, signal));
      child.once('error', (error) => settle(null, null, error));
    });
  }

  private async finish(r: Running, stage: JobStage, message: string | null): Promise<void> {
    const {job, log} = r;
    if (isTerminal(job.status.stage)) return;
    if (message && stage !== 'COMPLETED') log.append([`[sandbox] ${message}.`.replace(/\.\.$/, '.')]);
    log.append([`===== Job finished: status=${stage} =====`]);
    const cancelReason = r.stopReason?.stage === stage ? r.stopReason.cancelReason : undefined;
    job.status = {stage, message, ...(cancelReason ? {cancelReason} : {})};
    job.finishedAt = new Date().toISOString();
    await this.save(job);
    log.close();
  }
}

/** `text` as one single-quoted POSIX shell word. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * SIGTERM (or `signal`) to the job's whole process group and, on Linux, to every process found to be the job's
 * (proc-tree.ts), then SIGKILL to all of them after a grace period.
 */
function killTree(child: ChildProcess, procs: JobProcesses | undefined, signal: NodeJS.Signals = 'SIGTERM'): void {
  const pid = child.pid;
  if (pid === undefined) return;
  const send = (sig: NodeJS.Signals) => {
    if (procs) return procs.signalAll(sig);
    try {
      if (process.platform === 'win32') child.kill(sig);
      else process.kill(-pid, sig);
    } catch {
      // already gone
    }
  };
  send(signal);
  if (signal !== 'SIGKILL') setTimeout(() => send('SIGKILL'), KILL_GRACE_MS).unref();
}

/** The longest wait one setTimeout holds (about 24.8 days); a longer one fired at once with a TimeoutOverflowWarning. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * `fn` after `ms` (unref'd), however long: re-armed in steps a timer can hold. A job's timeoutSeconds of 1e308 (an
 * integer, so accepted like any other) ended the job at once as "Job timeout" and wrote Node's warning on stderr.
 */
export function longTimeout(fn: () => void, ms: number): {clear(): void} {
  const end = Date.now() + ms;
  let timer: ReturnType<typeof setTimeout>;
  const arm = () => {
    const left = end - Date.now();
    if (left <= 0) return fn();
    // Past what one timer holds (Infinity included): wait that long, then look again.
    timer = setTimeout(left > MAX_TIMER_MS ? arm : fn, Math.min(left, MAX_TIMER_MS));
    timer.unref();
  };
  arm();
  return {clear: () => clearTimeout(timer)};
}
