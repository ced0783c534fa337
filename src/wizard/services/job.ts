// The wizard's job services: the flavor's price, submit the job (the sandbox runs the example locally with the
// config's secrets and env), follow its stage and log (stream, with status polls deciding the end), cancel, and
// the submit error as one redacted line. Submit and follow are core/jobs' (one job path for the wizard, `example` and the lessons).
import {DEFAULT_CONFIG_FILE, parseTimeout, serializeJobConfig} from '../../core/jobspec/index.js';
import {gatherPreflight} from '../../core/preflight/gather.js';
import {plannedJobFromGoals} from '../../core/preflight/preflight.js';
import {DEFAULT_ENDPOINT} from '../../core/endpoint.js';
import {describeHubError, type HubErrorDescription} from '../../core/hub/errors.js';
import {appCommand} from '../../core/invocation.js';
import {isSandboxEndpoint, runsLocally} from '../../core/practice.js';
import {
  buildJob,
  followJob as runFollow,
  formatUsd,
  isBillingCancel,
  jobUrl,
  maxCostUsd,
  pricePerMinute,
  repoUrl,
  submitJob as submitOnce,
} from '../../core/jobs/index.js';
import {classifyText, type ProblemId} from '../../core/troubleshoot/index.js';
import type {Session, WizardServices} from '../../core/wizard/services.js';
import type {Example} from '../../examples/catalog.js';
import type {Outcome} from '../../core/wizard/types.js';
import {CONFIG_DIR, jobFiles, type ServiceContext} from './context.js';

export type JobServices = Pick<
  WizardServices,
  'flavorPrice' | 'preflight' | 'submitJob' | 'followJob' | 'cancelJob' | 'describeSubmitError'
>;

