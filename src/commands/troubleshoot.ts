// `hf-jobs-wizard troubleshoot [FILE|-] [--job ID]`: classify an error text or a job's log, and say how to fix it.
import {resolve} from 'node:path';
import {createLiveContext, whoAmIOnce, type LiveHub} from '../core/checks/live-context.js';
import {appCommand} from '../core/invocation.js';
import {DEFAULT_ENDPOINT} from '../core/endpoint.js';
import {parseJobRef} from '../core/jobs/ref.js';
import {createHubClient, type HubClient} from '../core/hub/client.js';
import {describeHubError, type HubErrorDescription} from '../core/hub/errors.js';
import {findPastedTokens} from '../core/troubleshoot/pasted-tokens.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {redactLine, redactSecrets} from '../core/tokens/mask.js';
import {maskSplitTokens} from '../core/tokens/split.js';
import {shellQuoteShown} from '../core/jobspec/shell.js';
import type {TokenSource} from '../core/store/resolve.js';
import {buildReport, reportLines, type ReportInput, type TroubleshootReport} from '../core/troubleshoot/report.js';
import {classifyJob, classifyText, type Classification} from '../core/troubleshoot/classify.js';
import {diagnose, type DiagnoseContext, type Diagnosis} from '../core/troubleshoot/diagnose.js';
import {extractFacts} from '../core/troubleshoot/facts.js';
import {liveCheckPasted, namesSomethingLive} from '../core/troubleshoot/live.js';
import {jobAsSubmitted, rerunCommand, type JobAsSubmitted, type Rerun} from '../core/troubleshoot/rerun.js';
import {AppError, EXIT, writeLine, type CommandIo} from '../io.js';
import {readPipedText} from './stdin.js';
import {pipeOptions, ReadTextError, readTextFile} from './read-text.js';
import {parseCommandArgs} from './args.js';
import {openHubTarget, targetFlagProblem, type HubTarget} from './hub-target.js';

const HELP = `Usage: hf-jobs-wizard troubleshoot [FILE|-] [--job [NAMESPACE/]ID] [--json] [--offline] [--endpoint URL | --sandbox]

Reads an error (a Python traceback, an @huggingface/hub error, an HTTP status line, a job log) from FILE (a pipe
too: \`${appCommand('troubleshoot <(python job.py 2>&1)')}\`) or stdin, says which problem it is (401, 403,
missing token, repo not found, gated repo, token format, rate limit, network, 402 no credits, job timeout, job not found, server error, org token policy, or the job's
script failing on its own), why it happens and how to fix it; a text no rule knows gets a best guess from its words
(said so), or none when the guess is not sure enough. With --job, fetches that job's status and log from the
Hub and checks your token live to name the actual cause. A pasted text that names a namespace, a repo or a job
is checked live too when a token is in effect (whoami and its orgs, the repo, where the job is). On a terminal with no FILE and nothing piped in,
it opens a screen where you paste the error (finish with Ctrl-D or an empty line) and offers fixes.

Examples:
  python train.py 2>&1 | ${appCommand('troubleshoot')}
  ${appCommand('troubleshoot error.txt --json')}
  ${appCommand('troubleshoot --job my-user/6650f0c2a1b2c3d4e5f60718')}
  ${appCommand('troubleshoot --sandbox --job practice-user/JOB_ID')}

Options:
  --job ID        a job id (in your namespace) or NAMESPACE/ID
  --offline       classify the text only: no live check of what it names
  --json          print {"problem", "title", "evidence", "causes", "solutions", "checks", "report"} (+ "candidates"
                  when unsure, + "guess": {"confidence"} when the problem is a best guess; "report" is the whole
                  answer: why, findings, fix steps, actions)
  --endpoint URL  the Hub to ask (default: HF_ENDPOINT, else https://huggingface.co)
  --sandbox       the offline sandbox Hub and its practice login (\`${appCommand('login --sandbox')}\`), the same
                  one the wizard and \`${appCommand('example --sandbox')}\` use
  -h, --help      show this help

Exit codes: 0 classified, 1 the job could not be fetched, 2 usage error (e.g. nothing to read).`;

