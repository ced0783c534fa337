// Helpers shared by the check modules: building results, and "does this value carry the token?".
import {looksLikeRealToken, TOKEN_ENV_NAMES} from '../jobspec/placeholder.js';
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

/** Does this env/secret entry carry the Hugging Face token? (wrong-secret-key, missing-secrets: see valueIsHfToken.) */
export function carriesToken(e: Entry): boolean {
  return valueIsHfToken(e);
}

/**
 * A name whose content is a Hugging Face token: it ends in TOKEN and names Hugging Face or the Hub (HF_TOKEN,
 * HUGGINGFACEHUB_API_TOKEN, HF_API_TOKEN, HUGGING_FACE_HUB_TOKEN, hf_token). Not HF_TOKEN_PATH (a file's name) nor
 * WANDB_TOKEN or GITHUB_TOKEN (other services' tokens).
 */
export function isHfTokenName(name: string): boolean {
  return /token$/i.test(name) && /(?:^|_)(?:HF|HUGGING_?FACE(?:_?HUB)?|HUB)(?:_|$)/i.test(name);
}

/**
 * What the value of an env/secret entry is, whatever the entry's own name: the Hugging Face token when it is
 * - bare (`-e KEY`): hf fills it from the variable KEY (and HF_TOKEN from the saved login too), so when KEY is a
 *   token's name, the local token;
 * - a reference to a token variable (`$HF_TOKEN`, `"${HUGGINGFACE_TOKEN}"`, `${HF_TOKEN:-}`), which the shell or the
 *   MCP tool fills in;
 * - a command or expression that prints or returns it: `$(hf auth token)`, `$(python -c "…get_token()…")`,
 *   `$(cat ~/.cache/huggingface/token)`, `get_token()`, `HfFolder.get_token()`, `os.environ["HF_TOKEN"]`, a Python
 *   name such as `hf_token` or `token`;
 * - a literal `hf_…` value (a real token, or a placeholder the reader replaces with theirs).
 * Not: a path to a token file (`HF_TOKEN_PATH=/run/secrets/hf`), another service's token (`$WANDB_API_KEY`).
 */
export function valueIsHfToken(e: Entry): boolean {
  if (e.source === 'bare') return TOKEN_KEYS.has(e.key) || isHfTokenName(e.key);
  const v = (e.value ?? '').trim();
  // `$HF_TOKEN` (the MCP tool's placeholder too) and any other token variable, alone or inside the value.
  for (const m of v.matchAll(/\$\{?([A-Za-z_]\w*)/g)) if (isHfTokenName(m[1]!)) return true;
  const computed = e.source === 'expr' || /\$\(|`/.test(v);
  if (computed) {
    if (
      /\bget_token\s*\(|\bhf\s+auth\s+token\b|huggingface(?:-cli)?\s+(?:auth\s+)?token\b|huggingface\/token\b/.test(v)
    )
      return true;
    // Names inside the expression: os.environ["HF_TOKEN"], os.getenv("HUGGINGFACE_TOKEN"), hf_token, token.
    for (const m of v.matchAll(/[A-Za-z_]\w*/g)) if (isHfTokenName(m[0]) || m[0] === 'token') return true;
    return false;
  }
  // `hf_cache` is a folder's name: an hf_ literal counts when it is token-shaped or a token's placeholder.
  return looksLikeRealToken(v) || /^hf_(?:[A-Za-z0-9]{20,}|x{3,}|\.{3}|…|\*{3,}|your|abc)/i.test(v);
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
