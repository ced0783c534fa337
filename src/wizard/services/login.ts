// The wizard's login services: which Hub (the sandbox, started on demand, or huggingface.co / --endpoint), the
// saved token, a pasted or practice token's check, the browser (device) login, and whether the token fits the example.
import {EXAMPLES, type Example} from '../../examples/catalog.js';
import {approvalUrl, deviceClientId, pollDeviceToken, requestDeviceCode} from '../../core/auth/device-flow.js';
import {newTokenPageLink} from '../../core/auth/sandbox-form-key.js';
import {deviceLoginExtras, verifyLogin, type LoginExtras} from '../../core/auth/login-flow.js';
import type {VerifySource} from '../../core/auth/verify.js';
import {resolveEndpoint} from '../../core/endpoint.js';
import {practiceTokensAt} from '../../core/auth/shared-sandbox.js';
import {isSandboxEndpoint, rememberOwnSandbox} from '../../core/practice.js';
import {hubFixes} from '../../core/checks/hub-fixes.js';
import {appCommand} from '../../core/invocation.js';
import {allSnippets, serializeJobConfig, type JobConfig} from '../../core/jobspec/index.js';
import {describeSource, resolveToken} from '../../core/store/resolve.js';
import {
  describeKind,
  evaluateGoal,
  summarizePermissions,
  type Goal,
  type GoalVerdict,
  type TokenInfo,
} from '../../core/tokens/classify.js';
import {maskToken, redactSecrets} from '../../core/tokens/mask.js';
import type {ValidateResult, WizardServices} from '../../core/wizard/services.js';
import type {Account, ExampleSummary, TargetInfo, TokenAdvice, TokenSourceKind} from '../../core/wizard/types.js';
import {gatherStatus} from '../../core/auth/status.js';
import {statusText} from '../../core/auth/status-text.js';
import {
  compareTokenToNeeds,
  describeScopes,
  leastPrivilegeTokenUrl,
  neededScopes,
  type JobNeeds,
} from '../../core/tokens/least-privilege.js';

/** The token's owner before login (replaced by "your account" in what is shown). */
const YOU = 'you';
import type {ServiceContext} from './context.js';

export type LoginServices = Pick<
  WizardServices,
  | 'prepareTarget'
  | 'defaultTarget'
  | 'detectSavedToken'
  | 'validateToken'
  | 'practiceLogin'
  | 'browserLogin'
  | 'evaluateGoal'
  | 'tokenAdvice'
  | 'tokenDashboard'
  | 'dispose'
>;

const SOURCE_LABELS: Record<TokenSourceKind, string> = {
  input: 'pasted',
  practice: 'practice token',
  browser: 'browser login',
  HF_TOKEN: 'the HF_TOKEN environment variable',
  HUGGING_FACE_HUB_TOKEN: 'the HUGGING_FACE_HUB_TOKEN environment variable',
  file: 'the saved login',
};

/**
 * A catalog example as the screens show it: script, hf-job.json text, and the four equivalent commands; `written`:
 * the job as my-first-hf-job/ has it instead (its hf-job.json text, config and script).
 */
