// WizardServices over src/core and src/examples: the examples catalog, jobspec (hf-job.json, snippets, the job
// body), the checklist runner, the troubleshooting catalog + live diagnosis, the token store and the hub client.
import {spawn} from 'node:child_process';
import {mkdir, readFile, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {EXAMPLES, findExample, type Example} from '../../examples/catalog.js';
import {approvalUrl, deviceClientId, pollDeviceToken, requestDeviceCode} from '../auth/device-flow.js';
import {openSandboxSession, type SandboxSession} from '../auth/sandbox-session.js';
import {verifyToken, type VerifySource} from '../auth/verify.js';
import {createLiveContext, emptyModel, LIVE_CHECK_IDS, runChecks, runLiveChecks, STATIC_CHECK_IDS, type CheckId, type CheckResult, type LiveContext, type LiveHub} from '../checks/index.js';
import {whoAmIOnce} from '../checks/live-context.js';
import {resolveEndpoint} from '../endpoint.js';
import {createHubClient, type HubClient, type HubJobSpec} from '../hub/client.js';
import {describeHubError} from '../hub/errors.js';
import {allSnippets, DEFAULT_CONFIG_FILE, parseJobConfig, scriptKind, serializeJobConfig, toJobSpec, writeJobConfig, type JobConfig} from '../jobspec/index.js';
import {appCommand} from '../invocation.js';
import {writeFileAtomic} from '../store/atomic.js';
import {resolveHfPaths, type Env} from '../store/paths.js';
import {describeSource, envTokenSource, resolveToken} from '../store/resolve.js';
import {saveLogin} from '../store/session.js';
import {readTokenFile} from '../store/token-file.js';
import {describeKind, evaluateGoal, summarizePermissions, type Goal, type GoalVerdict, type TokenInfo} from '../tokens/classify.js';
import {maskToken, redactSecrets} from '../tokens/mask.js';
import {CATALOG, classifyText, diagnose, gatherDiagnoseContext, getProblem, PROBLEM_IDS, repoAccess, type ProblemId} from '../troubleshoot/index.js';
import {CHECK_TITLES} from './check-notes.js';
import {repairConfig} from './config-repair.js';
import {compactDiff, lineDiff} from './diff.js';
import {fixesFor} from './fixes.js';
import type {Session, ValidateResult, WizardServices} from './services.js';
import type {Account, CheckItem, Diagnosis, ExampleSummary, Finding, JobRef, Outcome, PlannedFile, TargetInfo, TokenSourceKind} from './types.js';

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

/** The folder the config step writes into, under the cwd. */
export const CONFIG_DIR = 'my-first-hf-job';

const TERMINAL = new Set(['COMPLETED', 'CANCELED', 'ERROR', 'DELETED']);
const SOURCE_LABELS: Record<TokenSourceKind, string> = {
  input: 'pasted',
  practice: 'practice token',
  browser: 'browser login',
  HF_TOKEN: 'the HF_TOKEN environment variable',
  HUGGING_FACE_HUB_TOKEN: 'the HUGGING_FACE_HUB_TOKEN environment variable',
  file: 'the saved login',
};

/** The troubleshooting screen a failed or warning check links to (else: the first problem whose checks name it). */
const CHECK_PROBLEMS: Partial<Record<CheckId, ProblemId>> = {
  'logged-in': 'token-missing',
  'token-valid': 'unauthorized-401',
  'token-permission': 'forbidden-403',
  'repo-access': 'forbidden-403',
  'env-token-override': 'unauthorized-401',
  'missing-secrets': 'token-missing',
  'wrong-secret-key': 'token-missing',
  'token-in-env': 'token-missing',
  'no-token-check': 'token-missing',
  'literal-placeholder': 'unauthorized-401',
  'hardcoded-token': 'invalid-token-format',
  'token-format': 'invalid-token-format',
  'token-in-argv': 'invalid-token-format',
};

export function problemForCheck(id: CheckId): ProblemId {
  return CHECK_PROBLEMS[id] ?? PROBLEM_IDS.find((p) => CATALOG[p].checks.includes(id)) ?? 'unknown';
}

/** A catalog example as the screens show it: script, hf-job.json text, and the four equivalent commands. */
export function exampleSummary(e: Example): ExampleSummary {
  const s = allSnippets(e.config, {scriptSource: e.python, scriptFileName: e.scriptName});
  return {
    id: e.id,
    title: e.title,
    summary: e.description,
    needs: e.needs,
    scriptName: e.scriptName,
    script: e.python,
    config: serializeJobConfig(e.config),
    flavor: e.config.flavor,
    snippets: [
      {label: 'hf CLI', language: s.cli.language, text: s.cli.code},
      {label: 'Python (huggingface_hub)', language: s.python.language, text: s.python.code},
      {label: 'MCP (the hf_jobs tool an AI assistant uses)', language: s.mcp.language, text: s.mcp.code},
      {label: 'JavaScript (@huggingface/hub)', language: s.js.language, text: s.js.code},
    ],
  };
}

/** Everything the example needs (run the job, push or read its repo), as one verdict: the first "no" wins. */
export function evaluateExample(info: TokenInfo, example: Example, user: string): GoalVerdict {
  const verdicts = example.goals(user).map((g) => evaluateGoal(info, g as Goal));
  const bad = verdicts.find((v) => !v.ok);
  if (bad) return bad;
  // The last goal is the most specific (push/read); running the job is implied once it passes.
  const last = verdicts[verdicts.length - 1]!;
  const out: GoalVerdict = {ok: true, explanation: verdicts.length > 1 ? `${last.explanation} Running the job is allowed too.` : last.explanation};
  if (verdicts.some((v) => v.uncertain)) out.uncertain = true;
  return out;
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function planned(path: string, role: PlannedFile['role'], content: string, existing: string | undefined, secrets: string[]): PlannedFile {
  const file: PlannedFile = {path, role, exists: existing !== undefined, unchanged: existing === content, preview: content.replace(/\n$/, '').split('\n')};
  if (existing !== undefined && existing !== content) file.diff = compactDiff(lineDiff(redactSecrets(existing, secrets), content)).map((l) => redactSecrets(l, secrets));
  return file;
}

export function createRealServices(options: RealServicesOptions): WizardServices {
  let sandbox = options.sandbox;
  let ownsSandbox = false;
  const pollMs = options.pollMs ?? 1000;
  /** What the config step will write, by path (texts only: the token store is written by saveLogin). */
  const pending = new Map<string, string>();
  /** Secret and env names of the last job submitted, for the diagnosis (values are never kept). */
  let lastJob: {secretNames: string[]; envNames: string[]} | undefined;
  const repoExistedBefore = new Map<string, boolean>();

  const envFor = (target: TargetInfo): Env => (target.kind === 'sandbox' && sandbox ? sandbox.env : options.env);
  const client = (session: Session, extra: {fetch?: typeof fetch} = {}): HubClient =>
    createHubClient({hubUrl: session.target.endpoint, ...(session.account ? {accessToken: session.account.token} : {}), ...extra});
  const example = (session: Session): Example => {
    const found = (session.exampleId ? findExample(session.exampleId) : undefined) ?? findExample('push-dataset') ?? EXAMPLES[0];
    if (!found) throw new Error('No example jobs are available.');
    return found;
  };
  const secrets = (session: Session): string[] => (session.account ? [session.account.token] : []);
  const configDir = (session: Session) => join(session.cwd, CONFIG_DIR);

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

  /** The job as written in my-first-hf-job/hf-job.json (or the example's, when nothing was written). */
  async function jobFiles(session: Session): Promise<{config: JobConfig; scriptSource: string; fromFile: boolean}> {
    const ex = example(session);
    const dir = configDir(session);
    const text = await readIfExists(join(dir, DEFAULT_CONFIG_FILE));
    if (text === undefined) return {config: ex.config, scriptSource: ex.python, fromFile: false};
    const parsed = parseJobConfig(text, join(CONFIG_DIR, DEFAULT_CONFIG_FILE));
    if (!parsed.ok) {
      const e = parsed.errors[0]!;
      throw new Error(`${e.file}:${e.line}: ${e.message}`);
    }
    const config = parsed.config;
    let scriptSource = ex.python;
    if (config.script !== undefined && scriptKind(config.script) === 'path') {
      const script = await readIfExists(join(dir, config.script.trim()));
      if (script !== undefined) scriptSource = script;
      else if (config.script.trim() !== ex.scriptName) throw new Error(`${CONFIG_DIR}/${config.script.trim()} does not exist: hf-job.json names it as the script.`);
    }
    return {config, scriptSource, fromFile: true};
  }

  /** The live checks' view of the session: the wizard's token, and whether an env var would win over it. */
  async function liveContext(session: Session): Promise<LiveContext> {
    const env = envFor(session.target);
    const base = await createLiveContext({env, endpoint: session.target.endpoint, offline: true});
    const account = session.account;
    if (!account) {
      if (base.token) base.hub = createHubClient({hubUrl: session.target.endpoint, accessToken: base.token});
      return base;
    }
    const c = client(session);
    let who: ReturnType<HubClient['whoAmI']> | undefined;
    const hub: LiveHub = {whoAmI: () => (who ??= c.whoAmI()), repoExists: c.repoExists, checkRepoAccess: c.checkRepoAccess};
    const ctx: LiveContext = {...base, token: account.token, hub};
    const fromEnv = envTokenSource(env);
    if (fromEnv) {
      ctx.source = fromEnv.source;
      ctx.shadowsSavedToken = fromEnv.token !== account.token || base.shadowsSavedToken;
    } else {
      ctx.source = 'file';
      ctx.shadowsSavedToken = false;
    }
    return ctx;
  }

  function toItem(r: CheckResult, known: string[]): CheckItem {
    const item: CheckItem = {id: r.id, status: r.status, title: CHECK_TITLES[r.id] ?? r.title, message: redactSecrets(r.message, known)};
    if (r.fix) item.fix = redactSecrets(r.fix, known);
    if (r.file !== undefined) item.file = r.file;
    if (r.line !== undefined) item.line = r.line;
    if (r.status === 'fail' || r.status === 'warn') item.problem = problemForCheck(r.id);
    return item;
  }

  return {
    async prepareTarget(kind) {
      const examples = EXAMPLES.map(exampleSummary);
      if (kind === 'sandbox') {
        if (!sandbox) {
          sandbox = await openSandboxSession(options.env, options.sandboxDataDir ? {dataDir: options.sandboxDataDir} : {});
          ownsSandbox = true;
        }
        return {target: {kind, endpoint: sandbox.endpoint, practice: true}, examples};
      }
      const endpoint = resolveEndpoint(options.endpointFlag, options.env);
      return {target: {kind, endpoint, practice: false}, examples};
    },

    defaultTarget() {
      return {kind: 'hub', endpoint: resolveEndpoint(options.endpointFlag, options.env), practice: false};
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
      onCode(approvalUrl(authorization, target.kind === 'sandbox' && sandbox?.endpoint === target.endpoint ? sandbox.formKey : undefined), authorization.userCode);
      const token = await pollDeviceToken({endpoint: target.endpoint, clientId, authorization, signal});
      return token.accessToken;
    },

    evaluateGoal(session) {
      if (!session.account) return undefined;
      return evaluateExample(session.account.info, example(session), session.account.user);
    },

    async planConfig(session, planOptions = {}) {
      const ex = example(session);
      const dir = configDir(session);
      const known = secrets(session);
      const files: PlannedFile[] = [];
      pending.clear();
      const account = session.account;
      const envSource = account?.source === 'HF_TOKEN' || account?.source === 'HUGGING_FACE_HUB_TOKEN';
      // A repair touches hf-job.json only; saving the login belongs to the config step proper.
      if (account && !envSource && !planOptions.rewrite) {
        const paths = resolveHfPaths(envFor(session.target));
        const current = await readTokenFile(paths.tokenPath);
        const unchanged = current === account.token;
        files.push({path: paths.tokenPath, role: 'saved login', exists: current !== undefined, unchanged, preview: [`${account.masked}  (the active login, read by hf and huggingface_hub)`]});
        files.push({path: paths.storedTokensPath, role: 'named tokens', exists: await exists(paths.storedTokensPath), unchanged, preview: [`[${account.storageName}]  hf_token = ${account.masked}`]});
      }
      const configPath = join(dir, DEFAULT_CONFIG_FILE);
      const existing = await readIfExists(configPath);
      let content = serializeJobConfig(ex.config);
      let changes: string[] | undefined;
      if (planOptions.rewrite && existing !== undefined) {
        const repaired = repairConfig(existing, ex.config);
        if ('error' in repaired) throw new Error(repaired.error);
        content = repaired.text;
        changes = repaired.changes;
      }
      const configFile = planned(configPath, 'job config', content, existing, known);
      if (changes) configFile.changes = changes;
      files.push(configFile);
      pending.set(configPath, content);
      const scriptPath = join(dir, ex.scriptName);
      const script = await readIfExists(scriptPath);
      // A repair edits the config only; the person's script is left as it is.
      if (!(planOptions.rewrite && script !== undefined)) {
        files.push(planned(scriptPath, 'script', ex.python, script, known));
        pending.set(scriptPath, ex.python);
      }
      return {dir, files};
    },

    async writeConfig(session, plan) {
      const written: string[] = [];
      const account = session.account;
      const store = plan.files.filter((f) => (f.role === 'saved login' || f.role === 'named tokens') && !f.unchanged);
      if (account && store.length) {
        const saved = await saveLogin(envFor(session.target), {name: account.storageName, token: account.token});
        written.push(saved.paths.storedTokensPath, saved.paths.tokenPath);
      }
      // Project files, not secrets: the folder is created 0755 when missing (an existing one keeps its mode), files 0644.
      await mkdir(plan.dir, {recursive: true, mode: 0o755});
      for (const file of plan.files) {
        if (file.unchanged || (file.role !== 'job config' && file.role !== 'script')) continue;
        const content = pending.get(file.path);
        if (content === undefined) throw new Error(`Nothing planned for ${file.path}: go back and review the files again.`);
        // Both writes are atomic (temp file + rename): quitting mid-write never leaves a partial file.
        if (file.role === 'job config') await writeJobConfig(file.path, JSON.parse(content) as JobConfig);
        else await writeFileAtomic(file.path, content, {mode: 0o644, privateDir: false});
        written.push(file.path);
      }
      lastJob = undefined;
      return written;
    },

    async runChecks(session, onCheck) {
      const known = secrets(session);
      const ctx = await liveContext(session);
      const dir = configDir(session);
      const hasConfig = await exists(dir);
      const env = envFor(session.target);
      const items: CheckItem[] = [];
      const seen = new Map<string, number>();
      const emit = (results: CheckResult[]) => {
        for (const r of results) {
          const item = toItem(r, known);
          // One check can report several findings (two repos, two namespaces): each line gets its own id.
          const n = (seen.get(r.id) ?? 0) + 1;
          seen.set(r.id, n);
          if (n > 1) item.id = `${r.id}#${n}`;
          items.push(item);
          onCheck(item);
        }
      };
      // Live checks one at a time (the token first), then the written config folder: each line appears as it is known.
      for (const id of LIVE_CHECK_IDS) {
        if (hasConfig) emit((await runChecks({paths: [dir], cwd: session.cwd, env, endpoint: session.target.endpoint, only: [id], liveContext: ctx})).checks);
        else emit(await runLiveChecks(ctx, emptyModel(), false, [id]));
      }
      if (hasConfig) emit((await runChecks({paths: [dir], cwd: session.cwd, env, endpoint: session.target.endpoint, only: [...STATIC_CHECK_IDS], liveContext: ctx})).checks);
      else {
        const item: CheckItem = {id: 'missing-secrets', status: 'skip', title: 'Job config', message: `No ${CONFIG_DIR}/${DEFAULT_CONFIG_FILE} was written: the config checks run once it exists. The job uses the example's config.`};
        items.push(item);
        onCheck(item);
      }
      return items;
    },

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
      const {config, scriptSource} = await jobFiles(session);
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
      lastJob = {secretNames: Object.keys(body.secrets ?? {}), envNames: Object.keys(body.environment)};
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
      const problem: ProblemId =
        d.kind === 'unauthorized' ? 'unauthorized-401' : d.kind === 'forbidden' ? 'forbidden-403' : d.kind === 'network' ? 'network-error' : d.kind === 'rate-limited' ? 'rate-limited' : classifyText(d.message, {endpoint: session.target.endpoint}).problem;
      return {message: d.message, problem};
    },

    classifyFailure(text, session) {
      const c = classifyText(text, {endpoint: (session?.target.endpoint ?? resolveEndpoint(options.endpointFlag, options.env))});
      const out: {problem: ProblemId; seen: string[]; alternatives?: ProblemId[]} = {problem: c.problem, seen: c.evidence};
      const others = c.candidates?.map((x) => x.problem).filter((p) => p !== c.problem);
      if (others?.length) out.alternatives = others;
      return out;
    },

    problemInfo(id, session) {
      // One wording for one failure: the same endpoint as diagnose() and the checks (sandbox: its practice tokens).
      const p = getProblem(id, (session?.target.endpoint ?? resolveEndpoint(options.endpointFlag, options.env)));
      return {id, title: p.title, symptoms: [...p.symptoms], causes: p.causes.map((c) => ({...c})), solutions: [...p.solutions], verify: p.verify};
    },

    async diagnose(session, problem, evidence, options = {}) {
      const env = envFor(session.target);
      const endpoint = session.target.endpoint;
      const account = session.account;
      // The repo the example's job works on (with its type: a dataset is not a model of the same name), and the
      // pasted text or job log, so the diagnosis reads what the Hub said.
      const target = !session.detached && account && session.exampleId ? findExample(session.exampleId)?.repo?.(account.user) : undefined;
      const [namespace, ...rest] = target ? target.id.split('/') : [];
      const repo = target && namespace && rest.length ? {type: target.type, namespace, name: rest.join('/')} : undefined;
      const ctx = await gatherDiagnoseContext({
        env,
        endpoint,
        hub: (o) => createHubClient(o),
        ...(account ? {namespace: account.user} : {}),
        ...(repo ? {repo} : {}),
        ...(evidence ? {evidence} : {}),
      });
      if (account && ctx.token !== account.token) {
        // The wizard's own login (pasted, practice) is what its jobs use: diagnose that token.
        ctx.token = account.token;
        const fromEnv = envTokenSource(env);
        if (fromEnv) ctx.source = fromEnv.source;
        else delete ctx.source;
        const who = await whoAmIOnce({endpoint, token: account.token, hub: client(session), shadowsSavedToken: false}, {});
        if (who) ctx.who = who;
        // The repo's readability, asked again with that token (the first answer used the token saved on disk, if any).
        if (ctx.repo) ctx.repo = await repoAccess(client(session), ctx.repo, true);
      }
      // What the job got: the last submitted job's secret names, else what hf-job.json would give it. A pasted error
      // came from some other job of the person's: hf-job.json says nothing about that one.
      let job = options.pasted ? undefined : lastJob;
      let fromConfig = false;
      if (!job && !session.detached && !options.pasted) {
        const files = await jobFiles(session).catch(() => undefined);
        if (files?.fromFile) {
          job = {secretNames: Object.keys(files.config.secrets ?? {}), envNames: Object.keys(files.config.env ?? {})};
          fromConfig = true;
        }
      }
      if (job) ctx.job = job;
      const d = diagnose(problem, ctx);
      const findings: Finding[] = d.findings.map((f) => ({status: f.status === 'ok' ? 'pass' : f.status === 'bad' ? 'fail' : 'warn', text: redactSecrets(fromConfig ? f.text.replace(/^The job /, 'hf-job.json: the job ') : f.text, secrets(session))}));
      if (ctx.who?.ok) {
        const info = ctx.who.info;
        const weak = info.kind === 'read' && (problem === 'forbidden-403' || problem === 'unauthorized-401');
        findings.push({status: weak ? 'fail' : 'pass', text: `Token role: ${info.role ?? info.kind} (${describeKind(info)}${ctx.token ? `, ${maskToken(ctx.token)}` : ''}).`});
      }
      let actual = d.actual ? {...d.actual} : undefined;
      // hf-job.json passes the token in "env": it works, but the value shows in the job's details.
      const envToken = job && fromConfig && job.envNames.some((n) => n === 'HF_TOKEN' || n === 'HUGGING_FACE_HUB_TOKEN');
      if (!actual && envToken) {
        findings.push({status: 'warn', text: 'hf-job.json passes HF_TOKEN under "env": its value shows in the job\'s details. Secrets are encrypted.'});
        actual = {id: 'no-token-in-job', text: 'The token is passed in "env" instead of "secrets".', fix: 'Move HF_TOKEN from "env" to "secrets" in hf-job.json.'};
      }
      const fixes = fixesFor(problem, actual?.id, {hasTarget: !session.detached, loggedIn: Boolean(account)});
      const noToken = !ctx.token && !actual;
      if (noToken && fixes.actions.includes('re-login')) fixes.suggested = 're-login';
      const out: Diagnosis = {
        cause: actual
          ? actual.text
          : noToken
            ? 'There is no token here to check (no HF_TOKEN variable, no saved login): log in, and the diagnosis can name the cause.'
            : 'No single cause stands out from what can be checked from here: go through the likely causes above, most common first.',
        findings,
        actions: fixes.actions,
      };
      if (actual) out.actual = actual;
      if (fixes.suggested) out.suggested = fixes.suggested;
      return out;
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
  if (env.WSL_DISTRO_NAME && (await runHelper('clip.exe', [], text))) return true;
  if (env.WAYLAND_DISPLAY && (await runHelper('wl-copy', [], text))) return true;
  if (env.DISPLAY) return (await runHelper('xclip', ['-selection', 'clipboard'], text)) || runHelper('xsel', ['--clipboard', '--input'], text);
  return false;
}

export type {JobRef};
