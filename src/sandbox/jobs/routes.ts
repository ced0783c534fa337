// The Jobs API as @huggingface/hub 2.17 and huggingface_hub call it (hub-wire-format.md §1 "Jobs", §5;
// hf-auth-and-jobs.md §3): run, list, inspect, cancel, logs (SSE), hardware; plus the job's page.
import {createReadStream} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {findOrg, findUser} from '../accounts.js';
import {requireUser, type RouteModule, type SandboxRequest} from '../context.js';
import {HttpError, readJson, sendJson} from '../http.js';
import {readLogTail, sendJobPage} from '../routes/pages.js';
import {canRunJobs, userCanWriteNamespace} from '../permissions.js';
import {JOB_HARDWARE} from './hardware.js';
import {JobRunner} from './runner.js';
import {jobJson, validateJobSpec, type JobOwner, type JobRecord} from './spec.js';

const NS = '(?<ns>[^/]+)';
const ID = '(?<id>[^/]+)';
const KEEP_ALIVE_MS = 30_000;

function ownerOf(ctx: SandboxRequest, namespace: string): JobOwner {
  const user = findUser(ctx.sandbox.accounts, namespace);
  if (user) return {id: user.id, name: user.name, type: 'user'};
  const org = findOrg(ctx.sandbox.accounts, namespace);
  if (org) return {id: org.id, name: org.name, type: 'org'};
  throw new HttpError(404, `Namespace "${namespace}" not found`);
}

/** The caller, if their token may run (and so read and cancel) jobs in the namespace; else the Hub's 401/403. */
function authorize(ctx: SandboxRequest, namespace: string): {owner: JobOwner; user: {id: string; name: string}} {
  const {user, token} = requireUser(ctx);
  const owner = ownerOf(ctx, namespace);
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
  return {owner, user: {id: user.id, name: user.name}};
}

function findJob(runner: JobRunner, namespace: string, id: string): JobRecord {
  const job = runner.get(id);
  if (!job || job.owner.name !== namespace) throw new HttpError(404, `Job ${id} not found in namespace "${namespace}"`);
  return job;
}

export const registerJobRoutes: RouteModule = (router, sandbox) => {
  const runner = new JobRunner(join(sandbox.dataDir, 'jobs'), () => sandbox.baseUrl, sandbox);

  router.on('GET', /^\/api\/jobs\/hardware$/, (ctx) => {
    sendJson(ctx, 200, JOB_HARDWARE);
  });

  // Whether the token may run jobs in the namespace, without running one.
  router.on('POST', new RegExp(`^/api/jobs/${NS}/auth-check/write$`), (ctx) => {
    authorize(ctx, ctx.params.ns!);
    sendJson(ctx, 200, {});
  });

  router.on('POST', new RegExp(`^/api/jobs/${NS}$`), async (ctx) => {
    const namespace = ctx.params.ns!;
    const {owner, user} = authorize(ctx, namespace);
    const spec = validateJobSpec(await readJson(ctx.req));
    const job = await runner.create(spec, owner, user);
    sendJson(ctx, 200, jobJson(job));
  });

  router.on('GET', new RegExp(`^/api/jobs/${NS}$`), async (ctx) => {
    const namespace = ctx.params.ns!;
    authorize(ctx, namespace);
    await runner.ready;
    const stages = ctx.url.searchParams.getAll('stage').map((s) => s.toUpperCase());
    const labels = ctx.url.searchParams.getAll('label').map((l) => l.split('='));
    const jobs = runner
      .list(namespace)
      .filter((j) => stages.length === 0 || stages.includes(j.status.stage))
      .filter((j) => labels.every(([k, v]) => k !== undefined && (v === undefined ? k in j.labels : j.labels[k] === v)));
    sendJson(ctx, 200, jobs.map(jobJson));
  });

  router.on('GET', new RegExp(`^/api/jobs/${NS}/${ID}$`), async (ctx) => {
    const namespace = ctx.params.ns!;
    authorize(ctx, namespace);
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

  router.on('GET', new RegExp(`^/api/jobs/${NS}/${ID}/logs$`), async (ctx) => {
    const namespace = ctx.params.ns!;
    authorize(ctx, namespace);
    await runner.ready;
    const job = findJob(runner, namespace, ctx.params.id!);
    await streamLogs(ctx, runner, job);
  });

  // The job's page ({hub}/jobs/{owner}/{id}), the URL the clients print: status and the last log lines, as HTML.
  router.on('GET', new RegExp(`^/jobs/${NS}/${ID}$`), async (ctx) => {
    await runner.ready;
    const job = runner.get(ctx.params.id!);
    if (!job || job.owner.name !== ctx.params.ns) throw new HttpError(404, 'Job not found');
    sendJobPage(ctx, job, await readLogTail(runner.logFile(job.id), 30), runner.secretsOf(job.id));
  });

  return () => runner.close();
};

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
    const events = (offset === Infinity ? text : Buffer.from(text).subarray(0, offset).toString('utf8')).split('\n\n').filter(Boolean);
    res.write(events.slice(events.length - Math.min(tail, events.length)).map((e) => `${e}\n\n`).join(''));
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
