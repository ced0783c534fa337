// Every side effect the wizard needs, behind one interface. src/wizard/services/ implements it (createServices);
// the Ink UI and the plain mode receive the same object, so both walk the same machine with the same I/O.
import type {GoalVerdict} from '../tokens/classify.js';
import type {PreflightReport} from '../preflight/preflight.js';
import type {
  Account,
  CheckItem,
  ConfigPlan,
  Diagnosis,
  ExampleId,
  ExampleSummary,
  JobRef,
  Outcome,
  PracticeLabel,
  ProblemId,
  ProblemInfo,
  SavedTokenOffer,
  TargetInfo,
  TargetKind,
  RealToolsView,
  TokenAdvice,
  TokenSourceKind,
} from './types.js';

export type ValidateResult = {ok: true; account: Account} | {ok: false; message: string};

/** What a job-related service needs to know about the session. */
export interface Session {
  target: TargetInfo;
  account?: Account;
  exampleId?: ExampleId;
  cwd: string;
  /** No Hub was chosen (a pasted error before the wizard started): `target` is the default one, the wizard's files are not involved. */
  detached?: boolean;
}

export interface WizardServices {
  /** Starts the sandbox (once) or settles on huggingface.co / --endpoint; lists the example jobs. */
  prepareTarget(kind: TargetKind): Promise<{target: TargetInfo; examples: ExampleSummary[]}>;
  /** HF_TOKEN or the saved login for this target, validated; undefined when there is none. */
  detectSavedToken(target: TargetInfo): Promise<SavedTokenOffer | undefined>;
  validateToken(target: TargetInfo, token: string, source: TokenSourceKind): Promise<ValidateResult>;
  /** Sandbox only: logs in with the practice token of that label (validated like a pasted one). */
  practiceLogin(target: TargetInfo, label: PracticeLabel): Promise<ValidateResult>;
  /** Device-flow login: reports the code to show, then validates the token once approved (it never leaves the services). */
  browserLogin(
    target: TargetInfo,
    onCode: (url: string, code: string) => void,
    signal: AbortSignal,
  ): Promise<ValidateResult>;
  evaluateGoal(session: Session): GoalVerdict | undefined;
  /** The least-privilege token page for the chosen job and, when logged in, how the token compares (enough? more than needed?). */
  tokenAdvice(session: Session): TokenAdvice;
  /** `status`'s lines for the session's Hub (every saved token, which one is active and why, what shadows what), redacted. */
  tokenDashboard(session: Session): Promise<string[]>;
  /** The files to write; `rewrite` repairs the existing hf-job.json (token as the HF_TOKEN secret) instead. */
  planConfig(session: Session, options?: {rewrite?: boolean}): Promise<ConfigPlan>;
  /** Writes the plan atomically (token store included); returns the paths written. */
  writeConfig(session: Session, plan: ConfigPlan): Promise<string[]>;
  /**
   * The example as my-first-hf-job/ has it: hf-job.json's text (tokens masked), its script, and the commands built
   * from them, which is what Run submits. Undefined when there is no hf-job.json there.
   */
  writtenJob(session: Session): Promise<ExampleSummary | undefined>;
  runChecks(session: Session, onCheck: (item: CheckItem) => void): Promise<CheckItem[]>;
  flavorPrice(session: Session): Promise<string | undefined>;
  /** Pre-flight of the job as it would be submitted (core/preflight gatherPreflight): allowed, paid for, at most how much, timeout. */
  preflight(session: Session): Promise<PreflightReport>;
  submitJob(session: Session): Promise<JobRef>;
  /** Streams redacted log lines and stage changes until the job ends; resolves with the outcome. */
  followJob(
    session: Session,
    job: JobRef,
    on: {log: (line: string) => void; stage: (stage: string) => void},
    signal: AbortSignal,
  ): Promise<{outcome: Outcome; failureText?: string}>;
  cancelJob(session: Session, job: JobRef): Promise<void>;
  /**
   * The step to the real tools after a completed sandbox job: writes the 0600 env file, runs `hf jobs uv run` when
   * `hf` is on PATH (streaming its redacted lines) and checks that the dataset got a new commit; else only the commands.
   */
  realTools(session: Session, onLine: (line: string) => void): Promise<RealToolsView>;
  /** A submit error as one redacted line plus the problem it points to. */
  describeSubmitError(session: Session, error: unknown): {message: string; problem: ProblemId};
  /** The problem a failure text points to, the lines that decided it, and other candidates when unsure (worded for the session's Hub). */
  classifyFailure(
    text: string,
    session?: Session,
  ): {problem: ProblemId; seen: string[]; alternatives?: ProblemId[]; guess?: boolean};
  /** The catalog entry, its fixes worded for the session's Hub (the sandbox names its practice tokens). */
  problemInfo(id: ProblemId, session?: Session): ProblemInfo;
  /** Live diagnosis: which catalog cause the facts (token, whoami, the job's secrets) point to, and the fixes. */
  /** `pasted`: the evidence is an error the person pasted (from some job of theirs), not from this wizard's config or job. */
  diagnose(session: Session, problem: ProblemId, evidence?: string, options?: {pasted?: boolean}): Promise<Diagnosis>;
  /** Where troubleshooting looks when no Hub was chosen yet (the paste-an-error entry): --endpoint / HF_ENDPOINT / huggingface.co. */
  defaultTarget(): TargetInfo;
  openUrl(url: string): Promise<boolean>;
  copyToClipboard(text: string): Promise<boolean>;
  /** Called once at exit (closes an in-process sandbox). */
  dispose(): Promise<void>;
}
