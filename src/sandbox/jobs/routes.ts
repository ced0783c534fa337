// The Jobs API as @huggingface/hub 2.17 and huggingface_hub call it (hub-wire-format.md §1 "Jobs", §5;
// hf-auth-and-jobs.md §3): run, list, count, inspect, cancel, duplicate, labels, logs (SSE), hardware, the
// auth checks; plus the job's page.
// Read access (list, count, inspect, logs, auth-check/read): a member of the namespace with any token that can read
// there (read or write role; fine-grained with job.write on it). The Hub's exact rule for read tokens is not
// documented; the existence of auth-check/read says reading jobs is a permission of its own, so a read token may look
// at jobs but never run, cancel, relabel or duplicate them (those need write, as before).
import {createReadStream} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {findOrg, findUser} from '../accounts.js';
import {requireUser, type RouteModule, type SandboxRequest} from '../context.js';
import {HttpError, readJson, sendJson} from '../http.js';
import {readLogTail, sendJobPage} from '../routes/pages.js';
import {canRunJobs, tokenHasScope, userCanWriteNamespace, userIsMember} from '../permissions.js';
import {creditsRunOutAfterMs, refuseJobsBySwitch, SWITCH_TEXTS} from '../practice-switches.js';
import {JOB_HARDWARE} from './hardware.js';
import {metricsEvent, sampleProcessGroup, type ProcessGroupSample} from './metrics.js';
import {JobRunner} from './runner.js';
import {registerScheduledJobRoutes} from './scheduled.js';
import {jobJson, TERMINAL_STAGES, validateJobSpec, type JobOwner, type JobRecord} from './spec.js';

const NS = '(?<ns>[^/]+)';
const ID = '(?<id>[^/]+)';
const KEEP_ALIVE_MS = 30_000;
const METRICS_INTERVAL_MS = 1000;

function ownerOf(ctx: SandboxRequest, namespace: string): JobOwner {
  const user = findUser(ctx.sandbox.accounts, namespace);
  if (user) return {id: user.id, name: user.name, type: 'user'};
  const org = findOrg(ctx.sandbox.accounts, namespace);
  if (org) return {id: org.id, name: org.name, type: 'org'};
  throw new HttpError(404, `Namespace "${namespace}" not found`);
}

/**
 * The caller, if their token may run (and so read and cancel) jobs in the namespace; else the Hub's 401/403.
 * `run` (submit, duplicate) also needs credits: a practice switch org (practice-switches.ts) may answer 402.
 */
function authorize(
  ctx: SandboxRequest,
  namespace: string,
  action: 'run' | 'write' = 'write',
): {owner: JobOwner; user: {id: string; name: string}} {
  const {user, token} = requireUser(ctx);
  const owner = ownerOf(ctx, namespace);
  refuseJobsBySwitch(namespace, 'write');
  if (!canRunJobs(user, token, namespace)) {
    let why: string;
    if (!userCanWriteNamespace(user, namespace)) {
      const role = user.orgs.find((o) => o.name === namespace)?.roleInOrg;
      why = role
        ? `your role in the organization "${namespace}" is "${role}", which cannot run jobs`
        : `${user.name} is not a member of "${namespace}"`;
    } else if (token.role === 'read') {
      why = `this is a read token; running jobs needs a write token, or a fine-grained token with the "job.write" permission on "${namespace}"`;
    } else {
      why = `this fine-grained token does not have the "job.write" permission on "${namespace}"`;
    }
    throw new HttpError(403, `You don't have the rights to run jobs under the namespace "${namespace}": ${why}`);
  }
  if (action === 'run') refuseJobsBySwitch(namespace, 'run');
  return {owner, user: {id: user.id, name: user.name}};
}

