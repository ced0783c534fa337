// WizardServices over src/core: the token store, the hub client, the device flow, the examples, checks and troubleshooting.
import {spawn} from 'node:child_process';
import {join} from 'node:path';
import {deviceClientId, pollDeviceToken, requestDeviceCode} from '../auth/device-flow.js';
import {openSandboxSession, type SandboxSession} from '../auth/sandbox-session.js';
import {verifyToken, type VerifySource} from '../auth/verify.js';
import {resolveEndpoint} from '../endpoint.js';
import {createHubClient, type HubClient} from '../hub/client.js';
import {describeHubError} from '../hub/errors.js';
import type {Env} from '../store/paths.js';
import {describeSource, resolveToken} from '../store/resolve.js';
import {saveLogin} from '../store/session.js';
import {describeKind, evaluateGoal, summarizePermissions} from '../tokens/classify.js';
import {maskToken, redactSecrets} from '../tokens/mask.js';
import {BUILTIN_EXAMPLES, toSummary, type WizardExample} from './examples.js';
import {planFiles, writePlannedFiles} from './files.js';
import {runWizardChecks} from './checks.js';
import {classifyText, diagnoseProblem, problemInfo} from './problems.js';
import type {Session, ValidateResult, WizardServices} from './services.js';
import type {Account, JobRef, Outcome, TargetInfo, TokenSourceKind} from './types.js';

export interface RealServicesOptions {
  env: Env;
  cwd: string;
  /** --endpoint, if given. */
  endpointFlag?: string;
  /** An already running sandbox (tests, or `--sandbox` started by the command); else started on demand. */
  sandbox?: SandboxSession;
  /** Where an on-demand sandbox keeps its state. */
  sandboxDataDir?: string;
  /** Poll interval for job status (ms). */
  pollMs?: number;
}

const TERMINAL = new Set(['COMPLETED', 'CANCELED', 'ERROR', 'DELETED']);
const SOURCE_LABELS: Record<TokenSourceKind, string> = {
  input: 'pasted',
  practice: 'practice token',
  browser: 'browser login',
  HF_TOKEN: 'the HF_TOKEN environment variable',
  HUGGING_FACE_HUB_TOKEN: 'the HUGGING_FACE_HUB_TOKEN environment variable',
  file: 'the saved login',
};

