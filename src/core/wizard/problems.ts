// Troubleshooting for the wizard: the problem catalog (ids of architecture.md), a text classifier and a live
// diagnosis that names the actual cause. (Minimal until src/core/troubleshoot lands; then this delegates to it.)
import type {HubClient} from '../hub/client.js';
import {describeHubError} from '../hub/errors.js';
import {envTokenSource} from '../store/resolve.js';
import type {Env} from '../store/paths.js';
import {evaluateGoal} from '../tokens/classify.js';
import type {WizardExample} from './examples.js';
import type {Session} from './services.js';
import type {Diagnosis, Finding, ProblemId, ProblemInfo} from './types.js';

const CATALOG: Record<ProblemId, Omit<ProblemInfo, 'id'>> = {
  'unauthorized-401': {
    title: '401 Unauthorized: the Hub does not accept the token',
    symptoms: ['"401 Client Error: Unauthorized"', '"Invalid user token"', 'the job fails right at its first Hub call'],
    causes: ['The token was revoked, expired or mistyped.', 'An old HF_TOKEN environment variable wins over your fresh login.', 'The token is for another Hub (huggingface.co vs. a local endpoint).'],
    solutions: ['Create a new token and log in with it.', 'Unset a stale HF_TOKEN.', 'Check --endpoint / HF_ENDPOINT.'],
    fixes: ['re-login', 'open-token-page', 'retry'],
  },
  'forbidden-403': {
    title: '403 Forbidden: the token is valid but may not do this',
    symptoms: ['"403 Forbidden"', '"You don\'t have the rights to create a dataset under the namespace"', 'the job starts, then fails when it pushes'],
    causes: ['A read token: it can download but never push or run Jobs.', 'A fine-grained token without repo.write / job.write on that namespace.', 'Pushing to an organization where your role is read.'],
    solutions: ['Use a write token, or add the missing permission to the fine-grained token.', 'Push to your own namespace.'],
    fixes: ['open-token-page', 're-login', 'retry'],
  },
  'token-missing': {
    title: 'The job has no HF_TOKEN',
    symptoms: ['"HF_TOKEN is missing"', '"Token not found"', '401 from inside the job although you are logged in'],
    causes: ['The config passes no secrets, or passes the token under "env".', 'The secret is named differently (TOKEN, HF_API_TOKEN): huggingface_hub only reads HF_TOKEN.', '"$HF_TOKEN" was given to the Python API or hf CLI, which send it as the literal text.'],
    solutions: ['Pass "secrets": {"HF_TOKEN": "$HF_TOKEN"} (MCP), --secrets HF_TOKEN (hf CLI) or secrets={"HF_TOKEN": get_token()} (Python).'],
    fixes: ['rewrite-config', 'rename-secret', 'retry'],
  },
  'repo-access-denied': {
    title: 'The token cannot reach that repo',
    symptoms: ['"Repository Not Found"', '404 on a repo you know exists'],
    causes: ['The repo is private and the token belongs to another account.', 'A fine-grained token scoped to other repos.'],
    solutions: ['Log in with the account that owns the repo, or ask for access.', 'Add the repo to the fine-grained token.'],
    fixes: ['re-login', 'open-token-page', 'retry'],
  },
  'gated-repo': {
    title: 'Gated repo: access not granted',
    symptoms: ['"Cannot access gated repo"', '"You must have access to it and be authenticated"'],
    causes: ['You have not accepted the repo\'s conditions.', 'A fine-grained token without "read access to public gated repos".'],
    solutions: ['Open the repo page and request access.', 'Tick the gated-repos box on the fine-grained token.'],
    fixes: ['open-token-page', 'retry'],
  },
  'invalid-token-format': {
    title: 'That is not a token',
    symptoms: ['A placeholder like hf_xxx or hf_YOUR_TOKEN', 'A token cut off or with spaces'],
    causes: ['Text copied from documentation.', 'An incomplete copy.'],
    solutions: ['Copy the token again from the token page.'],
    fixes: ['re-login', 'open-token-page'],
  },
  'rate-limited': {
    title: '429: rate limited',
    symptoms: ['"429 Too Many Requests"'],
    causes: ['Too many whoami or API calls in a short time (a whole workshop room behind one IP).'],
    solutions: ['Wait a few minutes, then retry.'],
    fixes: ['retry'],
  },
  'network-error': {
    title: 'The Hub cannot be reached',
    symptoms: ['"fetch failed"', '"ECONNREFUSED"', '"getaddrinfo ENOTFOUND"'],
    causes: ['No network (or flaky workshop wifi).', 'A proxy or firewall.', 'A wrong --endpoint / HF_ENDPOINT.'],
    solutions: ['Check the connection, then retry.', 'Practise on the offline sandbox: hf-jobs-wizard --sandbox.'],
    fixes: ['retry', 'rerun-checks'],
  },
  unknown: {
    title: 'Something else failed',
    symptoms: ['The log does not match a known token problem.'],
    causes: ['An error in the script itself, or a problem this tool does not know yet.'],
    solutions: ['Read the last lines of the log above.', 'Re-run the checklist.'],
    fixes: ['rerun-checks', 'retry'],
  },
};

