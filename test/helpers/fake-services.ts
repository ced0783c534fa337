// FakeServices: a WizardServices with canned answers and no network, for controller and screen tests where the Hub
// is not the point (the real services over a sandbox stay in the flow tests, where it is). Every call is recorded;
// `gate` holds a call until the test releases it, to order what arrives when.
import {getProblem} from '../../src/core/troubleshoot/catalog.js';
import type {GoalVerdict} from '../../src/core/tokens/classify.js';
import type {WizardServices} from '../../src/core/wizard/services.js';
import type {PreflightReport} from '../../src/core/preflight/preflight.js';
import type {
  Account,
  Diagnosis,
  ExampleSummary,
  ProblemId,
  TargetInfo,
  TokenAdvice,
} from '../../src/core/wizard/types.js';

export const FAKE_TARGET: TargetInfo = {kind: 'sandbox', endpoint: 'http://127.0.0.1:9', practice: true};

export const FAKE_ACCOUNT: Account = {
  user: 'practice-user',
  kind: 'write',
  kindLabel: 'write token (classic)',
  info: {
    user: 'practice-user',
    kind: 'write',
    role: 'write',
    storageName: 'w',
    scopes: [],
    globalPermissions: [],
    canReadGatedRepos: true,
    orgs: [],
  },
  source: 'practice',
  sourceLabel: 'practice token',
  masked: 'hf_…ke12',
  permissions: ['Can write.'],
  storageName: 'w',
  tokenRef: 'token-1',
};

export interface FakeServices extends WizardServices {
  calls: string[];
  /** Holds the calls named `name` (e.g. "diagnose:forbidden-403") until `release(name)`. */
  gate(name: string): void;
  release(name: string): void;
}

export function fakeServices(
  answers: {
    problem?: ProblemId;
    diagnosis?: (problem: ProblemId) => Diagnosis;
    /** What tokenAdvice and evaluateGoal answer once logged in (default: a link only, no verdict). */
    advice?: TokenAdvice;
    verdict?: GoalVerdict;
    /** The examples the target offers (default none), and pre-flight's report (default a pass). When a report is
     *  given, the config step plans nothing and the checklist is empty, so a test can walk to the example screen. */
    examples?: ExampleSummary[];
    preflight?: PreflightReport;
  } = {},
): FakeServices {
  const calls: string[] = [];
  const gates = new Map<string, {wait: Promise<void>; open: () => void}>();
  const passGate = async (name: string) => {
    const g = gates.get(name);
    if (g) await g.wait;
  };
  const never = (name: string) => () => {
    throw new Error(`FakeServices: ${name} is not part of this test`);
  };
  return {
    calls,
    gate(name) {
      let open!: () => void;
      const wait = new Promise<void>((r) => (open = r));
      gates.set(name, {wait, open});
    },
    release(name) {
      gates.get(name)?.open();
      gates.delete(name);
    },
    async prepareTarget() {
      calls.push('prepareTarget');
      return {target: FAKE_TARGET, examples: answers.examples ?? []};
    },
    defaultTarget: () => FAKE_TARGET,
    async detectSavedToken() {
      calls.push('detectSavedToken');
      return undefined;
    },
    async validateToken() {
      calls.push('validateToken');
      return {ok: true, account: FAKE_ACCOUNT};
    },
    async practiceLogin() {
      calls.push('practiceLogin');
      return {ok: true, account: FAKE_ACCOUNT};
    },
    browserLogin: never('browserLogin'),
    evaluateGoal: (session) => (session.account ? answers.verdict : undefined),
    tokenAdvice: () =>
      answers.advice ?? {
        url: `${FAKE_TARGET.endpoint}/settings/tokens/new?tokenType=fineGrained&ownUserPermissions=job.write`,
        scopes: 'job.write on your account',
      },
    tokenDashboard: async () => [],
    preflight: async () => answers.preflight ?? {verdict: 'pass', lines: []},
    realTools: never('realTools'),
    planConfig: answers.preflight ? async (session) => ({dir: session.cwd, files: []}) : never('planConfig'),
    writeConfig: never('writeConfig'),
    writtenJob: async () => undefined,
    runChecks: answers.preflight ? async () => [] : never('runChecks'),
    flavorPrice: async () => undefined,
    submitJob: never('submitJob'),
    followJob: never('followJob'),
    cancelJob: never('cancelJob'),
    describeSubmitError: never('describeSubmitError'),
    classifyFailure(text) {
      calls.push(`classifyFailure:${text.split('\n')[0]}`);
      return {problem: answers.problem ?? 'forbidden-403', seen: [text.split('\n')[0] ?? '']};
    },
    problemInfo(id) {
      const p = getProblem(id, FAKE_TARGET.endpoint);
      return {id, title: p.title, symptoms: [], causes: [], solutions: [], verify: p.verify};
    },
    async diagnose(_session, problem) {
      calls.push(`diagnose:${problem}`);
      await passGate(`diagnose:${problem}`);
      return answers.diagnosis?.(problem) ?? {cause: `Diagnosed ${problem}.`, findings: [], actions: []};
    },
    openUrl: async () => true,
    copyToClipboard: async () => true,
    dispose: async () => undefined,
  };
}
