// Following a submitted job to its end, written once for the wizard, `example` and the lessons: the log stream
// (reopened when it drops, seen lines skipped) gives lines and early stage markers; status polls decide the end, so a
// stalled or broken stream falls back to polling. Every wait is told (onWait within `feedbackMs`) and bounded (`maxMs`).
import {createHubClient, type HubClient} from '../hub/client.js';
import {describeHubError} from '../hub/errors.js';
import {redactLine, redactSecrets} from '../tokens/mask.js';
import {createSplitMasker} from '../tokens/split.js';
import {isTerminal} from './stages.js';

export interface FollowOptions {
  hubUrl: string;
  accessToken: string;
  namespace: string;
  jobId: string;
  /** Masked in every line and message, besides token-shaped text. */
  secrets?: string[];
  onStage?: (stage: string) => void;
  /** Each log line, already masked and sanitised. */
  onLog?: (line: string) => void;
  /** What is being waited for, when nothing else was said for `feedbackMs` (then every 5 x feedbackMs). */
  onWait?: (text: string) => void;
  signal?: AbortSignal;
  /** Between status polls (default 1 s). */
  pollMs?: number;
  /** Silence before onWait (default 2 s). */
  feedbackMs?: number;
  /** Stop following after this long; the job itself keeps running (default 30 min). */
  maxMs?: number;
  /** For tests and special transports only. */
  fetch?: typeof fetch;
}

export interface FollowResult {
  /** The last stage known ('' when none was ever read). */
  stage: string;
  message?: string;
  /** status.cancelReason as the Hub set it (NO_CREDITS, ...), one sanitised word. */
  cancelReason?: string;
  /** The log said the job ended, then its status could not be read (why): a Hub (a sandbox) that stopped answering. */
  statusLost?: string;
  /** The newest MAX_KEPT_LINES lines (one a line: an entry holding line breaks is split). */
  lines: string[];
  /** terminal: the job ended; timeout: maxMs passed first; aborted: the caller's signal. */
  ended: 'terminal' | 'timeout' | 'aborted';
}

const STARTED = /^===== Job started/;
/** Lines kept for the result (the newest): a job (or a hostile server) printing for 30 min must not fill memory. */
export const MAX_KEPT_LINES = 20_000;
const FINISHED = /^===== Job finished: status=([A-Z]+)/;
/** Status polls that fail (each after the client's own retries), once the log said the job finished, before that is
 *  taken as its end. */
const FAILED_POLLS_AFTER_END = 1;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, {once: true});
  });
}

