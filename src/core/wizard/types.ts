// The wizard's data: state, the events that change it, and the effects (intents) a step asks the outside to do.
// Pure types shared by the reducer (machine.ts), the effect runner (controller.ts), the Ink UI and the plain mode.
import type {PracticeToken} from '../practice.js';
import type {GoalVerdict, TokenInfo, TokenKind} from '../tokens/classify.js';
import type {CheckStatus} from '../checks/types.js';
import type {Cause, Problem, ProblemId} from '../troubleshoot/catalog.js';
import type {Finding} from '../troubleshoot/diagnose.js';
import type {PreflightReport} from '../preflight/preflight.js';

// Domain types the wizard shows as they are (one definition each, in their own module).
export type {CheckStatus, Finding, PreflightReport, ProblemId};

/** Pre-flight of the job about to run (core/preflight, the same as `example` and `check`): asked when the example step opens. */
export interface PreflightView {
  phase: 'running' | 'done';
  report?: PreflightReport;
  /** It could not be run (one redacted line): the job may still run, the Hub decides at submit. */
  error?: string;
}

export type StepId =
  'welcome' | 'login' | 'token-type' | 'config' | 'checklist' | 'example' | 'run' | 'result' | 'troubleshoot';

export const STEP_ORDER: StepId[] = [
  'welcome',
  'login',
  'token-type',
  'config',
  'checklist',
  'example',
  'run',
  'result',
];

export const STEP_TITLES: Record<StepId, string> = {
  welcome: 'Welcome',
  login: 'Log in',
  'token-type': 'Token type',
  config: 'Job config',
  checklist: 'Checklist',
  example: 'Example job',
  run: 'Run',
  result: 'Result',
  troubleshoot: 'Troubleshooting',
};

export type TargetKind = 'sandbox' | 'hub';

export interface TargetInfo {
  kind: TargetKind;
  /** Hub base URL, no trailing slash. */
  endpoint: string;
  /** Sandbox only: practice tokens can be offered. */
  practice: boolean;
  /** A sandbox reached by its URL whose practice tokens cannot be had from here (its folder unreadable, unproven): why. */
  practiceNote?: string;
}

/** A practice token's label (the one list: src/core/practice.ts). */
export type PracticeLabel = PracticeToken;

export type TokenSourceKind = 'input' | 'practice' | 'browser' | 'HF_TOKEN' | 'HUGGING_FACE_HUB_TOKEN' | 'file';

/**
 * A validated token and who it belongs to, as the state holds it: its masked form only. The token itself stays in the
 * services' session (src/wizard/services/context.ts), found again by `tokenRef`.
 */
export interface Account {
  user: string;
  kind: TokenKind;
  /** e.g. "write token (classic)". */
  kindLabel: string;
  info: TokenInfo;
  source: TokenSourceKind;
  /** e.g. "the saved login (~/.cache/huggingface/token)", "pasted". */
  sourceLabel: string;
  masked: string;
  permissions: string[];
  /** stored_tokens name. */
  storageName: string;
  /** The services' handle for this token (not the token, not derived from it). */
  tokenRef: string;
  /** An env var will keep winning over the token saved here. */
  shadowedBy?: string;
}

/** Least privilege for the chosen job (core/tokens/least-privilege.ts): the page that makes the smallest token it needs, and how the logged-in token compares. */
export interface TokenAdvice {
  /** The prefilled token page (fine-grained, exactly the job's permissions); on the sandbox it carries the form key so its Create button works. */
  url: string;
  /** e.g. "job.write, repo.write on practice-user" ("your account" before login). */
  scopes: string;
  /** On the sandbox: the code its Create form asks for, shown only in the terminal (the link alone may leak). */
  confirmCode?: string;
  /** With a token logged in: enough, broader than needed, and the sentence saying so. */
  fit?: {enough: boolean; broader: boolean; advice: string};
}

/** After a first completed sandbox job: the same job with the real `hf` CLI (core/preflight/real-tools.ts). No whole token here. */
export interface RealToolsView {
  phase: 'running' | 'done';
  /** `export HF_ENDPOINT=…` / `export HF_TOKEN=hf_…abcd` (masked). */
  exportLines: string[];
  /** The 0600 env file holding the same lines with the whole token (outside the project). */
  envFile?: string;
  /** What to type in another terminal while the wizard (and so the sandbox) stays open. */
  commands: string[];
  /** The same job on huggingface.co: leave the sandbox, log in, pre-flight, run. */
  realHubCommands: string[];
  /** Output lines of `hf` when it is installed and was run (redacted). */
  lines: string[];
  /** What running `hf` gave: absent when it is not installed. */
  hf?: {exitCode: number | null; verified: boolean; verdict: string};
  /** Why `hf` was not run (not installed, no script on disk). */
  note?: string;
}

