// The app's Hub client over @huggingface/hub, which it loads on the first call (hubLib(): core/hub/lib.ts, named
// re-exports, so esbuild still tree-shakes it); importing this module costs no library parse.
// Every call goes to `hubUrl` with `accessToken`; nothing here reads the environment.
import type {getJob, listFiles, listJobHardware, runJob, RepoDesignation} from '@huggingface/hub';
import {sanitizeLine} from '../text/sanitize.js';
import type {WhoAmIResponse} from '../tokens/classify.js';
import {InvalidHubResponseError, MissingTokenError} from './error-types.js';
import {AnswerTooLargeError, fetchWithBoundedBody} from './bounded-body.js';
import {networkDefaults} from './network.js';
import {fetchWithRetry, type RetryOptions} from './retry.js';

// Defined without the Hub client (error-types.ts) so offline paths can recognise them; re-exported for callers.
export {InvalidHubResponseError, MissingTokenError};
export {RESPONSE_TIMEOUT_MS, networkTimeoutMs, setNetworkDefaults} from './network.js';

let lib: Promise<typeof import('./lib.js')> | undefined;
/** @huggingface/hub, loaded on the first call that needs it (core/hub/lib.ts), then shared. */
export function hubLib(): Promise<typeof import('./lib.js')> {
  return (lib ??= import('./lib.js'));
}

export type HubJob = Awaited<ReturnType<typeof getJob>>;
export type HubJobSpec = Omit<
  Parameters<typeof runJob>[0],
  'namespace' | 'hubUrl' | 'fetch' | 'accessToken' | 'credentials'
>;
export type HubJobHardware = Awaited<ReturnType<typeof listJobHardware>>[number];
export type HubFileEntry = ListFilesEntry;
type ListFilesEntry = ReturnType<typeof listFiles> extends AsyncGenerator<infer T> ? T : never;
export type {RepoDesignation};

export interface HubClientOptions {
  /** e.g. `https://huggingface.co` or the sandbox URL; a trailing slash is removed. */
  hubUrl: string;
  accessToken?: string;
  /** Injected for special transports only; tests use a real sandbox instead. */
  fetch?: typeof fetch;
  /** Give up when a response's headers take longer than this (default RESPONSE_TIMEOUT_MS). Bodies (log streams) are not limited. */
  responseTimeoutMs?: number;
  /** Retries of idempotent calls (core/hub/retry.ts); default: the process's network defaults. */
  retry?: RetryOptions;
}

