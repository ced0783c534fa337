// The verify engine: quizzes by the chosen answers, fix-the-file exercises by running the checklist on the
// workspace (specific ids must pass), live exercises by the sandbox's state (jobs, logs, repo files).
// Never by comparing the learner's text with the answer.
import {existsSync} from 'node:fs';
import {sanitizeLine} from '../text/sanitize.js';
import {redactSecrets} from '../tokens/mask.js';
import type {CheckReport, CheckResult} from '../checks/types.js';
import {createHubClient} from '../hub/client.js';
import type {HubJob} from '../hub/client.js';
import {followLog, readJob, submittedByThisApp} from './live.js';
import type {CheckExpectation, Exercise, LiveExercise, QuizExercise} from './model.js';
import type {RunRecord} from './progress.js';
import type {LearnTarget} from './target.js';

export interface VerifyItem {
  ok: boolean;
  text: string;
}

export interface VerifyResult {
  passed: boolean;
  /** One line: what passed, or the first thing to fix. */
  summary: string;
  items: VerifyItem[];
  /** The checklist results behind a file verification. */
  checks?: CheckResult[];
}

/** Runs the checklist on files (src/core/checks runChecks, offline). */
export type CheckRunner = (input: {paths: string[]; cwd: string}) => Promise<CheckReport>;

/** The learner's answers: one choice index (0-based) per question; undefined = not answered. */
export type QuizAnswers = (number | undefined)[];

export function verifyQuiz(exercise: QuizExercise, answers: QuizAnswers): VerifyResult {
  const items: VerifyItem[] = exercise.questions.map((q, i) => {
    const a = answers[i];
    const choice = a === undefined ? undefined : q.choices[a];
    if (!choice) return {ok: false, text: `Question ${i + 1}: not answered.`};
    if (choice.correct) return {ok: true, text: `Question ${i + 1}: right.`};
    return {ok: false, text: `Question ${i + 1}: "${choice.text}" — ${choice.explanation ?? 'not this one.'}`};
  });
  const wrong = items.filter((i) => !i.ok).length;
  return {
    passed: wrong === 0,
    summary:
      wrong === 0 ? `All ${items.length} answers are right.` : `${items.length - wrong} of ${items.length} right.`,
    items,
  };
}

/**
 * What a quiz retry keeps of a try: the right answers, the wrong and missing ones left out (undefined), so the retry
 * asks only those (questionsToAsk). A passed quiz keeps nothing: answering it again asks every question.
 */
export function keepRightAnswers(answers: QuizAnswers, result: VerifyResult): QuizAnswers | undefined {
  if (result.passed) return undefined;
  return answers.map((a, i) => (result.items[i]?.ok ? a : undefined));
}

/** The questions to ask, in order: those without a kept answer (every question on a first try). */
export function questionsToAsk(exercise: QuizExercise, kept: QuizAnswers | undefined): number[] {
  const all = exercise.questions.map((_q, i) => i);
  const open = all.filter((i) => kept?.[i] === undefined);
  return open.length ? open : all;
}

/** Parses "b,a,c" / "2,1,3" / "b a c" into 0-based indexes. Letters a-z or 1-based numbers. */
export function parseAnswers(text: string): QuizAnswers | {error: string} {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  const out: QuizAnswers = [];
  for (const p of parts) {
    if (/^[a-z]$/i.test(p)) out.push(p.toLowerCase().charCodeAt(0) - 97);
    else if (/^\d+$/.test(p) && Number(p) >= 1) out.push(Number(p) - 1);
    else
      return {
        error: `"${p}" is not an answer: use letters (a, b, c) or numbers (1, 2, 3), one per question, e.g. --answers a,c,b`,
      };
  }
  return out;
}

/** Requires every expected check id to pass on the files; a missing file fails before any check. */
export async function verifyFiles(
  expect: CheckExpectation,
  files: string[],
  cwd: string,
  runChecks: CheckRunner,
): Promise<VerifyResult> {
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) {
    return {
      passed: false,
      summary: `Missing: ${missing.join(', ')}. Reset the exercise to get the starting files back.`,
      items: missing.map((f) => ({ok: false, text: `${f} does not exist.`})),
    };
  }
  const report = await runChecks({paths: files, cwd});
  const items: VerifyItem[] = expect.pass.map((id) => {
    const found = report.checks.filter((c) => c.id === id);
    const bad = found.find((c) => c.status !== 'pass');
    if (found.length === 0) return {ok: false, text: `${id}: the checklist did not report it.`};
    if (bad) {
      const where = bad.file ? ` (${bad.file.split(/[\\/]/).pop()}${bad.line ? `:${bad.line}` : ''})` : '';
      return {
        ok: false,
        text: `${bad.title} [${id}, ${bad.status}]${where}: ${bad.message}${bad.fix ? ` Fix: ${bad.fix}` : ''}`,
      };
    }
    return {ok: true, text: `${found[0]!.title} [${id}]`};
  });
  const failing = items.filter((i) => !i.ok);
  return {
    passed: failing.length === 0,
    summary:
      failing.length === 0
        ? `All ${items.length} checks pass.`
        : `${failing.length} of ${items.length} checks still fail.`,
    items,
    checks: report.checks.filter((c) => expect.pass.includes(c.id)),
  };
}

