// Live exercises against the sandbox Hub: run the workspace's hf-job.json as a real job with a practice token
// (core/jobs buildJob + submitJob + followJob, the wizard's job path), ask whoami about a token, and read back what happened (job stage, log) for verification.
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {createHubClient, type HubJob, type HubJobSpec} from '../hub/client.js';
import {describeHubError} from '../hub/errors.js';
import {followJob} from '../jobs/follow.js';
import {submitJob} from '../jobs/submit.js';
import {buildJob, type JobExample} from '../jobs/build.js';
import {submitAsUvRun} from '../jobs/uv-run.js';
import {DEFAULT_CONFIG_FILE, JobSpecError, parseJobConfig, type ConfigIssue, type JobConfig} from '../jobspec/index.js';
import {classifyWhoAmI, describeKind, summarizePermissions} from '../tokens/classify.js';
import {maskToken} from '../tokens/mask.js';
import type {LessonExamples} from './example-files.js';
import type {Lesson, LiveExercise, PracticeToken} from './model.js';
import type {RunRecord} from './progress.js';
import type {LearnTarget} from './target.js';

export const EXERCISE_LABEL = 'hf-jobs-wizard.exercise';

/** The workspace's hf-job.json cannot be used: the message names the file, line and key (from parseJobConfig). */
export class JobConfigError extends Error {
  constructor(
    message: string,
    readonly issues: ConfigIssue[] = [],
  ) {
    super(message);
    this.name = 'JobConfigError';
  }
}

function describeIssue(path: string, issue: ConfigIssue): string {
  return `${path}:${issue.line}: ${issue.message}`;
}

/** Reads and parses the workspace's hf-job.json with the app's config parser (the same errors as `check`). */
export async function readJobConfig(dir: string): Promise<JobConfig> {
  const path = join(dir, DEFAULT_CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new JobConfigError(`${path} is missing: reset the exercise to get it back.`);
  }
  const parsed = parseJobConfig(text, DEFAULT_CONFIG_FILE);
  if (!parsed.ok) throw new JobConfigError(parsed.errors.map((e) => describeIssue(path, e)).join('\n'), parsed.errors);
  return parsed.config;
}

/** The example job an exercise names, from the catalog the course was opened with. */
export function exampleFor(examples: LessonExamples, exampleId: string): JobExample {
  const example = examples.find(exampleId);
  if (!example) throw new JobConfigError(`Unknown example job "${exampleId}".`);
  return example;
}

/**
 * The Jobs API body for an exercise run (core/jobs buildJob): the catalog example's sandbox job (its image and
 * command: the Python script under uv, or its Node twin), with the workspace's secrets, env, flavor, timeout and
 * labels applied, "$HF_TOKEN" filled in with this run's token, and the exercise label.
 */
export function buildSpec(
  example: JobExample,
  config: JobConfig,
  token: string,
  ctx: {user: string; exercise: string},
): HubJobSpec {
  try {
    return buildJob({
      example,
      config,
      token,
      target: 'sandbox',
      namespace: ctx.user,
      labels: {[EXERCISE_LABEL]: ctx.exercise},
    }).spec;
  } catch (error) {
    if (error instanceof JobSpecError) throw new JobConfigError(`${DEFAULT_CONFIG_FILE}: ${error.message}`);
    throw error;
  }
}

export interface RunOutcome {
  record: RunRecord;
  /** Final stage when the job was created. */
  stage?: string;
  /** The job's log lines, redacted. */
  log: string[];
  /** The Hub's URL when it no longer answered at the end (a sandbox stopped mid-run): the stage is then the log's. */
  unanswered?: string;
}

export interface RunOptions {
  target: LearnTarget;
  lesson: Lesson;
  exercise: LiveExercise;
  workspaceDir: string;
  token: PracticeToken;
  /** The catalog the exercise's example comes from. */
  examples: LessonExamples;
  /** Each log line as it arrives (already redacted). */
  onLine?: (line: string) => void;
  /** Stop following the log after this long (default 60 s); the job keeps running. */
  followMs?: number;
}

