// Live diagnosis: given a problem and what we can find out now (token and its source, whoami, the target
// namespace/repo, the job's secret names), say which cause is the actual one.
import type {HubClient} from '../hub/client.js';
import {describeHubError} from '../hub/errors.js';
import {classifyWhoAmI, evaluateGoal, describeKind} from '../tokens/classify.js';
import {validateTokenFormat, type TokenFormatResult} from '../tokens/format.js';
import {hubFixes} from '../checks/hub-fixes.js';
import {maskToken, redactLine} from '../tokens/mask.js';
import type {Env} from '../store/paths.js';
import {resolveToken, type TokenSource} from '../store/resolve.js';
import type {WhoAmIOutcome} from '../checks/live-context.js';
import {parseRepo, repoLabel, type HubRepo} from '../checks/types.js';
import {isTokenEnvName} from '../jobspec/placeholder.js';
import {shellQuote} from '../jobspec/shell.js';
import {catalogFor, type Cause, type ProblemId} from './catalog.js';
import {extractFacts} from './facts.js';
import {DEFAULT_TIMEOUT_S, duration} from './rerun.js';

export interface DiagnoseContext {
  endpoint?: string;
  token?: string;
  source?: TokenSource;
  /** An env var hides a different saved token. */
  shadowsSavedToken?: boolean;
  who?: WhoAmIOutcome;
  /** Where the job runs / pushes. */
  namespace?: string;
  /** The repo the error is about, with its type (a dataset is not a model of the same name). */
  repo?: HubRepo & {
    exists?: boolean;
    readable?: boolean;
    private?: boolean;
    /** The job creates it when it pushes (the push examples): not existing yet is expected, not a finding. */
    createdByJob?: boolean;
  };
  /** The error text that was pasted or logged (read for what the Hub said, never shown). */
  evidence?: string;
  /** From the job's details: names of its secrets and env vars (values are never needed), and its timeout. */
  job?: {secretNames: string[]; envNames: string[]; timeoutSeconds?: number; flavor?: string};
}

export interface Finding {
  status: 'ok' | 'bad' | 'unknown';
  text: string;
}

export interface Diagnosis {
  problem: ProblemId;
  /** The cause that matches the facts, when one does. */
  actual?: Cause;
  /** What was looked at, in order. */
  findings: Finding[];
  /** Why it failed, when the facts tell but no cause of the catalog's is it (a timeout that was given, too short). */
  cause?: string;
}

/** What the Hub answers when it got a token and refused it (as opposed to getting none). */
const TOKEN_REJECTED =
  /Invalid credentials in Authorization header|Invalid user token|invalid (?:access )?token|token (?:is |has )?expired|expired token|Access Token "[^"\n]{0,100}" is expired/i;

/** The Hub or huggingface_hub refusing an organization token (api_org_...) where a user's token is needed. */
const ORG_TOKEN_REFUSED = /Organization tokens cannot be used to access|must use your personal account token/i;

/** What diagnose() found out, read by the rule of each problem. Rules may add findings of their own. */
interface Facts {
  problem: ProblemId;
  ctx: DiagnoseContext;
  findings: Finding[];
  /** Whether the job got HF_TOKEN (undefined: no job details). */
  jobHasToken: boolean | undefined;
  /** A token-ish name that is not HF_TOKEN (TOKEN, hf_token): the wrong-secret-key story. */
  otherTokenName: string | undefined;
  /** The evidence says a token was sent and refused. */
  rejected: boolean;
  format: TokenFormatResult | undefined;
  /** whoami answered 401 for the token here. */
  whoBad: boolean;
}

/** A problem's rule: the id of the cause the facts point to, if any, or why in its own words when none fits. */
type CauseRule = (f: Facts) => string | {why: string} | undefined;

export function diagnose(problem: ProblemId, ctx: DiagnoseContext): Diagnosis {
  const findings: Finding[] = [];
  const job = jobFindings(problem, ctx, findings);
  const rejected = ctx.evidence !== undefined && TOKEN_REJECTED.test(ctx.evidence);
  if (rejected)
    findings.push({
      status: 'bad',
      text: 'The error says a token was sent and rejected ("Invalid credentials" / invalid or expired token): it was wrong, revoked, expired or a placeholder, not missing.',
    });
  const format = tokenFindings(problem, ctx, findings);
  accessFindings(ctx, findings);
  const whoBad = Boolean(ctx.who && !ctx.who.ok && ctx.who.error.kind === 'unauthorized');
  const ruled = CAUSE_RULES[problem]?.({problem, ctx, findings, ...job, rejected, format, whoBad});
  const id = typeof ruled === 'string' ? ruled : undefined;
  const actual = id ? catalogFor(ctx.endpoint)[problem].causes.find((c) => c.id === id) : undefined;
  if (actual) return {problem, actual, findings};
  return typeof ruled === 'object' ? {problem, findings, cause: ruled.why} : {problem, findings};
}