export function createJobServices(ctx: ServiceContext): JobServices {
  const pollMs = ctx.options.pollMs ?? 1000;
  const repoExistedBefore = new Map<string, boolean>();
  const {example, client, secrets} = ctx;

  return {
    async flavorPrice(session) {
      const ex = example(session);
      // The price of the job Run submits: hf-job.json's flavor and timeout (no timeout = the Hub's 30-minute default).
      const {config} = await jobFiles(ctx, session).catch(() => ({config: ex.config}));
      const flavor = config.flavor ?? 'cpu-basic';
      const timeout = config.timeout === undefined ? undefined : parseTimeout(config.timeout);
      const seconds = timeout?.ok ? timeout.seconds : config.timeout === undefined ? 30 * 60 : ex.timeoutSeconds;
      const hw = (await client(session).listJobHardware()).find((h) => h.name === flavor);
      if (!hw) return undefined;
      return `${hw.prettyName}: ${formatUsd(pricePerMinute(hw) * 60)}/hour, billed per minute; at most ${formatUsd(maxCostUsd(hw, seconds))} (it stops after ${Math.round(seconds / 60)} minutes)`;
    },

    async preflight(session) {
      const account = session.account;
      if (!account) throw new Error('Log in first: no token is selected.');
      const ex = example(session);
      // The job as it will be submitted: hf-job.json's flavor and timeout (no timeout = the Hub's 30-minute default).
      const {config} = await jobFiles(ctx, session);
      const timeout = config.timeout === undefined ? undefined : parseTimeout(config.timeout);
      const plan = plannedJobFromGoals(
        config.namespace ?? account.user,
        config.flavor ?? 'cpu-basic',
        timeout?.ok ? timeout.seconds : undefined,
        ex.goals(account.user),
      );
      try {
        return await gatherPreflight({
          hubUrl: session.target.endpoint,
          accessToken: ctx.token(session) ?? '',
          job: plan,
          sandbox: runsLocally(session.target),
        });
      } catch (error) {
        throw new Error(
          describeHubError(error, {endpoint: session.target.endpoint, secrets: secrets(session)}).message,
        );
      }
    },

    async submitJob(session) {
      const account = session.account;
      if (!account) throw new Error('Log in first: no token is selected.');
      const ex = example(session);
      const {config, scriptSource} = await jobFiles(ctx, session);
      // Where the job runs: hf-job.json's "namespace" (the checklist judged that one), else your own.
      const namespace = config.namespace ?? account.user;
      // core/jobs buildJob: "$HF_TOKEN" is filled in, in memory, with the token you logged in with (like hf jobs --secrets
      // HF_TOKEN); the sandbox runs the example locally (uv, else its Node twin) with exactly the config's secrets and env.
      const {spec, secretNames, envNames} = buildJob({
        example: ex,
        config,
        scriptSource,
        token: ctx.token(session) ?? '',
        target: runsLocally(session.target) ? 'sandbox' : 'hub',
        namespace,
      });
      ctx.lastJob = lastJobOf(spec, secretNames, envNames);
      // Whether the job's repo is already there: the result then says "updated" rather than "created".
      const target = ex.repo?.(account.user);
      const existed = target
        ? await client(session)
            .repoExists({type: target.type, name: target.id})
            .catch(() => undefined)
        : undefined;
      const submitted = await submitOnce(client(session), namespace, spec, {secrets: secrets(session)});
      if (submitted.submitted === 'unknown') {
        // A 5xx is an answer (a server error), not a lost one; either way the job may have been created.
        const status = describeHubError(submitted.error).status;
        const said =
          status !== undefined && status >= 500
            ? `The Hub answered the submit with a server error (${submitted.message}) and the job list could not be read either`
            : `The Hub's answer to the submit was lost (${submitted.message}) and the job could not be looked up`;
        throw new Error(
          `${said}: it may be running. Look at ${session.target.endpoint}/jobs/${namespace} before you submit again.`,
        );
      }
      if (!submitted.submitted) throw submitted.error;
      const job = submitted.job;
      if (existed !== undefined) repoExistedBefore.set(job.id, existed);
      const owner = (job as {owner?: {name?: string}}).owner?.name ?? namespace;
      return {id: job.id, namespace: owner, url: jobUrl(session.target.endpoint, owner, job.id)};
    },

    async followJob(session, job, on, signal) {
      const known = secrets(session);
      // core/jobs followJob: the log stream with status polls deciding the end (a broken stream falls back to polls).
      const followed = await runFollow({
        hubUrl: session.target.endpoint,
        accessToken: ctx.token(session) ?? '',
        namespace: job.namespace,
        jobId: job.id,
        secrets: known,
        signal,
        pollMs,
        maxMs: ctx.options.followMaxMs ?? 60 * 60_000,
        onStage: (stage) => on.stage(stage),
        // The started marker is shown as the RUNNING stage, not as a log line.
        onLog: (line) => {
          if (!/^===== Job started/.test(line)) on.log(line);
        },
      });
      const stage = followed.stage;
      const message = followed.message;
      const lines = followed.lines.filter((l) => !/^===== Job started/.test(l)).flatMap((l) => l.split(/\r?\n/));
      const outcome: Outcome = {stage, nextSteps: []};
      if (message) outcome.message = message;
      // Canceled by the Hub because the namespace cannot pay: a failure to explain, not the person's own cancel.
      const billing = stage === 'CANCELED' && isBillingCancel(followed.cancelReason);
      if (billing) outcome.cancelReason = followed.cancelReason!;
      // The log's end line, then no answer (a workshop's sandbox stopped mid-run): said so, and explained below.
      // Only a cancel: a job whose log says COMPLETED did, and one that says ERROR is explained by its own log.
      const lost = stage === 'CANCELED' && !billing && followed.statusLost !== undefined;
      if (lost) outcome.hubLost = followed.statusLost!;
      if (stage === 'COMPLETED') {
        const user = session.account?.user ?? job.namespace;
        const ex = example(session);
        // `example` runs the built-in job: said so when my-first-hf-job/ holds an edited one (the one that just ran).
        const files = await jobFiles(ctx, session).catch(() => undefined);
        const edited = Boolean(
          files?.fromFile &&
          (serializeJobConfig(files.config) !== serializeJobConfig(ex.config) || files.scriptSource !== ex.python),
        );
        describeCompletedRun(outcome, ex, user, session.target, repoExistedBefore.get(job.id), edited);
        return {outcome};
      }
      const failureText = [hubVerdict(followed, billing, lost) || (message ?? ''), ...lines.slice(-60)].join('\n');
      return {outcome, failureText};
    },

    async cancelJob(session, job) {
      await client(session).cancelJob(job.namespace, job.id);
    },

    describeSubmitError(session, error) {
      const d = describeHubError(error, {endpoint: session.target.endpoint, secrets: secrets(session)});
      return {message: d.message, problem: submitErrorProblem(d, session.target.endpoint)};
    },
  };
}

