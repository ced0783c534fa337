// Everything `status` (and the wizard's account screen) shows: local facts first, then what the Hub says.
import {maskToken} from '../tokens/mask.js';
import {
  describeKind,
  summarizePermissions,
  type FineGrainedScope,
  type OrgMembership,
  type TokenKind,
} from '../tokens/classify.js';
import {validateTokenFormat} from '../tokens/format.js';
import type {HubErrorDescription} from '../hub/errors.js';
import type {Env} from '../store/paths.js';
import {describeSource, resolveToken, type TokenResolution, type TokenSource} from '../store/resolve.js';
import {verifyToken} from './verify.js';

/**
 * The `status --json` shape (stable contract):
 * {
 *   endpoint: string,                       // the Hub checked
 *   loggedIn: boolean,                      // a token is in effect (not necessarily valid)
 *   source: "HF_TOKEN" | "HUGGING_FACE_HUB_TOKEN" | "file" | null,
 *   sourceDescription: string,              // e.g. "the HF_TOKEN environment variable"
 *   tokenPath: string, storedTokensPath: string,
 *   maskedToken: string | null,             // "hf_…abcd", never the whole token
 *   activeName: string | null,              // stored_tokens name of the token in effect
 *   storedTokens: [{name: string, maskedToken: string | null, active: boolean,
 *                   // online only (the token dashboard): each saved token asked to whoami-v2 in parallel
 *                   check?: {valid: boolean, user?: string, kind?: TokenKind, label?: string, scopes?: [...],
 *                            canReadGatedRepos?: boolean, expiresAt?: string | null, problem?: string}}],
 *   storedTokensStatus: "ok" | "missing" | "corrupt" | "unreadable", storedTokensProblem: string | null,
 *   tokenFileProblem: string | null,        // the token file exists but cannot be read (it then counts as absent)
 *   shadow: null | {by: "HF_TOKEN" | "HUGGING_FACE_HUB_TOKEN", savedName: string | null, message: string},
 *   formatProblem: string | null,           // the token's shape is wrong (no request made)
 *   online: "ok" | "invalid-token" | "network" | "error" | "skipped",
 *   error: null | {kind, status?, message}, // when online != "ok"
 *   account: null | {user: string, fullname: string | null, orgs: [{name, roleInOrg?}], isPro: boolean | null, canPay: boolean | null},
 *   token: null | {kind: "read"|"write"|"fineGrained"|"oauth"|"unknown", label: string, role: string | null,
 *                  displayName: string | null, scopes: [{entity: {type, name}, permissions: string[]}],
 *                  globalPermissions: string[], canReadGatedRepos: boolean, expiresAt: string | null, summary: string[]},
 *   notes: string[]                         // e.g. HF_OIDC_RESOURCE is set
 * }
 */
/** What the Hub says of one saved token (the dashboard); absent offline. */
export interface StoredTokenCheck {
  valid: boolean;
  user?: string;
  kind?: TokenKind;
  label?: string;
  scopes?: FineGrainedScope[];
  canReadGatedRepos?: boolean;
  expiresAt?: string | null;
  /** Why it could not be checked or is invalid: one line, no token in it. */
  problem?: string;
}

export interface StoredTokenEntry {
  name: string;
  maskedToken: string | null;
  active: boolean;
  check?: StoredTokenCheck;
}

export interface StatusReport {
  endpoint: string;
  loggedIn: boolean;
  source: TokenSource | null;
  sourceDescription: string;
  tokenPath: string;
  storedTokensPath: string;
  maskedToken: string | null;
  activeName: string | null;
  storedTokens: StoredTokenEntry[];
  storedTokensStatus: 'ok' | 'missing' | 'corrupt' | 'unreadable';
  storedTokensProblem: string | null;
  tokenFileProblem: string | null;
  shadow: null | {by: TokenSource; savedName: string | null; message: string};
  formatProblem: string | null;
  online: 'ok' | 'invalid-token' | 'network' | 'error' | 'skipped';
  error: null | Pick<HubErrorDescription, 'kind' | 'status' | 'message'>;
  account: null | {
    user: string;
    fullname: string | null;
    orgs: OrgMembership[];
    isPro: boolean | null;
    canPay: boolean | null;
  };
  token: null | {
    kind: TokenKind;
    label: string;
    role: string | null;
    displayName: string | null;
    scopes: FineGrainedScope[];
    globalPermissions: string[];
    canReadGatedRepos: boolean;
    expiresAt: string | null;
    summary: string[];
  };
  notes: string[];
}

function storedTokensProblem(r: TokenResolution): string | null {
  if (r.stored.status === 'corrupt')
    return `${r.paths.storedTokensPath} could not be read (${r.stored.reason}); it will be backed up before the next login rewrites it.`;
  if (r.stored.status === 'unreadable') return r.stored.reason;
  return null;
}