/**
 * Failures the job's own token cannot cause or cure (money, time, the script, the Hub, the org's policy on the token
 * in use here): a job without HF_TOKEN is said as a fact, not marked as what went wrong.
 */
const NOT_THE_JOBS_TOKEN: ReadonlySet<ProblemId> = new Set<ProblemId>([
  'payment-required',
  'job-timeout',
  'job-script-failed',
  'server-error',
  'org-token-policy',
  'job-not-found',
  'network-error',
]);

/**
 * Failures whose cause no token here can tell (the job's clock, its script, the Hub's side, the network): without a
 * token here the diagnosis has nothing less to say, so logging in is not offered as the way to name the cause.
 */
export const NO_TOKEN_NEEDED_TO_TELL: ReadonlySet<ProblemId> = new Set<ProblemId>([
  'job-timeout',
  'job-script-failed',
  'server-error',
  'network-error',
]);

/** Did the job get a token? One finding when the job's details are known. */
function jobFindings(
  problem: ProblemId,
  ctx: DiagnoseContext,
  findings: Finding[],
): Pick<Facts, 'jobHasToken' | 'otherTokenName'> {
  const jobNames = ctx.job ? [...ctx.job.secretNames, ...ctx.job.envNames] : [];
  const jobHasToken = ctx.job ? jobNames.some(isTokenEnvName) : undefined;
  const otherTokenName = jobHasToken ? undefined : jobNames.find((n) => /token/i.test(n));
  if (ctx.job) {
    if (jobHasToken)
      findings.push({
        status: 'ok',
        text: `The job has ${ctx.job.secretNames.includes('HF_TOKEN') ? 'secret' : 'env var'} HF_TOKEN.`,
      });
    else {
      const aside = NOT_THE_JOBS_TOKEN.has(problem);
      findings.push({
        status: aside ? 'unknown' : 'bad',
        text: `${
          otherTokenName
            ? `The job passes "${otherTokenName}" but no HF_TOKEN`
            : 'The job was started without HF_TOKEN (no secret, no env var)'
        }${aside ? ': not why it failed, but a script that uses the Hub will need it' : ''}.`,
      });
    }
  }
  return {jobHasToken, otherTokenName};
}

/** The token here: whether there is one, where it comes from, its shape, and what whoami said about it. */
function tokenFindings(problem: ProblemId, ctx: DiagnoseContext, findings: Finding[]): TokenFormatResult | undefined {
  if (!ctx.token) {
    // Not knowing the local token says nothing about the token the job got (it may have been submitted elsewhere).
    const onlyLocal = problem === 'unauthorized-401' && !ctx.job;
    const notNeeded = NO_TOKEN_NEEDED_TO_TELL.has(problem);
    findings.push({
      status: onlyLocal || notNeeded ? 'unknown' : 'bad',
      text: `No token is in effect here (no HF_TOKEN variable, no saved login)${onlyLocal ? ', so the token the job got cannot be checked from here; a job submitted from this machine with `--secrets HF_TOKEN` would have got none' : notNeeded ? ': not needed to tell this failure' : ''}.`,
    });
  } else
    findings.push({
      status: 'ok',
      text: `Token ${maskToken(ctx.token)} from ${ctx.source === 'file' ? 'your saved login' : ctx.source ? `the ${ctx.source} variable` : 'the caller'}.`,
    });
  if (ctx.shadowsSavedToken) findings.push({status: 'bad', text: `${ctx.source} overrides a different saved login.`});
  const format = ctx.token
    ? validateTokenFormat(ctx.token, {tokensPage: hubFixes(ctx.endpoint).tokensPage})
    : undefined;
  if (format && !format.ok) findings.push({status: 'bad', text: format.reason});
  const who = ctx.who;
  if (who?.ok)
    findings.push({status: 'ok', text: `The Hub accepts it: ${describeKind(who.info)} of ${who.info.user}.`});
  else if (who && !who.ok)
    findings.push({
      status: who.error.kind === 'unauthorized' ? 'bad' : 'unknown',
      text: `whoami failed: ${who.error.message}`,
    });
  return format;
}