export function exampleSummary(
  e: Example,
  written?: {text: string; config: JobConfig; script: string; scriptName: string},
): ExampleSummary {
  const config = written?.config ?? e.config;
  const script = written?.script ?? e.python;
  const scriptName = written?.scriptName ?? e.scriptName;
  const s = allSnippets(config, {scriptSource: script, scriptFileName: scriptName});
  return {
    id: e.id,
    title: e.title,
    summary: e.description,
    needs: e.needs,
    scriptName,
    script,
    config: written?.text ?? serializeJobConfig(e.config),
    flavor: config.flavor ?? 'cpu-basic',
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
  const out: GoalVerdict = {
    ok: true,
    explanation: verdicts.length > 1 ? `${last.explanation} Running the job is allowed too.` : last.explanation,
  };
  if (verdicts.some((v) => v.uncertain)) out.uncertain = true;
  return out;
}

/**
 * In the wizard on the sandbox, a rejected token is fixed in place, not with a command to run elsewhere: the write
 * practice token is one line above the picked one, or one Esc away from the paste box.
 */
function sandboxFix(source: TokenSourceKind): string {
  if (source === 'practice') return 'Pick the write token above instead: it works here.';
  return 'Press Esc and pick "Use a practice token" (nothing to paste): the write one works here.';
}

/**
 * The Hub the wizard runs on: the sandbox (started on demand, the app's own: its fixes say --sandbox), or --endpoint /
 * HF_ENDPOINT / huggingface.co; a sandbox reached by its URL (a workshop's) offers its practice tokens when this user
 * may read its folder (core/auth/shared-sandbox.ts).
 */
async function prepareTarget(ctx: ServiceContext, kind: TargetInfo['kind']) {
  const {options} = ctx;
  const examples = EXAMPLES.map((e) => exampleSummary(e));
  if (kind === 'sandbox') {
    if (!ctx.sandbox) {
      if (!options.openSandbox) throw new Error('The sandbox Hub is not available in this run.');
      ctx.sandbox = await options.openSandbox(options.sandboxDataDir ? {dataDir: options.sandboxDataDir} : {});
      ctx.ownsSandbox = true;
    }
    rememberOwnSandbox(ctx.sandbox.endpoint);
    return {target: {kind, endpoint: ctx.sandbox.endpoint, practice: true}, examples};
  }
  const endpoint = resolveEndpoint(options.endpointFlag, options.env);
  if (isSandboxEndpoint(endpoint)) {
    const shared = await practiceTokensAt(
      endpoint,
      options.servesSandboxData ? {servesDataDir: options.servesSandboxData} : {},
    );
    if (shared.ok) {
      ctx.sharedPractice = {
        endpoint: shared.endpoint,
        tokens: shared.tokens,
        ...(shared.formKey ? {formKey: shared.formKey} : {}),
      };
      return {target: {kind, endpoint, practice: true}, examples};
    }
    // This app's sandbox, whose tokens this user cannot have: the login screen says why (not a silent paste box).
    if (shared.reason === 'unavailable')
      return {
        target: {
          kind,
          endpoint,
          practice: false,
          practiceNote: `${shared.why} Ask whoever started it for its write practice token, and paste it here.`,
        },
        examples,
      };
  }
  return {target: {kind, endpoint, practice: false}, examples};
}

/** The form key of the sandbox at `target`: the one this app started, or a shared one read from its proven folder. */
function sandboxFormKey(ctx: ServiceContext, target: TargetInfo): string | undefined {
  const own = ctx.sandbox;
  if (target.kind === 'sandbox') return own?.endpoint === target.endpoint ? own.formKey : undefined;
  return ctx.sharedPractice?.endpoint === target.endpoint ? ctx.sharedPractice.formKey : undefined;
}

export function createLoginServices(ctx: ServiceContext): LoginServices {
  const {options} = ctx;

  async function validateToken(
    target: TargetInfo,
    token: string,
    source: TokenSourceKind,
    extras: LoginExtras = {},
  ): Promise<ValidateResult> {
    const verifySource: VerifySource =
      source === 'HF_TOKEN' || source === 'HUGGING_FACE_HUB_TOKEN' || source === 'file' ? source : 'input';
    // The login's one verify step (core/auth/login-flow.ts), as `login` runs it; the config step saves it the same way.
    const result = await verifyLogin({
      endpoint: target.endpoint,
      token,
      source: verifySource,
      ...(target.practice ? {fix: sandboxFix(source)} : {}),
    });
    if (!result.ok) {
      // The Hub out of reach (no network): the sandbox runs the whole wizard offline. A sandbox reached by its URL that
      // does not answer is stopped, not offline: whoever started it starts it again (hubFixes' reach).
      const network = 'kind' in result && result.kind === 'network' && !target.practice;
      const offline = !network
        ? ''
        : isSandboxEndpoint(target.endpoint)
          ? ` ${hubFixes(target.endpoint).reach()}`
          : ` No network? \`${appCommand('--sandbox')}\` runs the whole wizard offline.`;
      return {ok: false, message: redactSecrets(result.message, [token]) + offline};
    }
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
      storageName: result.name,
      // The token stays here, in the services' session; the state gets its handle and masked form.
      tokenRef: ctx.rememberToken(token, extras),
    };
    return {ok: true, account};
  }

  return {
    prepareTarget: (kind) => prepareTarget(ctx, kind),

    defaultTarget() {
      return {kind: 'hub', endpoint: resolveEndpoint(options.endpointFlag, options.env), practice: false};
    },

    async detectSavedToken(target) {
      const resolution = await resolveToken(ctx.envFor(target));
      if (!resolution.token || !resolution.source) return undefined;
      const sourceLabel = describeSource(resolution);
      const result = await validateToken(target, resolution.token, resolution.source);
      if (!result.ok) return {sourceLabel, invalidMessage: result.message};
      return {sourceLabel, account: {...result.account, sourceLabel}};
    },

    validateToken,

    async practiceLogin(target, label) {
      const shared = ctx.sharedPractice?.endpoint === target.endpoint ? ctx.sharedPractice.tokens : undefined;
      const token = target.kind === 'sandbox' ? ctx.sandbox?.tokens[label] : shared?.[label];
      if (!token) return {ok: false, message: 'Practice tokens exist only on the sandbox Hub.'};
      return validateToken(target, token, 'practice');
    },

    async browserLogin(target, onCode, signal) {
      const clientId = deviceClientId(ctx.envFor(target), target.endpoint);
      if (!clientId)
        throw new Error(
          'Browser login is not available for huggingface.co from this tool yet: paste a token instead (or run `hf auth login`, then come back).',
        );
      // The sandbox this app started, or a workshop's whose folder this user may read: its form key derives the start
      // key and the approval link's key.
      const formKey = sandboxFormKey(ctx, target);
      const authorization = await requestDeviceCode({
        endpoint: target.endpoint,
        clientId,
        signal,
        ...(formKey ? {formKey} : {}),
      });
      onCode(approvalUrl(authorization, formKey), authorization.userCode);
      const token = await pollDeviceToken({endpoint: target.endpoint, clientId, authorization, signal});
      if (signal.aborted) return {ok: false, message: 'Browser login was cancelled.'};
      // Saved with its refresh token and expiry, as `login --device` and `hf auth login` save it.
      return validateToken(target, token.accessToken, 'browser', deviceLoginExtras(token));
    },

    evaluateGoal(session) {
      if (!session.account) return undefined;
      return evaluateExample(session.account.info, ctx.example(session), session.account.user);
    },

    tokenAdvice(session) {
      const account = session.account;
      // Before login the owner is not known: ownUserPermissions apply to whoever makes the token, so any name does.
      const user = account?.user ?? YOU;
      const goals = ctx.example(session).goals(user);
      const needs: JobNeeds = {user, namespace: user, writes: [], reads: []};
      for (const g of goals) {
        if (g.kind === 'run-job') needs.namespace = g.namespace;
        if (g.kind === 'push') needs.writes.push(g.repo);
        if (g.kind === 'read-private') needs.reads.push(g.repo);
      }
      let url = leastPrivilegeTokenUrl(session.target.endpoint, needs);
      // The sandbox's Create button works only from the app's own link (its form key, as the browser login's): the
      // sandbox this app started, or a workshop's whose folder (owner.json) this user may read.
      // Not the form key itself (the browser gets the link on its command line): a key for the token page, whose
      // form also wants the code shown next to the link in this terminal (core/auth/sandbox-form-key.ts).
      let confirmCode: string | undefined;
      const formKey = sandboxFormKey(ctx, session.target);
      if (formKey) {
        const link = newTokenPageLink(formKey);
        url += `&key=${link.key}`;
        confirmCode = link.code;
      }
      const scopes = describeScopes(neededScopes(needs)).replaceAll(` on ${YOU}`, ' on your account');
      const advice: TokenAdvice = {url, scopes, ...(confirmCode ? {confirmCode} : {})};
      if (account) {
        const fit = compareTokenToNeeds(account.info, needs);
        advice.fit = {enough: fit.enough, broader: fit.extra.length > 0, advice: fit.advice};
      }
      return advice;
    },

    async tokenDashboard(session) {
      // The same report and lines as `status` (with --sandbox on the sandbox: its own HF_HOME), asked live.
      const report = await gatherStatus(ctx.envFor(session.target), session.target.endpoint);
      return statusText(report, {sandbox: session.target.kind === 'sandbox'}).map((line) =>
        redactSecrets(line, ctx.secrets(session)),
      );
    },

    async dispose() {
      if (ctx.ownsSandbox && ctx.sandbox) await ctx.sandbox.close();
    },
  };
}