export type ExampleId = string;

export interface Snippet {
  label: string;
  language: string;
  text: string;
}

/** An example of src/examples/catalog.ts as the screens show it (texts only; no token anywhere). */
export interface ExampleSummary {
  id: ExampleId;
  title: string;
  /** One sentence: what the job does. */
  summary: string;
  /** What the token must be allowed to do, e.g. "write (push to practice-user/...)". */
  needs: string;
  scriptName: string;
  script: string;
  /** hf-job.json text (uses secrets with "$HF_TOKEN"). */
  config: string;
  /** The script in my-first-hf-job/ is not the example's own (the sandbox still runs the example's). */
  scriptEdited?: boolean;
  flavor: string;
  /** The same job as hf CLI, Python, MCP and JavaScript (core/jobspec allSnippets). */
  snippets: Snippet[];
}

export interface PlannedFile {
  path: string;
  role: 'saved login' | 'named tokens' | 'job config' | 'script';
  exists: boolean;
  /** Nothing to do: the file already has this content. */
  unchanged: boolean;
  /** Unified-diff-like lines ("+ ", "- ", "  ") when the file exists and differs; never contains a token. */
  diff?: string[];
  /** What will be written, for display; token stores show a masked line. */
  preview: string[];
  /** A repair of an existing file: what changes, in words. */
  changes?: string[];
}

export interface ConfigPlan {
  dir: string;
  files: PlannedFile[];
}

export interface CheckItem {
  id: string;
  status: CheckStatus;
  title: string;
  message: string;
  fix?: string;
  file?: string;
  line?: number;
  /** The troubleshooting screen that explains a failure. */
  problem?: ProblemId;
}

export {FIX_LABELS, type FixAction} from '../troubleshoot/actions.js';
import type {FixAction} from '../troubleshoot/actions.js';

export type CauseInfo = Cause;

/** A problem of the troubleshooting catalog (core/troubleshoot/catalog.ts), worded for the Hub in use. */
export type ProblemInfo = Omit<Problem, 'checks'>;

export interface Diagnosis {
  /** One or two sentences naming the actual cause (or saying none stands out). */
  cause: string;
  /** The catalog cause the live facts point to. */
  actual?: CauseInfo;
  findings: Finding[];
  /** The fixes this screen offers, the suggested one first. */
  actions: FixAction[];
  /** The fix to highlight first. */
  suggested?: FixAction;
  /** A pasted text's local address proved to be this machine's sandbox (owner.json): its pages may be opened. */
  hubProven?: boolean;
}

export type JobStage = 'SCHEDULING' | 'RUNNING' | 'COMPLETED' | 'CANCELED' | 'ERROR' | 'DELETED' | string;

export interface JobRef {
  id: string;
  namespace: string;
  url: string;
}

export interface Outcome {
  stage: JobStage;
  message?: string;
  /** The Hub canceled the job because its namespace cannot pay (NO_CREDITS ...): a failure, not the person's cancel. */
  cancelReason?: string;
  /** The job's log said it ended, then the Hub stopped answering (why): not the person's cancel, nor confirmed. */
  hubLost?: string;
  /** What the job created (a repo URL) on success. */
  created?: string;
  /** The repo was already there before the job ran (it added a commit: "updated", not "created"). */
  repoExisted?: boolean;
  /** Ran on the in-process sandbox: its links work only while the wizard is open. */
  sandbox?: boolean;
  nextSteps: NextStep[];
}

/** A suggestion after the run: what it is for, and the command to paste. */
export interface NextStep {
  what: string;
  command: string;
}

export interface SavedTokenOffer {
  account?: Account;
  /** Set when a token was found but the Hub refused it. */
  invalidMessage?: string;
  sourceLabel: string;
}

export type LoginPhase = 'detecting' | 'choose' | 'paste' | 'practice' | 'browser' | 'validating' | 'done';