/** What the token may do where the job runs, and whether the repo the error is about can be read. */
function accessFindings(ctx: DiagnoseContext, findings: Finding[]): void {
  const who = ctx.who;
  if (ctx.namespace && who?.ok) {
    const v = evaluateGoal(who.info, {kind: 'run-job', namespace: ctx.namespace});
    findings.push({status: v.ok ? 'ok' : 'bad', text: v.explanation});
  }
  if (ctx.repo) {
    const label = repoLabel(ctx.repo);
    if (ctx.repo.exists === false && ctx.repo.createdByJob) findings.push(toBeCreated(ctx.repo, who));
    else if (ctx.repo.exists === false)
      findings.push({status: 'bad', text: `${label} does not exist (or is hidden from this token).`});
    else if (ctx.repo.readable === false)
      findings.push({status: 'bad', text: `${label} exists but this token cannot read it.`});
    else if (ctx.repo.readable) findings.push({status: 'ok', text: `${label} is readable with this token.`});
  }
}

/** A repo the job's push creates: not there yet, and whether this token can create it in that namespace. */
function toBeCreated(repo: NonNullable<DiagnoseContext['repo']>, who: WhoAmIOutcome | undefined): Finding {
  const label = repoLabel(repo);
  const first = `${label} does not exist yet: the job creates it when it pushes`;
  if (!who?.ok) return {status: 'unknown', text: `${first}.`};
  const v = evaluateGoal(who.info, {
    kind: 'push',
    repo: {type: repo.type, namespace: repo.namespace, name: repo.name},
  });
  return v.ok
    ? {status: 'ok', text: `${first}, and this token can create it in ${repo.namespace}.`}
    : {status: 'bad', text: `${first}, but this token cannot create it in ${repo.namespace}: ${v.explanation}`};
}

/** 401 and token-missing: no token in the job, a wrong key, a refused token, or no login here. */
function missingOrRefusedTokenCause({
  problem,
  ctx,
  jobHasToken,
  otherTokenName,
  rejected,
  whoBad,
}: Facts): string | undefined {
  if (ctx.job && !jobHasToken) return otherTokenName ? 'wrong-secret-key' : 'no-token-in-job';
  if (whoBad)
    return ctx.shadowsSavedToken ? 'env-override' : problem === 'unauthorized-401' ? 'invalid-token' : undefined;
  // The job had HF_TOKEN and the token here works, yet the Hub refused what it got: "$HF_TOKEN" sent as is.
  if (problem === 'unauthorized-401' && ctx.job && jobHasToken && ctx.who?.ok) return 'literal-placeholder';
  if (problem === 'unauthorized-401' && rejected) return 'invalid-token';
  if (!ctx.token) return problem === 'token-missing' ? 'not-logged-in' : undefined;
  return undefined;
}

/** 403: the org role, a read token, a fine-grained token without the scope, or no way to pay. */
function forbiddenCause({ctx}: Facts): string | undefined {
  if (!ctx.who?.ok) return undefined;
  const info = ctx.who.info;
  const ns = ctx.namespace ?? ctx.repo?.namespace ?? info.user;
  if (ns !== info.user) {
    const org = info.orgs.find((o) => o.name === ns);
    if (!org || org.roleInOrg === 'read') return 'org-role';
  }
  if (info.kind === 'read') return 'read-token';
  const goal = ctx.repo
    ? {kind: 'push' as const, repo: {type: ctx.repo.type, namespace: ctx.repo.namespace, name: ctx.repo.name}}
    : {kind: 'run-job' as const, namespace: ns};
  if (!evaluateGoal(info, goal).ok && info.kind === 'fineGrained') return 'missing-scope';
  if (info.canPay === false) return 'no-credits';
  return undefined;
}

/** 404 on a repo: no token sent, a namespace that is not yours, a missing repo, or a private one. */
function repoAccessCause({ctx, jobHasToken}: Facts): string | undefined {
  if (!ctx.token || (ctx.job && !jobHasToken)) return 'anonymous';
  const who = ctx.who;
  if (ctx.repo?.exists === false) {
    const ns = ctx.repo.namespace;
    if (who?.ok && ns !== who.info.user && !who.info.orgs.some((o) => o.name === ns)) return 'wrong-namespace';
    // A repo the job's push creates is missing until then: that is not why a 404 happened.
    return ctx.repo.createdByJob ? undefined : 'repo-missing';
  }
  if (ctx.repo?.readable === false) return 'private-no-access';
  return undefined;
}

