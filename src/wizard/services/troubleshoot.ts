// The wizard's troubleshooting services: classify a failure text, the catalog entry worded for the session's Hub,
// and the live diagnosis (token, whoami, the repo, the job's secrets) with the fixes the wizard offers.
import {findExample} from '../../examples/catalog.js';
import {resolveEndpoint} from '../../core/endpoint.js';
import {defaultSandboxDataDir} from '../../core/auth/sandbox-session.js';
import {appCommand} from '../../core/invocation.js';
import {isSandboxEndpoint} from '../../core/practice.js';
import {sanitizeLine} from '../../core/text/sanitize.js';
import {createHubClient} from '../../core/hub/client.js';
import {envTokenSource} from '../../core/store/resolve.js';
import {describeKind} from '../../core/tokens/classify.js';
import {maskToken, redactSecrets} from '../../core/tokens/mask.js';
import {
  classifyText,
  diagnose,
  gatherDiagnoseContext,
  getProblem,
  NO_TOKEN_NEEDED_TO_TELL,
  type ProblemId,
} from '../../core/troubleshoot/index.js';
import {liveCheckPasted} from '../../core/troubleshoot/live.js';
import {fixesFor} from '../../core/wizard/fixes.js';
import type {WizardServices} from '../../core/wizard/services.js';
import type {Diagnosis, Finding} from '../../core/wizard/types.js';
import {jobFiles, type ServiceContext} from './context.js';

export type TroubleshootServices = Pick<WizardServices, 'classifyFailure' | 'problemInfo' | 'diagnose'>;

export function createTroubleshootServices(shared: ServiceContext): TroubleshootServices {
  const {envFor, secrets} = shared;
  const options = shared.options;

  return {
    classifyFailure(text, session) {
      const c = classifyText(text, {
        endpoint: session?.target.endpoint ?? resolveEndpoint(options.endpointFlag, options.env),
      });
      const out: {problem: ProblemId; seen: string[]; alternatives?: ProblemId[]; guess?: boolean} = {
        problem: c.problem,
        seen: c.evidence,
      };
      if (c.guess) out.guess = true;
      const others = c.candidates?.map((x) => x.problem).filter((p) => p !== c.problem);
      if (others?.length) out.alternatives = others;
      return out;
    },

    problemInfo(id, session) {
      // One wording for one failure: the same endpoint as diagnose() and the checks (sandbox: its practice tokens).
      const p = getProblem(id, session?.target.endpoint ?? resolveEndpoint(options.endpointFlag, options.env));
      return {
        id,
        title: p.title,
        symptoms: [...p.symptoms],
        causes: p.causes.map((c) => ({...c})),
        solutions: [...p.solutions],
        verify: p.verify,
      };
    },

    async diagnose(session, problem, evidence, options = {}) {
      const env = envFor(session.target);
      const endpoint = session.target.endpoint;
      const account = session.account;
      // The repo the example's job works on (with its type: a dataset is not a model of the same name), and the
      // pasted text or job log, so the diagnosis reads what the Hub said.
      const example = !session.detached && account && session.exampleId ? findExample(session.exampleId) : undefined;
      const target = example && account ? example.repo?.(account.user) : undefined;
      const [namespace, ...rest] = target ? target.id.split('/') : [];
      const repo =
        target && namespace && rest.length ? {type: target.type, namespace, name: rest.join('/')} : undefined;
      // The push examples create their repo: not there yet is what a first run looks like.
      const creates = Boolean(
        example &&
        account &&
        repo &&
        example
          .goals(account.user)
          .some((g) => g.kind === 'push' && g.repo.namespace === repo.namespace && g.repo.name === repo.name),
      );
      // The wizard's own login (pasted, practice) is what its jobs use: the context is gathered with that token
      // (whoami and the repo's readability asked once, with it), naming the variable that would still win over it.
      const fromEnv = account ? envTokenSource(env) : undefined;
      const token = shared.token(session);
      // A local address read from a pasted text is asked (with the sandbox's saved practice login) only when it is
      // the sandbox: any local program can listen there (one of another user's on a port a stopped sandbox had).
      const unproved = session.detached && !(await sandboxProves(shared, endpoint));
      // The wizard's own job runs where hf-job.json says ("namespace", else your user), as submitJob sends it: the
      // diagnosis judges that namespace (it judged your user's, and said "you can pay" of a job an org ran).
      const files =
        !session.detached && !options.pasted ? await jobFiles(shared, session).catch(() => undefined) : undefined;
      const runsIn = (files?.fromFile ? files.config.namespace : undefined) ?? account?.user;
      const ctx = await gatherDiagnoseContext({
        env,
        endpoint,
        ...(unproved ? {} : {hub: (o: {hubUrl: string; accessToken?: string}) => createHubClient(o)}),
        ...(account && token
          ? {namespace: runsIn ?? account.user, token: {value: token, ...(fromEnv ? {source: fromEnv.source} : {})}}
          : {}),
        ...(repo ? {repo, ...(creates ? {repoCreatedByJob: true} : {})} : {}),
        ...(evidence ? {evidence} : {}),
      });
      // What the job got: the last submitted job's secret names, else what hf-job.json would give it. A pasted error
      // came from some other job of the person's: hf-job.json says nothing about that one.
      let job = options.pasted ? undefined : shared.lastJob;
      let fromConfig = false;
      if (!job && !session.detached && !options.pasted) {
        if (files?.fromFile) {
          job = {secretNames: Object.keys(files.config.secrets ?? {}), envNames: Object.keys(files.config.env ?? {})};
          fromConfig = true;
        }
      }
      if (job) ctx.job = job;
      // A pasted text that names a namespace, a repo or a job: what the Hub says of those (core/troubleshoot/live.ts).
      const live =
        options.pasted && token && evidence
          ? await liveCheckPasted(problem, evidence, {
              endpoint,
              token,
              hub: createHubClient({hubUrl: endpoint, accessToken: token}),
            })
          : undefined;
      const d = live ?? diagnose(problem, ctx);
      const findings: Finding[] = d.findings.map((f) => ({
        status: f.status,
        text: redactSecrets(
          fromConfig ? f.text.replace(/^The job /, 'hf-job.json: the job ') : f.text,
          secrets(session),
        ),
      }));
      if (unproved) findings.unshift(notAsked(endpoint));
      if (ctx.who?.ok) {
        const info = ctx.who.info;
        const weak = info.kind === 'read' && (problem === 'forbidden-403' || problem === 'unauthorized-401');
        findings.push({
          status: weak ? 'bad' : 'ok',
          text: `Token role: ${info.role ?? info.kind} (${describeKind(info)}${ctx.token ? `, ${maskToken(ctx.token)}` : ''}).`,
        });
      }
      let actual = d.actual ? {...d.actual} : undefined;
      // hf-job.json passes the token in "env": it works, but the value shows in the job's details.
      const envToken =
        job && fromConfig && job.envNames.some((n) => n === 'HF_TOKEN' || n === 'HUGGING_FACE_HUB_TOKEN');
      if (!actual && envToken) {
        findings.push({
          status: 'unknown',
          text: 'hf-job.json passes HF_TOKEN under "env": its value shows in the job\'s details. Secrets are encrypted.',
        });
        actual = {
          id: 'no-token-in-job',
          text: 'The token is passed in "env" instead of "secrets".',
          fix: 'Move HF_TOKEN from "env" to "secrets" in hf-job.json.',
        };
      }
      // A pasted error came from some job of the person's that this wizard did not run: nothing to "run again" here.
      const fixes = fixesFor(problem, actual?.id, {
        hasTarget: !session.detached,
        loggedIn: Boolean(account),
        hasJob: !options.pasted,
        hasBilling: !isSandboxEndpoint(endpoint),
        sandbox: isSandboxEndpoint(endpoint),
      });
      // No token here matters only where one could name the cause (not a timeout, the script, the Hub, the network).
      const noToken = !ctx.token && !actual && !NO_TOKEN_NEEDED_TO_TELL.has(problem);
      if (noToken && fixes.actions.includes('re-login')) fixes.suggested = 're-login';
      const out: Diagnosis = {
        cause: whyLine(actual, d.cause, noToken),
        findings,
        actions: fixes.actions,
      };
      if (actual) out.actual = actual;
      if (fixes.suggested) out.suggested = fixes.suggested;
      return pagesFor(out, unproved ? 'unproved' : session.detached && isSandboxEndpoint(endpoint) ? 'proved' : 'own');
    },
  };
}

