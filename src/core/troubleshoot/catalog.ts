// The problems a first HF Job runs into, in our own words. Built from the seed's "Common Token Issues" and
// corrected where it is out of date: "$HF_TOKEN" is replaced only by the MCP tool; the CLI takes
// `--secrets HF_TOKEN`; Python passes `get_token()`; org API tokens are deprecated; the command is `hf auth login`.
import {DEFAULT_ENDPOINT} from '../endpoint.js';
import {hubFixes, type HubFixes} from '../checks/hub-fixes.js';
import type {CheckId} from '../checks/types.js';
import {APP_COMMAND} from '../invocation.js';
import {isSandboxEndpoint} from '../practice.js';

export const PROBLEM_IDS = [
  'unauthorized-401',
  'forbidden-403',
  'token-missing',
  'repo-access-denied',
  'gated-repo',
  'invalid-token-format',
  'rate-limited',
  'network-error',
  'payment-required',
  'job-timeout',
  'job-not-found',
  'server-error',
  'org-token-policy',
  'job-script-failed',
  'unknown',
] as const;
export type ProblemId = (typeof PROBLEM_IDS)[number];

export interface Cause {
  /** Stable id, used by live diagnosis to say which cause is the actual one. */
  id: string;
  text: string;
  fix: string;
}

export interface Problem {
  id: ProblemId;
  title: string;
  /** What the person sees (error lines, behaviours). */
  symptoms: string[];
  causes: Cause[];
  solutions: string[];
  /** How to confirm it is fixed. */
  verify: string;
  /** Checklist ids that catch this problem before a job runs. */
  checks: CheckId[];
}

const PASS_TOKEN =
  'Pass the token to the job: CLI `hf jobs uv run --secrets HF_TOKEN ...` (bare name: hf fills it from your login); Python `secrets={"HF_TOKEN": get_token()}`; MCP tool `"secrets": {"HF_TOKEN": "$HF_TOKEN"}`.';

type Catalog = Record<ProblemId, Problem>;

