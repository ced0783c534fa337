// `hf-jobs-wizard example [NAME]`: submits an example job from the catalog, streams its log (secrets masked),
// and ends with COMPLETED (exit 0) or the failure stage (exit 1) plus a one-line hint. On the real Hub it shows
// the flavor's price first and asks for confirmation (or --yes).
import {parseArgs} from 'node:util';
import type {SandboxSession} from '../core/auth/sandbox-session.js';
import {isDefaultEndpoint} from '../core/endpoint.js';
import {createHubClient, type HubClient, type HubJob} from '../core/hub/client.js';
import {hubFixes} from '../core/checks/hub-fixes.js';
import {describeHubError} from '../core/hub/errors.js';
import {runsLocally} from '../core/practice.js';
import {gatherPreflight} from '../core/preflight/gather.js';
import {plannedJobFromGoals, preflightText, type PreflightReport} from '../core/preflight/preflight.js';
import type {Env} from '../core/store/paths.js';
import {resolveToken} from '../core/store/resolve.js';
import {maskToken, redactSecrets} from '../core/tokens/mask.js';
import {classifyText} from '../core/troubleshoot/classify.js';
import {EXAMPLES, findExample, type Example} from '../examples/catalog.js';
import {AppError, EXIT, isInterrupt, writeLine, type CommandIo} from '../io.js';
import {promptConfirm, promptSelect} from '../prompt.js';
import {
  buildJob,
  submitAsUvRun,
  followJob,
  type BuiltJob,
  type FollowResult,
  type SubmitResult,
  formatUsd,
  isTerminal,
  jobEndLine,
  jobUrl,
  maxCostUsd,
  pricePerMinute,
  repoUrl,
  submitJob,
} from '../core/jobs/index.js';
import {openHubTarget} from './hub-target.js';
import {APP_COMMAND} from '../core/invocation.js';

const HELP = `Usage: hf-jobs-wizard example [NAME] [--uv-run] [--yes] [--json] [--sandbox | --endpoint URL]

Submits one of the example jobs with your token as the job's HF_TOKEN secret, streams its log (tokens
masked) and tells you how it ended. Examples:
${EXAMPLES.map((e) => `  ${e.id.padEnd(22)}${e.description}`).join('\n')}

In the sandbox (--sandbox, or an --endpoint on this machine) the example runs locally: the Python script
under uv when uv is installed, else its Node twin (same steps, same messages). On the real Hub it runs the
Python script on HF Jobs (cpu-basic, 10 minute timeout): you are shown the price and asked to confirm.

Options:
  --sandbox       run it on the built-in sandbox Hub (its practice login, else the practice write token)
  --endpoint URL  the Hub to use (default: HF_ENDPOINT, else https://huggingface.co)
  --uv-run        submit it as \`hf jobs uv run --secrets HF_TOKEN SCRIPT\` does: the script uploaded with Xet to
                  your private bucket jobs-artifacts and mounted at /data, the job running \`uv run /data/SCRIPT\`
  --yes           do not ask before spending credits on the real Hub (needed without a terminal)
  --json          print one JSON summary on stdout (the log goes to stderr)
  -h, --help      show this help

Exit codes: 0 the job COMPLETED, 1 it failed (or could not be submitted), 2 usage error, 130 interrupted.`;

interface Options {
  name?: string;
  yes: boolean;
  json: boolean;
  sandbox: boolean;
  endpoint?: string;
  uvRun: boolean;
}

