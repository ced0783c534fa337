// Live diagnosis: given a problem and what we can find out now (token and its source, whoami, the target
// namespace/repo, the job's secret names), say which cause is the actual one.
import type {HubClient} from '../hub/client.js';
import {describeHubError} from '../hub/errors.js';
import {classifyWhoAmI, evaluateGoal, describeKind} from '../tokens/classify.js';
import {validateTokenFormat} from '../tokens/format.js';
import {maskToken} from '../tokens/mask.js';
import type {Env} from '../store/paths.js';
import {resolveToken, type TokenSource} from '../store/resolve.js';
import type {WhoAmIOutcome} from '../checks/live-context.js';
import {parseRepo, repoLabel, type HubRepo} from '../checks/types.js';
import {isTokenEnvName} from '../jobspec/placeholder.js';
import {catalogFor, type Cause, type ProblemId} from './catalog.js';
import {extractFacts} from './facts.js';

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
  repo?: HubRepo & {exists?: boolean; readable?: boolean; private?: boolean};
  /** The error text that was pasted or logged (read for what the Hub said, never shown). */
  evidence?: string;
  /** From the job's details: names of its secrets and env vars (values are never needed). */
  job?: {secretNames: string[]; envNames: string[]};
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
}

/** What the Hub answers when it got a token and refused it (as opposed to getting none). */
const TOKEN_REJECTED =
  /Invalid credentials in Authorization header|Invalid user token|invalid (?:access )?token|token (?:is |has )?expired|expired token/i;