const PIPE_HINT = `Nothing to read: pipe the error in (\`python job.py 2>&1 | ${appCommand('troubleshoot')}\`), give a file (\`${appCommand('troubleshoot error.txt')}\`), or paste it with \`${appCommand('troubleshoot -')}\` and end with Ctrl-D.`;
const LOG_WAIT_MS = 15_000;

function logWaitMs(env: CommandIo['env']): number {
  const v = env.HF_WIZARD_LOG_WAIT_MS;
  return v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : LOG_WAIT_MS;
}
const STDIN_IDLE_MS = 5_000;

/** What troubleshoot reads of a file or a pipe at most (an endless `yes | troubleshoot -` grew without bound). */
const TEXT_LIMIT_BYTES = 16 * 1024 * 1024;

function readStdin(io: CommandIo, explicit: boolean): Promise<string | undefined> {
  return readPipedText(io.stdin, {...(explicit ? {} : {idleMs: STDIN_IDLE_MS}), limitBytes: TEXT_LIMIT_BYTES});
}

interface JobLog {
  namespace: string;
  id: string;
  stage?: string;
  message?: string;
  /** Why the Hub canceled it (NO_CREDITS, NO_SUBSCRIPTION, RESOURCE_GROUP_LIMIT). */
  cancelReason?: string;
  log: string;
  secretNames: string[];
  envNames: string[];
  truncated: boolean;
  /** How it was submitted, for the command that runs it again. */
  spec?: JobAsSubmitted;
}

/** What the diagnosis reads of a fetched job: its secret and env names, its timeout and flavor. */
function jobFacts(job: JobLog): NonNullable<DiagnoseContext['job']> {
  return {
    secretNames: job.secretNames,
    envNames: job.envNames,
    ...(job.spec?.timeoutSeconds !== undefined ? {timeoutSeconds: job.spec.timeoutSeconds} : {}),
    ...(job.spec?.flavor ? {flavor: job.spec.flavor} : {}),
  };
}

function names(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (value && typeof value === 'object') return Object.keys(value);
  return [];
}

/**
 * The job's status, then its log for at most `waitMs` (HF_WIZARD_LOG_WAIT_MS, default 15 s): a stream that stalls is
 * cut (its request aborted, so the process can exit after answering) and the answer says the log was truncated.
 */
