// Helpers shared by the check modules: building results, and "does this value carry the token?".
import {isTokenPlaceholder, looksLikeRealToken, TOKEN_ENV_NAMES} from '../jobspec/placeholder.js';
import type {HubFixes} from './hub-fixes.js';
import type {CheckId, CheckResult, CheckStatus, Entry, Origin, ScanModel, StaticCheckId, Submission} from './types.js';

/** What the live Hub told us that static checks can use (absent offline). */
export interface StaticFacts {
  /** Flavor names from `GET /api/jobs/hardware`: a flavor added to the Hub after this app's list still passes. */
  liveFlavors?: readonly string[];
}

export interface StaticCheck {
  id: StaticCheckId;
  title: string;
  /** Findings (warn/fail), or one pass/skip line when there is nothing to report. `hub` words fixes for the endpoint. */
  run(model: ScanModel, hub: HubFixes, facts?: StaticFacts): CheckResult[];
}

export const TOKEN_KEYS = TOKEN_ENV_NAMES;

export function result(
  id: CheckId,
  title: string,
  status: CheckStatus,
  message: string,
  fix = '',
  where?: {file?: string; line?: number},
): CheckResult {
  const r: CheckResult = {id, status, title, message, fix};
  if (where?.file !== undefined) r.file = where.file;
  if (where?.line !== undefined) r.line = where.line;
  return r;
}

/** Findings as they are, or a single pass (when something was looked at) / skip (nothing to look at). */
export function outcome(
  id: CheckId,
  title: string,
  findings: CheckResult[],
  applicable: boolean,
  pass: string,
  skip: string,
): CheckResult[] {
  if (findings.length) return findings;
  return [applicable ? result(id, title, 'pass', pass) : result(id, title, 'skip', skip)];
}

/** Does this env/secret entry carry the Hugging Face token (placeholder, expression, bare key, real-looking value)? */
export function carriesToken(e: Entry): boolean {
  // `--secrets HUGGINGFACE_TOKEN`: hf fills a bare key from the variable of that name, so it carries a token.
  if (e.source === 'bare') return TOKEN_KEYS.has(e.key) || looksLikeTokenName(e.key);
  const v = e.value ?? '';
  if (isTokenPlaceholder(v) || /\$\{?HF_TOKEN\}?/.test(v)) return true;
  if (e.source === 'expr' || e.source === 'shell-expanded')
    return /get_token|HF_TOKEN|hf auth token|\btoken\b/i.test(v);
  return looksLikeRealToken(v) || /^hf_/.test(v);
}

/** A variable name that holds a Hugging Face token by its name: HUGGINGFACE_TOKEN, HF_API_TOKEN, hf_token... */
export function looksLikeTokenName(key: string): boolean {
  return /TOKEN/i.test(key) && /(?:^|_)(?:HF|HUGGING_?FACE(?:_?HUB)?|HUB)(?:_|$)/i.test(key);
}

export function passesToken(sub: Submission): boolean {
  return [...sub.secrets, ...sub.env].some((e) => TOKEN_KEYS.has(e.key));
}

/** How to pass the token, in the words of the tool the submission was written for. */
export function tokenFix(origin: Origin): string {
  switch (origin) {
    case 'cli':
      return 'Add `--secrets HF_TOKEN` (bare: hf fills it from your login or the HF_TOKEN variable).';
    case 'python':
      return 'Add `secrets={"HF_TOKEN": get_token()}` (from huggingface_hub import get_token).';
    case 'mcp':
      return 'Add `"secrets": {"HF_TOKEN": "$HF_TOKEN"}` to the args (the MCP tool fills in your token).';
    default:
      return 'Add `"secrets": {"HF_TOKEN": "$HF_TOKEN"}` to the job config (filled in from your login at submit time).';
  }
}

export function countLabel(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}