export function diagnose(problem: ProblemId, ctx: DiagnoseContext): Diagnosis {
  const findings: Finding[] = [];
  const causes = catalogFor(ctx.endpoint)[problem].causes;
  const cause = (id: string) => causes.find((c) => c.id === id);
  const done = (id?: string): Diagnosis => {
    const actual = id ? cause(id) : undefined;
    return actual ? {problem, actual, findings} : {problem, findings};
  };

  // 1. The job itself: did it get a token?
  const jobNames = ctx.job ? [...ctx.job.secretNames, ...ctx.job.envNames] : [];
  const jobHasToken = ctx.job ? jobNames.some(isTokenEnvName) : undefined;
  /** A token-ish name that is not HF_TOKEN (TOKEN, hf_token): the wrong-secret-key story. */
  const otherTokenName = jobHasToken ? undefined : jobNames.find((n) => /token/i.test(n));
  if (ctx.job) {
    if (jobHasToken)
      findings.push({
        status: 'ok',
        text: `The job has ${ctx.job.secretNames.includes('HF_TOKEN') ? 'secret' : 'env var'} HF_TOKEN.`,
      });
    else {
      findings.push({
        status: 'bad',
        text: otherTokenName
          ? `The job passes "${otherTokenName}" but no HF_TOKEN.`
          : 'The job was started without HF_TOKEN (no secret, no env var).',
      });
    }
  }
  // 2. What the Hub said about the token it got.
  const rejected = ctx.evidence !== undefined && TOKEN_REJECTED.test(ctx.evidence);
  if (rejected)
    findings.push({
      status: 'bad',
      text: 'The error says a token was sent and rejected ("Invalid credentials" / invalid or expired token): it was wrong, revoked, expired or a placeholder, not missing.',
    });
  // 3. The token here.
  if (!ctx.token) {
    // Not knowing the local token says nothing about the token the job got (it may have been submitted elsewhere).
    const onlyLocal = problem === 'unauthorized-401' && !ctx.job;
    findings.push({
      status: onlyLocal ? 'unknown' : 'bad',
      text: `No token is in effect here (no HF_TOKEN variable, no saved login)${onlyLocal ? ', so the token the job got cannot be checked from here; a job submitted from this machine with `--secrets HF_TOKEN` would have got none' : ''}.`,
    });
  } else
    findings.push({
      status: 'ok',
      text: `Token ${maskToken(ctx.token)} from ${ctx.source === 'file' ? 'your saved login' : ctx.source ? `the ${ctx.source} variable` : 'the caller'}.`,
    });
  if (ctx.shadowsSavedToken) findings.push({status: 'bad', text: `${ctx.source} overrides a different saved login.`});
  const format = ctx.token ? validateTokenFormat(ctx.token) : undefined;
  if (format && !format.ok) findings.push({status: 'bad', text: format.reason});
  const who = ctx.who;
  if (who?.ok)
    findings.push({status: 'ok', text: `The Hub accepts it: ${describeKind(who.info)} of ${who.info.user}.`});
  else if (who && !who.ok)
    findings.push({
      status: who.error.kind === 'unauthorized' ? 'bad' : 'unknown',
      text: `whoami failed: ${who.error.message}`,
    });
  if (ctx.namespace && who?.ok) {
    const v = evaluateGoal(who.info, {kind: 'run-job', namespace: ctx.namespace});
    findings.push({status: v.ok ? 'ok' : 'bad', text: v.explanation});
  }
  if (ctx.repo) {
    const label = repoLabel(ctx.repo);
    if (ctx.repo.exists === false)
      findings.push({status: 'bad', text: `${label} does not exist (or is hidden from this token).`});
    else if (ctx.repo.readable === false)
      findings.push({status: 'bad', text: `${label} exists but this token cannot read it.`});
    else if (ctx.repo.readable) findings.push({status: 'ok', text: `${label} is readable with this token.`});
  }

  const whoBad = who && !who.ok && who.error.kind === 'unauthorized';
  switch (problem) {
    case 'unauthorized-401':
    case 'token-missing': {
      if (ctx.job && !jobHasToken) return done(otherTokenName ? 'wrong-secret-key' : 'no-token-in-job');
      if (whoBad)
        return done(
          ctx.shadowsSavedToken ? 'env-override' : problem === 'unauthorized-401' ? 'invalid-token' : undefined,
        );
      // The job had HF_TOKEN and the token here works, yet the Hub refused what it got: "$HF_TOKEN" sent as is.
      if (problem === 'unauthorized-401' && ctx.job && jobHasToken && who?.ok) return done('literal-placeholder');
      if (problem === 'unauthorized-401' && rejected) return done('invalid-token');
      if (!ctx.token) return done(problem === 'token-missing' ? 'not-logged-in' : undefined);
      return done();
    }
    case 'forbidden-403': {
      if (!who?.ok) return done();
      const info = who.info;
      const ns = ctx.namespace ?? ctx.repo?.namespace ?? info.user;
      if (ns !== info.user) {
        const org = info.orgs.find((o) => o.name === ns);
        if (!org || org.roleInOrg === 'read') return done('org-role');
      }
      if (info.kind === 'read') return done('read-token');
      const goal = ctx.repo
        ? {kind: 'push' as const, repo: {type: ctx.repo.type, namespace: ctx.repo.namespace, name: ctx.repo.name}}
        : {kind: 'run-job' as const, namespace: ns};
      if (!evaluateGoal(info, goal).ok && info.kind === 'fineGrained') return done('missing-scope');
      if (info.canPay === false) return done('no-credits');
      return done();
    }
    case 'repo-access-denied': {
      if (!ctx.token || (ctx.job && !jobHasToken)) return done('anonymous');
      if (ctx.repo?.exists === false) {
        const ns = ctx.repo.namespace;
        if (who?.ok && ns !== who.info.user && !who.info.orgs.some((o) => o.name === ns))
          return done('wrong-namespace');
        return done('repo-missing');
      }
      if (ctx.repo?.readable === false) return done('private-no-access');
      return done();
    }
    case 'gated-repo': {
      if (!ctx.token || (ctx.job && !jobHasToken)) return done('anonymous');
      if (who?.ok && who.info.kind === 'fineGrained' && !who.info.canReadGatedRepos)
        return done('fine-grained-no-gated');
      if (who?.ok) return done('not-approved');
      return done();
    }
    case 'invalid-token-format': {
      if (!format || format.ok) return done();
      if (format.problem === 'org-token') return done('org-token');
      if (format.problem === 'placeholder') return done('placeholder');
      return done('pasted-badly');
    }
    case 'rate-limited':
      return done(ctx.job && !jobHasToken ? 'anonymous-limits' : 'too-many-requests');
    case 'network-error': {
      if (who && !who.ok && who.error.kind === 'network')
        return done(
          ctx.endpoint && !/^https:\/\/huggingface\.co$/.test(ctx.endpoint) ? 'wrong-endpoint' : 'unreachable',
        );
      return done();
    }
    case 'payment-required': {
      if (/NO_SUBSCRIPTION|RESOURCE_GROUP_LIMIT/.test(ctx.evidence ?? '')) return done('no-subscription');
      if (!who?.ok) return done('no-credits');
      const info = who.info;
      const ns = ctx.namespace ?? (ctx.evidence ? extractFacts(ctx.evidence).namespace : undefined) ?? info.user;
      if (ns === info.user && info.canPay === false) {
        findings.push({
          status: 'bad',
          text: `Your account (${info.user}) has no way to pay for Jobs (canPay is false).`,
        });
        return done(info.orgs.length ? 'wrong-namespace-billing' : 'no-credits');
      }
      if (ns === info.user && info.canPay)
        findings.push({
          status: 'ok',
          text: `Your account (${info.user}) can pay now: the credits may have been added since, or the job ran under another namespace.`,
        });
      return done('no-credits');
    }
    case 'org-token-policy': {
      const ev = ctx.evidence ?? '';
      if (/revoked by the organization administrator/i.test(ev)) return done('revoked-by-admin');
      if (/needs to be approved by the organization|pending (?:admin )?approval/i.test(ev))
        return done('pending-approval');
      if (who?.ok && (who.info.kind === 'read' || who.info.kind === 'write')) return done('classic-refused');
      return done();
    }
    case 'job-not-found': {
      const facts = ctx.evidence ? extractFacts(ctx.evidence) : {};
      const looked = facts.job?.namespace ?? ctx.namespace;
      if (who?.ok && looked === who.info.user && who.info.orgs.length) {
        const orgs = who.info.orgs.map((o) => o.name);
        findings.push({
          status: 'bad',
          text: `The job was looked up under ${looked} (your user); you also belong to ${orgs.join(', ')}: an org job is found only under the org (\`hf jobs logs --namespace ${orgs[0]} ${facts.job?.id ?? 'ID'}\`).`,
        });
        return done('org-job-under-user');
      }
      if (who?.ok && looked && looked !== who.info.user && !who.info.orgs.some((o) => o.name === looked)) {
        findings.push({
          status: 'bad',
          text: `You (${who.info.user}) are not a member of ${looked}, so its jobs are not visible to this token.`,
        });
        return done('other-account');
      }
      return done(facts.job ? undefined : 'wrong-id');
    }
    case 'server-error':
      return done('transient');
    case 'job-script-failed': {
      const ev = ctx.evidence ?? '';
      if (/ModuleNotFoundError|No module named/.test(ev)) return done('missing-dependency');
      if (/NVIDIA driver|not compiled with CUDA|no CUDA GPUs|CUDA is not available|No CUDA runtime/i.test(ev))
        return done('cpu-flavor-for-gpu');
      if (/out of memory|OutOfMemoryError|OOMKilled|exit code 137/i.test(ev)) return done('out-of-memory');
      return done(ev ? 'script-error' : undefined);
    }
    case 'job-timeout':
      // The Hub does not say whether the timeout was the default: the causes stay open.
      return done();
    default:
      return done();
  }
}

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
  if (repo) ctx.repo = {...repo};
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
    ctx.repo = await repoAccess({checkRepoAccess: (repo) => client.checkRepoAccess!(repo)}, ctx.repo, Boolean(token));
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