/** A gated repo: no token sent, a fine-grained token without gated access, or access not granted yet. */
function gatedRepoCause({ctx, jobHasToken}: Facts): string | undefined {
  if (!ctx.token || (ctx.job && !jobHasToken)) return 'anonymous';
  if (ctx.who?.ok && ctx.who.info.kind === 'fineGrained' && !ctx.who.info.canReadGatedRepos)
    return 'fine-grained-no-gated';
  if (ctx.who?.ok) return 'not-approved';
  return undefined;
}

/** A token of the wrong shape: what the format check says is wrong with it, or an org token the error says was refused. */
function tokenFormatCause({ctx, format}: Facts): string | undefined {
  if (!format || format.ok) return ORG_TOKEN_REFUSED.test(ctx.evidence ?? '') ? 'org-token' : undefined;
  if (format.problem === 'org-token') return 'org-token';
  if (format.problem === 'placeholder') return 'placeholder';
  return 'pasted-badly';
}

/** The Hub could not be reached from here: another endpoint than huggingface.co is the likelier culprit. */
function networkCause({ctx}: Facts): string | undefined {
  if (ctx.who && !ctx.who.ok && ctx.who.error.kind === 'network')
    return ctx.endpoint && !/^https:\/\/huggingface\.co$/.test(ctx.endpoint) ? 'wrong-endpoint' : 'unreachable';
  return undefined;
}

/** 402: a subscription named in the evidence, or which namespace pays (adds a finding on the account's billing). */
function paymentCause({ctx, findings}: Facts): string | undefined {
  if (/NO_SUBSCRIPTION|RESOURCE_GROUP_LIMIT/.test(ctx.evidence ?? '')) return 'no-subscription';
  if (!ctx.who?.ok) return 'no-credits';
  const info = ctx.who.info;
  const ns = ctx.namespace ?? (ctx.evidence ? extractFacts(ctx.evidence).namespace : undefined) ?? info.user;
  if (ns === info.user && info.canPay === false) {
    findings.push({
      status: 'bad',
      text: `Your account (${info.user}) has no way to pay for Jobs (canPay is false).`,
    });
    return info.orgs.length ? 'wrong-namespace-billing' : 'no-credits';
  }
  if (ns === info.user && info.canPay)
    findings.push({
      status: 'ok',
      text: `Your account (${info.user}) can pay now: the credits may have been added since, or the job ran under another namespace.`,
    });
  return 'no-credits';
}

/** The org's token policy: revoked or pending as the evidence says, or a classic token the org refuses. */
function orgPolicyCause({ctx}: Facts): string | undefined {
  const ev = ctx.evidence ?? '';
  if (/revoked by the organization administrator/i.test(ev)) return 'revoked-by-admin';
  if (/needs to be approved by the organization|pending (?:admin )?approval/i.test(ev)) return 'pending-approval';
  if (ctx.who?.ok && (ctx.who.info.kind === 'read' || ctx.who.info.kind === 'write')) return 'classic-refused';
  return undefined;
}

/** A job not found: looked up under the user instead of an org, under someone else's namespace, or a bad id. */
function jobNotFoundCause({ctx, findings}: Facts): string | undefined {
  const facts = ctx.evidence ? extractFacts(ctx.evidence) : {};
  const looked = facts.job?.namespace ?? ctx.namespace;
  const who = ctx.who;
  if (who?.ok && looked === who.info.user && who.info.orgs.length) {
    const orgs = who.info.orgs.map((o) => o.name);
    findings.push({
      status: 'bad',
      text: `The job was looked up under ${looked} (your user); you also belong to ${orgs.join(', ')}: an org job is found only under the org (\`hf jobs logs --namespace ${shellQuote(orgs[0]!)} ${facts.job?.id ? shellQuote(facts.job.id) : 'ID'}\`).`,
    });
    return 'org-job-under-user';
  }
  if (who?.ok && looked && looked !== who.info.user && !who.info.orgs.some((o) => o.name === looked)) {
    findings.push({
      status: 'bad',
      text: `You (${who.info.user}) are not a member of ${looked}, so its jobs are not visible to this token.`,
    });
    return 'other-account';
  }
  return facts.job ? undefined : 'wrong-id';
}