/** fetch that aborts with a TimeoutError when the headers do not arrive within `ms` (the caller's own signal still works). */
function fetchWithResponseTimeout(f: typeof fetch, ms: number): typeof fetch {
  return async (input, init) => {
    const timer = new AbortController();
    const timeout = setTimeout(
      () =>
        timer.abort(
          new DOMException(
            `No answer within ${ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`}`,
            'TimeoutError',
          ),
        ),
      ms,
    );
    try {
      return await f(input, {
        ...init,
        signal: init?.signal ? AbortSignal.any([init.signal, timer.signal]) : timer.signal,
      });
    } finally {
      clearTimeout(timeout);
    }
  };
}

/**
 * whoami's answer with every string (and key) one line of visible text: the account, its orgs, the token's name and
 * scopes are printed by every command and screen. A hostile Hub's name held an OSC 52 clipboard write and a screen
 * clear, which the wizard printed raw ("Continue as …", the token's verdict, the fixes); `login` and `status` cleaned
 * them only where they print. No Hub name has a control character, so nothing real changes.
 */
function shownStrings(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return sanitizeLine(value);
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => shownStrings(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [sanitizeLine(k), shownStrings(v, depth + 1)] as const),
  );
}

function looksLikeWhoAmI(value: unknown): value is WhoAmIResponse {
  return typeof value === 'object' && value !== null && typeof (value as {name?: unknown}).name === 'string';
}

export interface HubClient {
  readonly hubUrl: string;
  whoAmI(): Promise<WhoAmIResponse>;
  repoExists(repo: RepoDesignation): Promise<boolean>;
  /** Resolves when the token can read the repo; throws HubApiError (401/403/404) otherwise. */
  checkRepoAccess(repo: RepoDesignation): Promise<void>;
  createRepo(repo: RepoDesignation, options?: {private?: boolean}): Promise<{repoUrl: string; id: string}>;
  listFiles(
    repo: RepoDesignation,
    options?: {recursive?: boolean; path?: string; revision?: string},
  ): AsyncGenerator<HubFileEntry>;
  runJob(namespace: string, spec: HubJobSpec): Promise<HubJob>;
  getJob(namespace: string, jobId: string): Promise<HubJob>;
  listJobs(namespace: string): Promise<HubJob[]>;
  cancelJob(namespace: string, jobId: string): Promise<HubJob>;
  streamJobLogs(namespace: string, jobId: string): AsyncGenerator<{message: string; timestamp: Date}>;
  listJobHardware(): Promise<HubJobHardware[]>;
  /** The newest commit's id on the repo's default branch (undefined: no commit, or the repo is not there). */
  latestCommit(repo: RepoDesignation): Promise<string | undefined>;
}

export function createHubClient(options: HubClientOptions): HubClient {
  const hubUrl = options.hubUrl.replace(/\/+$/, '');
  // Each try has its own response timeout; idempotent calls are retried on 429/5xx/resets (core/hub/retry.ts).
  const timedFetch = fetchWithRetry(
    fetchWithResponseTimeout(
      // A body must also finish within the response timeout after its headers (log streams excepted).
      fetchWithBoundedBody(
        options.fetch ?? fetch,
        undefined,
        options.responseTimeoutMs ?? networkDefaults.responseTimeoutMs,
      ),
      options.responseTimeoutMs ?? networkDefaults.responseTimeoutMs,
    ),
    options.retry ?? networkDefaults.retry,
  );
  const base = {hubUrl, fetch: timedFetch};
  const token = options.accessToken;
  const auth = (what: string): {accessToken: string} => {
    if (!token) throw new MissingTokenError(what);
    return {accessToken: token};
  };
  const optionalAuth = token ? {accessToken: token} : {};

  return {
    hubUrl,
    async whoAmI() {
      // Remember the answer: when the library then fails on it, the server answered 2xx with something else than the Hub's JSON.
      let answered: Response | undefined;
      const recording: typeof fetch = async (input, init) => (answered = await timedFetch(input, init));
      const invalid = () =>
        new InvalidHubResponseError(`${hubUrl}/api/whoami-v2`, answered?.headers.get('content-type') ?? undefined);
      let who: unknown;
      try {
        const {whoAmI} = await hubLib();
        who = await whoAmI({...base, fetch: recording, ...auth('check who you are')});
      } catch (error) {
        // Too large or too slow is said as such; any other failure on a 2xx is an answer that is not the Hub's.
        if (answered?.ok && !(error instanceof AnswerTooLargeError) && (error as Error)?.name !== 'TimeoutError')
          throw invalid();
        throw error;
      }
      who = shownStrings(who);
      if (!looksLikeWhoAmI(who)) throw invalid();
      return who;
    },
    repoExists: async (repo) => (await hubLib()).repoExists({...base, ...optionalAuth, repo}),
    checkRepoAccess: async (repo) => (await hubLib()).checkRepoAccess({...base, ...optionalAuth, repo}),
    createRepo: async (repo, opts = {}) =>
      (await hubLib()).createRepo({
        ...base,
        ...auth('create a repo'),
        repo,
        ...(opts.private !== undefined ? {private: opts.private} : {}),
      }),
    listFiles: async function* (repo, opts = {}) {
      yield* (await hubLib()).listFiles({...base, ...optionalAuth, repo, ...opts});
    },
    runJob: async (namespace, spec) => (await hubLib()).runJob({...base, ...auth('run a job'), namespace, ...spec}),
    getJob: async (namespace, jobId) => (await hubLib()).getJob({...base, ...auth('read a job'), namespace, jobId}),
    listJobs: async (namespace) => (await hubLib()).listJobs({...base, ...auth('list jobs'), namespace}),
    cancelJob: async (namespace, jobId) =>
      (await hubLib()).cancelJob({...base, ...auth('cancel a job'), namespace, jobId}),
    streamJobLogs: async function* (namespace, jobId) {
      const logsAuth = auth('read job logs');
      yield* (await hubLib()).streamJobLogs({...base, ...logsAuth, namespace, jobId});
    },
    listJobHardware: async () => (await hubLib()).listJobHardware({...base, ...optionalAuth}),
    latestCommit: async (repo) => {
      const {listCommits} = await hubLib();
      for await (const c of listCommits({...base, ...optionalAuth, repo, batchSize: 1})) return c.oid;
      return undefined;
    },
  };
}