interface RunState {
  run: RunRecord;
  stage?: string;
  log?: string[];
}

async function runState(target: LearnTarget, run: RunRecord, withLog: boolean): Promise<RunState> {
  if (!run.jobId) return {run};
  const job = await readJob(target, run.jobId, run.namespace);
  if (!job) return {run};
  const state: RunState = {run, stage: job.status.stage};
  if (withLog) state.log = await followLog(target, run.jobId, 5000, undefined, run.namespace);
  return state;
}

const is403 = (s: RunState) =>
  s.run.refused?.status === 403 || (s.stage === 'ERROR' && (s.log ?? []).some((l) => /\b403\b/.test(l)));

async function datasetFiles(target: LearnTarget, repo: string): Promise<string[]> {
  const client = createHubClient({hubUrl: target.hubUrl, accessToken: target.tokens.write});
  const names: string[] = [];
  try {
    for await (const f of client.listFiles({type: 'dataset', name: `${target.user}/${repo}`}, {recursive: true})) {
      if (f.type === 'file' && f.path !== '.gitattributes') names.push(f.path);
    }
  } catch {
    return [];
  }
  return names;
}

/**
 * The real-tools exercise: a job submitted from outside the tutorial (hf, Python, MCP: no label of this app) that got
 * HF_TOKEN as a secret, not as a plain env value, COMPLETED, and the dataset got its files.
 */
async function verifyOutsideJob(target: LearnTarget, repo: string): Promise<VerifyItem[]> {
  const client = createHubClient({hubUrl: target.hubUrl, accessToken: target.tokens.write});
  let jobs: HubJob[];
  try {
    jobs = await client.listJobs(target.user);
  } catch (error) {
    return [{ok: false, text: `Could not list the sandbox's jobs (${(error as Error).message.split('\n')[0]}).`}];
  }
  const outside = jobs.filter((j) => !submittedByThisApp(j));
  if (outside.length === 0)
    return [
      {
        ok: false,
        text: `No job from outside the tutorial yet: run the hf command from the lesson in another terminal, against ${target.hubUrl}.`,
      },
    ];
  const named = (list: unknown) =>
    Array.isArray(list) ? list.map(String) : Object.keys((list ?? {}) as Record<string, unknown>);
  const asSecret = outside.filter((j) => named(j.secrets).includes('HF_TOKEN'));
  const inEnv = outside.find((j) => named(j.environment).includes('HF_TOKEN'));
  const items: VerifyItem[] = [
    {ok: true, text: `${outside.length} job${outside.length === 1 ? '' : 's'} submitted from outside the tutorial.`},
  ];
  if (asSecret.length === 0) {
    items.push({
      ok: false,
      text: inEnv
        ? `Job ${inEnv.id} got HF_TOKEN with -e (a plain value, shown in the job's details): use --secrets HF_TOKEN.`
        : 'No outside job got HF_TOKEN: add --secrets HF_TOKEN.',
    });
    return items;
  }
  items.push({ok: true, text: 'HF_TOKEN went to the job as a secret (--secrets HF_TOKEN).'});
  const done = asSecret.find((j) => String(j.status.stage) === 'COMPLETED');
  if (!done) {
    const last = asSecret[0]!;
    items.push({
      ok: false,
      // The Hub's words: one line, masked, no escape sequence.
      text: `Job ${sanitizeLine(String(last.id))} has not completed (${sanitizeLine(String(last.status.stage))}${last.status.message ? `: ${sanitizeLine(redactSecrets(String(last.status.message)))}` : ''}): \`hf jobs logs ${sanitizeLine(String(last.id))}\` says why.`,
    });
    return items;
  }
  items.push({ok: true, text: `Job ${done.id} completed.`});
  // How it was sent: hf 1.13+ uploads the script to the bucket {you}/jobs-artifacts and mounts its folder at /data.
  const volumes = ((done as {volumes?: unknown}).volumes ?? []) as {
    type?: string;
    source?: string;
    mountPath?: string;
    path?: string;
  }[];
  const artifacts = Array.isArray(volumes)
    ? volumes.find((v) => v.type === 'bucket' && v.source === `${target.user}/jobs-artifacts`)
    : undefined;
  items.push({
    ok: true,
    text: artifacts
      ? `It was sent as \`hf jobs uv run\` sends it: the script uploaded to the bucket ${target.user}/jobs-artifacts (folder ${artifacts.path ?? '?'}), mounted at ${artifacts.mountPath ?? '/data'}.`
      : 'It carried its script inline (an older hf, run_job or the MCP tool): hf 1.13 and later upload it to the bucket jobs-artifacts and mount it at /data instead.',
  });
  const names = await datasetFiles(target, repo);
  items.push(
    names.length
      ? {ok: true, text: `datasets/${target.user}/${repo} has ${names.join(', ')}.`}
      : {ok: false, text: `datasets/${target.user}/${repo} has no files: the job did not push anything.`},
  );
  return items;
}