/** Problems with the token itself: none reached the code, the Hub refused it, or it is not a token. */
function tokenProblems(hub: HubFixes): Pick<Catalog, 'unauthorized-401' | 'token-missing' | 'invalid-token-format'> {
  return {
    'unauthorized-401': {
      id: 'unauthorized-401',
      title: '401 Unauthorized: the Hub did not accept a token',
      symptoms: [
        '401 Client Error: Unauthorized for url: https://huggingface.co/api/... (huggingface_hub before 1.0)',
        "Client error '401 Unauthorized' for url '...' (huggingface_hub 1.x)",
        'Api error with status 401 (@huggingface/hub)',
        'Invalid credentials in Authorization header / Invalid user token',
      ],
      causes: [
        {
          id: 'no-token-in-job',
          text: 'The job got no token: jobs never inherit your login, and the job was started without HF_TOKEN in its secrets.',
          fix: PASS_TOKEN,
        },
        {
          id: 'literal-placeholder',
          text: 'The 9 characters "$HF_TOKEN" were sent as the token: only the MCP tool replaces that placeholder; the Python API and a single-quoted CLI value send it as is.',
          fix: 'Python: `secrets={"HF_TOKEN": get_token()}`. CLI: `--secrets HF_TOKEN` (no value, no quotes).',
        },
        {
          id: 'invalid-token',
          text: 'The token itself is wrong, revoked or expired (OAuth logins expire).',
          fix: `Log in again with a fresh token. ${hub.newToken('a token')}`,
        },
        {
          id: 'env-override',
          text: 'An old HF_TOKEN environment variable wins over your fresh login, so the old token is the one used.',
          fix: '`unset HF_TOKEN` (and remove it from your shell profile or .env), or update it.',
        },
        {
          id: 'wrong-secret-key',
          text: 'The token went in under another name (TOKEN, hf_token), which huggingface_hub does not read.',
          fix: 'Name the secret exactly HF_TOKEN.',
        },
      ],
      solutions: [
        PASS_TOKEN,
        `Check who you are locally: \`hf auth whoami\` or \`${hub.app('status')}\` (it also says whether HF_TOKEN overrides your saved login).`,
        'Log in again if the token was revoked: `hf auth login` (not the removed `huggingface-cli login`).',
      ],
      verify: `Run \`${hub.app('check')}\` (no fail), then submit a small job that calls whoami inside and prints your user name.`,
      checks: [
        'missing-secrets',
        'literal-placeholder',
        'wrong-secret-key',
        'logged-in',
        'token-valid',
        'env-token-override',
      ],
    },
    'token-missing': {
      id: 'token-missing',
      title: 'No token: HF_TOKEN is not set where the code runs',
      symptoms: [
        "KeyError: 'HF_TOKEN'",
        'ValueError: HF_TOKEN not found',
        'LocalTokenNotFoundError: Token is required (`token=True`), but no token found',
        'Token is required to call the /whoami-v2 endpoint, but no token found',
      ],
      causes: [
        {
          id: 'no-token-in-job',
          text: 'Inside a job: the job was started without HF_TOKEN in its secrets (jobs get no token unless you pass one).',
          fix: PASS_TOKEN,
        },
        {
          id: 'wrong-secret-key',
          text: 'The token was passed under another name (TOKEN, hf_token).',
          fix: 'Name the secret exactly HF_TOKEN.',
        },
        {
          id: 'not-logged-in',
          text: 'On your machine: you are not logged in, so `--secrets HF_TOKEN` had nothing to pass (hf silently drops a bare key with no value) and get_token() returned None.',
          fix: `Log in: \`hf auth login\` (or \`${APP_COMMAND} login\`), or export HF_TOKEN.`,
        },
      ],
      solutions: [
        PASS_TOKEN,
        'Make sure you are logged in where you submit the job: `hf auth whoami`.',
        'In the script, check early: `assert os.environ.get("HF_TOKEN"), "HF_TOKEN missing"`, so a missing token fails in seconds, not after the compute.',
      ],
      verify: `Submit the job again; the first lines of the log should not show the KeyError. \`${hub.app('check')}\` catches this with missing-secrets.`,
      checks: ['missing-secrets', 'wrong-secret-key', 'logged-in', 'no-token-check'],
    },
    'invalid-token-format': {
      id: 'invalid-token-format',
      title: 'The token is not in a usable form',
      symptoms: [
        'Access token must start with "hf_"',
        'Invalid header value / Illegal header value (a newline or space in the token)',
        'api_org_... tokens rejected at login',
        'Placeholders such as hf_xxx or hf_YOUR_TOKEN sent as a token',
      ],
      causes: [
        {
          id: 'placeholder',
          text: 'A placeholder from an example (hf_xxx, hf_YOUR_TOKEN, hf_...) is used as the token.',
          fix: 'Do not paste a token into code: use `--secrets HF_TOKEN`, get_token() or "$HF_TOKEN" (MCP tool).',
        },
        {
          id: 'pasted-badly',
          text: 'The token was cut off, has a trailing newline or space, or two tokens were glued together.',
          fix: hub.copyAgain(),
        },
        {
          id: 'org-token',
          text: 'An organization API token (api_org_...) is used: those are deprecated.',
          fix: 'Use a fine-grained token scoped to the organization.',
        },
      ],
      solutions: [
        `Run \`${hub.app('status')}\`: it says what is wrong with the token's shape without sending it.`,
        'Log in again with a freshly copied token.',
      ],
      verify: `\`${hub.app('check')}\` shows token-format and token-valid as passed.`,
      checks: ['token-format', 'hardcoded-token', 'token-valid'],
    },
  };
}