export interface WizardOptions {
  /** --sandbox / --endpoint chose the target already: welcome's choice is skipped. */
  presetTarget?: TargetKind;
  /** Saved token present at start: huggingface.co is preselected instead of the sandbox. */
  hasSavedToken?: boolean;
  /** Where files are written. */
  cwd: string;
  /** `hf-jobs-wizard troubleshoot` on a terminal: open the paste-an-error screen first. */
  startAt?: 'paste-error';
  /** The Hub a screen links to before any Hub was chosen (--endpoint, else HF_ENDPOINT, else huggingface.co). */
  hubEndpoint?: string;
}

export interface WizardState {
  step: StepId;
  /** Steps to return to with Esc; answers stay in the state. */
  history: StepId[];
  options: WizardOptions;
  busy?: string;
  /** The last error of the current step, one line, no token. */
  error?: string;
  notice?: string;
  welcome: {choice: TargetKind};
  target?: TargetInfo;
  login: {
    phase: LoginPhase;
    offer?: SavedTokenOffer;
    /** Characters typed so far in the paste box (the count is shown, never the text). */
    browser?: {url: string; code: string};
    lastPractice?: PracticeLabel;
    /** How the token being validated was given, so a failure returns to that input. */
    via?: 'paste' | 'practice' | 'browser';
    /** Back here to log in again after a failure: the saved token (the one that failed) is not preselected. */
    afterFailure?: boolean;
    /** The way to log in picked last from the menu: back on the menu (Esc), the cursor is on it again. */
    lastMethod?: 'paste' | 'practice' | 'browser' | 'error';
  };
  account?: Account;
  examples: ExampleSummary[];
  goal?: ExampleId;
  verdict?: GoalVerdict;
  tokenAdvice?: TokenAdvice;
  config: {
    phase: 'idle' | 'planning' | 'review' | 'writing' | 'written' | 'skipped';
    plan?: ConfigPlan;
    written?: string[];
  };
  checklist: {phase: 'idle' | 'running' | 'done'; items: CheckItem[]; expanded?: string};
  example: {
    view: string;
    price?: string;
    confirming: boolean;
    copied?: string;
    preflight?: PreflightView;
    /** The job as written in my-first-hf-job/ (what Run submits); absent before it is read, or when nothing is there. */
    written?: ExampleSummary;
    /** Run was asked while pre-flight was still running: go on once it answers (unless it fails). */
    runWhenReady?: boolean;
  };
  run: {
    phase: 'idle' | 'submitting' | 'running' | 'cancelling' | 'finished';
    job?: JobRef;
    stage?: JobStage;
    startedAt?: number;
    stageAt?: number;
    logs: string[];
    confirmCancel: boolean;
  };
  result?: Outcome;
  realTools?: RealToolsView;
  /** The token dashboard in the header, on request (s): `status`'s lines for the Hub in use. */
  dashboard?: {phase: 'loading' | 'shown'; lines: string[]};
  troubleshoot: {
    problem?: ProblemId;
    info?: ProblemInfo;
    /** Why we are here: the failure text, redacted. */
    evidence?: string;
    /** The lines of the evidence that decided the problem (classifyText). */
    seen?: string[];
    /** Classifier not sure: the other likely problems. */
    alternatives?: ProblemId[];
    /** The rules found nothing: the problem is the second tier's best guess (core/troubleshoot/guess.ts). */
    guess?: boolean;
    /** The Hub the pasted text came from when it is not the wizard's (huggingface.co while on the sandbox). */
    hub?: string;
    phase: 'paste' | 'idle' | 'diagnosing' | 'done';
    diagnosis?: Diagnosis;
    returnTo?: StepId;
    /** The paste box's text (kept when leaving it with Esc, and after a paste, for editing it again). In memory only. */
    draft?: string;
    /** Tokens the pasted text held (masked, with their line): the answer says so first, with how to revoke them. */
    leaks?: {masked: string; line: number}[];
  };
  exitCode?: number;
}