/** Modules whose package is named otherwise (what to write in `# dependencies = [...]`). */
const PACKAGE_OF: Readonly<Record<string, string>> = {
  sklearn: 'scikit-learn',
  PIL: 'pillow',
  cv2: 'opencv-python',
  yaml: 'pyyaml',
  bs4: 'beautifulsoup4',
  dotenv: 'python-dotenv',
};

/** The module a ModuleNotFoundError names, as a finding with the dependency to add (its top-level package). */
function missingModuleFinding(ev: string): Finding | undefined {
  const m = /No module named ['"]([A-Za-z_][\w.]{0,100})['"]/.exec(ev);
  if (!m) return undefined;
  const top = m[1]!.split('.')[0]!;
  const pkg = PACKAGE_OF[top] ?? top;
  return {
    status: 'bad',
    text: `The log names the missing module: ${m[1]}. Add ${JSON.stringify(pkg)} to the script's \`# dependencies = [...]\` header${pkg === top ? ' (the package is usually named as the module)' : ` (the package that provides ${top})`}, or \`--with ${pkg}\`.`,
  };
}

/** A script that failed in the job: the log's own words name a missing package, no GPU or no memory. */
function scriptFailureCause({ctx, findings}: Facts): string | undefined {
  const ev = ctx.evidence ?? '';
  const missing = missingModuleFinding(ev);
  if (missing) findings.push(missing);
  // The sandbox's own words when it runs a uv script with a python3 that lacks a listed package (src/sandbox/jobs/uv-standin.ts).
  if (/cannot import [^\n]*, which this (?:script|command) needs/.test(ev)) return 'sandbox-python-lacks-package';
  if (/ModuleNotFoundError|No module named|No solution found when resolving (?:script )?dependencies/.test(ev))
    return 'missing-dependency';
  const flavor = ctx.job?.flavor ? redactLine(ctx.job.flavor, 40) : undefined;
  if (
    /NVIDIA driver|not compiled with CUDA|no CUDA GPUs|CUDA is not available|No CUDA runtime|device driver "?nvidia|nvidia-smi: (?:command )?not found/i.test(
      ev,
    )
  ) {
    if (flavor && /^cpu-/.test(flavor))
      findings.push({
        status: 'bad',
        text: `The job ran on ${flavor}, a CPU flavor: run it on a GPU one, e.g. \`--flavor t4-small\` (\`hf jobs hardware\` lists them with prices).`,
      });
    return 'cpu-flavor-for-gpu';
  }
  if (/out of memory|OutOfMemoryError|OOMKilled|(?:exit|status) code 137/i.test(ev)) {
    if (flavor)
      findings.push({
        status: 'bad',
        text: `The job ran on ${flavor} and ran out of memory: a flavor with more (GPU) memory than ${flavor} (\`hf jobs hardware\`), or a smaller batch size or model.`,
      });
    return 'out-of-memory';
  }
  return ev ? 'script-error' : undefined;
}

/**
 * A timeout: the job's own timeoutSeconds (its details say it) tells the 30-minute default from one that was given;
 * with a given one, no cause of the catalog's is it ("no timeout was given" is not): the finding says so and the
 * timeout to pass (twice as long, as "Run the job again" offers).
 */
function timeoutCause({ctx, findings}: Facts): string | {why: string} | undefined {
  const t = ctx.job?.timeoutSeconds;
  if (t === undefined || !Number.isSafeInteger(t) || t <= 0) return undefined;
  const longer = `--timeout ${duration(t * 2)}`;
  if (t === DEFAULT_TIMEOUT_S) {
    findings.push({
      status: 'bad',
      text: `The job's timeout was 30 min, the Hub's default: no timeout was given (or exactly that one). Pass one that fits the work, e.g. \`${longer}\`.`,
    });
    return 'default-timeout';
  }
  findings.push({
    status: 'bad',
    text: `The job's timeout was ${duration(t)} (timeoutSeconds ${t}), given when it was submitted (not the 30-minute default), and the script needed longer: pass a timeout that fits the work, e.g. \`${longer}\` (twice as long).`,
  });
  return {
    why: `The timeout given to the job (${duration(t)}) was shorter than its work. Not a token problem: run it with a longer one, e.g. \`${longer}\`.`,
  };
}