export async function followJob(o: FollowOptions): Promise<FollowResult> {
  const secrets = o.secrets ?? [];
  const pollMs = o.pollMs ?? 1000;
  const feedbackMs = o.feedbackMs ?? 2000;
  const deadline = Date.now() + (o.maxMs ?? 30 * 60_000);
  const stop = new AbortController();
  const onOuterAbort = () => stop.abort();
  o.signal?.addEventListener('abort', onOuterAbort, {once: true});
  const baseFetch = o.fetch ?? fetch;
  const abortable: typeof fetch = (input, init) =>
    baseFetch(input, {...init, signal: init?.signal ? AbortSignal.any([init.signal, stop.signal]) : stop.signal});
  // The stream's request waits for headers like any call; its body is not time-limited (a job may be quiet).
  const logsClient: HubClient = createHubClient({hubUrl: o.hubUrl, accessToken: o.accessToken, fetch: abortable});
  const api: HubClient = createHubClient({hubUrl: o.hubUrl, accessToken: o.accessToken, fetch: abortable});

  let lines: string[] = [];
  /** Lines read so far (kept or not): a reopened stream skips this many. */
  let seen = 0;
  let stage = '';
  let message: string | undefined;
  let cancelReason: string | undefined;
  let statusLost: string | undefined;
  let lastSaid = Date.now();
  let quietFor = feedbackMs;
  const started = Date.now();
  const said = () => {
    lastSaid = Date.now();
    quietFor = feedbackMs;
  };
  const setStage = (next: string) => {
    if (next === stage) return;
    stage = next;
    said();
    o.onStage?.(stage);
  };
  const wait = (text: string) => {
    said();
    quietFor = feedbackMs * 5;
    o.onWait?.(text);
  };
  const feedback = setInterval(
    () => {
      if (Date.now() - lastSaid < quietFor) return;
      const secs = Math.round((Date.now() - started) / 1000);
      wait(
        `Waiting for job ${o.jobId}: ${stage ? `stage ${stage}` : 'no stage read yet'}, ${secs} s so far (it stops being followed after ${Math.round((o.maxMs ?? 30 * 60_000) / 1000)} s).`,
      );
    },
    Math.min(250, feedbackMs),
  );

  // Each line as shown: a token cut between two entries (or by a break inside one) masked whole (core/tokens/split.ts);
  // a line whose end may start a token waits for the next entry, at most a moment.
  const show = (line: string) => {
    const text = redactSecrets(line, secrets);
    if (STARTED.test(text) && (!stage || stage === 'SCHEDULING')) setStage('RUNNING');
    const finished = FINISHED.exec(text);
    if (finished) setStage(finished[1]!);
    lines.push(text);
    if (lines.length >= 2 * MAX_KEPT_LINES) lines = lines.slice(-MAX_KEPT_LINES);
    said();
    o.onLog?.(text);
  };
  const masker = createSplitMasker({onLine: show, secrets});
  const logs = (async () => {
    for (let attempt = 0; attempt < 6 && !stop.signal.aborted; attempt++) {
      let index = 0;
      try {
        for await (const entry of logsClient.streamJobLogs(o.namespace, o.jobId)) {
          // A reopened stream starts again from the first line: skip the ones already shown.
          if (index++ < seen) continue;
          seen++;
          masker.push(String(entry.message ?? ''));
        }
      } catch {
        // A dropped or refused stream: the status polls go on deciding; reopen after a pause.
      }
      masker.flush();
      if (stop.signal.aborted) return;
      await sleep(Math.min(1000 * (attempt + 1), 5000), stop.signal);
    }
  })();

  let ended: FollowResult['ended'] = 'timeout';
  let failures = 0;
  try {
    while (Date.now() < deadline) {
      if (o.signal?.aborted) {
        ended = 'aborted';
        break;
      }
      try {
        const info = await api.getJob(o.namespace, o.jobId);
        failures = 0;
        // The server's word, shown as is: one line, no escape sequence (a hostile stage held a screen clear).
        const polled = redactLine(String(info.status.stage), 64);
        message = info.status.message ?? undefined;
        const reason = (info.status as {cancelReason?: unknown}).cancelReason;
        cancelReason = typeof reason === 'string' && reason ? redactLine(reason, 64) : undefined;
        // A poll answered before the log's marker must not step the stage back.
        const behind = (polled === 'SCHEDULING' && stage === 'RUNNING') || (isTerminal(stage) && !isTerminal(polled));
        if (!behind) setStage(polled);
        if (isTerminal(polled)) {
          ended = 'terminal';
          break;
        }
      } catch (error) {
        if (o.signal?.aborted) {
          ended = 'aborted';
          break;
        }
        failures++;
        const why = describeHubError(error, {endpoint: o.hubUrl, secrets}).message;
        // The log already said the job finished, and the Hub stopped answering (a sandbox stopped mid-run): that is
        // the end, not a wait until the bound.
        if (isTerminal(stage) && failures >= FAILED_POLLS_AFTER_END) {
          statusLost = why;
          wait(`Job ${o.jobId}'s log says it ended ${stage}; its status cannot be read (${why}).`);
          ended = 'terminal';
          break;
        }
        if (failures === 1 || failures % 5 === 0)
          wait(`Could not read job ${o.jobId}'s status (${why}); trying again.`);
      }
      await sleep(
        Math.min(pollMs * (failures > 0 ? Math.min(2 ** failures, 8) : 1), Math.max(0, deadline - Date.now())),
        o.signal,
      );
    }
  } finally {
    clearInterval(feedback);
    // Give the stream a moment to deliver its last lines, then stop it.
    if (ended === 'terminal') await Promise.race([logs, sleep(1500)]);
    stop.abort();
    o.signal?.removeEventListener('abort', onOuterAbort);
    await logs;
    masker.flush();
  }
  if (lines.length > MAX_KEPT_LINES) lines = lines.slice(-MAX_KEPT_LINES);
  return {
    stage,
    ...(message ? {message: redactSecrets(message, secrets)} : {}),
    ...(cancelReason ? {cancelReason} : {}),
    ...(statusLost ? {statusLost} : {}),
    lines,
    ended,
  };
}
