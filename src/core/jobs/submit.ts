// Submitting a job once, and knowing whether it was: every submit carries a label only this submit has
// (`hf-jobs-wizard.submit`), so when the answer to POST /api/jobs is lost (reset, timeout, truncated JSON) the job is
// looked up by that label and the app says what is true instead of "not submitted" for a job that runs (and bills).
import {randomBytes} from 'node:crypto';
import type {HubClient, HubJob, HubJobSpec} from '../hub/client.js';
import {describeHubError} from '../hub/errors.js';

export const SUBMIT_LABEL = 'hf-jobs-wizard.submit';

export type SubmitResult =
  | {submitted: true; job: HubJob; recovered?: boolean}
  | {submitted: false; error: unknown; message: string}
  | {submitted: 'unknown'; error: unknown; message: string};

/** True when the Hub answered with a status (it refused: nothing was created); false when the answer was lost. */
export function answeredWithStatus(error: unknown, endpoint: string): boolean {
  const d = describeHubError(error, {endpoint});
  return d.status !== undefined && d.status < 500;
}

/** A job id the Hub gives (24 hex digits; any letters, digits, `_`, `.`, `-`): one path segment, one shell word. */
const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
/** A namespace (a user or an org name). */
const OWNER = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,95}$/;

/**
 * The server's answer to a submit, if its job id (and owner) can be used: they go into the URLs the job is followed by
 * and into commands shown to paste (`hf jobs logs -f ID`). An id such as `x; curl …|sh` from a hostile endpoint was
 * shown as a command to run. Otherwise the job may exist but cannot be followed: said as 'unknown'.
 */
export function usableJob(job: HubJob, endpoint: string): SubmitResult {
  const id = (job as {id?: unknown}).id;
  const owner = (job as {owner?: {name?: unknown}}).owner?.name;
  if (
    typeof id === 'string' &&
    JOB_ID.test(id) &&
    (owner === undefined || (typeof owner === 'string' && OWNER.test(owner)))
  )
    return {submitted: true, job};
  const error = new Error(
    `${endpoint} answered the submit with a job ${typeof id === 'string' && JOB_ID.test(id) ? 'owner' : 'id'} that is not one (not letters, digits, '_', '.', '-')`,
  );
  return {submitted: 'unknown', error, message: error.message};
}

/**
 * POST /api/jobs with a unique submit label; on a lost or garbled answer, lists the namespace's jobs (twice, a moment
 * apart) and matches the label. Never throws.
 */
export async function submitJob(
  client: HubClient,
  namespace: string,
  spec: HubJobSpec,
  options: {lookupDelayMs?: number; secrets?: string[]} = {},
): Promise<SubmitResult> {
  const key = randomBytes(8).toString('hex');
  const labelled: HubJobSpec = {...spec, labels: {...(spec.labels ?? {}), [SUBMIT_LABEL]: key}};
  const describe = (error: unknown) =>
    describeHubError(error, {endpoint: client.hubUrl, secrets: options.secrets ?? []}).message;
  try {
    return usableJob(await client.runJob(namespace, labelled), client.hubUrl);
  } catch (error) {
    if (answeredWithStatus(error, client.hubUrl)) return {submitted: false, error, message: describe(error)};
    for (let attempt = 0; attempt < 2; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, options.lookupDelayMs ?? 1000));
      try {
        const found = (await client.listJobs(namespace)).find(
          (j) => (j.labels as Record<string, string> | null | undefined)?.[SUBMIT_LABEL] === key,
        );
        if (found) {
          const usable = usableJob(found, client.hubUrl);
          return usable.submitted === true ? {...usable, recovered: true} : usable;
        }
        if (attempt === 1) return {submitted: false, error, message: describe(error)};
      } catch {
        // The lookup failed too: say we do not know, below.
      }
    }
    return {submitted: 'unknown', error, message: describe(error)};
  }
}