/** A valid token that may not do this: its scopes, the org role, the org token policy. */
function permissionProblems(hub: HubFixes): Pick<Catalog, 'forbidden-403' | 'org-token-policy'> {
  return {
    'forbidden-403': {
      id: 'forbidden-403',
      title: '403 Forbidden: the token is valid but may not do this',
      symptoms: [
        '403 Client Error: Forbidden for url: ... / 403 Forbidden: ... Make sure your token has the correct permissions.',
        "You don't have the rights to create a model under this namespace",
        'Api error with status 403 (@huggingface/hub)',
      ],
      causes: [
        {
          id: 'read-token',
          text: 'A read token was used to push, create a repo or run a Job.',
          fix: 'Use a write token, or a fine-grained token with repo.write (push) and job.write (Jobs).',
        },
        {
          id: 'missing-scope',
          text: 'A fine-grained token lacks the permission for this namespace (repo.write, job.write) or is scoped to another namespace.',
          fix: hub.editToken('the permission (job.write, repo.write) for the right user or org'),
        },
        {
          id: 'org-role',
          text: 'Your role in the organization is read-only, or you are not a member.',
          fix: 'Ask an org admin for the write role, or run the job in your own namespace.',
        },
        {
          id: 'org-policy',
          text: 'The organization requires fine-grained tokens (classic tokens get 403), or your fine-grained token is still pending admin approval.',
          fix: 'Create a fine-grained token scoped to the org and wait for approval if the org requires it.',
        },
        {
          id: 'no-credits',
          text: 'Jobs need a positive credit balance on the account or org that runs them.',
          fix: hub.credits(),
        },
      ],
      solutions: [
        `See what the token may do: \`${hub.app('status')}\` shows its type and scopes.`,
        hub.newToken('a token with the right permission (fine-grained: job.write to run Jobs, repo.write to push)'),
        'Check the namespace: pushes and jobs go to your user or an org where you can write. Organization API tokens (api_org_...) are deprecated: use a fine-grained token scoped to the org.',
      ],
      verify: `Run \`${hub.app('check')}\` on your job: token-permission and repo-access should pass.`,
      checks: ['token-permission', 'repo-access'],
    },
    'org-token-policy': {
      id: 'org-token-policy',
      title: "The organization's token policy refuses this token",
      symptoms: [
        '403 Forbidden: Due to the organization token policy, your token needs to be approved by the organization before you can access this resource.',
        'Your token has been revoked by the organization administrator, you can no longer access organization resources.',
      ],
      causes: [
        {
          id: 'pending-approval',
          text: 'The organization requires its admins to approve fine-grained tokens that reach it, and this one is still pending.',
          // No admin approves anything on the sandbox: practice-token-policy keeps every token pending.
          fix: hub.sandbox
            ? `On the sandbox the practice-token-policy org leaves every token pending on purpose (no admin approves it, another practice token waits too): run the job in your own namespace (remove "namespace" from hf-job.json, or no \`--namespace\`). On huggingface.co: ask an org admin to approve the token.`
            : 'Ask an org admin to approve the token (Settings > Tokens of the org), or use an approved one.',
        },
        {
          id: 'revoked-by-admin',
          text: 'An org admin revoked this token for the organization (it may still work for your own namespace).',
          fix: hub.newToken('a new fine-grained token scoped to the org (it will need approval)'),
        },
        {
          id: 'classic-refused',
          text: 'The organization accepts only fine-grained tokens, and a classic read/write token was used.',
          fix: hub.newToken('a fine-grained token scoped to the org'),
        },
      ],
      solutions: [
        'Ask an admin of the organization to approve the token, or create a fine-grained token for the org and wait for approval.',
        'Run the job in your own namespace meanwhile.',
      ],
      verify: `\`${hub.app('status')}\` lists the org without a pending token; the org job submits.`,
      checks: ['token-permission'],
    },
  };
}