export function problemInfo(id: ProblemId): ProblemInfo {
  return {id, ...CATALOG[id]};
}

const RULES: [RegExp, ProblemId][] = [
  [/HF_TOKEN is missing|token not found|no (hf_)?token|not logged in|missing.*HF_TOKEN/i, 'token-missing'],
  [/gated repo|restricted and you are not in the authorized list|ask for access/i, 'gated-repo'],
  [/\b403\b|forbidden|don't have the rights|do not have the rights|not allowed to|insufficient permission|lacks permission/i, 'forbidden-403'],
  [/\b401\b|unauthorized|invalid (user )?token|invalid credentials|token is (expired|revoked)/i, 'unauthorized-401'],
  [/repository not found|\b404\b.*repo/i, 'repo-access-denied'],
  [/\b429\b|too many requests|rate limit/i, 'rate-limited'],
  [/fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|could not reach/i, 'network-error'],
  [/hf_(xxx|your_token)|placeholder|does not look like a Hugging Face token/i, 'invalid-token-format'],
];

export function classifyText(text: string): ProblemId {
  for (const [pattern, id] of RULES) if (pattern.test(text)) return id;
  return 'unknown';
}

export async function diagnoseProblem(input: {session: Session; problem: ProblemId; example: WizardExample; env: Env; client: HubClient; evidence?: string}): Promise<Diagnosis> {
  const {session, example} = input;
  const account = session.account;
  const findings: Finding[] = [];
  if (!account) {
    return {cause: 'No token is selected: log in first.', findings: [{status: 'fail', text: 'Not logged in.'}], suggested: 're-login'};
  }
  let valid = true;
  try {
    await input.client.whoAmI();
    findings.push({status: 'pass', text: `The Hub accepts the token ${account.masked}: it belongs to ${account.user}.`});
  } catch (error) {
    valid = false;
    const d = describeHubError(error, {endpoint: session.target.endpoint, secrets: [account.token]});
    findings.push({status: 'fail', text: d.message});
    if (d.kind === 'network') return {cause: `The Hub at ${session.target.endpoint} cannot be reached right now.`, findings, suggested: 'retry'};
  }
  const role = account.info.role ?? account.kind;
  const verdict = evaluateGoal(account.info, example.goal(account.user));
  findings.push({status: verdict.ok ? 'pass' : 'fail', text: `Token role: ${role} (${account.kindLabel}). ${verdict.explanation}`});
  const fromEnv = envTokenSource(input.env);
  if (fromEnv && fromEnv.token !== account.token) findings.push({status: 'warn', text: `${fromEnv.source} is set to a different token and wins over your login in hf and huggingface_hub.`});

  if (!valid) return {cause: `The token ${account.masked} from ${account.sourceLabel} is invalid, expired or revoked: create a new one and log in again.`, findings, suggested: 're-login'};
  if (!verdict.ok) {
    const cause = account.kind === 'read'
      ? `Your token is a read token (role: ${role}): it can download, but it cannot push or run Jobs. "${example.title}" needs a write token.`
      : `Your ${account.kindLabel} (role: ${role}) is missing ${verdict.missing ?? 'a permission'} for "${example.title}".`;
    return {cause, findings, suggested: 'open-token-page'};
  }
  if (input.problem === 'token-missing') {
    return {cause: 'Your token is fine; the job did not receive it. Pass it as the HF_TOKEN secret.', findings, suggested: 'rewrite-config'};
  }
  return {cause: `Your token (${account.kindLabel}) can do this: the failure is elsewhere. Read the log, then retry.`, findings, suggested: 'retry'};
}