export async function gatherStatus(
  env: Env,
  endpoint: string,
  options: {offline?: boolean; fetch?: typeof fetch} = {},
): Promise<StatusReport> {
  const r = await resolveToken(env);
  const report: StatusReport = {
    endpoint,
    loggedIn: r.token !== undefined,
    source: r.source ?? null,
    sourceDescription: describeSource(r),
    tokenPath: r.paths.tokenPath,
    storedTokensPath: r.paths.storedTokensPath,
    maskedToken: r.token ? maskToken(r.token) : null,
    activeName: r.activeName ?? null,
    storedTokens: r.stored.tokens.map((t) => ({
      name: t.name,
      maskedToken: t.token ? maskToken(t.token) : null,
      active: t.token !== undefined && t.token === r.token,
    })),
    storedTokensStatus: r.stored.status,
    storedTokensProblem: storedTokensProblem(r),
    tokenFileProblem: r.tokenFileProblem ?? null,
    shadow: null,
    formatProblem: null,
    online: 'skipped',
    error: null,
    account: null,
    token: null,
    notes: [],
  };
  if (r.oidcConfigured)
    report.notes.push('HF_OIDC_RESOURCE is set: huggingface_hub would use an OIDC token first; this tool does not.');
  if (r.shadowsSavedToken && r.source && r.source !== 'file') {
    const named = r.shadowedName ? ` "${r.shadowedName}"` : '';
    report.shadow = {
      by: r.source,
      savedName: r.shadowedName ?? null,
      message: `The ${r.source} environment variable is set and wins over your saved token${named} (${r.paths.tokenPath}). Unset it to use the saved login.`,
    };
  }
  if (!r.token || !r.source) return report;

  const format = validateTokenFormat(r.token, {tokensPage: `${endpoint.replace(/\/+$/, '')}/settings/tokens`});
  if (!format.ok) report.formatProblem = format.reason;
  if (options.offline || (!format.ok && (format.problem === 'wrong-prefix' || format.problem === 'empty')))
    return report;

  const others = checkSavedTokens(r, report, endpoint, options.fetch);
  const verified = await verifyToken({
    endpoint,
    token: r.token,
    source: r.source,
    ...(options.fetch ? {fetch: options.fetch} : {}),
  });
  await others;
  const active = report.storedTokens.find((t) => t.active);
  if (active) active.check = verified.ok ? checkOf(verified.info) : {valid: false, problem: verified.message};
  if (!verified.ok) {
    report.online =
      verified.error.kind === 'unauthorized'
        ? 'invalid-token'
        : verified.error.kind === 'network'
          ? 'network'
          : 'error';
    report.error = {
      kind: verified.error.kind,
      message: verified.message,
      ...(verified.error.status !== undefined ? {status: verified.error.status} : {}),
    };
    return report;
  }
  const {info} = verified;
  report.online = 'ok';
  report.account = {
    user: info.user,
    fullname: info.fullname ?? null,
    orgs: info.orgs,
    isPro: info.isPro ?? null,
    canPay: info.canPay ?? null,
  };
  report.token = {
    kind: info.kind,
    label: describeKind(info),
    role: info.role ?? null,
    displayName: info.displayName ?? null,
    scopes: info.scopes,
    globalPermissions: info.globalPermissions,
    canReadGatedRepos: info.canReadGatedRepos,
    expiresAt: info.expiresAt ?? null,
    summary: summarizePermissions(info),
  };
  return report;
}

function checkOf(info: import('../tokens/classify.js').TokenInfo): StoredTokenCheck {
  return {
    valid: true,
    user: info.user,
    kind: info.kind,
    label: describeKind(info),
    scopes: info.scopes,
    canReadGatedRepos: info.canReadGatedRepos,
    expiresAt: info.expiresAt ?? null,
  };
}

/** The dashboard: every other saved token asked to whoami-v2, all at once (the active one is checked by the caller). */
async function checkSavedTokens(
  r: TokenResolution,
  report: StatusReport,
  endpoint: string,
  fetchImpl?: typeof fetch,
): Promise<void> {
  await Promise.all(
    r.stored.tokens.map(async (saved, i) => {
      const entry = report.storedTokens[i];
      if (!entry || !saved.token || entry.active) return;
      const v = await verifyToken({
        endpoint,
        token: saved.token,
        source: 'file',
        ...(fetchImpl ? {fetch: fetchImpl} : {}),
      });
      entry.check = v.ok
        ? checkOf(v.info)
        : {valid: false, problem: v.error.kind === 'unauthorized' ? 'invalid (revoked or expired)' : v.error.message};
    }),
  );
}