/** A repository the token cannot see: missing, private or gated. */
function repoProblems(hub: HubFixes): Pick<Catalog, 'repo-access-denied' | 'gated-repo'> {
  return {
    'repo-access-denied': {
      id: 'repo-access-denied',
      title: 'Repository not found or not accessible',
      symptoms: [
        'RepositoryNotFoundError: 404 Client Error. Repository Not Found for url: ...',
        'Repository Not Found ... If you are trying to access a private or gated repo, make sure you are authenticated',
        '404 Not Found / Api error with status 404',
      ],
      causes: [
        {
          id: 'repo-missing',
          text: 'The repo does not exist (a typo, or it was never created).',
          fix: 'Check the repo id and type (model/dataset/space); create it first with `hf repos create` or `create_repo(..., exist_ok=True)`.',
        },
        {
          id: 'private-no-access',
          text: 'The repo is private and this token\'s account (or fine-grained scope) cannot read it; the Hub answers "not found" rather than revealing it.',
          fix: 'Use a token of an account with access, or add repo.content.read for that repo/namespace to the fine-grained token.',
        },
        {
          id: 'anonymous',
          text: 'No token was sent, so a private repo looks like it does not exist (inside a job: HF_TOKEN not passed).',
          fix: PASS_TOKEN,
        },
        {
          id: 'wrong-namespace',
          text: 'The namespace is not the token owner\'s (e.g. "username/..." copied from an example).',
          fix: 'Use your own user name or an org you belong to.',
        },
      ],
      solutions: [
        'Check the id and the repo type (datasets need repo_type="dataset").',
        'Check who the token belongs to: `hf auth whoami`; use your namespace or an org where you are a member.',
        PASS_TOKEN,
      ],
      verify:
        'From your machine: `python -c "from huggingface_hub import HfApi; print(HfApi().repo_info(\'NS/NAME\'))"` works with the same token.',
      checks: ['repo-access', 'token-permission', 'missing-secrets'],
    },
    'gated-repo': {
      id: 'gated-repo',
      title: 'Gated repo: access has to be granted first',
      symptoms: [
        'GatedRepoError: Cannot access gated repo for url ...',
        'Access to model X is restricted and you are not in the authorized list',
        'Please enable access to public gated repos in your fine-grained token settings',
      ],
      causes: [
        {
          id: 'not-approved',
          text: 'Your account has not been granted access to this gated repo (or the request is pending).',
          fix: 'Open the repo page on the Hub, accept the conditions / request access, and wait for approval.',
        },
        {
          id: 'fine-grained-no-gated',
          text: 'You have access, but your fine-grained token does not have "Read access to contents of all public gated repos you can access".',
          fix: hub.editToken('read access to public gated repos (tick the box)'),
        },
        {
          id: 'anonymous',
          text: 'No token was sent (inside a job: HF_TOKEN not passed), so the Hub cannot see that you have access.',
          fix: PASS_TOKEN,
        },
      ],
      solutions: [
        'Request access on the repo page and wait for approval.',
        'For fine-grained tokens, enable read access to public gated repos.',
        PASS_TOKEN,
      ],
      verify: 'From your machine with the same token: `hf download REPO config.json` succeeds.',
      checks: ['token-permission', 'missing-secrets'],
    },
  };
}