/** The caller, if their token may look at jobs in the namespace (see the header); else the Hub's 401/403. */
function authorizeRead(ctx: SandboxRequest, namespace: string): {owner: JobOwner; user: {id: string; name: string}} {
  const {user, token} = requireUser(ctx);
  const owner = ownerOf(ctx, namespace);
  refuseJobsBySwitch(namespace, 'read');
  const tokenAllows = token.role === 'read' || token.role === 'write' || tokenHasScope(token, 'job.write', namespace);
  if (!userIsMember(user, namespace) || !tokenAllows) {
    const why = !userIsMember(user, namespace)
      ? `${user.name} is not a member of "${namespace}"`
      : `this fine-grained token does not have the "job.write" permission on "${namespace}"`;
    throw new HttpError(403, `You don't have the rights to read jobs under the namespace "${namespace}": ${why}`);
  }
  return {owner, user: {id: user.id, name: user.name}};
}

const LABEL_KEY = /^[a-zA-Z0-9._-]{1,100}$/;
const LABEL_VALUE = /^[a-zA-Z0-9._-]{0,100}$/;

/** `{"labels": {...}}` of PUT …/labels, checked like the Hub's schema (keys and values of [a-zA-Z0-9._-], at most 100). */
export function parseLabels(body: unknown): Record<string, string> {
  const labels = (body as {labels?: unknown} | null)?.labels;
  if (!labels || typeof labels !== 'object' || Array.isArray(labels))
    throw new HttpError(400, '"labels" must be an object of label names to values');
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels as Record<string, unknown>)) {
    if (!LABEL_KEY.test(key))
      throw new HttpError(
        400,
        `Invalid label name "${key.slice(0, 120)}": letters, digits, '.', '_' and '-', at most 100`,
      );
    if (typeof value !== 'string' || !LABEL_VALUE.test(value)) {
      throw new HttpError(400, `Invalid value for label "${key}": letters, digits, '.', '_' and '-', at most 100`);
    }
    out[key] = value;
  }
  return out;
}

function findJob(runner: JobRunner, namespace: string, id: string): JobRecord {
  const job = runner.get(id);
  if (!job || job.owner.name !== namespace) throw new HttpError(404, `Job ${id} not found in namespace "${namespace}"`);
  return job;
}

