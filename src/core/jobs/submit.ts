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
    return {submitted: true, job: await client.runJob(namespace, labelled)};
  } catch (error) {
    if (answeredWithStatus(error, client.hubUrl)) return {submitted: false, error, message: describe(error)};
    for (let attempt = 0; attempt < 2; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, options.lookupDelayMs ?? 1000));
      try {
        const found = (await client.listJobs(namespace)).find(
          (j) => (j.labels as Record<string, string> | null | undefined)?.[SUBMIT_LABEL] === key,
        );
        if (found) return {submitted: true, job: found, recovered: true};
        if (attempt === 1) return {submitted: false, error, message: describe(error)};
      } catch {
        // The lookup failed too: say we do not know, below.
      }
    }
    return {submitted: 'unknown', error, message: describe(error)};
  }
}