/** The Hub could not be reached, refused for a while, or failed on its side. */
function connectionProblems(hub: HubFixes): Pick<Catalog, 'rate-limited' | 'network-error' | 'server-error'> {
  return {
    'rate-limited': {
      id: 'rate-limited',
      title: '429 Too Many Requests: rate limited',
      symptoms: [
        '429 Too Many Requests',
        "you have reached your 'api' rate limit",
        'too many 429 error responses (inside a retry wrapper)',
      ],
      causes: [
        {
          id: 'too-many-requests',
          text: 'Too many calls in a short time (polling a job, whoami in a loop, many parallel downloads). whoami-v2 is limited on purpose.',
          fix: 'Wait a few minutes; poll less often; cache whoami.',
        },
        {
          id: 'anonymous-limits',
          text: 'Anonymous requests have much lower limits: the job may be running without a token.',
          fix: PASS_TOKEN,
        },
      ],
      solutions: [
        'Wait for the time the message says, then retry.',
        'Avoid polling job status in a tight loop; stream logs instead.',
        'Send a token: authenticated limits are higher.',
      ],
      verify: 'Retry once after waiting; the call succeeds.',
      checks: ['missing-secrets'],
    },
    'network-error': {
      id: 'network-error',
      title: 'Could not reach the Hub',
      symptoms: [
        'ConnectionError / Max retries exceeded with url',
        'ECONNREFUSED / ENOTFOUND / fetch failed',
        'Cannot reach ...: offline mode is enabled',
      ],
      causes: [
        {id: 'unreachable', text: 'No network, a proxy/firewall in the way, or DNS failing.', fix: hub.reach()},
        {
          id: 'wrong-endpoint',
          text: 'HF_ENDPOINT or --endpoint points somewhere that is not serving (a stopped sandbox, a typo).',
          // On a sandbox: its own words (a workshop's is started again by whoever started it, with its folder and port).
          fix: hub.sandbox
            ? hub.reach()
            : `Unset HF_ENDPOINT or fix it; for the sandbox, start it again (\`${APP_COMMAND} sandbox\`).`,
        },
        {
          id: 'offline-mode',
          text: 'HF_HUB_OFFLINE=1 is set, so huggingface_hub refuses network calls.',
          fix: 'Unset HF_HUB_OFFLINE.',
        },
      ],
      solutions: [
        'Check the connection and the endpoint, then retry.',
        'A 429 inside a retry wrapper is a rate limit, not a network problem.',
      ],
      verify: `\`${hub.app('status')}\` reaches the Hub and shows your account.`,
      checks: ['token-valid'],
    },
    'server-error': {
      id: 'server-error',
      title: 'The Hub had a server error (500/502/503/504)',
      symptoms: [
        "Server error '500 Internal Server Error' for url 'https://huggingface.co/api/jobs/NAMESPACE'",
        '502 Bad Gateway / 503 Service Unavailable / 504 Gateway Timeout',
      ],
      causes: [
        {
          id: 'transient',
          text: 'A temporary failure on the Hub side (an outage, a deploy, an overloaded service). Your token and script are not the cause.',
          // The sandbox has no outage but its practice-outage org, which answers 500 every time: waiting never helps.
          fix: hub.sandbox
            ? `On the sandbox only the practice-outage org answers 500, on purpose and every time: run the job in your own namespace (remove "namespace" from hf-job.json, or no \`--namespace\`). On huggingface.co: wait a minute and retry; check https://status.huggingface.co.`
            : 'Wait a minute and retry; check https://status.huggingface.co.',
        },
        {
          id: 'bad-request-body',
          text: 'Rarely, a request the server cannot handle (a huge or unusual job spec) gives a 500 every time.',
          fix: 'If it repeats, submit a minimal job; if that works, shrink the spec and report the request id.',
        },
      ],
      solutions: [
        'Retry after a short wait (the Python client retries 5xx on downloads, not on job submission).',
        'Check https://status.huggingface.co.',
        'If it keeps failing, report it with the Request ID from the message.',
      ],
      verify: 'The same call succeeds on retry.',
      checks: [],
    },
  };
}

/** A job that could not be paid for, or was looked up under the wrong id or namespace. */
function jobSubmitProblems(hub: HubFixes): Pick<Catalog, 'payment-required' | 'job-not-found'> {
  return {
    'payment-required': {
      id: 'payment-required',
      title: '402 Payment Required: the namespace running the job has no credits',
      symptoms: [
        "Client error '402 Payment Required' for url 'https://huggingface.co/api/jobs/NAMESPACE'",
        'Pre-paid credit balance is insufficient - add more credits to your account to use Jobs.',
        'A job CANCELED with cancel reason NO_CREDITS (or NO_SUBSCRIPTION)',
      ],
      causes: [
        {
          id: 'no-credits',
          text: 'The account or organization the job runs under has no pre-paid credits left: Jobs are billed per minute of hardware. The token is fine.',
          fix: hub.credits(),
        },
        {
          id: 'wrong-namespace-billing',
          text: 'The job was submitted under a namespace that cannot pay (your user instead of the org that has credits, or the reverse).',
          fix: 'Submit with `--namespace ORG` (CLI) / `namespace="ORG"` (Python) for the namespace that has credits.',
        },
        {
          id: 'no-subscription',
          text: 'The namespace needs a subscription (PRO, Team or Enterprise) or a resource group for this hardware (cancel reason NO_SUBSCRIPTION or RESOURCE_GROUP_LIMIT).',
          fix: 'Subscribe, or ask the org admin to raise the resource group limit, or pick a smaller flavor.',
        },
      ],
      solutions: [
        hub.credits(),
        'A 402 is not a token problem: do not create a new token for it.',
        // On the sandbox the one that pays is practice-user, with no --namespace (hub.credits() says so).
        hub.sandbox
          ? 'On huggingface.co the same 402 is fixed with credits (/settings/billing) or `--namespace ORG` for an org that pays.'
          : 'Run the job in the namespace that pays: `--namespace ORG`.',
      ],
      verify: `\`${hub.app('status')}\` says whether your own account can pay for Jobs (Billing); for an org, submit a small cpu-basic job under it and see it start.`,
      checks: [],
    },
    'job-not-found': {
      id: 'job-not-found',
      title: 'Job not found: wrong job id or wrong namespace',
      symptoms: [
        'JobNotFoundError: Job Not Found for url: https://huggingface.co/api/jobs/USER/ID/logs',
        '404 on /api/jobs/NAMESPACE/ID',
      ],
      causes: [
        {
          id: 'org-job-under-user',
          text: 'The job runs under an organization but was looked up under your user name (the CLI defaults to your user).',
          fix: 'Pass the namespace: `hf jobs logs --namespace ORG ID` / `inspect_job(job_id=ID, namespace="ORG")`.',
        },
        {
          id: 'wrong-id',
          text: 'The job id is mistyped or cut off (ids are 24 hexadecimal characters).',
          fix: 'List your jobs to copy the id: `hf jobs ps -a` (add `--namespace ORG` for an org).',
        },
        {
          id: 'other-account',
          text: 'The token belongs to another account than the one that submitted the job.',
          fix: 'Check `hf auth whoami`; log in as the account that owns the job.',
        },
      ],
      // The two likely causes' own fixes, word for word: with a diagnosed cause, its fix leads and is not said twice.
      solutions: [
        'Pass the namespace: `hf jobs logs --namespace ORG ID` / `inspect_job(job_id=ID, namespace="ORG")`.',
        'List your jobs to copy the id: `hf jobs ps -a` (add `--namespace ORG` for an org).',
      ],
      verify: '`hf jobs inspect --namespace NAMESPACE ID` prints the job.',
      checks: [],
    },
  };
}

