// The wizard's job services: the flavor's price, submit the job (the sandbox runs the example locally with the
// config's secrets and env), follow its stage and log (stream, with status polls deciding the end), cancel, and
// the submit error as one redacted line. (arch-jobs replaces the body with core/jobs; the behaviour stays.)
import {DEFAULT_CONFIG_FILE, toJobSpec} from '../../core/jobspec/index.js';
import type {HubJobSpec} from '../../core/hub/client.js';
import {describeHubError} from '../../core/hub/errors.js';
import {appCommand} from '../../core/invocation.js';
import {redactSecrets} from '../../core/tokens/mask.js';
import {classifyText, type ProblemId} from '../../core/troubleshoot/index.js';
import type {WizardServices} from '../../core/wizard/services.js';
import type {Outcome} from '../../core/wizard/types.js';
import {CONFIG_DIR, jobFiles, type ServiceContext} from './context.js';

export type JobServices = Pick<WizardServices, 'flavorPrice' | 'submitJob' | 'followJob' | 'cancelJob' | 'describeSubmitError'>;

const TERMINAL = new Set(['COMPLETED', 'CANCELED', 'ERROR', 'DELETED']);

export function createJobServices(ctx: ServiceContext): JobServices {
  const pollMs = ctx.options.pollMs ?? 1000;
  const repoExistedBefore = new Map<string, boolean>();
  const {example, client, secrets} = ctx;

  return {
    async flavorPrice(session) {
      const ex = example(session);
      const flavor = ex.config.flavor;
      const hw = (await client(session).listJobHardware()).find((h) => h.name === flavor);
      if (!hw) return undefined;
      const perMinute = hw.unitLabel === 'minute' ? hw.unitCostUSD : hw.unitCostUSD / 60;
      const usd = (v: number) => (v >= 1 ? `$${v.toFixed(2)}` : `$${Number(v.toPrecision(2))}`);
      return `${hw.prettyName}: ${usd(perMinute * 60)}/hour, billed per minute; at most ${usd(perMinute * Math.ceil(ex.timeoutSeconds / 60))} (it stops after ${Math.round(ex.timeoutSeconds / 60)} minutes)`;
    },

    async submitJob(session) {
      const account = session.account;
      if (!account) throw new Error('Log in first: no token is selected.');
      const ex = example(session);
      const {config, scriptSource} = await jobFiles(ctx, session);
      // "$HF_TOKEN" is filled in here, in memory, with the token you logged in with (like hf jobs --secrets HF_TOKEN).
      const resolved = toJobSpec(config, {token: account.token, scriptSource});
      const body = resolved.body();
      let spec: HubJobSpec;
      if (session.target.kind === 'sandbox') {
        // The sandbox runs the example locally (uv, else its Node twin) with exactly the config's secrets and env.
        const {runner: _runner, note: _note, ...local} = ex.sandboxJob({namespace: account.user});
        spec = {...local, secrets: body.secrets ?? {}, environment: body.environment} as HubJobSpec;
      } else {
        spec = {...resolved.hubSpec(), labels: {...(body.labels ?? {}), name: `hf-jobs-wizard-${ex.id}`, example: ex.id}};
      }
      ctx.lastJob = {secretNames: Object.keys(body.secrets ?? {}), envNames: Object.keys(body.environment)};
      // Whether the job's repo is already there: the result then says "updated" rather than "created".
      const target = ex.repo?.(account.user);
      const existed = target ? await client(session).repoExists({type: target.type, name: target.id}).catch(() => undefined) : undefined;
      const job = await client(session).runJob(account.user, spec);
      if (existed !== undefined) repoExistedBefore.set(job.id, existed);
      const owner = (job as {owner?: {name?: string}}).owner?.name ?? account.user;
      return {id: job.id, namespace: owner, url: `${session.target.endpoint}/jobs/${owner}/${job.id}`};
    },

    async followJob(session, job, on, signal) {
      const known = secrets(session);
      const lines: string[] = [];
      const abort = new AbortController();
      const onOuterAbort = () => abort.abort();
      signal.addEventListener('abort', onOuterAbort, {once: true});
      const abortable: typeof fetch = (input, init) => fetch(input, {...init, signal: abort.signal});
      const logsClient = client(session, {fetch: abortable});
      let stage = '';
      // The log's markers say RUNNING and the final stage as they happen, sooner than the next status poll.
      const setStage = (next: string) => {
        if (next === stage) return;
        stage = next;
        on.stage(stage);
      };
      const logs = (async () => {
        try {
          for await (const entry of logsClient.streamJobLogs(job.namespace, job.id)) {
            const text = redactSecrets(String(entry.message ?? ''), known);
            if (/^===== Job started/.test(text)) {
              if (!stage || stage === 'SCHEDULING') setStage('RUNNING');
              continue;
            }
            const finished = /^===== Job finished: status=([A-Z]+)/.exec(text);
            if (finished) setStage(finished[1]!);
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
      let message: string | undefined;
      try {
        while (!signal.aborted) {
          const info = await api.getJob(job.namespace, job.id);
          const polled = String(info.status.stage);
          message = info.status.message ?? undefined;
          // A poll answered before the log's marker arrived must not step the stage back (to SCHEDULING, or from a
          // final stage the log already announced).
          const behind = (polled === 'SCHEDULING' && stage === 'RUNNING') || (TERMINAL.has(stage) && !TERMINAL.has(polled));
          if (!behind) setStage(polled);
          if (TERMINAL.has(polled)) break;
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
        // Only the push examples create or update their repo; reading one is not "created".
        const pushes = ex.goals(session.account?.user ?? job.namespace).some((g) => g.kind === 'push');
        const repo = pushes ? ex.repo?.(session.account?.user ?? job.namespace) : undefined;
        if (repo) outcome.created = `${session.target.endpoint}/${repo.type === 'dataset' ? 'datasets/' : ''}${repo.id}`;
        const existed = repoExistedBefore.get(job.id);
        if (repo && existed !== undefined) outcome.repoExisted = existed;
        const sandbox = session.target.kind === 'sandbox';
        if (sandbox) outcome.sandbox = true;
        // Every command as it can be pasted (npx hf-jobs-wizard …); after a sandbox run, on the sandbox again.
        const flag = sandbox ? ' --sandbox' : '';
        outcome.nextSteps = [
          {what: 'Run it again without the wizard', command: appCommand(`example ${ex.id}${flag}`)},
          {what: 'Check any job config before you submit it', command: appCommand(`check ${CONFIG_DIR}/${DEFAULT_CONFIG_FILE}${flag}`)},
          {what: 'See who you are logged in as', command: appCommand(`status${flag}`)},
          {what: 'Learn the rest step by step', command: appCommand('learn')},
        ];
        return {outcome};
      }
      const failureText = [message ?? '', ...lines.slice(-60)].join('\n');
      return {outcome, failureText};
    },

    async cancelJob(session, job) {
      await client(session).cancelJob(job.namespace, job.id);
    },

    describeSubmitError(session, error) {
      const d = describeHubError(error, {endpoint: session.target.endpoint, secrets: secrets(session)});
      // A 402 is credits and a 5xx the Hub's side; a 403 in the org token policy's words is that policy, not scopes.
      const policy = d.kind === 'forbidden' && classifyText(`${d.message}\n${d.serverMessage ?? ''}`).problem === 'org-token-policy';
      const problem: ProblemId =
        d.status === 402 ? 'payment-required' : d.kind === 'server' ? 'server-error' : policy ? 'org-token-policy' : d.kind === 'unauthorized' ? 'unauthorized-401' : d.kind === 'forbidden' ? 'forbidden-403' : d.kind === 'network' ? 'network-error' : d.kind === 'rate-limited' ? 'rate-limited' : classifyText(d.message, {endpoint: session.target.endpoint}).problem;
      return {message: d.message, problem};
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
