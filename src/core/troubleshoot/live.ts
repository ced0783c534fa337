// The live check for a pasted text (issue 14): when the text names a namespace, a repo or a job and a token is in
// effect, ask the Hub what is true now (whoami and the orgs it lists, whether the repo exists and this token can read
// it, where the job actually is) and say what it found, with the cause those facts point to. The text's facts come
// from facts.ts; the causes from diagnose(). The Hub is reached only through the client given; nothing is printed.
import {describeHubError} from '../hub/errors.js';
import {shellQuote} from '../jobspec/shell.js';
import {redactLine} from '../tokens/mask.js';
import type {HubClient} from '../hub/client.js';
import {classifyWhoAmI} from '../tokens/classify.js';
import type {WhoAmIOutcome} from '../checks/live-context.js';
import type {TokenSource} from '../store/resolve.js';
import {catalogFor, type ProblemId} from './catalog.js';
import {diagnose, repoAccess, type Diagnosis, type DiagnoseContext, type Finding} from './diagnose.js';
import {extractFacts, type TextFacts} from './facts.js';

export type LiveCheckHub = Pick<HubClient, 'whoAmI'> & Partial<Pick<HubClient, 'checkRepoAccess' | 'getJob'>>;

export interface LiveCheckOptions {
  endpoint: string;
  token: string;
  source?: TokenSource;
  shadowsSavedToken?: boolean;
  hub: LiveCheckHub;
}

/** How many namespaces (the one named, the user, the user's orgs) a job is looked up under, at most. */
const MAX_JOB_LOOKUPS = 6;

/** Whether the text names something a live check can look at (a namespace, a repo, a job). */
export function namesSomethingLive(facts: TextFacts): boolean {
  return Boolean(facts.namespace || facts.repo || facts.job);
}

/** The text is about jobs (a jobs URL, a job id, the word), not a repo: the namespace is where jobs run. */
function aboutJobs(text: string, facts: TextFacts): boolean {
  return Boolean(facts.job) || /\/api\/jobs\/|\bjobs?\b/i.test(text);
}

async function whoAmI(hub: LiveCheckHub, options: LiveCheckOptions): Promise<WhoAmIOutcome> {
  try {
    const who = await hub.whoAmI();
    return {ok: true, who, info: classifyWhoAmI(who)};
  } catch (err) {
    return {ok: false, error: describeHubError(err, {endpoint: options.endpoint, secrets: [options.token]})};
  }
}

/** Membership in the namespace the text names, as whoami lists it. */
function membership(who: WhoAmIOutcome, namespace: string): {finding: Finding; member: boolean} | undefined {
  if (!who.ok || namespace === who.info.user) return undefined;
  const org = who.info.orgs.find((o) => o.name === namespace);
  if (!org)
    return {
      member: false,
      finding: {
        status: 'bad',
        text: `You (${who.info.user}) are not a member of ${namespace}: whoami lists ${who.info.orgs.length ? who.info.orgs.map((o) => o.name).join(', ') : 'no organizations'}.`,
      },
    };
  return {
    member: true,
    finding: {
      status: org.roleInOrg === 'read' ? 'bad' : 'ok',
      text: `You (${who.info.user}) are a member of ${namespace}${org.roleInOrg ? ` with the ${org.roleInOrg} role` : ''}${org.roleInOrg === 'read' ? ': read cannot create repos or run jobs there' : ''}.`,
    },
  };
}

type JobLookup =
  {found: true; namespace: string; stage?: string} | {found: false; tried: string[]; unanswered: string[]} | undefined;

