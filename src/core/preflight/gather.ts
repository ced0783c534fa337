// Gathers the facts pre-flight decides on (whoami-v2, the Jobs auth check, the hardware price list), in parallel
// and each bounded in time, then returns preflight()'s report. A fact that cannot be had becomes a warning line;
// only whoami is required (without it there is no token to judge) and its failure is thrown as a Hub error.
import {createHubClient} from '../hub/client.js';
import {isHubApiError} from '../hub/error-types.js';
import {describeHubError} from '../hub/errors.js';
import {jobsAuthCheck} from '../hub/extra-routes.js';
import {
  preflight,
  type AuthCheckResult,
  type HardwarePrice,
  type PlannedJob,
  type PreflightReport,
  type WhoAmIBilling,
} from './preflight.js';

export interface GatherOptions {
  hubUrl: string;
  accessToken: string;
  job: PlannedJob;
  sandbox?: boolean;
  fetch?: typeof fetch;
  /** Per request; default 10 s (pre-flight must not hold the user up for long). */
  timeoutMs?: number;
}

async function askAuthCheck(options: GatherOptions, timeoutMs: number): Promise<AuthCheckResult> {
  try {
    await jobsAuthCheck(
      {
        hubUrl: options.hubUrl,
        accessToken: options.accessToken,
        timeoutMs,
        ...(options.fetch ? {fetch: options.fetch} : {}),
      },
      options.job.namespace,
      'write',
    );
    return {ok: true};
  } catch (error) {
    if (isHubApiError(error) && (error.statusCode === 401 || error.statusCode === 403)) {
      const text = describeHubError(error, {endpoint: options.hubUrl, secrets: [options.accessToken]});
      return {ok: false, status: error.statusCode, message: text.serverMessage ?? text.message};
    }
    if (isHubApiError(error) && (error.statusCode === 404 || error.statusCode === 501))
      return {unavailable: 'this Hub does not answer the auth check'};
    return {unavailable: describeHubError(error, {endpoint: options.hubUrl, secrets: [options.accessToken]}).message};
  }
}

export async function gatherPreflight(options: GatherOptions): Promise<PreflightReport> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const client = createHubClient({
    hubUrl: options.hubUrl,
    accessToken: options.accessToken,
    responseTimeoutMs: timeoutMs,
    ...(options.fetch ? {fetch: options.fetch} : {}),
  });
  const [who, authCheck, hardware] = await Promise.all([
    client.whoAmI(),
    askAuthCheck(options, timeoutMs),
    client.listJobHardware().then(
      (list) => list as unknown as HardwarePrice[],
      () => undefined,
    ),
  ]);
  return preflight({
    who: who as WhoAmIBilling,
    job: options.job,
    authCheck,
    ...(hardware ? {hardware} : {}),
    sandbox: Boolean(options.sandbox),
  });
}