/** What the diagnosis reads of the job just submitted: its secret and env names, its timeout and flavor. */
function lastJobOf(spec: object, secretNames: string[], envNames: string[]): ServiceContext['lastJob'] {
  const {timeoutSeconds, flavor} = spec as {timeoutSeconds?: unknown; flavor?: unknown};
  return {
    secretNames,
    envNames,
    ...(typeof timeoutSeconds === 'number' ? {timeoutSeconds} : {}),
    ...(typeof flavor === 'string' ? {flavor} : {}),
  };
}

/**
 * The Hub's verdict on a job that did not complete, first in the text classified, in the words troubleshoot --job
 * uses ("Job ended CANCELED: … (cancel reason NO_CREDITS)"), or the Hub gone silent after the log's end line.
 */
function hubVerdict(
  f: {stage: string; message?: string; cancelReason?: string; statusLost?: string},
  billing: boolean,
  lost: boolean,
) {
  if (billing) return `Job ended CANCELED${f.message ? `: ${f.message}` : ''} (cancel reason ${f.cancelReason})`;
  if (lost) return `The job's log says it ended ${f.stage}, then its status could not be read: ${f.statusLost}`;
  return '';
}

/** A completed run's outcome: the repo it created or updated (push examples only), and the commands to go on with. */
function describeCompletedRun(
  outcome: Outcome,
  ex: Example,
  user: string,
  target: Session['target'],
  existed: boolean | undefined,
  edited = false,
): void {
  // Only the push examples create or update their repo; reading one is not "created".
  const pushes = ex.goals(user).some((g) => g.kind === 'push');
  const repo = pushes ? ex.repo?.(user) : undefined;
  if (repo) outcome.created = repoUrl(target.endpoint, repo);
  if (repo && existed !== undefined) outcome.repoExisted = existed;
  const sandbox = target.kind === 'sandbox';
  if (sandbox) outcome.sandbox = true;
  // Every command as it can be pasted (npx hf-jobs-wizard …); after a sandbox run, on the sandbox again; after a run on
  // another --endpoint, on that Hub again (without the flag the commands would go to huggingface.co).
  const flag = sandbox ? ' --sandbox' : target.endpoint !== DEFAULT_ENDPOINT ? ` --endpoint ${target.endpoint}` : '';
  outcome.nextSteps = [
    edited
      ? {
          what: `Run the built-in example without the wizard (your edits to ${CONFIG_DIR}/ are not in it)`,
          command: appCommand(`example ${ex.id}${flag}`),
        }
      : {what: 'Run it again without the wizard', command: appCommand(`example ${ex.id}${flag}`)},
    {
      what: 'Check any job config before you submit it',
      command: appCommand(`check ${CONFIG_DIR}/${DEFAULT_CONFIG_FILE}${flag}`),
    },
    {what: 'See who you are logged in as', command: appCommand(`status${flag}`)},
    // The lessons run on a sandbox: this one again when it was reached by its URL (a workshop's), else learn's own.
    {
      what: 'Learn the rest step by step',
      command: appCommand(
        !sandbox && isSandboxEndpoint(target.endpoint) ? `learn --endpoint ${target.endpoint}` : 'learn',
      ),
    },
  ];
}

/** The problem a refused submit points to: 402 credits, 5xx the Hub, the org token policy's 403, then by kind or text. */
function submitErrorProblem(d: HubErrorDescription, endpoint: string): ProblemId {
  if (d.status === 402) return 'payment-required';
  if (d.kind === 'server') return 'server-error';
  // A 403 in the org token policy's words is that policy, not scopes.
  if (d.kind === 'forbidden' && classifyText(`${d.message}\n${d.serverMessage ?? ''}`).problem === 'org-token-policy')
    return 'org-token-policy';
  if (d.kind === 'unauthorized') return 'unauthorized-401';
  if (d.kind === 'forbidden') return 'forbidden-403';
  if (d.kind === 'network') return 'network-error';
  if (d.kind === 'rate-limited') return 'rate-limited';
  return classifyText(d.message, {endpoint, guess: false}).problem;
}