/** Submits the workspace's job with a practice token and follows it to the end. Never throws for Hub answers. */
export async function runExerciseJob(options: RunOptions): Promise<RunOutcome> {
  const {target, exercise, token} = options;
  const value = target.tokens[token];
  const secrets = Object.values(target.tokens);
  const config = await readJobConfig(options.workspaceDir);
  const example = exampleFor(options.examples, exercise.example);
  const spec = buildSpec(example, config, value, {user: target.user, exercise: exercise.id});
  // hf-job.json may name the namespace to run under (lesson 5 runs one under the sandbox's practice-no-credits org).
  const namespace = config.namespace ?? target.user;
  const record: RunRecord = {
    lesson: options.lesson.id,
    exercise: exercise.id,
    token,
    at: new Date().toISOString(),
    sandbox: target.key,
    namespace,
  };
  const client = createHubClient({hubUrl: target.hubUrl, accessToken: value});
  // core/jobs submitJob: one labelled submit, so a lost answer is looked up rather than called "refused".
  const submitted = await submitJob(client, namespace, spec, {secrets});
  if (submitted.submitted !== true) {
    const d = describeHubError(submitted.error, {endpoint: target.hubUrl, secrets});
    // A lost answer is not a refusal: the record then says neither "refused" nor a job id.
    if (submitted.submitted === false)
      record.refused = {...(d.status !== undefined ? {status: d.status} : {}), message: d.message};
    const line =
      submitted.submitted === 'unknown'
        ? `The Hub's answer to the submit was lost (${d.message}): the job may be running; look at the job list before you run it again.`
        : `The Hub refused to start the job${d.status ? ` (${d.status})` : ''}: ${d.message}`;
    options.onLine?.(line);
    return {record, log: [line]};
  }
  const job = submitted.job;
  record.jobId = job.id;
  // Every wait is said (a sandbox that stopped answering: "Could not read job …'s status"), in the job's output.
  const followed = await followJob({
    hubUrl: target.hubUrl,
    accessToken: target.tokens.write,
    namespace,
    jobId: job.id,
    secrets,
    maxMs: options.followMs ?? 60_000,
    pollMs: 250,
    ...(options.onLine ? {onLog: options.onLine, onWait: options.onLine} : {}),
  });
  const final = await readJob(target, job.id, namespace);
  const stage = final?.status.stage ?? (followed.stage || undefined);
  return {record, ...(stage ? {stage} : {}), log: followed.lines, ...(final ? {} : {unanswered: target.hubUrl})};
}

/** Reads a job with the write practice token (it may read every job in the practice namespace). */
export async function readJob(
  target: LearnTarget,
  jobId: string,
  namespace: string = target.user,
): Promise<HubJob | undefined> {
  try {
    return await createHubClient({hubUrl: target.hubUrl, accessToken: target.tokens.write}).getJob(namespace, jobId);
  } catch {
    return undefined;
  }
}

/** The whole log of a job (redacted), following it until it ends or `timeoutMs` passes (core/jobs followJob). */
export async function followLog(
  target: LearnTarget,
  jobId: string,
  timeoutMs: number,
  onLine?: (line: string) => void,
  namespace: string = target.user,
): Promise<string[]> {
  const followed = await followJob({
    hubUrl: target.hubUrl,
    accessToken: target.tokens.write,
    namespace,
    jobId,
    secrets: Object.values(target.tokens),
    maxMs: timeoutMs,
    pollMs: 250,
    ...(onLine ? {onLog: onLine} : {}),
  });
  return followed.lines;
}

export interface WhoamiReport {
  token: PracticeToken;
  masked: string;
  ok: boolean;
  lines: string[];
}

/** What the sandbox Hub says about a practice token (never the token itself). */
export async function whoamiPractice(target: LearnTarget, token: PracticeToken): Promise<WhoamiReport> {
  const value = target.tokens[token];
  const masked = maskToken(value);
  try {
    const who = await createHubClient({hubUrl: target.hubUrl, accessToken: value}).whoAmI();
    const info = classifyWhoAmI(who);
    return {
      token,
      masked,
      ok: true,
      lines: [`${info.user}, ${describeKind(info)} (role: ${info.role ?? 'unknown'})`, ...summarizePermissions(info)],
    };
  } catch (error) {
    const d = describeHubError(error, {endpoint: target.hubUrl, secrets: [value]});
    return {token, masked, ok: false, lines: [`${d.status ?? 'error'}: ${d.message}`]};
  }
}

/** True for a job the tutorial, the wizard or `example` submitted (they label their jobs); false for hf, Python, MCP. */
export function submittedByThisApp(job: Pick<HubJob, 'labels'>): boolean {
  const labels = (job.labels ?? {}) as Record<string, string>;
  return (
    EXERCISE_LABEL in labels ||
    Object.values(labels).some((v) => typeof v === 'string' && v.startsWith('hf-jobs-wizard'))
  );
}

/**
 * Submits the example the way `hf jobs uv run --secrets HF_TOKEN SCRIPT` does from a learner's shell: the token only
 * as the HF_TOKEN secret, no labels of this app. The reference solution of the real-tools exercise (tests, --solve).
 */
export async function submitLikeHfCli(target: LearnTarget, example: JobExample, token: PracticeToken): Promise<HubJob> {
  // core/jobs buildJob with the example's own config: "$HF_TOKEN" as the secret HF_TOKEN, no labels of this app; then
  // the requests hf sends (core/jobs/uv-run.ts): the script to the bucket jobs-artifacts with Xet, mounted at /data.
  const built = buildJob({
    example,
    token: target.tokens[token],
    target: 'sandbox',
    namespace: target.user,
    appLabels: 'none',
  });
  const sent = await submitAsUvRun({
    hubUrl: target.hubUrl,
    accessToken: target.tokens[token],
    namespace: target.user,
    built,
    script: {name: example.scriptName, source: example.python},
  });
  if (sent.result.submitted !== true) throw new JobConfigError(`The job was not submitted: ${sent.result.message}`);
  return sent.result.job;
}