export type WizardEvent =
  | {type: 'start'}
  | {type: 'back'}
  | {type: 'quit'}
  | {type: 'dismiss-error'}
  | {type: 'notice'; text: string}
  | {type: 'choose-target'; target: TargetKind}
  | {type: 'target-ready'; target: TargetInfo; examples: ExampleSummary[]}
  | {type: 'failed'; message: string}
  | {type: 'token-detected'; offer?: SavedTokenOffer}
  | {type: 'use-saved'}
  | {type: 'login-method'; method: 'paste' | 'practice' | 'browser'}
  | {type: 'paste-submit'; value: string}
  | {type: 'practice-pick'; label: PracticeLabel}
  | {type: 'browser-code'; url: string; code: string}
  | {type: 'validated'; account: Account}
  | {type: 'login-failed'; message: string}
  | {type: 'login-continue'}
  | {type: 'choose-goal'; goal: ExampleId}
  | {type: 'goal-evaluated'; verdict: GoalVerdict}
  | {type: 'token-advice'; advice: TokenAdvice}
  | {type: 'open-token-page'}
  | {type: 'token-type-continue'}
  | {type: 'config-planned'; plan: ConfigPlan}
  | {type: 'config-confirm'}
  | {type: 'config-skip'}
  | {type: 'config-written'; files: string[]}
  | {type: 'check-result'; item: CheckItem}
  | {type: 'checks-done'; items: CheckItem[]}
  | {type: 'toggle-check'; id: string}
  | {type: 'rerun-checks'}
  | {type: 'open-problem'; problem: ProblemId; evidence?: string}
  | {type: 'checklist-continue'}
  | {type: 'example-view'; view: string}
  | {type: 'copy'; label: string; text: string}
  | {type: 'copied'; label: string; ok: boolean}
  | {type: 'price'; price?: string}
  | {type: 'preflight-done'; report?: PreflightReport; error?: string}
  /** The job as my-first-hf-job/ has it (hf-job.json and its script, as the person may have edited them). */
  | {type: 'written-job'; job?: ExampleSummary}
  | {type: 'rerun-preflight'}
  | {type: 'run-example'}
  | {type: 'confirm-run'; yes: boolean}
  | {type: 'job-submitted'; job: JobRef; at: number}
  | {type: 'job-stage'; stage: JobStage; at: number}
  | {type: 'job-log'; line: string}
  | {type: 'job-finished'; outcome: Outcome; failureText?: string}
  | {type: 'submit-failed'; message: string; problem: ProblemId}
  | {type: 'request-cancel'}
  | {type: 'cancel-answer'; yes: boolean}
  | {type: 'paste-error'}
  | {type: 'error-pasted'; text: string}
  | {type: 'paste-draft'; text: string}
  | {
      type: 'classified';
      problem: ProblemId;
      info: ProblemInfo;
      seen?: string[];
      alternatives?: ProblemId[];
      /** The problem is the second tier's best guess. */
      guess?: boolean;
      /** A pasted text from another Hub than the wizard's (huggingface.co while on the sandbox): answered for it. */
      hub?: string;
    }
  | {type: 'diagnosed'; diagnosis: Diagnosis}
  | {type: 'fix'; action: FixAction}
  | {type: 'result-continue'}
  | {type: 'real-tools'}
  | {type: 'toggle-dashboard'}
  | {type: 'dashboard-ready'; lines: string[]}
  | {type: 'real-tools-log'; line: string}
  | {type: 'real-tools-done'; view: RealToolsView};

export type WizardEffect =
  | {kind: 'prepare-target'; target: TargetKind}
  | {kind: 'detect-token'}
  | {kind: 'validate-token'; token: string; source: TokenSourceKind}
  | {kind: 'practice-token'; label: PracticeLabel}
  | {kind: 'browser-login'}
  | {kind: 'cancel-browser-login'}
  | {kind: 'evaluate-goal'}
  | {kind: 'plan-config'; rewrite?: boolean}
  | {kind: 'write-config'}
  | {kind: 'run-checks'}
  /** `code`: the confirmation code the opened page asks for (the sandbox's token page), said in the notice. */
  | {kind: 'open-url'; url: string; code?: string}
  | {kind: 'copy'; label: string; text: string}
  | {kind: 'fetch-price'}
  | {kind: 'preflight'}
  | {kind: 'real-tools'}
  | {kind: 'dashboard'}
  | {kind: 'submit-job'}
  | {kind: 'cancel-job'}
  /** Classify the text, then diagnose live (one effect, one round trip: 'classified', then 'diagnosed'). */
  | {kind: 'classify'; text: string}
  /** The catalog entry of a known problem, then the live diagnosis (the same round trip). */
  | {kind: 'load-problem'; problem: ProblemId}
  | {kind: 'exit'; code: number};

export interface Transition {
  state: WizardState;
  effects: WizardEffect[];
}
