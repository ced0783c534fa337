// runChecks: scan the paths, run every static check, then the live ones against the endpoint.
import {resolveEndpoint} from '../endpoint.js';
import {isSandboxEndpoint} from '../practice.js';
import {redactSecrets} from '../tokens/mask.js';
import type {Env} from '../store/paths.js';
import type {StaticCheck, StaticFacts} from './common.js';
import {envTokenOverride} from './env-token-override.js';
import {hardcodedToken} from './hardcoded-token.js';
import {hubFixes, type HubFixes} from './hub-fixes.js';
import {literalPlaceholder} from './literal-placeholder.js';
import {
  createLiveContext,
  whoAmIOnce,
  type HubFactory,
  type LiveContext,
  type LiveHub,
  type WhoAmIOutcome,
} from './live-context.js';
import type {LiveCheck} from './live-common.js';
import {loggedIn} from './logged-in.js';
import {missingSecrets} from './missing-secrets.js';
import {noTokenCheck} from './no-token-check.js';
import {repoAccess} from './repo-access.js';
import {scanPaths, scanText, type FileKind} from './scan.js';
import {NOT_REGULAR} from './walk.js';
import {scriptNotInContainer} from './script-not-in-container.js';
import {timeoutFormat} from './timeout-format.js';
import {tokenFormat} from './token-format.js';
import {tokenInArgv} from './token-in-argv.js';
import {tokenInEnv} from './token-in-env.js';
import {tokenPermission} from './token-permission.js';
import {tokenValid} from './token-valid.js';
import {unknownArgument} from './unknown-argument.js';
import {unknownFlavor} from './unknown-flavor.js';
import {wrongSecretKey} from './wrong-secret-key.js';
import type {CheckId, CheckReport, CheckResult, LiveCheckId, ScanModel, ScanSummary, StaticCheckId} from './types.js';

export const STATIC_CHECKS: Record<StaticCheckId, StaticCheck> = {
  'hardcoded-token': hardcodedToken,
  'token-in-env': tokenInEnv,
  'wrong-secret-key': wrongSecretKey,
  'missing-secrets': missingSecrets,
  'no-token-check': noTokenCheck,
  'token-format': tokenFormat,
  'literal-placeholder': literalPlaceholder,
  'script-not-in-container': scriptNotInContainer,
  'unknown-argument': unknownArgument,
  'timeout-format': timeoutFormat,
  'unknown-flavor': unknownFlavor,
  'token-in-argv': tokenInArgv,
};

export const LIVE_CHECKS: Record<LiveCheckId, LiveCheck> = {
  'logged-in': loggedIn,
  'token-valid': tokenValid,
  'token-permission': tokenPermission,
  'repo-access': repoAccess,
  'env-token-override': envTokenOverride,
};

export interface RunChecksOptions {
  /** Files or folders; default the cwd. */
  paths: string[];
  cwd: string;
  env: Env;
  /** No network: the live checks that need the Hub are skipped (logged-in and env-token-override still run). */
  offline?: boolean;
  /** Default: --endpoint resolution from env (HF_ENDPOINT, else huggingface.co). */
  endpoint?: string;
  /** A client (already bound to a token) or a factory; default createHubClient. */
  hub?: LiveHub | HubFactory;
  /** Run only these ids. */
  only?: CheckId[];
  /** Use this context instead of resolving the token from env. */
  liveContext?: LiveContext;
  /** Told what was read (paths, file count, folders skipped) for the human report. */
  onScanned?: (summary: ScanSummary) => void;
  /** Also run pre-flight (permission, auth check, billing, price, timeout) for the jobs found; live with a token only. */
  preflight?: boolean;
}

/** Pre-flight for the first submissions found, when there is a token and a Hub to ask; failures fail the report. */
async function preflightFor(model: ScanModel, ctx: LiveContext, offline: boolean): Promise<CheckReport['preflight']> {
  if (offline || !ctx.token || model.submissions.length === 0) return undefined;
  const who = await whoAmIOnce(ctx, {});
  if (!who?.ok) return undefined;
  const {plannedSubmissions} = await import('./from-scan.js');
  const {gatherPreflight} = await import('../preflight/gather.js');
  const sandbox = isSandboxEndpoint(ctx.endpoint);
  const plans = plannedSubmissions(model, who.info.user);
  const out: NonNullable<CheckReport['preflight']> = [];
  for (const p of plans) {
    try {
      out.push({
        file: p.file,
        line: p.line,
        api: p.api,
        report: await gatherPreflight({hubUrl: ctx.endpoint, accessToken: ctx.token, job: p.job, sandbox}),
      });
    } catch {
      // whoami answered a moment ago: a failure here is the network; the live checks already say so.
    }
  }
  return out;
}

/** Messages never carry a whole token: a last pass masks anything token-shaped and the token in use. */
function safe(results: CheckResult[], secrets: string[]): CheckResult[] {
  return capFindings(results).map((r) => ({
    ...r,
    message: redactSecrets(r.message, secrets),
    fix: redactSecrets(r.fix, secrets),
  }));
}

/** Findings (warn/fail) shown per check id; a real project has a handful. */
export const MAX_FINDINGS_PER_CHECK = 100;

/**
 * At most MAX_FINDINGS_PER_CHECK warnings and failures per check id, then one line saying how many more there are.
 * A hostile file repeating one mistake (a 1.9 MB script of \`hf jobs run\` lines with 100 \`-e A=$HF_TOKEN\` each)
 * made 130,000 findings: 83 MB of --json, 650 MB of memory, 5.7 s.
 */