/** Live exercises: decided by the jobs this learner ran (progress) and what the sandbox says about them. */
export async function verifyLive(
  exercise: LiveExercise,
  runs: RunRecord[],
  target: LearnTarget,
  files: {paths: string[]; cwd: string; runChecks: CheckRunner},
): Promise<VerifyResult> {
  const items: VerifyItem[] = [];
  let fileResult: VerifyResult | undefined;
  if (exercise.checks) {
    fileResult = await verifyFiles(exercise.checks, files.paths, files.cwd, files.runChecks);
    items.push(...fileResult.items);
  }
  const v = exercise.verify;
  const states = await Promise.all(
    runs.map((r) => runState(target, r, v.type === 'forbidden-then-fixed' && r.token === v.token)),
  );
  const completed = states.filter((s) => s.stage === 'COMPLETED');
  if (runs.length === 0 && v.type !== 'cli-job')
    items.push({ok: false, text: 'No job run yet for this exercise: press r to run one.'});
  switch (v.type) {
    case 'job-completed': {
      const good = completed.find((s) => s.run.token === v.token);
      if (good) items.push({ok: true, text: `A job run with the ${v.token} token completed (${good.run.jobId}).`});
      else {
        const other = completed.map((s) => s.run.token);
        const failed = states.filter((s) => s.run.token === v.token && s.stage !== 'COMPLETED');
        const text = other.length
          ? `Jobs completed with the ${[...new Set(other)].join(' and ')} token, but a token with fewer permissions can do this job. Which one has exactly what it needs?`
          : failed.length
            ? `The ${v.token} token's run did not complete yet (${failed[0]!.stage ?? failed[0]!.run.refused?.message ?? 'no job'}).`
            : 'No completed job yet.';
        if (runs.length) items.push({ok: false, text});
      }
      break;
    }
    case 'forbidden-then-fixed': {
      const first403 = states.find((s) => s.run.token === v.token && is403(s));
      if (!first403) {
        if (runs.length) items.push({ok: false, text: `No 403 yet: run the job with the ${v.token} token first.`});
      } else {
        items.push({
          ok: true,
          text: `The ${v.token} token got a 403${first403.run.refused ? ' when starting the job' : ' inside the job'}.`,
        });
        const fixed = completed.find((s) => s.run.at > first403.run.at);
        items.push(
          fixed
            ? {ok: true, text: `Then a job run with the ${fixed.run.token} token completed.`}
            : {ok: false, text: 'Now run it with a token that is allowed, until it completes.'},
        );
      }
      break;
    }
    case 'refused-then-fixed': {
      const refused = states.find((s) => s.run.refused?.status === v.status);
      if (!refused) {
        if (runs.length)
          items.push({
            ok: false,
            text: `No run was refused with ${v.status} yet: run the job as the exercise's hf-job.json says first.`,
          });
      } else {
        items.push({
          ok: true,
          text: `The Hub refused to start the job with ${v.status}${refused.run.namespace ? ` under ${refused.run.namespace}` : ''}.`,
        });
        const fixed = completed.find((s) => s.run.at > refused.run.at);
        items.push(
          fixed
            ? {
                ok: true,
                text: `Then a job run${fixed.run.namespace ? ` under ${fixed.run.namespace}` : ''} completed (${fixed.run.jobId}).`,
              }
            : {ok: false, text: 'Now fix hf-job.json and run it again, until it completes.'},
        );
      }
      break;
    }
    case 'dataset-pushed': {
      const last = states[states.length - 1];
      if (completed.length === 0) {
        if (last)
          items.push({
            ok: false,
            text: `No run completed yet; the last one ${last.run.refused ? `was refused: ${last.run.refused.message}` : `ended ${last.stage ?? 'unknown'}`}. Its log says why.`,
          });
      } else {
        items.push({ok: true, text: `A job completed (${completed[completed.length - 1]!.run.jobId}).`});
        const names = await datasetFiles(target, v.repo);
        items.push(
          names.length
            ? {ok: true, text: `datasets/${target.user}/${v.repo} has ${names.join(', ')}.`}
            : {ok: false, text: `datasets/${target.user}/${v.repo} has no files: the job did not push anything.`},
        );
      }
      break;
    }
    case 'cli-job':
      items.push(...(await verifyOutsideJob(target, v.repo)));
      break;
  }
  const failing = items.filter((i) => !i.ok);
  return {
    passed: failing.length === 0 && items.length > 0,
    summary: failing.length === 0 ? 'Done: the sandbox shows exactly what was asked.' : failing[0]!.text,
    items,
    ...(fileResult?.checks ? {checks: fileResult.checks} : {}),
  };
}

export function isFileExercise(e: Exercise): e is Exclude<Exercise, QuizExercise> {
  return e.kind !== 'quiz';
}