async function fetchJob(hubUrl: string, token: string, namespace: string, id: string, waitMs: number): Promise<JobLog> {
  const stop = new AbortController();
  const abortable: typeof fetch = (input, init) =>
    fetch(input, {...init, signal: init?.signal ? AbortSignal.any([init.signal, stop.signal]) : stop.signal});
  const client: HubClient = createHubClient({hubUrl, accessToken: token, fetch: abortable});
  const job = (await client.getJob(namespace, id)) as unknown as {
    status?: {stage?: string; message?: string; cancelReason?: string};
    secrets?: unknown;
    environment?: unknown;
  };
  const lines: string[] = [];
  let truncated = false;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((r) => {
    timer = setTimeout(() => r('timeout'), waitMs);
  });
  const collect = (async () => {
    try {
      // The newest 20,000 lines within 8 M characters (one line is at most 64 KiB: core/hub/event-stream-cap.ts).
      let kept = 0;
      for await (const entry of client.streamJobLogs(namespace, id)) {
        const line = String(entry.message ?? '');
        lines.push(line);
        kept += line.length;
        while (lines.length > 20_000 || kept > 8_000_000) kept -= lines.shift()!.length;
      }
      return 'done' as const;
    } catch {
      // A log that cannot be read (refused, cut): the status above still answers; say the log is partial.
      return 'broken' as const;
    }
  })();
  const how = await Promise.race([collect, deadline]);
  clearTimeout(timer);
  if (how !== 'done') {
    truncated = true;
    stop.abort();
    await collect;
  }
  const out: JobLog = {
    namespace,
    id,
    log: lines.join('\n'),
    secretNames: names(job.secrets).map((n) => sanitizeLine(n)),
    envNames: names(job.environment).map((n) => sanitizeLine(n)),
    truncated,
  };
  const spec = jobAsSubmitted(namespace, job);
  if (spec) out.spec = spec;
  // What the server sent is shown and put in --json: no escape sequence, no token (a hostile endpoint's stage held a
  // screen clear), and the names of the job's secrets and variables as one-line text.
  if (job.status?.stage) out.stage = redactLine(String(job.status.stage), 64);
  if (job.status?.message) out.message = redactSecrets(String(job.status.message));
  if (typeof job.status?.cancelReason === 'string') out.cancelReason = redactLine(job.status.cancelReason, 64);
  return out;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** A failed request as the clients print it ("404 Not Found for url: …" and the Hub's words), for the classifier. */
function fetchErrorText(d: HubErrorDescription, url: string): string {
  return [
    `${d.status ? `${d.status} ${REASONS[d.status] ?? 'Error'}` : 'Request failed'} for url: ${url}`,
    d.message,
  ].join('\n');
}

const LIVE_REQUEST_MS = 10_000;

/** fetch with each request bounded (10 s). */
const bounded: typeof fetch = (input, init) => {
  const limit = AbortSignal.timeout(LIVE_REQUEST_MS);
  return fetch(input, {...init, signal: init?.signal ? AbortSignal.any([init.signal, limit]) : limit});
};

/**
 * The live check of a pasted text (core/troubleshoot/live.ts) when it names a namespace, a repo or a job and a token
 * is in effect; each request bounded (10 s), announced on stderr before any wait.
 */
async function livePasted(
  c: Classification,
  text: string,
  io: CommandIo,
  env: CommandIo['env'],
  endpoint: string,
): Promise<Diagnosis | undefined> {
  if (c.problem === 'unknown') return undefined;
  if (!namesSomethingLive(extractFacts(text))) return fromTextAlone(c, text, endpoint);
  const ctx = await createLiveContext({env, endpoint});
  if (!ctx.token) return fromTextAlone(c, text, endpoint);
  writeLine(io.stderr, `Checking what the text names on ${endpoint} with your token (whoami, the repo or the job)…`);
  return liveCheckPasted(c.problem, text, liveOptions(endpoint, {...ctx, token: ctx.token}));
}

/**
 * A pasted script failure names its own cause (a missing module and the dependency to add, no GPU, no memory): told
 * from the text alone, with only what the text says (a token here says nothing about a script's failure).
 */
function fromTextAlone(c: Classification, text: string, endpoint: string): Diagnosis | undefined {
  if (c.problem !== 'job-script-failed') return undefined;
  const d = diagnose(c.problem, {endpoint, evidence: text});
  return {...d, findings: d.findings.filter((f) => f.status === 'bad')};
}

/** What a live check of a pasted text runs with: the token, where it came from, and a Hub client bounded per request. */
function liveOptions(
  endpoint: string,
  ctx: {token: string; source?: TokenSource; shadowsSavedToken?: boolean},
): Parameters<typeof liveCheckPasted>[2] {
  return {
    endpoint,
    token: ctx.token,
    ...(ctx.source ? {source: ctx.source} : {}),
    ...(ctx.shadowsSavedToken ? {shadowsSavedToken: true} : {}),
    hub: createHubClient({hubUrl: endpoint, accessToken: ctx.token, fetch: bounded}),
  };
}

/**
 * A job not found where --job looked: looked up under the user and each of the user's orgs, as for a pasted "Job not
 * found" (core/troubleshoot/live.ts), so the answer names where the job is, or that the id is nowhere, rather than
 * guessing the first org. Undefined for any other problem, or when the lookup could not run.
 */
async function lookedUpElsewhere(
  c: Classification,
  evidence: string,
  io: CommandIo,
  endpoint: string,
  ctx: {token?: string; source?: TokenSource; shadowsSavedToken?: boolean},
): Promise<Diagnosis | undefined> {
  if (c.problem !== 'job-not-found' || !ctx.token) return undefined;
  writeLine(io.stderr, 'Not there: looking for it under your organizations…');
  return liveCheckPasted(c.problem, evidence, liveOptions(endpoint, {...ctx, token: ctx.token})).catch(() => undefined);
}

/** One report (core/troubleshoot/report.ts) from the classification, the live diagnosis and the job, if any. */
/** The tokens found in the text, for the report's first lines (core/troubleshoot/report.ts). */
type LeakInput = Required<Pick<ReportInput, 'leaks' | 'leakWhere' | 'revokeCommand'>>;

function toReport(
  c: Classification,
  endpoint: string,
  more: {diagnosis?: Diagnosis | undefined; job?: JobLog | undefined; rerun?: Rerun | undefined; leak: LeakInput},
): TroubleshootReport {
  const {diagnosis, job, rerun} = more;
  return buildReport({
    problem: c.problem,
    ...(c.guess ? {guess: true} : {}),
    endpoint,
    origin: job ? 'job' : 'pasted',
    seen: c.evidence,
    ...(c.candidates ? {alternatives: c.candidates.map((x) => x.problem)} : {}),
    ...(job
      ? {
          job: {
            namespace: job.namespace,
            id: job.id,
            ...(job.stage ? {stage: job.stage} : {}),
            ...(job.message ? {message: redactSecrets(job.message)} : {}),
            truncated: job.truncated,
          },
        }
      : {}),
    ...(diagnosis
      ? {
          diagnosis: {
            findings: diagnosis.findings,
            ...(diagnosis.actual ? {actual: diagnosis.actual} : {}),
            ...(diagnosis.cause ? {cause: diagnosis.cause} : {}),
          },
        }
      : {}),
    // The command runs none of the actions itself: it names them; a job fetched with --job can be run again when
    // the command that does it can be given.
    fix: {hasTarget: true, loggedIn: Boolean(job), hasJob: Boolean(rerun)},
    ...(rerun ? {rerun} : {}),
    ...more.leak,
  });
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs(
    'troubleshoot',
    args,
    {
      job: {type: 'string'},
      json: {type: 'boolean'},
      offline: {type: 'boolean'},
      endpoint: {type: 'string'},
      sandbox: {type: 'boolean'},
    },
    io,
    HELP,
  );
  if ('exit' in parsed) return parsed.exit;
  const {values, positionals} = parsed;
  if (positionals.length > 1) {
    throw new AppError('give one FILE (or - for stdin).', {exitCode: EXIT.usage});
  }
  const flagProblem = targetFlagProblem(values);
  if (flagProblem) {
    throw new AppError(flagProblem, {exitCode: EXIT.usage});
  }
  let text = '';
  const source = positionals[0];
  if (source !== undefined && source !== '-') {
    try {
      // A log's end says what went wrong: of a very long one, its last 16 MB.
      text = (
        await readTextFile(resolve(io.cwd, source), source, {
          limitBytes: TEXT_LIMIT_BYTES,
          tail: true,
          ...pipeOptions(io),
        })
      ).text;
    } catch (error) {
      if (!(error instanceof ReadTextError)) throw error;
      throw new AppError(error.message, {exitCode: EXIT.usage});
    }
  } else if (source === '-' || (!io.stdin.isTTY && values.job === undefined)) {
    const got = await readStdin(io, source === '-');
    if (got === undefined || got.trim() === '') {
      throw new AppError(PIPE_HINT, {exitCode: EXIT.usage});
    }
    text = got;
  } else if (values.job === undefined) {
    // On a terminal with nothing to read: the wizard's paste-an-error screen (classify, live diagnosis, fixes).
    if (io.stdin.isTTY && io.stdout.isTTY && !values.json) {
      const {runInteractive} = await import('./wizard.js');
      return runInteractive(
        {
          sandbox: Boolean(values.sandbox),
          plain: io.env.TERM === 'dumb',
          startAt: 'paste-error',
          ...(values.endpoint ? {endpoint: values.endpoint} : {}),
        },
        io,
      );
    }
    throw new AppError(PIPE_HINT, {exitCode: EXIT.usage});
  }

  let target: HubTarget | undefined;
  try {
    // --sandbox: the persistent sandbox and its own HF_HOME, where `login --sandbox` and the wizard saved the login.
    target = await openHubTarget(values, io.env);
    const {env, endpoint} = target;
    // A token in the pasted text comes first in the report: it must not be posted anywhere, and it may need revoking.
    const leaks = findPastedTokens(text);
    const leak: LeakInput = {
      leaks: leaks.map((l) => ({masked: l.masked, line: l.line})),
      leakWhere: source && source !== '-' ? source : 'This text',
      revokeCommand: appCommand(
        // On the Hub the text is answered for: a revoke sent to huggingface.co cannot revoke a token of another Hub.
        `revoke ${source && source !== '-' ? shellQuoteShown(source) : '-'}${values.sandbox ? ' --sandbox' : endpoint !== DEFAULT_ENDPOINT ? ` --endpoint ${shellQuoteShown(endpoint)}` : ''}`,
      ),
    };
    // Where a job can be run again by the hf CLI: not on a sandbox this command started itself (its URL ends with it).
    const rerunAt = target.sandbox
      ? target.sandbox.servedElsewhere && env.HF_HOME
        ? {hfHome: env.HF_HOME}
        : undefined
      : {};
    // A sandbox this command started stops when it ends: a link to its pages would be dead by the time it is opened.
    const pagesDie = Boolean(target.sandbox && !target.sandbox.servedElsewhere);
    return await classifyAndReport(
      text,
      values,
      io,
      {env, endpoint, ...(rerunAt ? {rerunAt} : {}), ...(pagesDie ? {pagesDie} : {})},
      leak,
    );
  } finally {
    await target?.close();
  }
}

async function classifyAndReport(
  text: string,
  values: {job?: string; json?: boolean; sandbox?: boolean; offline?: boolean},
  io: CommandIo,
  where: {env: CommandIo['env']; endpoint: string; rerunAt?: {hfHome?: string}; pagesDie?: boolean},
  leak: LeakInput,
): Promise<number> {
  const leakedTokens = leak.leaks.map((l) => l.masked);
  const {env, endpoint} = where;
  let job: JobLog | undefined;
  let rerun: Rerun | undefined;
  let diagnosis: Diagnosis | undefined;
  /** A job's own verdict (stage, message, cancel reason, log) classified as one. */
  let jobClass: Classification | undefined;
  // A token cut by a line break in the pasted text is masked as the token it spells before any line of it is shown.
  text = maskSplitTokens(text);
  const pasted = text;
  if (values.job !== undefined) {
    const ref = parseJobRef(values.job);
    if (!ref.ok) throw new AppError(ref.message, {exitCode: EXIT.usage});
    const ctx = await createLiveContext({env, endpoint});
    if (!ctx.token) {
      throw new AppError(
        // On the Hub the job is on: a bare `login` logs in to huggingface.co.
        `--job needs a token: log in first (\`${appCommand(values.sandbox ? 'login --sandbox --practice write' : endpoint === DEFAULT_ENDPOINT ? 'login' : `login --endpoint ${shellQuoteShown(endpoint)}`)}\`) or set HF_TOKEN.`,
        {exitCode: EXIT.failed},
      );
    }
    const client = createHubClient({hubUrl: endpoint, accessToken: ctx.token});
    ctx.hub = client as LiveHub;
    const who = await whoAmIOnce(ctx, {});
    const namespace = ref.namespace ?? (who?.ok ? who.info.user : undefined);
    const id = ref.id;
    if (!namespace) {
      throw new AppError(
        `cannot tell the job's namespace (${who && !who.ok ? who.error.message : 'give NAMESPACE/ID'}).`,
        {exitCode: EXIT.failed},
      );
    }
    // Feedback before any wait: the status and the log can take a while (each bounded).
    // The namespace may be the server's (whoami's name when the ref has none): shown as text only.
    writeLine(
      io.stderr,
      sanitizeLine(
        `Reading job ${namespace}/${id} from ${endpoint} (status, then up to ${Math.round(logWaitMs(env) / 1000)} s of its log)…`,
      ),
    );
    try {
      job = await fetchJob(endpoint, ctx.token, namespace, id, logWaitMs(env));
    } catch (error) {
      const d = describeHubError(error, {endpoint, secrets: [ctx.token]});
      // What the Hub answered is itself the failure to explain: 402, an org's token policy, a 404 under the wrong
      // namespace, a 5xx. Answered like a pasted text (no job was read, so none is offered to run again), then the error
      // line on stderr and exit 1 as before.
      const evidence = fetchErrorText(d, `${endpoint}/api/jobs/${namespace}/${id}`);
      const c = classifyText(evidence, {endpoint});
      const found =
        (await lookedUpElsewhere(c, evidence, io, endpoint, ctx)) ??
        diagnose(c.problem, {
          endpoint,
          evidence,
          token: ctx.token,
          ...(ctx.source ? {source: ctx.source} : {}),
          shadowsSavedToken: ctx.shadowsSavedToken,
          ...(who ? {who} : {}),
          namespace,
        });
      const report = buildReport({
        problem: c.problem,
        ...(c.guess ? {guess: true} : {}),
        endpoint,
        origin: 'job',
        seen: c.evidence,
        job: {namespace, id},
        diagnosis: {findings: found.findings, ...(found.actual ? {actual: found.actual} : {})},
        fix: {hasTarget: true, loggedIn: true, hasJob: false},
        ...leak,
      });
      if (values.json)
        writeLine(
          io.stdout,
          JSON.stringify({
            ...c,
            causes: report.causes.map((x) => x.text),
            job: {namespace, id, stage: null, truncated: false},
            fetchError: d.message,
            diagnosis: {actual: found.actual ?? null, findings: found.findings},
            report,
          }),
        );
      else for (const line of reportLines(report)) writeLine(io.stdout, line);
      throw new AppError(`could not fetch job ${namespace}/${id}: ${d.message}`, {exitCode: EXIT.failed});
    }
    // The log may print the token in use whatever its shape: mask it by value, not only by pattern; and a token cut
    // by a line break (two log lines, two partial entries of one long line) as the token it spells.
    job.log = redactSecrets(maskSplitTokens(job.log, [ctx.token]), [ctx.token]);
    if (job.message) job.message = redactSecrets(job.message, [ctx.token]);
    text = [
      text,
      job.message ? `Job status message: ${job.message}` : '',
      job.cancelReason ? `Cancel reason: ${job.cancelReason}` : '',
      job.log,
      job.stage ? `===== Job finished: status=${job.stage} =====` : '',
    ]
      .filter(Boolean)
      .join('\n');
    jobClass = classifyJob(
      {
        log: [pasted, job.log].filter(Boolean).join('\n'),
        ...(job.stage ? {stage: job.stage} : {}),
        ...(job.message ? {message: job.message} : {}),
        ...(job.cancelReason ? {cancelReason: job.cancelReason} : {}),
      },
      {endpoint},
    );
    diagnosis = diagnose(jobClass.problem, {
      endpoint,
      evidence: text,
      token: ctx.token,
      ...(ctx.source ? {source: ctx.source} : {}),
      shadowsSavedToken: ctx.shadowsSavedToken,
      ...(who ? {who} : {}),
      namespace,
      job: jobFacts(job),
    });
    if (job.spec && where.rerunAt)
      rerun = rerunCommand(job.spec, {
        endpoint,
        ...(who?.ok ? {user: who.info.user, ...(who.info.canPay ? {userCanPay: true} : {})} : {}),
        ...(diagnosis.actual ? {cause: diagnosis.actual.id} : {}),
        problem: jobClass.problem,
        token: ctx.token,
        ...where.rerunAt,
      });
  }

  const c = jobClass ?? classifyText(text, {endpoint});
  if (!job)
    diagnosis = values.offline ? fromTextAlone(c, text, endpoint) : await livePasted(c, text, io, env, endpoint);
  const report = toReport(c, endpoint, {diagnosis, job, rerun, leak});
  // The sandbox's pages end with this command (its practice logins are the re-login action's command).
  if (where.pagesDie) report.actions = report.actions.filter((a) => !a.url);
  if (values.json) {
    // The top-level causes are the report's (a sandbox-only cause only on the sandbox, or where the facts name it).
    const out: Record<string, unknown> = {...c, causes: report.causes.map((x) => x.text)};
    if (leakedTokens.length > 0) out.leakedTokens = leakedTokens;
    if (job) out.job = {namespace: job.namespace, id: job.id, stage: job.stage ?? null, truncated: job.truncated};
    if (diagnosis) out.diagnosis = {actual: diagnosis.actual ?? null, findings: diagnosis.findings};
    out.report = report;
    writeLine(io.stdout, JSON.stringify(out));
  } else for (const line of reportLines(report)) writeLine(io.stdout, line);
  return EXIT.ok;
}
