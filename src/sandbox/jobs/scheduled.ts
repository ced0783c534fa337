// Scheduled jobs as the Hub serves them (OpenAPI /api/scheduled-jobs/{namespace}...; huggingface_hub
// create/list/inspect/suspend/resume/delete/trigger_scheduled_job and update_scheduled_job_labels; `hf jobs
// scheduled ...`): create, list, inspect, delete, suspend, resume, run now (trigger), labels, schedule; and a real
// scheduler that starts each job at its cron time (UTC) while the sandbox runs. When `concurrency` is false (the
// default) a run is skipped while the previous one still runs. Records persist in <dataDir>/scheduled-jobs.json;
// secret values, like a job's, stay in memory only: after a restart a run goes without them and its log says so.
import {randomBytes} from 'node:crypto';
import {readFile, rename, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {RouteModule, SandboxRequest} from '../context.js';
import {HttpError, readJson, sendJson} from '../http.js';
import {CronError, nextRun, parseCron} from './cron.js';
import type {JobRunner} from './runner.js';
import {jobJson, TERMINAL_STAGES, validateJobSpec, type JobOwner, type JobRecord, type JobSpecFields} from './spec.js';

const NS = '(?<ns>[^/]+)';
const ID = '(?<id>[^/]+)';
/** How often the scheduler looks for due jobs. */
const TICK_MS = 1000;

export interface ScheduledJobRecord {
  id: string;
  createdAt: string;
  schedule: string;
  suspend: boolean;
  concurrency: boolean;
  owner: JobOwner;
  createdBy: {id: string; name: string};
  spec: JobSpecFields;
  secretNames: string[];
  lastJob: {id: string; at: string} | null;
  nextJobRunAt: string | null;
}

type Auth = (ctx: SandboxRequest, namespace: string) => {owner: JobOwner; user: {id: string; name: string}};

function avatar(name: string): string {
  return `https://cdn-avatars.huggingface.co/v1/production/uploads/${encodeURIComponent(name)}.png`;
}

/** The scheduled job as GET /api/scheduled-jobs/{ns}/{id} answers it (huggingface_hub ScheduledJobInfo). */
export function scheduledJobJson(s: ScheduledJobRecord): Record<string, unknown> {
  const spec = s.spec;
  return {
    id: s.id,
    createdAt: s.createdAt,
    type: 'scheduled-job',
    schedule: s.schedule,
    suspend: s.suspend,
    concurrency: s.concurrency,
    status: {lastJob: s.lastJob, nextJobRunAt: s.suspend ? null : s.nextJobRunAt},
    owner: {...s.owner, avatarUrl: avatar(s.owner.name)},
    initiator: {id: s.createdBy.id, name: s.createdBy.name, avatarUrl: avatar(s.createdBy.name), type: 'user'},
    jobSpec: {
      ...(spec.dockerImage ? {dockerImage: spec.dockerImage} : {}),
      ...(spec.spaceId ? {spaceId: spec.spaceId} : {}),
      command: spec.command,
      arguments: spec.arguments,
      environment: spec.environment,
      secrets: s.secretNames,
      flavor: spec.flavor,
      timeout: spec.timeoutSeconds,
      labels: spec.labels,
      ...(spec.volumes ? {volumes: spec.volumes} : {}),
      ...(spec.arch ? {arch: spec.arch} : {}),
    },
  };
}

function checkedSchedule(value: unknown): string {
  if (typeof value !== 'string')
    throw new HttpError(
      400,
      '"schedule" is required: @hourly, @daily, @weekly, @monthly, @yearly or a cron expression',
    );
  try {
    parseCron(value);
  } catch (error) {
    if (error instanceof CronError) throw new HttpError(400, error.message);
    throw error;
  }
  return value.trim();
}

function optionalBool(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new HttpError(400, `"${field}" must be true or false`);
  return value;
}

export class Scheduler {
  private readonly items = new Map<string, ScheduledJobRecord>();
  private readonly secretValues = new Map<string, Record<string, string>>();
  private readonly timer: NodeJS.Timeout;
  private ticking = false;
  private saving: Promise<void> = Promise.resolve();
  readonly ready: Promise<void>;

  constructor(
    private readonly file: string,
    private readonly runner: JobRunner,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.ready = this.load();
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  private async load(): Promise<void> {
    try {
      const list = JSON.parse(await readFile(this.file, 'utf8')) as ScheduledJobRecord[];
      for (const s of list) {
        // Runs missed while the sandbox was stopped are not made up: the next one is from now.
        s.nextJobRunAt = nextRun(parseCron(s.schedule), this.now())?.toISOString() ?? null;
        this.items.set(s.id, s);
      }
    } catch {
      // no file yet, or an unreadable one: start empty
    }
  }

  private save(): Promise<void> {
    const text = JSON.stringify([...this.items.values()], null, 2);
    this.saving = this.saving.then(async () => {
      const tmp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(tmp, text, {mode: 0o600});
      await rename(tmp, this.file);
    });
    return this.saving;
  }

  get(namespace: string, id: string): ScheduledJobRecord {
    const s = this.items.get(id);
    if (!s || s.owner.name !== namespace)
      throw new HttpError(404, `Scheduled job ${id} not found in namespace "${namespace}"`);
    return s;
  }

  list(namespace: string): ScheduledJobRecord[] {
    return [...this.items.values()]
      .filter((s) => s.owner.name === namespace)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async create(body: unknown, owner: JobOwner, creator: {id: string; name: string}): Promise<ScheduledJobRecord> {
    const input = (body ?? {}) as {jobSpec?: unknown; schedule?: unknown; suspend?: unknown; concurrency?: unknown};
    if (!input.jobSpec || typeof input.jobSpec !== 'object')
      throw new HttpError(400, '"jobSpec" is required: the job to run, as in POST /api/jobs/{namespace}');
    const schedule = checkedSchedule(input.schedule);
    const {secrets, ...spec} = validateJobSpec(input.jobSpec);
    const s: ScheduledJobRecord = {
      id: randomBytes(12).toString('hex'),
      createdAt: this.now().toISOString(),
      schedule,
      suspend: optionalBool(input.suspend, 'suspend') ?? false,
      concurrency: optionalBool(input.concurrency, 'concurrency') ?? false,
      owner,
      createdBy: creator,
      spec,
      secretNames: Object.keys(secrets),
      lastJob: null,
      nextJobRunAt: nextRun(parseCron(schedule), this.now())?.toISOString() ?? null,
    };
    this.items.set(s.id, s);
    this.secretValues.set(s.id, secrets);
    await this.save();
    return s;
  }

  async update(
    s: ScheduledJobRecord,
    change: Partial<Pick<ScheduledJobRecord, 'suspend' | 'schedule'>> & {labels?: Record<string, string>},
  ): Promise<ScheduledJobRecord> {
    if (change.schedule !== undefined) s.schedule = change.schedule;
    if (change.suspend !== undefined) s.suspend = change.suspend;
    if (change.labels !== undefined) s.spec = {...s.spec, labels: change.labels};
    s.nextJobRunAt = nextRun(parseCron(s.schedule), this.now())?.toISOString() ?? null;
    await this.save();
    return s;
  }

  async delete(s: ScheduledJobRecord): Promise<void> {
    this.items.delete(s.id);
    this.secretValues.delete(s.id);
    await this.save();
  }

  /** Starts one run of the scheduled job now (trigger, or its cron time). */
  async run(s: ScheduledJobRecord): Promise<JobRecord> {
    const known = this.secretValues.get(s.id) ?? {};
    const secrets = Object.fromEntries(s.secretNames.filter((n) => n in known).map((n) => [n, known[n]!]));
    const lost = s.secretNames.filter((n) => !(n in known));
    const job = await this.runner.create({...s.spec, labels: {...s.spec.labels}, secrets}, s.owner, s.createdBy, [
      `[sandbox] run of scheduled job ${s.id} (schedule "${s.schedule}").`,
      ...(lost.length
        ? [
            `[sandbox] secrets ${lost.join(', ')} of scheduled job ${s.id} are not known since the sandbox restarted: this run goes without them.`,
          ]
        : []),
    ]);
    s.lastJob = {id: job.id, at: job.createdAt};
    await this.save();
    return job;
  }

  /** Starts every job whose time has come (skipping one whose last run still runs, unless concurrency is on). */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      await this.ready;
      const now = this.now();
      for (const s of this.items.values()) {
        if (s.suspend || !s.nextJobRunAt || Date.parse(s.nextJobRunAt) > now.getTime()) continue;
        s.nextJobRunAt = nextRun(parseCron(s.schedule), now)?.toISOString() ?? null;
        const last = s.lastJob ? this.runner.get(s.lastJob.id) : undefined;
        if (!s.concurrency && last && !TERMINAL_STAGES.includes(last.status.stage)) continue;
        await this.run(s).catch(() => {});
      }
    } finally {
      this.ticking = false;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.saving.catch(() => {});
  }
}

/** The /api/scheduled-jobs routes; returns the scheduler's close. */
export function registerScheduledJobRoutes(
  router: Parameters<RouteModule>[0],
  dataDir: string,
  runner: JobRunner,
  authorize: Auth,
  authorizeRead: Auth,
  parseLabels: (body: unknown) => Record<string, string>,
): () => Promise<void> {
  const scheduler = new Scheduler(join(dataDir, 'scheduled-jobs.json'), runner);
  const base = `^/api/scheduled-jobs/${NS}`;

  router.on('POST', new RegExp(`${base}$`), async (ctx) => {
    const {owner, user} = authorize(ctx, ctx.params.ns!);
    await scheduler.ready;
    sendJson(ctx, 200, scheduledJobJson(await scheduler.create(await readJson(ctx.req), owner, user)));
  });

  router.on('GET', new RegExp(`${base}$`), async (ctx) => {
    authorizeRead(ctx, ctx.params.ns!);
    await scheduler.ready;
    sendJson(ctx, 200, scheduler.list(ctx.params.ns!).map(scheduledJobJson));
  });

  router.on('GET', new RegExp(`${base}/${ID}$`), async (ctx) => {
    authorizeRead(ctx, ctx.params.ns!);
    await scheduler.ready;
    sendJson(ctx, 200, scheduledJobJson(scheduler.get(ctx.params.ns!, ctx.params.id!)));
  });

  router.on('DELETE', new RegExp(`${base}/${ID}$`), async (ctx) => {
    authorize(ctx, ctx.params.ns!);
    await scheduler.ready;
    ctx.req.resume();
    await scheduler.delete(scheduler.get(ctx.params.ns!, ctx.params.id!));
    sendJson(ctx, 200, {});
  });

  for (const [action, suspend] of [
    ['suspend', true],
    ['resume', false],
  ] as const) {
    router.on('POST', new RegExp(`${base}/${ID}/${action}$`), async (ctx) => {
      authorize(ctx, ctx.params.ns!);
      await scheduler.ready;
      ctx.req.resume();
      sendJson(
        ctx,
        200,
        scheduledJobJson(await scheduler.update(scheduler.get(ctx.params.ns!, ctx.params.id!), {suspend})),
      );
    });
  }

  router.on('POST', new RegExp(`${base}/${ID}/run$`), async (ctx) => {
    authorize(ctx, ctx.params.ns!);
    await scheduler.ready;
    ctx.req.resume();
    sendJson(ctx, 200, jobJson(await scheduler.run(scheduler.get(ctx.params.ns!, ctx.params.id!))));
  });

  // Replaces every label of the jobs it starts (huggingface_hub update_scheduled_job_labels).
  router.on('PUT', new RegExp(`${base}/${ID}/labels$`), async (ctx) => {
    authorize(ctx, ctx.params.ns!);
    await scheduler.ready;
    const s = scheduler.get(ctx.params.ns!, ctx.params.id!);
    const labels = parseLabels(await readJson(ctx.req));
    sendJson(ctx, 200, scheduledJobJson(await scheduler.update(s, {labels})));
  });

  router.on('POST', new RegExp(`${base}/${ID}/schedule$`), async (ctx) => {
    authorize(ctx, ctx.params.ns!);
    await scheduler.ready;
    const s = scheduler.get(ctx.params.ns!, ctx.params.id!);
    const schedule = checkedSchedule(((await readJson(ctx.req)) as {schedule?: unknown} | null)?.schedule);
    sendJson(ctx, 200, scheduledJobJson(await scheduler.update(s, {schedule})));
  });

  return () => scheduler.close();
}