export const registerJobRoutes: RouteModule = (router, sandbox) => {
  const runner = new JobRunner(
    join(sandbox.dataDir, 'jobs'),
    () => sandbox.baseUrl,
    sandbox,
    sandbox.jobIsolation ?? 'auto',
  );

  router.on('GET', /^\/api\/jobs\/hardware$/, (ctx) => {
    sendJson(ctx, 200, JOB_HARDWARE);
  });

  // Whether the token may run (write) or look at (read) jobs in the namespace: 200 {namespace: {id, name}, user: {id, name}}.
  router.on('POST', new RegExp(`^/api/jobs/${NS}/auth-check/(?<perms>read|write)$`), (ctx) => {
    ctx.req.resume();
    const {owner, user} =
      ctx.params.perms === 'read' ? authorizeRead(ctx, ctx.params.ns!) : authorize(ctx, ctx.params.ns!);
    sendJson(ctx, 200, {namespace: {id: owner.id, name: owner.name}, user});
  });

  router.on('GET', new RegExp(`^/api/jobs/${NS}/count$`), async (ctx) => {
    authorizeRead(ctx, ctx.params.ns!);
    await runner.ready;
    sendJson(ctx, 200, {count: runner.list(ctx.params.ns!).length});
  });

  router.on('POST', new RegExp(`^/api/jobs/${NS}$`), async (ctx) => {
    const namespace = ctx.params.ns!;
    const {owner, user} = authorize(ctx, namespace, 'run');
    const spec = validateJobSpec(await readJson(ctx.req));
    const job = await runner.create(spec, owner, user);
    // practice-credits-run-out: the job starts, then the namespace "runs out of credits" (cancel reason NO_CREDITS):
    // at its first output or after a few seconds, whichever comes first, so a job that ends within a second (the
    // wizard's example) is canceled too, on purpose, as this org promises.
    const after = creditsRunOutAfterMs(namespace);
    if (after !== undefined) {
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((r) => (timer = setTimeout(r, after).unref()));
      void Promise.race([runner.firstOutput(job.id), waited]).then(() => {
        clearTimeout(timer);
        return runner.cancel(job.id, SWITCH_TEXTS.creditsRunOut, 'NO_CREDITS').catch(() => {});
      });
    }
    sendJson(ctx, 200, jobJson(job));
  });

  router.on('GET', new RegExp(`^/api/jobs/${NS}$`), async (ctx) => {
    const namespace = ctx.params.ns!;
    authorizeRead(ctx, namespace);
    await runner.ready;
    const stages = ctx.url.searchParams.getAll('stage').map((s) => s.toUpperCase());
    const labels = ctx.url.searchParams.getAll('label').map((l) => l.split('='));
    const jobs = runner
      .list(namespace)
      .filter((j) => stages.length === 0 || stages.includes(j.status.stage))
      .filter((j) =>
        labels.every(([k, v]) => k !== undefined && (v === undefined ? k in j.labels : j.labels[k] === v)),
      );
    sendJson(ctx, 200, jobs.map(jobJson));
  });

  router.on('GET', new RegExp(`^/api/jobs/${NS}/${ID}$`), async (ctx) => {
    const namespace = ctx.params.ns!;
    authorizeRead(ctx, namespace);
    await runner.ready;
    sendJson(ctx, 200, jobJson(findJob(runner, namespace, ctx.params.id!)));
  });

  router.on('POST', new RegExp(`^/api/jobs/${NS}/${ID}/cancel$`), async (ctx) => {
    const namespace = ctx.params.ns!;
    const {user} = authorize(ctx, namespace);
    await runner.ready;
    const job = findJob(runner, namespace, ctx.params.id!);
    ctx.req.resume();
    await runner.cancel(job.id, `Canceled by ${user.name}`);
    sendJson(ctx, 200, jobJson(job));
  });

  // Replaces every label (huggingface_hub update_job_labels; `hf jobs labels`).
  router.on('PUT', new RegExp(`^/api/jobs/${NS}/${ID}/labels$`), async (ctx) => {
    const namespace = ctx.params.ns!;
    authorize(ctx, namespace);
    await runner.ready;
    const job = findJob(runner, namespace, ctx.params.id!);
    const labels = parseLabels(await readJson(ctx.req));
    sendJson(ctx, 200, jobJson(await runner.setLabels(job.id, labels)));
  });

  // Runs the job again with the same spec (hfjs duplicateJob). Secret values are kept in memory only while the
  // sandbox runs; after a restart the copy runs without them and its log says so.
  router.on('POST', new RegExp(`^/api/jobs/${NS}/${ID}/duplicate$`), async (ctx) => {
    const namespace = ctx.params.ns!;
    const {owner, user} = authorize(ctx, namespace, 'run');
    await runner.ready;
    const job = findJob(runner, namespace, ctx.params.id!);
    ctx.req.resume();
    sendJson(ctx, 200, jobJson(await runner.duplicate(job.id, owner, user)));
  });

  router.on('GET', new RegExp(`^/api/jobs/${NS}/${ID}/logs$`), async (ctx) => {
    const namespace = ctx.params.ns!;
    authorizeRead(ctx, namespace);
    await runner.ready;
    const job = findJob(runner, namespace, ctx.params.id!);
    await streamLogs(ctx, runner, job);
  });

  // Live CPU/memory of the job's processes, one `event: metric` a second while it runs (metrics.ts). As on the Hub,
  // a finished job answers 500 (huggingface_hub tolerates it); the stream ends when the job does.
  router.on('GET', new RegExp(`^/api/jobs/${NS}/${ID}/metrics$`), async (ctx) => {
    const namespace = ctx.params.ns!;
    authorizeRead(ctx, namespace);
    await runner.ready;
    const job = findJob(runner, namespace, ctx.params.id!);
    if (TERMINAL_STAGES.includes(job.status.stage)) {
      throw new HttpError(
        500,
        `Job ${job.id} has finished (${job.status.stage}): metrics are streamed only while a job runs`,
      );
    }
    await streamMetrics(ctx, runner, job);
  });

  // The job's page ({hub}/jobs/{owner}/{id}), the URL the clients print: status and the last log lines, as HTML.
  router.on('GET', new RegExp(`^/jobs/${NS}/${ID}$`), async (ctx) => {
    await runner.ready;
    const job = runner.get(ctx.params.id!);
    if (!job || job.owner.name !== ctx.params.ns) throw new HttpError(404, 'Job not found');
    sendJobPage(ctx, job, await readLogTail(runner.logFile(job.id), 30), runner.secretsOf(job.id));
  });

  const closeScheduler = registerScheduledJobRoutes(
    router,
    sandbox.dataDir,
    runner,
    authorize,
    authorizeRead,
    parseLabels,
  );

  return async () => {
    await closeScheduler();
    await runner.close();
  };
};