export function createRealServices(options: RealServicesOptions): WizardServices {
  let sandbox = options.sandbox;
  let ownsSandbox = false;
  const examples: WizardExample[] = BUILTIN_EXAMPLES;
  const pollMs = options.pollMs ?? 1000;

  const envFor = (target: TargetInfo): Env => (target.kind === 'sandbox' && sandbox ? sandbox.env : options.env);
  const client = (session: Session, extra: {fetch?: typeof fetch} = {}): HubClient =>
    createHubClient({hubUrl: session.target.endpoint, ...(session.account ? {accessToken: session.account.token} : {}), ...extra});
  const example = (session: Session): WizardExample => {
    const found = examples.find((e) => e.id === session.exampleId) ?? examples[0];
    if (!found) throw new Error('No example jobs are available.');
    return found;
  };
  const secrets = (session: Session): string[] => (session.account ? [session.account.token] : []);

  async function validateToken(target: TargetInfo, token: string, source: TokenSourceKind): Promise<ValidateResult> {
    const verifySource: VerifySource = source === 'HF_TOKEN' || source === 'HUGGING_FACE_HUB_TOKEN' || source === 'file' ? source : 'input';
    const result = await verifyToken({endpoint: target.endpoint, token, source: verifySource});
    if (!result.ok) return {ok: false, message: redactSecrets(result.message, [token])};
    const info = result.info;
    const account: Account = {
      user: info.user,
      kind: info.kind,
      kindLabel: describeKind(info),
      info,
      source,
      sourceLabel: SOURCE_LABELS[source],
      masked: maskToken(token),
      permissions: summarizePermissions(info),
      storageName: info.storageName,
      token,
    };
    return {ok: true, account};
  }

  return {
    async prepareTarget(kind) {
      if (kind === 'sandbox') {
        if (!sandbox) {
          sandbox = await openSandboxSession(options.env, options.sandboxDataDir ? {dataDir: options.sandboxDataDir} : {});
          ownsSandbox = true;
        }
        return {target: {kind, endpoint: sandbox.endpoint, practice: true}, examples: examples.map(toSummary)};
      }
      const endpoint = resolveEndpoint(options.endpointFlag, options.env);
      return {target: {kind, endpoint, practice: false}, examples: examples.map(toSummary)};
    },

    async detectSavedToken(target) {
      const resolution = await resolveToken(envFor(target));
      if (!resolution.token || !resolution.source) return undefined;
      const sourceLabel = describeSource(resolution);
      const result = await validateToken(target, resolution.token, resolution.source);
      if (!result.ok) return {sourceLabel, invalidMessage: result.message};
      return {sourceLabel, account: {...result.account, sourceLabel}};
    },

    validateToken,

    async practiceToken(target, label) {
      return target.kind === 'sandbox' ? sandbox?.tokens[label] : undefined;
    },

    async browserLogin(target, onCode, signal) {
      const clientId = deviceClientId(envFor(target), target.endpoint);
      if (!clientId) throw new Error('Browser login is not available for huggingface.co from this tool yet: paste a token instead (or run `hf auth login`, then come back).');
      const authorization = await requestDeviceCode({endpoint: target.endpoint, clientId, signal});
      onCode(authorization.verificationUriComplete ?? authorization.verificationUri, authorization.userCode);
      const token = await pollDeviceToken({endpoint: target.endpoint, clientId, authorization, signal});
      return token.accessToken;
    },

    evaluateGoal(session) {
      if (!session.account) return undefined;
      return evaluateGoal(session.account.info, example(session).goal(session.account.user));
    },

    async planConfig(session) {
      return planFiles({
        dir: join(session.cwd, 'my-first-hf-job'),
        example: example(session),
        account: session.account,
        env: envFor(session.target),
      });
    },

    async writeConfig(session, plan) {
      const written = await writePlannedFiles(plan, example(session));
      const account = session.account;
      if (account && plan.files.some((f) => f.role === 'token store' && !f.unchanged)) {
        const saved = await saveLogin(envFor(session.target), {name: account.storageName, token: account.token});
        written.unshift(saved.paths.tokenPath, saved.paths.storedTokensPath);
      }
      return written;
    },

    async runChecks(session, onCheck) {
      return runWizardChecks({session, example: example(session), env: envFor(session.target), client: client(session), onCheck});
    },

    async flavorPrice(session) {
      const flavor = example(session).flavor;
      const hardware = await client(session).listJobHardware();
      const hw = hardware.find((h) => h.name === flavor);
      if (!hw) return undefined;
      return `${hw.prettyName}: $${hw.unitCostUSD.toFixed(4).replace(/0+$/, '').replace(/\.$/, '')} per ${hw.unitLabel}`;
    },

    async submitJob(session) {
      const account = session.account;
      if (!account) throw new Error('Log in first: no token is selected.');
      const ex = example(session);
      const ctx = {endpoint: session.target.endpoint, user: account.user, sandbox: session.target.kind === 'sandbox'};
      const spec = ex.spec(ctx);
      // "$HF_TOKEN" is resolved here, at submit time, to the token you logged in with (like hf jobs --secrets HF_TOKEN).
      const resolvedSecrets = Object.fromEntries(Object.entries(spec.secrets ?? {}).map(([k, v]) => [k, v === '$HF_TOKEN' || v === '${HF_TOKEN}' ? account.token : v]));
      const job = await client(session).runJob(account.user, {...spec, secrets: resolvedSecrets});
      const base = session.target.kind === 'sandbox' ? session.target.endpoint : session.target.endpoint;
      return {id: job.id, namespace: account.user, url: `${base}/jobs/${account.user}/${job.id}`};
    },

    async followJob(session, job, on, signal) {
      const known = secrets(session);
      const lines: string[] = [];
      const abort = new AbortController();
      const onOuterAbort = () => abort.abort();
      signal.addEventListener('abort', onOuterAbort, {once: true});
      const abortable: typeof fetch = (input, init) => fetch(input, {...init, signal: abort.signal});
      const logsClient = client(session, {fetch: abortable});
      const logs = (async () => {
        try {
          for await (const entry of logsClient.streamJobLogs(job.namespace, job.id)) {
            const text = redactSecrets(String(entry.message ?? ''), known);
            if (/^===== Job started/.test(text)) continue;
            for (const line of text.split(/\r?\n/)) {
              lines.push(line);
              on.log(line);
            }
          }
        } catch {
          // The stream ends with the job or is aborted; the status poll below decides the outcome.
        }
      })();
      const api = client(session);
      let stage = '';
      let message: string | undefined;
      try {
        while (!signal.aborted) {
          const info = await api.getJob(job.namespace, job.id);
          const next = String(info.status.stage);
          message = info.status.message ?? undefined;
          if (next !== stage) {
            stage = next;
            on.stage(stage);
          }
          if (TERMINAL.has(stage)) break;
          await sleep(pollMs, signal);
        }
      } finally {
        // Give the log stream a moment to deliver its last lines, then stop it.
        await Promise.race([logs, sleep(1500)]);
        abort.abort();
        signal.removeEventListener('abort', onOuterAbort);
        await logs;
      }
      const outcome: Outcome = {stage, nextSteps: []};
      if (message) outcome.message = redactSecrets(message, known);
      if (stage === 'COMPLETED') {
        const ex = example(session);
        const ctx = {endpoint: session.target.endpoint, user: session.account?.user ?? job.namespace, sandbox: session.target.kind === 'sandbox'};
        if (ex.createdUrl) outcome.created = ex.createdUrl(ctx);
        outcome.nextSteps = [
          `Run it again any time: hf-jobs-wizard example ${ex.id}${session.target.kind === 'sandbox' ? ' --sandbox' : ''}`,
          'Check any job config before you submit it: hf-jobs-wizard check my-first-hf-job/hf-job.json',
          'Learn the rest step by step: hf-jobs-wizard learn',
        ];
        return {outcome};
      }
      const failureText = [message ?? '', ...lines.slice(-40)].join('\n');
      return {outcome, failureText};
    },

    async cancelJob(session, job) {
      await client(session).cancelJob(job.namespace, job.id);
    },

    describeSubmitError(session, error) {
      const d = describeHubError(error, {endpoint: session.target.endpoint, secrets: secrets(session)});
      const problem = d.kind === 'unauthorized' ? 'unauthorized-401' : d.kind === 'forbidden' ? 'forbidden-403' : d.kind === 'network' ? 'network-error' : d.kind === 'rate-limited' ? 'rate-limited' : classifyText(d.message);
      return {message: d.message, problem};
    },

    classifyFailure: (text) => classifyText(text),
    problemInfo: (id) => problemInfo(id),

    async diagnose(session, problem, evidence) {
      return diagnoseProblem({session, problem, example: example(session), env: envFor(session.target), client: client(session), ...(evidence !== undefined ? {evidence} : {})});
    },

    openUrl: (url) => openInBrowser(url, options.env),
    copyToClipboard: (text) => copyText(text, options.env),

    async dispose() {
      if (ownsSandbox && sandbox) await sandbox.close();
    },
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, {once: true});
  });
}