/** 12345 -> "12,345" without toLocaleString, whose first call loads ICU's number formatting (~12 ms of CPU in check). */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

function capFindings(results: CheckResult[]): CheckResult[] {
  const shown = new Map<string, number>();
  const hidden = new Map<string, {count: number; first: CheckResult; fail: boolean}>();
  const out: CheckResult[] = [];
  for (const r of results) {
    if (r.status !== 'warn' && r.status !== 'fail') {
      out.push(r);
      continue;
    }
    const n = shown.get(r.id) ?? 0;
    if (n < MAX_FINDINGS_PER_CHECK) {
      shown.set(r.id, n + 1);
      out.push(r);
      continue;
    }
    const h = hidden.get(r.id);
    if (h) {
      h.count++;
      h.fail ||= r.status === 'fail';
    } else hidden.set(r.id, {count: 1, first: r, fail: r.status === 'fail'});
  }
  for (const [id, h] of hidden)
    out.push({
      id: h.first.id,
      status: h.fail ? 'fail' : 'warn',
      title: h.first.title,
      message: `${thousands(h.count)} more ${id} findings are not shown (the first ${MAX_FINDINGS_PER_CHECK} are): fix those, then check again.`,
      fix: h.first.fix,
    });
  return out;
}

/** `endpoint` words the fixes (huggingface.co settings pages, or the sandbox's practice tokens). */
export function runStaticChecks(
  model: ScanModel,
  only?: CheckId[],
  endpoint?: string,
  facts?: StaticFacts,
  fixes?: HubFixes,
): CheckResult[] {
  const ids = (Object.keys(STATIC_CHECKS) as StaticCheckId[]).filter((id) => !only || only.includes(id));
  const hub = fixes ?? hubFixes(endpoint);
  return ids.flatMap((id) => STATIC_CHECKS[id].run(model, hub, facts));
}

/** The Hub's flavor names, when online and the Hub answers; a failure here is not a finding (token-valid reports it). */
async function liveFacts(ctx: LiveContext, offline: boolean): Promise<StaticFacts> {
  if (offline || !ctx.hub?.listJobHardware) return {};
  try {
    return {liveFlavors: (await ctx.hub.listJobHardware()).map((h) => h.name)};
  } catch {
    return {};
  }
}

export async function runLiveChecks(
  ctx: LiveContext,
  model: ScanModel,
  offline: boolean,
  only?: CheckId[],
): Promise<CheckResult[]> {
  const ids = (Object.keys(LIVE_CHECKS) as LiveCheckId[]).filter((id) => !only || only.includes(id));
  const cache: {value?: Promise<WhoAmIOutcome>} = {};
  const needsWho = ids.some((id) => id === 'token-valid' || id === 'token-permission' || id === 'repo-access');
  const who = !offline && needsWho ? await whoAmIOnce(ctx, cache) : undefined;
  const out: CheckResult[] = [];
  for (const id of ids) out.push(...(await LIVE_CHECKS[id].run({ctx, model, offline, ...(who ? {who} : {})})));
  return out;
}

export function report(checks: CheckResult[]): CheckReport {
  return {ok: !checks.some((c) => c.status === 'fail'), checks};
}

export async function runChecks(options: RunChecksOptions): Promise<CheckReport> {
  const offline = Boolean(options.offline);
  const model = await scanPaths(options.paths, {cwd: options.cwd});
  const endpoint = options.endpoint ?? resolveEndpoint(undefined, options.env);
  const ctx =
    options.liveContext ??
    (await createLiveContext({env: options.env, endpoint, offline, ...(options.hub ? {hub: options.hub} : {})}));
  const facts = model.submissions.some((s) => s.flavor !== undefined) ? await liveFacts(ctx, offline) : {};
  const checks = [
    ...runStaticChecks(model, options.only, ctx.endpoint, facts, ctx.fixes),
    ...(await runLiveChecks(ctx, model, offline, options.only)),
  ];
  options.onScanned?.({
    paths: options.paths.length ? options.paths : ['.'],
    files: model.files.length,
    skippedDirs: model.skippedDirs,
    notRead: [
      ...model.skipped,
      ...model.skippedDirs
        .filter((d) => d.reason === 'unreadable')
        .map((d) => ({
          file: d.dir,
          reason:
            d.code === NOT_REGULAR
              ? 'neither a file nor a folder (a named pipe, a device or a socket)'
              : `a folder that could not be listed (${d.code ?? 'error'})`,
        })),
    ],
  });
  const result = report(safe(checks, ctx.token ? [ctx.token] : []));
  const pre = options.preflight ? await preflightFor(model, ctx, offline) : undefined;
  if (pre?.length) {
    result.preflight = pre;
    if (pre.some((p) => p.report.verdict === 'fail')) result.ok = false;
  }
  return result;
}

/**
 * Static checks on one in-memory text (a lesson exercise answer, a snippet): `{ok, checks}` like `check --json`.
 * `file` names it (its extension picks the parser: .py, .sh, .json, .md); `kind` overrides.
 */
export function checkText(
  text: string,
  file: string,
  options: {only?: CheckId[]; kind?: FileKind; endpoint?: string} = {},
): CheckReport {
  const model = scanText(text, file, options.kind);
  return report(safe(runStaticChecks(model, options.only, options.endpoint), []));
}

/** One check by id on a text: the statuses a lesson verifies against. */
export function runCheckOnText(
  id: StaticCheckId,
  text: string,
  file: string,
  kind?: FileKind,
  endpoint?: string,
): CheckResult[] {
  return safe(STATIC_CHECKS[id].run(scanText(text, file, kind), hubFixes(endpoint)), []);
}