/** The diagnosis's one line: the diagnosed cause, else why in the rule's own words, else what is missing to tell. */
function whyLine(actual: {text: string} | undefined, ruled: string | undefined, noToken: boolean): string {
  if (actual) return actual.text;
  if (ruled) return ruled;
  return noToken
    ? 'There is no token here to check (no HF_TOKEN variable, no saved login): log in, and the diagnosis can name the cause.'
    : 'No single cause stands out from what can be checked from here: go through the likely causes above, most common first.';
}

/**
 * A pasted text's local address that did not prove to be the sandbox: none of its pages is offered (any program can
 * answer there); one that proved is marked, so the wizard may open its pages.
 */
function pagesFor(out: Diagnosis, hub: 'unproved' | 'proved' | 'own'): Diagnosis {
  if (hub === 'proved') out.hubProven = true;
  if (hub !== 'unproved') return out;
  out.actions = out.actions.filter((a) => a !== 'open-token-page' && a !== 'open-billing');
  if (out.suggested === 'open-token-page' || out.suggested === 'open-billing') delete out.suggested;
  return out;
}

/**
 * Whether the session's endpoint may be asked with the login envFor gives it: any Hub but a local address, the sandbox
 * this run uses, or one that proves it serves the sandbox's data folder (owner.json's instance id).
 */
async function sandboxProves(shared: ServiceContext, endpoint: string): Promise<boolean> {
  if (!isSandboxEndpoint(endpoint)) return true;
  const trim = (u: string) => u.replace(/\/+$/, '').replace('//localhost', '//127.0.0.1');
  if (shared.sandbox && trim(shared.sandbox.endpoint) === trim(endpoint)) return true;
  const prove = shared.options.servesSandboxData;
  return prove ? prove(endpoint, defaultSandboxDataDir(shared.options.env)).catch(() => false) : false;
}

/** Said when a pasted text's local address was not asked: it did not prove to be the sandbox. */
function notAsked(endpoint: string): Finding {
  return {
    status: 'unknown',
    text: `Nothing was asked at ${sanitizeLine(endpoint)}: it does not prove to be this machine's sandbox (any program can listen on a local port), so no practice token was sent there. If it is your sandbox, paste the error in the wizard on it (\`${appCommand('--sandbox')}\`).`,
  };
}
