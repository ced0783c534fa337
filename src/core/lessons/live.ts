// Live exercises against the sandbox Hub: run the workspace's hf-job.json as a real job with a practice token,
// ask whoami about a token, and read back what happened (job stage, log) for verification.
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {createHubClient, type HubJob, type HubJobSpec} from '../hub/client.js';
import {describeHubError} from '../hub/errors.js';
import {isTokenPlaceholder} from '../jobspec/placeholder.js';
import {parseTimeout} from '../jobspec/timeout.js';
import {classifyWhoAmI, describeKind, summarizePermissions} from '../tokens/classify.js';
import {maskToken, redactSecrets} from '../tokens/mask.js';
import {BUILTIN_EXAMPLES} from '../wizard/examples.js';
import type {Lesson, LiveExercise, PracticeToken} from './model.js';
import type {RunRecord} from './progress.js';
import type {LearnTarget} from './target.js';

export const EXERCISE_LABEL = 'hf-jobs-wizard.exercise';
const TERMINAL = new Set(['COMPLETED', 'ERROR', 'CANCELED', 'DELETED']);

export class JobConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobConfigError';
  }
}

interface JobConfig {
  secrets: Record<string, string>;
  env: Record<string, string>;
  flavor?: string;
  timeoutSeconds?: number;
}

function stringMap(v: unknown, key: string, file: string): Record<string, string> {
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new JobConfigError(`${file}: "${key}" must be an object like {"HF_TOKEN": "$HF_TOKEN"}.`);
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) {
    if (typeof val !== 'string') throw new JobConfigError(`${file}: "${key}.${k}" must be a string.`);
    out[k] = val;
  }
  return out;
}

/** Reads the workspace's hf-job.json: the parts a run takes from it (secrets, env, flavor, timeout). */
export async function readJobConfig(dir: string): Promise<JobConfig> {
  const file = join(dir, 'hf-job.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new JobConfigError(`${file} is missing: reset the exercise to get it back.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new JobConfigError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new JobConfigError(`${file} must hold one JSON object.`);
  const o = raw as Record<string, unknown>;
  const config: JobConfig = {secrets: stringMap(o.secrets, 'secrets', file), env: stringMap(o.env, 'env', file)};
  if (typeof o.flavor === 'string') config.flavor = o.flavor;
  if (o.timeout !== undefined) {
    const t = parseTimeout(o.timeout);
    if (!t.ok) throw new JobConfigError(`${file}: ${t.reason}`);
    config.timeoutSeconds = t.seconds;
  }
  return config;
}

/** `"$HF_TOKEN"` (exact) becomes the token of this run, as the wizard and the MCP tool do; anything else is sent as written. */
function resolveMap(map: Record<string, string>, token: string): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, isTokenPlaceholder(v) ? token : v]));
}

/** The Jobs API body for an exercise run: the example's sandbox command, with the workspace's secrets and env. */
export function buildSpec(exampleId: string, config: JobConfig, token: string, ctx: {hubUrl: string; user: string; exercise: string}): HubJobSpec {
  const example = BUILTIN_EXAMPLES.find((e) => e.id === exampleId);
  if (!example) throw new JobConfigError(`Unknown example job "${exampleId}".`);
  const base = example.spec({endpoint: ctx.hubUrl, user: ctx.user, sandbox: true});
  return {
    ...base,
    environment: {...(base.environment ?? {}), ...resolveMap(config.env, token)},
    secrets: resolveMap(config.secrets, token),
    flavor: (config.flavor ?? base.flavor) as HubJobSpec['flavor'],
    timeoutSeconds: config.timeoutSeconds ?? base.timeoutSeconds ?? 600,
    labels: {[EXERCISE_LABEL]: ctx.exercise},
  };
}

export interface RunOutcome {
  record: RunRecord;
  /** Final stage when the job was created. */
  stage?: string;
  /** The job's log lines, redacted. */
  log: string[];
}

export interface RunOptions {
  target: LearnTarget;
  lesson: Lesson;
  exercise: LiveExercise;
  workspaceDir: string;
  token: PracticeToken;
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
  const spec = buildSpec(exercise.example, config, value, {hubUrl: target.hubUrl, user: target.user, exercise: exercise.id});
  const record: RunRecord = {lesson: options.lesson.id, exercise: exercise.id, token, at: new Date().toISOString(), sandbox: target.key, namespace: target.user};
  const client = createHubClient({hubUrl: target.hubUrl, accessToken: value});
  let job: HubJob;
  try {
    job = await client.runJob(target.user, spec);
  } catch (error) {
    const d = describeHubError(error, {endpoint: target.hubUrl, secrets});
    record.refused = {...(d.status !== undefined ? {status: d.status} : {}), message: d.message};
    const line = `The Hub refused to start the job${d.status ? ` (${d.status})` : ''}: ${d.message}`;
    options.onLine?.(line);
    return {record, log: [line]};
  }
  record.jobId = job.id;
  const log = await followLog(target, job.id, options.followMs ?? 60_000, options.onLine);
  const final = await readJob(target, job.id);
  return {record, ...(final ? {stage: final.status.stage} : {}), log};
}

/** Reads a job with the write practice token (it may read every job in the practice namespace). */
export async function readJob(target: LearnTarget, jobId: string): Promise<HubJob | undefined> {
  try {
    return await createHubClient({hubUrl: target.hubUrl, accessToken: target.tokens.write}).getJob(target.user, jobId);
  } catch {
    return undefined;
  }
}

/** The whole log of a job (redacted), following it until it ends or `timeoutMs` passes. */
export async function followLog(target: LearnTarget, jobId: string, timeoutMs: number, onLine?: (line: string) => void): Promise<string[]> {
  const secrets = Object.values(target.tokens);
  const client = createHubClient({hubUrl: target.hubUrl, accessToken: target.tokens.write});
  const lines: string[] = [];
  const deadline = Date.now() + timeoutMs;
  const stream = client.streamJobLogs(target.user, jobId);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    for (;;) {
      const next = await Promise.race([stream.next(), timeout]);
      if (next === 'timeout' || next.done) break;
      const line = redactSecrets(next.value.message, secrets);
      lines.push(line);
      onLine?.(line);
      if (/^===== Job finished/.test(line) || Date.now() > deadline) break;
    }
  } catch (error) {
    const line = `(could not read the log: ${describeHubError(error, {secrets}).message})`;
    lines.push(line);
    onLine?.(line);
  } finally {
    clearTimeout(timer);
    void stream.return(undefined).catch(() => undefined);
  }
  // The stream may end a moment before the stage is final: wait briefly for it.
  for (let i = 0; i < 50; i++) {
    const job = await readJob(target, jobId);
    if (!job || TERMINAL.has(job.status.stage)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return lines;
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
    return {token, masked, ok: true, lines: [`${info.user}, ${describeKind(info)} (role: ${info.role ?? 'unknown'})`, ...summarizePermissions(info)]};
  } catch (error) {
    const d = describeHubError(error, {endpoint: target.hubUrl, secrets: [value]});
    return {token, masked, ok: false, lines: [`${d.status ?? 'error'}: ${d.message}`]};
  }
}