/** A job that ran and ended badly: timed out, or its script failed. */
function jobRunProblems(): Pick<Catalog, 'job-timeout' | 'job-script-failed'> {
  return {
    'job-timeout': {
      id: 'job-timeout',
      title: 'The job hit its timeout and was stopped',
      symptoms: [
        "Error: Job ID finished with stage 'ERROR': Job timeout",
        'A job ending in ERROR after exactly 30 minutes (the default timeout)',
      ],
      causes: [
        {
          id: 'default-timeout',
          text: 'No timeout was given, so the 30-minute default stopped the job; the script was still working. Not a token problem.',
          fix: 'Pass a longer timeout: CLI `--timeout 2h`; Python `timeout="2h"`; MCP `"timeout": "2h"`.',
        },
        {
          id: 'too-slow',
          text: 'The script is slower than expected on this flavor (a CPU flavor for GPU work, a model too big).',
          fix: 'Pick a bigger flavor (`hf jobs hardware` lists them) or a smaller model/dataset, and time a short run first.',
        },
        {
          id: 'stuck',
          text: 'The script waited forever (an input() prompt, a download that never ended, a deadlock).',
          fix: 'Read the last lines of the log (`hf jobs logs ID`) to see where it stopped.',
        },
      ],
      solutions: [
        'Set a timeout that fits the work: `hf jobs uv run --timeout 2h ...` (s/m/h/d units).',
        'Save checkpoints to the Hub during training so a timeout loses little.',
        'Look at the log end to see whether it was still making progress.',
      ],
      verify: 'Run again with the longer timeout and watch the job end COMPLETED (`hf jobs inspect ID`).',
      checks: [],
    },
    'job-script-failed': {
      id: 'job-script-failed',
      title: 'The job ran and its script failed: not a token problem',
      symptoms: [
        "ModuleNotFoundError: No module named '...'",
        'RuntimeError: Found no NVIDIA driver on your system',
        'torch.OutOfMemoryError: CUDA out of memory',
        'Job finished with status ERROR after a Python traceback (exit code 1)',
      ],
      causes: [
        {
          id: 'missing-dependency',
          text: 'A package the script imports is not installed in the job: uv installs only what the PEP 723 header (`# /// script` dependencies) lists.',
          fix: 'Add the package to the `# dependencies = [...]` header of the script (or `--with PACKAGE`), then run again.',
        },
        {
          id: 'cpu-flavor-for-gpu',
          text: 'The script needs a GPU but the job ran on a CPU flavor (cpu-basic is the default).',
          fix: 'Pass a GPU flavor: `--flavor t4-small` (or a10g-small, a100-large); `hf jobs hardware` lists them with prices.',
        },
        {
          id: 'out-of-memory',
          text: 'The GPU (or RAM) ran out of memory for this model and batch size.',
          fix: 'Use a bigger flavor (e.g. a10g-large, a100-large) or a smaller batch size / model.',
        },
        {
          id: 'sandbox-python-lacks-package',
          text: "On the sandbox Hub only: uv is not installed on this machine, so the sandbox ran the script with this machine's python3, which cannot import a package the script's header lists (on HF Jobs, uv installs it).",
          fix: "Install uv (https://docs.astral.sh/uv/getting-started/installation/), or install the package for that python3 (`python3 -m pip install PACKAGE`; the sandbox's log line names both), then run again. The script itself is fine.",
        },
        {
          id: 'script-error',
          text: 'The script itself raised an error (a bug, a wrong path, bad data).',
          fix: 'Read the first traceback in the log and run the script locally on a small input.',
        },
      ],
      solutions: [
        'Read the end of the log for the first error: `hf jobs logs ID`.',
        'Fix the script or its PEP 723 dependencies, or the flavor, then run again.',
        'Your token worked: nothing to change there.',
      ],
      verify: 'Run the script locally (`uv run script.py`) on a small input, then as a job; it ends COMPLETED.',
      checks: [],
    },
  };
}