/** Samples the job's process group every second and writes one metric event each time, until the job ends. */
async function streamMetrics(ctx: SandboxRequest, runner: JobRunner, job: JobRecord): Promise<void> {
  const {res} = ctx;
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
    'X-Request-Id': ctx.requestId,
  });
  res.flushHeaders();
  const replica = job.id.slice(-5);
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  const sample = async (): Promise<{at: number; value: ProcessGroupSample | undefined}> => {
    const pgid = runner.processGroupOf(job.id);
    return {at: Date.now(), value: pgid === undefined ? undefined : await sampleProcessGroup(pgid)};
  };
  let before = await sample();
  while (!closed && !TERMINAL_STAGES.includes(job.status.stage)) {
    await new Promise((resolve) => setTimeout(resolve, METRICS_INTERVAL_MS));
    if (closed || TERMINAL_STAGES.includes(job.status.stage)) break;
    const after = await sample();
    if (job.status.stage === 'RUNNING') {
      const event = metricsEvent(job.flavor, replica, before.value, after.value, (after.at - before.at) / 1000);
      res.write(`event: metric\ndata: ${JSON.stringify(event)}\n\n`);
    }
    before = after;
  }
  if (!res.writableEnded) res.end();
}

/** Replays the log file, then follows the live log until the job finishes; then the stream ends. */
async function streamLogs(ctx: SandboxRequest, runner: JobRunner, job: JobRecord): Promise<void> {
  const {res} = ctx;
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
    'X-Request-Id': ctx.requestId,
  });
  res.flushHeaders();
  const file = runner.logFile(job.id);
  const live = runner.liveLog(job.id);

  let pending: string[] | undefined = [];
  let ended = false;
  let closed = false;
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();
  const subscription = live?.subscribe({
    chunk(text) {
      if (pending) pending.push(text);
      else res.write(text);
    },
    end() {
      ended = true;
      if (!pending) finish();
    },
  });
  const finish = () => {
    clearInterval(keepAlive);
    subscription?.unsubscribe();
    if (!res.writableEnded) res.end();
  };
  res.on('close', () => {
    closed = true;
    finish();
  });

  // Everything before `offset` is on disk; a finished job's whole file is.
  const offset = subscription ? subscription.offset : Infinity;
  const tail = Number(ctx.url.searchParams.get('tail') ?? NaN);
  if (Number.isInteger(tail) && tail >= 0) {
    // `?tail=N` (huggingface_hub's `hf jobs logs -n N`): only the last N lines of what is written so far.
    const text = await readFile(file, 'utf8').catch(() => '');
    const events = (offset === Infinity ? text : Buffer.from(text).subarray(0, offset).toString('utf8'))
      .split('\n\n')
      .filter(Boolean);
    res.write(
      events
        .slice(events.length - Math.min(tail, events.length))
        .map((e) => `${e}\n\n`)
        .join(''),
    );
  } else if (offset > 0) {
    await new Promise<void>((resolve) => {
      const stream = createReadStream(file, offset === Infinity ? {} : {start: 0, end: offset - 1});
      stream.on('error', () => resolve());
      stream.on('end', () => resolve());
      res.on('close', () => {
        stream.destroy();
        resolve();
      });
      stream.pipe(res, {end: false});
    });
  }
  if (closed) return;
  const queued = pending;
  pending = undefined;
  for (const text of queued) res.write(text);
  if (!live || ended || live.finished) finish();
}