/** One rule per problem. job-timeout's reads the job's timeout when its details are known. */
const CAUSE_RULES: Partial<Record<ProblemId, CauseRule>> = {
  'unauthorized-401': missingOrRefusedTokenCause,
  'token-missing': missingOrRefusedTokenCause,
  'forbidden-403': forbiddenCause,
  'repo-access-denied': repoAccessCause,
  'gated-repo': gatedRepoCause,
  'invalid-token-format': tokenFormatCause,
  'rate-limited': ({ctx, jobHasToken}) => (ctx.job && !jobHasToken ? 'anonymous-limits' : 'too-many-requests'),
  'network-error': networkCause,
  'payment-required': paymentCause,
  'org-token-policy': orgPolicyCause,
  'job-not-found': jobNotFoundCause,
  'server-error': () => 'transient',
  'job-timeout': timeoutCause,
  'job-script-failed': scriptFailureCause,
};

/** Gathers the live facts (token and source, whoami, optional repo) for diagnose(). */
export async function gatherDiagnoseContext(options: {
  env: Env;
  endpoint: string;
  /** Builds a client for the resolved token (default: none, so no network). */
  hub?: (o: {
    hubUrl: string;
    accessToken?: string;
  }) => Pick<HubClient, 'whoAmI'> & Partial<Pick<HubClient, 'repoExists' | 'checkRepoAccess'>>;
  namespace?: string;
  /** `ns/name` (a model), `datasets/ns/name`, `spaces/ns/name`, or `{type, namespace, name}`. */
  repo?: string | HubRepo;
  /** The job creates that repo when it pushes: its absence is said as "will be created". */
  repoCreatedByJob?: boolean;
  /** The pasted error or job log, passed through to diagnose(). */
  evidence?: string;
  /** The token the caller's jobs use (the wizard's login) when it is not the one saved or in HF_TOKEN: diagnose that
   *  one; `source` names the variable that would still win over it, if any. */
  token?: {value: string; source?: TokenSource};
}): Promise<DiagnoseContext> {
  const r = await resolveToken(options.env);
  const ctx: DiagnoseContext = {endpoint: options.endpoint, shadowsSavedToken: r.shadowsSavedToken};
  const own = options.token && options.token.value !== r.token ? options.token : undefined;
  const token = own ? own.value : r.token;
  const source = own ? own.source : r.source;
  if (token) ctx.token = token;
  if (source) ctx.source = source;
  if (options.namespace) ctx.namespace = options.namespace;
  if (options.evidence !== undefined) ctx.evidence = options.evidence;
  const repo = options.repo !== undefined ? parseRepo(options.repo) : undefined;
  if (repo) ctx.repo = {...repo, ...(options.repoCreatedByJob ? {createdByJob: true} : {})};
  if (!options.hub) return ctx;
  const client = options.hub({hubUrl: options.endpoint, ...(token ? {accessToken: token} : {})});
  if (token) {
    try {
      const who = await client.whoAmI();
      ctx.who = {ok: true, who, info: classifyWhoAmI(who)};
    } catch (err) {
      ctx.who = {ok: false, error: describeHubError(err, {endpoint: options.endpoint, secrets: [token]})};
    }
  }
  if (ctx.repo && client.checkRepoAccess)
    ctx.repo = {
      ...(await repoAccess({checkRepoAccess: (r) => client.checkRepoAccess!(r)}, ctx.repo, Boolean(token))),
      ...(ctx.repo.createdByJob ? {createdByJob: true} : {}),
    };
  return ctx;
}

/** Whether the repo exists and this client's token can read it (unknown when the answer cannot tell). */
export async function repoAccess(
  client: Pick<HubClient, 'checkRepoAccess'>,
  repo: HubRepo,
  withToken: boolean,
): Promise<NonNullable<DiagnoseContext['repo']>> {
  const out: NonNullable<DiagnoseContext['repo']> = {type: repo.type, namespace: repo.namespace, name: repo.name};
  try {
    await client.checkRepoAccess({type: repo.type, name: `${repo.namespace}/${repo.name}`});
    return {...out, exists: true, readable: true};
  } catch (err) {
    const d = describeHubError(err);
    if (d.kind === 'not-found') return {...out, exists: false};
    // Without a token a private repo answers 401 like a missing one: that says nothing about the person's token.
    if (withToken && (d.kind === 'unauthorized' || d.kind === 'forbidden')) return {...out, readable: false};
    return out;
  }
}