/** The fallback when nothing else matches. */
function otherProblems(hub: HubFixes): Pick<Catalog, 'unknown'> {
  return {
    unknown: {
      id: 'unknown',
      title: 'Not recognised as a token or access problem',
      symptoms: ['The text has no 401/403/404/429, token or connection error in it.'],
      causes: [
        {
          id: 'other',
          text: 'The failure is probably in the script itself (a Python error, out of memory, a timeout), not in authentication.',
          fix: 'Read the last lines of the log for the first error; run the script locally with a small input.',
        },
      ],
      solutions: [
        'Paste the full traceback or the job log (`hf jobs logs JOB_ID`) to classify it.',
        `Run \`${hub.app('check')}\` on your job files to rule out token problems.`,
      ],
      verify: 'Run the script locally, then as a small job.',
      checks: [],
    },
  };
}

/** The catalog worded for an endpoint: fixes name its settings pages, or the sandbox's practice tokens. */
function buildCatalog(hub: HubFixes): Catalog {
  const all: Catalog = {
    ...tokenProblems(hub),
    ...permissionProblems(hub),
    ...repoProblems(hub),
    ...connectionProblems(hub),
    ...jobSubmitProblems(hub),
    ...jobRunProblems(),
    ...otherProblems(hub),
  };
  return Object.fromEntries(PROBLEM_IDS.map((id) => [id, all[id]])) as Catalog;
}

const catalogs = new Map<string, Record<ProblemId, Problem>>();

/** The catalog for an endpoint (default huggingface.co), built once per endpoint. */
export function catalogFor(endpoint: string = DEFAULT_ENDPOINT): Record<ProblemId, Problem> {
  const hub = hubFixes(endpoint);
  let c = catalogs.get(hub.endpoint);
  if (!c) {
    c = buildCatalog(hub);
    if (catalogs.size > 16) catalogs.clear();
    catalogs.set(hub.endpoint, c);
  }
  return c;
}

/** The catalog worded for huggingface.co. */
export const CATALOG: Record<ProblemId, Problem> = catalogFor();

/** Causes that exist only on the sandbox Hub (its uv stand-in runs a script with this machine's python3). */
const SANDBOX_ONLY_CAUSES: ReadonlySet<string> = new Set(['sandbox-python-lacks-package']);

/** The causes offered on an endpoint: a sandbox-only one only on the sandbox, or where the facts say it is the one. */
export function offeredCauses(causes: readonly Cause[], endpoint: string | undefined, actualId?: string): Cause[] {
  const sandbox = isSandboxEndpoint(endpoint ?? DEFAULT_ENDPOINT);
  return causes.filter((c) => sandbox || !SANDBOX_ONLY_CAUSES.has(c.id) || c.id === actualId);
}

export function getProblem(id: ProblemId, endpoint?: string): Problem {
  return catalogFor(endpoint)[id];
}