/** Looks the job up under the namespace the text used, then under the user and each of the user's orgs. */
async function findJob(hub: LiveCheckHub, who: WhoAmIOutcome, facts: TextFacts): Promise<JobLookup> {
  if (!facts.job || !hub.getJob || !who.ok) return undefined;
  const first = facts.job.namespace ?? facts.namespace ?? who.info.user;
  const namespaces = [...new Set([first, who.info.user, ...who.info.orgs.map((o) => o.name)])].slice(
    0,
    MAX_JOB_LOOKUPS,
  );
  const tried: string[] = [];
  const unanswered: string[] = [];
  for (const ns of namespaces) {
    try {
      const job = (await hub.getJob(ns, facts.job.id)) as {status?: {stage?: unknown}};
      const stage = typeof job?.status?.stage === 'string' ? redactLine(job.status.stage, 64) : undefined;
      return stage ? {found: true, namespace: ns, stage} : {found: true, namespace: ns};
    } catch (err) {
      // "Not here" moves on; another answer (403 of a token policy, 5xx, network) says nothing about the job there.
      if (describeHubError(err).kind === 'not-found') tried.push(ns);
      else if (ns === first) return undefined;
      else unanswered.push(ns);
    }
  }
  return {found: false, tried, unanswered};
}

/**
 * The live check of a pasted text. Undefined when the text names nothing to look at; otherwise the diagnosis with
 * what was found (each request bounded by the client given).
 */
export async function liveCheckPasted(
  problem: ProblemId,
  text: string,
  options: LiveCheckOptions,
): Promise<Diagnosis | undefined> {
  const facts = extractFacts(text);
  if (!namesSomethingLive(facts)) return undefined;
  const {hub} = options;
  const who = await whoAmI(hub, options);
  const ctx: DiagnoseContext = {
    endpoint: options.endpoint,
    token: options.token,
    who,
    evidence: text,
    ...(options.source ? {source: options.source} : {}),
    ...(options.shadowsSavedToken ? {shadowsSavedToken: true} : {}),
  };
  const jobs = aboutJobs(text, facts);
  // The namespace goes to diagnose() as the place jobs run only when the text is about jobs; a repo's namespace is
  // judged by membership below (no "cannot run jobs" sentence about a repo that could not be created).
  if (facts.namespace && jobs) ctx.namespace = facts.namespace;
  if (facts.repo && hub.checkRepoAccess)
    ctx.repo = await repoAccess({checkRepoAccess: (r) => hub.checkRepoAccess!(r)}, facts.repo, true);
  const d = diagnose(problem, ctx);
  const extra: Finding[] = [];
  const named = facts.namespace ?? facts.repo?.namespace;
  const member = named && !jobs ? membership(who, named) : undefined;
  if (member) extra.push(member.finding);
  const causes = catalogFor(options.endpoint)[problem].causes;
  const cause = (id: string) => causes.find((c) => c.id === id);
  let actual = d.actual;
  if (member && !member.member && problem === 'forbidden-403') actual = cause('org-role') ?? actual;
  const lookup = await findJob(hub, who, facts);
  if (lookup && facts.job) {
    const id = facts.job.id;
    const asked = facts.job.namespace ?? facts.namespace ?? (who.ok ? who.info.user : undefined);
    if (lookup.found && lookup.namespace === asked) {
      extra.push({
        status: 'ok',
        text: `Job ${lookup.namespace}/${id} exists${lookup.stage ? ` (${lookup.stage})` : ''}: this token can see it.`,
      });
      // It is there now: the "not found" came from another token, or from before it existed; no guess stands.
      if (problem === 'job-not-found') actual = undefined;
    } else if (lookup.found) {
      extra.push({
        status: 'bad',
        text: `Job ${id} is not under ${asked} but under ${lookup.namespace}${lookup.stage ? ` (${lookup.stage})` : ''}: \`hf jobs logs --namespace ${shellQuote(lookup.namespace)} ${shellQuote(id)}\`.`,
      });
      if (problem === 'job-not-found') actual = cause('org-job-under-user') ?? actual;
    } else {
      extra.push({
        status: 'bad',
        text: `No job ${id} under ${lookup.tried.join(', ')}${lookup.unanswered.length ? ` (${lookup.unanswered.join(', ')} did not answer)` : ' (every namespace this token can see)'}: check the id.`,
      });
      if (problem === 'job-not-found') actual = cause('wrong-id') ?? actual;
    }
  }
  // The job lookup's answer (found somewhere, or nowhere) replaces diagnose()'s guess about the same job.
  const findings = lookup ? d.findings.filter((f) => !/an org job is found only/.test(f.text)) : d.findings;
  const out: Diagnosis = {problem, findings: [...findings, ...extra]};
  if (actual) out.actual = actual;
  return out;
}