function parse(args: string[]): Options | 'help' {
  const {values, positionals} = parseArgs({
    args,
    options: {
      yes: {type: 'boolean', short: 'y'},
      json: {type: 'boolean'},
      sandbox: {type: 'boolean'},
      'uv-run': {type: 'boolean'},
      endpoint: {type: 'string'},
      help: {type: 'boolean', short: 'h'},
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return 'help';
  if (positionals.length > 1)
    throw new AppError(`one example at a time (got ${positionals.join(', ')})`, {exitCode: EXIT.usage});
  if (values.sandbox && values.endpoint)
    throw new AppError('--sandbox and --endpoint cannot be combined: the sandbox is its own endpoint', {
      exitCode: EXIT.usage,
    });
  return {
    ...(positionals[0] ? {name: positionals[0]} : {}),
    yes: Boolean(values.yes),
    json: Boolean(values.json),
    sandbox: Boolean(values.sandbox),
    uvRun: Boolean(values['uv-run']),
    ...(values.endpoint ? {endpoint: values.endpoint} : {}),
  };
}

async function chooseExample(o: Options, io: CommandIo): Promise<Example> {
  if (o.name) {
    const found = findExample(o.name);
    if (!found)
      throw new AppError(`unknown example "${o.name}". Choose one of: ${EXAMPLES.map((e) => e.id).join(', ')}.`, {
        exitCode: EXIT.usage,
      });
    return found;
  }
  const withoutTerminal = `name an example: ${EXAMPLES.map((e) => e.id).join(', ')} (e.g. \`${APP_COMMAND} example token-check --sandbox\`).`;
  if (o.json) throw new AppError(withoutTerminal, {exitCode: EXIT.usage});
  const id = await promptSelect(
    io,
    {
      message: 'Which example job?',
      choices: EXAMPLES.map((e) => ({name: `${e.title}: ${e.description}`, value: e.id})),
    },
    {withoutTerminal},
  );
  return findExample(id)!;
}

/** The price line for the real Hub, from GET /api/jobs/hardware. */
async function priceLine(client: HubClient, flavor: string, timeoutSeconds: number): Promise<string> {
  try {
    const hw = (await client.listJobHardware()).find((h) => h.name === flavor);
    if (!hw) return `Flavor ${flavor}: not in the Hub's hardware list, price unknown.`;
    return `Flavor ${flavor} (${hw.prettyName}, ${hw.cpu}, ${hw.ram}): ${formatUsd(pricePerMinute(hw) * 60)}/hour, billed per minute. The job stops after ${Math.round(timeoutSeconds / 60)} min at the latest, so it costs at most ${formatUsd(maxCostUsd(hw, timeoutSeconds))} (usually well under a minute's worth).`;
  } catch (error) {
    return `Flavor ${flavor}: price unknown (could not read ${client.hubUrl}/api/jobs/hardware: ${describeHubError(error).message}).`;
  }
}

async function confirmSpend(o: Options, io: CommandIo): Promise<void> {
  if (o.yes) return;
  const withoutTerminal =
    'this runs a real job on your Hugging Face account (it uses credits): pass --yes to confirm, or try it free with --sandbox.';
  const ok = await promptConfirm(io, {message: 'Run it on Hugging Face Jobs?', default: false}, {withoutTerminal});
  if (!ok) throw new AppError('Not submitted.', {exitCode: EXIT.failed});
}

/** Resolves when the person presses Ctrl-C (SIGINT), for as long as `active` runs. */
function interruptible<T>(active: Promise<T>): Promise<T | 'interrupted'> {
  let onSignal!: () => void;
  const interrupted = new Promise<'interrupted'>((resolve) => {
    onSignal = () => resolve('interrupted');
    process.once('SIGINT', onSignal);
  });
  // After an interrupt the stream is cut when the sandbox closes: that late rejection is expected, not an error.
  active.catch(() => {});
  return Promise.race([active, interrupted]).finally(() => process.off('SIGINT', onSignal));
}

function positiveMs(value: string | undefined): number | undefined {
  return value && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : undefined;
}

/** Who runs the example where: the Hub, the token (and where it came from), the namespace the job runs under. */
interface ExampleRun {
  example: Example;
  endpoint: string;
  sandbox: SandboxSession | undefined;
  /** The sandbox, or an endpoint on this machine: the example runs locally and costs nothing. */
  local: boolean;
  token: string;
  tokenFrom: string;
  secrets: string[];
  client: HubClient;
  namespace: string;
  err: (line: string) => void;
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  const err = (line: string) => writeLine(io.stderr, line);
  let o: Options;
  try {
    const parsed = parse(args);
    if (parsed === 'help') {
      writeLine(io.stdout, HELP);
      return EXIT.ok;
    }
    o = parsed;
  } catch (error) {
    throw new AppError(`${(error as Error).message}. Run \`${APP_COMMAND} example --help\`.`, {exitCode: EXIT.usage});
  }

  let sandbox: SandboxSession | undefined;
  let token: string | undefined;
  try {
    const example = await chooseExample(o, io);
    const target = await openHubTarget(o, io.env);
    sandbox = target.sandbox;
    const {endpoint} = target;
    const login = await exampleToken(target.env, sandbox, endpoint, example);
    token = login.token;
    const client = createHubClient({hubUrl: endpoint, accessToken: token});
    const secrets = [token];
    const r: ExampleRun = {
      example,
      endpoint,
      sandbox,
      local: runsLocally({kind: sandbox ? 'sandbox' : 'hub', endpoint}),
      token,
      tokenFrom: login.from,
      secrets,
      client,
      namespace: await namespaceOfToken(client, token, login.from, endpoint),
      err,
    };

    // core/jobs buildJob: the example's config with "$HF_TOKEN" filled in (in memory) as the secret HF_TOKEN.
    const built = buildJob({example, token, target: r.local ? 'sandbox' : 'hub', namespace: r.namespace});
    err(`Example "${example.title}" on ${sandbox ? 'the sandbox Hub' : endpoint} as ${r.namespace}: ${built.note}.`);
    err(
      `Token: ${maskToken(token)} from ${login.from}, passed to the job as the secret HF_TOKEN (only its name shows in the job's details).`,
    );
    const preflightReport = await preflightExample(r);
    if (!r.local) {
      if (!preflightReport) err(await priceLine(client, example.config.flavor, example.timeoutSeconds));
      await confirmSpend(o, io);
    }
    const {job, owner, url, uvRun} = await submitExample(r, o, built);

    const abort = new AbortController();
    const maxMs = positiveMs(io.env.HF_WIZARD_FOLLOW_MAX_MS) ?? (example.timeoutSeconds + 120) * 1000;
    const following = followJob({
      hubUrl: endpoint,
      accessToken: token,
      namespace: owner,
      jobId: job.id,
      secrets,
      signal: abort.signal,
      maxMs,
      ...(positiveMs(io.env.HF_WIZARD_POLL_MS) ? {pollMs: positiveMs(io.env.HF_WIZARD_POLL_MS)} : {}),
      onLog: (line) => err(line),
      onWait: (text) => err(text),
    });
    const outcome = await interruptible(following);
    if (outcome === 'interrupted') {
      abort.abort();
      if (sandbox) err('Interrupted: the sandbox stops and its running job is canceled.');
      else
        err(
          `Interrupted: the job keeps running on the Hub. Cancel it with \`hf jobs cancel ${job.id}\`, or follow it with \`hf jobs logs -f ${job.id}\`.`,
        );
      return EXIT.interrupted;
    }
    const hint = reportJobEnd(r, {id: job.id, owner, url}, outcome, maxMs);
    if (o.json) {
      writeLine(
        io.stdout,
        JSON.stringify({
          example: example.id,
          id: job.id,
          url,
          namespace: r.namespace,
          endpoint,
          sandbox: r.local,
          runner: built.runner,
          stage: outcome.stage,
          message: outcome.message ?? null,
          ...(hint ? {hint} : {}),
          logLines: outcome.lines.length,
          ...(outcome.ended === 'timeout' ? {followed: 'timeout'} : {}),
          ...(preflightReport ? {preflight: preflightReport} : {}),
          ...(uvRun ? {uvRun} : {}),
        }),
      );
    }
    return outcome.stage === 'COMPLETED' && outcome.ended === 'terminal' ? EXIT.ok : EXIT.failed;
  } catch (error) {
    // main reports it once (io.ts reportError); a Hub error is put in the Hub's words first, this token masked.
    if (error instanceof AppError || isInterrupt(error)) throw error;
    throw new AppError(
      redactSecrets(describeHubError(error, {secrets: token ? [token] : []}).message, token ? [token] : []),
      {cause: error},
    );
  } finally {
    await sandbox?.close();
  }
}

/** The token the example runs with (saved login or HF_TOKEN, else the sandbox's practice write token) and its source. */
async function exampleToken(
  env: Env,
  sandbox: SandboxSession | undefined,
  endpoint: string,
  example: Example,
): Promise<{token: string; from: string}> {
  const resolution = await resolveToken(env);
  const token = resolution.token ?? sandbox?.tokens.write;
  if (!token) {
    throw new AppError(
      `not logged in: run \`${APP_COMMAND} login${isDefaultEndpoint(endpoint) ? '' : ` --endpoint ${endpoint}`}\` (or set HF_TOKEN)${isDefaultEndpoint(endpoint) ? '' : ` for ${endpoint}`}, or practise with \`${APP_COMMAND} example ${example.id} --sandbox\`.`,
    );
  }
  const from = resolution.token
    ? resolution.source === 'file'
      ? 'your saved login'
      : `the ${resolution.source} environment variable`
    : 'the sandbox practice write token';
  return {token, from};
}

/** The user the token belongs to (whoami): the job runs under that namespace. */
async function namespaceOfToken(client: HubClient, token: string, from: string, endpoint: string): Promise<string> {
  try {
    return (await client.whoAmI()).name;
  } catch (error) {
    throw new AppError(
      `the Hub did not accept the token (${maskToken(token)} from ${from}): ${describeHubError(error, {endpoint, secrets: [token]}).message}`,
    );
  }
}

/** Pre-flight, before anything is submitted: allowed, paid for, how long, at what price. Throws when it fails. */
async function preflightExample(r: ExampleRun): Promise<PreflightReport | undefined> {
  const {example, endpoint, namespace, err} = r;
  const plan = plannedJobFromGoals(namespace, example.config.flavor, example.timeoutSeconds, example.goals(namespace));
  const report = await gatherPreflight({hubUrl: endpoint, accessToken: r.token, job: plan, sandbox: r.local}).catch(
    (error: unknown) => describeHubError(error, {endpoint, secrets: r.secrets}).message,
  );
  if (typeof report === 'string') {
    err(`Pre-flight could not be run (${report}); the Hub will decide at submit.`);
    return undefined;
  }
  for (const line of preflightText(report)) err(line);
  if (report.verdict === 'fail') {
    const tokenProblem = report.lines.some(
      (l) => l.status === 'fail' && (l.id === 'token-namespace' || l.id === 'token-repo' || l.id === 'auth-check'),
    );
    const next = tokenProblem ? ` ${hubFixes(endpoint).newToken(MAY_RUN_JOBS)}` : '';
    throw new AppError(
      `the job was not submitted: pre-flight found what the Hub would refuse it for (the ✗ lines above).${next}`,
    );
  }
  return report;
}

const MAY_RUN_JOBS = 'a write token (or a fine-grained token with job.write and repo.write)';

/**
 * One submit, labelled so a lost answer can be looked up (core/jobs/submit.ts): never "not submitted" for a job that
 * runs. --uv-run: the requests `hf jobs uv run` sends (bucket, Xet upload, job with the folder at /data), core/jobs/uv-run.ts.
 */
async function submitExample(
  r: ExampleRun,
  o: Options,
  built: BuiltJob,
): Promise<{job: HubJob; owner: string; url: string; uvRun?: {bucket: string; folder: string; script: string}}> {
  const {endpoint, namespace, err} = r;
  let submitted: SubmitResult;
  let uvRun: {bucket: string; folder: string; script: string} | undefined;
  if (o.uvRun) {
    const viaUv = await submitAsUvRun({
      hubUrl: endpoint,
      accessToken: r.token,
      namespace,
      built,
      script: {name: r.example.scriptName, source: r.example.python},
    });
    for (const line of viaUv.lines) err(line);
    submitted = viaUv.result;
    if (viaUv.uv) uvRun = {bucket: viaUv.uv.bucket, folder: viaUv.uv.folder, script: viaUv.uv.scriptPath};
  } else {
    submitted = await submitJob(r.client, namespace, built.spec, {secrets: r.secrets});
  }
  if (submitted.submitted === 'unknown') {
    throw new AppError(
      `the Hub's answer to the submit was lost (${submitted.message}) and the job list could not be read: the job may be running. Look at ${endpoint}/jobs/${namespace} before you submit again.`,
    );
  }
  if (!submitted.submitted) {
    const described = describeHubError(submitted.error, {endpoint, secrets: r.secrets});
    // A refused token gets the next step, not only the reason: a token that may run jobs here.
    const next = described.kind === 'forbidden' ? ` ${hubFixes(endpoint).newToken(MAY_RUN_JOBS)}` : '';
    throw new AppError(`the job was not submitted: ${described.message}${next}`);
  }
  const job = submitted.job;
  const owner = job.owner?.name ?? namespace;
  const url = jobUrl(endpoint, owner, job.id);
  if (submitted.recovered) err(`The Hub's answer to the submit was lost, but the job was submitted: id ${job.id}`);
  else err(`Job submitted: ${job.id}`);
  err(`  url: ${url}`);
  return {job, owner, url, ...(uvRun ? {uvRun} : {})};
}

/** How the job ended, on stderr: still running when following stopped, completed (its repo), or failed with a hint. */
function reportJobEnd(
  r: ExampleRun,
  job: {id: string; owner: string; url: string},
  outcome: FollowResult,
  maxMs: number,
): string | undefined {
  const {endpoint, err} = r;
  const stage = outcome.stage;
  const message = outcome.message ?? null;
  if (outcome.ended === 'timeout' && !isTerminal(stage)) {
    const hint = `Stopped following after ${Math.round(maxMs / 1000)} s: the job is still ${stage || 'not readable'} on the Hub. Follow it with \`hf jobs logs -f ${job.id}\` or open ${job.url}.`;
    err(hint);
    return hint;
  }
  if (stage === 'COMPLETED') {
    const repo = r.example.repo?.(r.namespace);
    err(jobEndLine(job.id, stage));
    // A sandbox this command started stops when it ends: its address is dead once the prompt is back.
    if (repo)
      err(
        `See ${repoUrl(endpoint, repo)}${r.sandbox ? ` while this command runs: the sandbox it started stops with it (your practice data is kept; \`${APP_COMMAND} sandbox\` serves it again, at the address it prints)` : ''}`,
      );
    return undefined;
  }
  const problem = classifyText(outcome.lines.join('\n'));
  const likely =
    problem.problem === 'unknown'
      ? (message ?? 'see the log above')
      : problem.guess
        ? `${problem.title} (a best guess)`
        : problem.title;
  const where = r.sandbox ? ' --sandbox' : isDefaultEndpoint(endpoint) ? '' : ` --endpoint ${endpoint}`;
  const hint = `Likely problem: ${redactSecrets(likely, r.secrets)}. Run \`${APP_COMMAND} troubleshoot --job ${job.owner}/${job.id}${where}\` for causes and fixes.`;
  err(jobEndLine(job.id, stage, message));
  err(hint);
  return hint;
}