/** Runs a helper, feeding it stdin; resolves true on exit code 0, false on any failure (missing program included). */
function runHelper(command: string, args: string[], input?: string): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, {stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'ignore'], detached: input === undefined});
      child.on('error', () => resolve(false));
      child.on('exit', (code) => resolve(code === 0));
      if (input !== undefined) child.stdin?.end(input);
      else child.unref();
      if (input === undefined) setTimeout(() => resolve(true), 300);
    } catch {
      resolve(false);
    }
  });
}

export async function openInBrowser(url: string, env: Env): Promise<boolean> {
  if (env.HF_WIZARD_NO_BROWSER) return false;
  if (process.platform === 'darwin') return runHelper('open', [url]);
  if (process.platform === 'win32') return runHelper('cmd', ['/c', 'start', '""', url]);
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return false;
  return runHelper('xdg-open', [url]);
}

export async function copyText(text: string, env: Env): Promise<boolean> {
  if (process.platform === 'darwin') return runHelper('pbcopy', [], text);
  if (process.platform === 'win32') return runHelper('clip', [], text);
  if (env.WAYLAND_DISPLAY && (await runHelper('wl-copy', [], text))) return true;
  if (env.DISPLAY) return (await runHelper('xclip', ['-selection', 'clipboard'], text)) || runHelper('xsel', ['--clipboard', '--input'], text);
  return false;
}

export type {JobRef};
