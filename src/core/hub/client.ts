// The only app module that imports @huggingface/hub (static named imports, so esbuild tree-shakes it).
// Every call goes to `hubUrl` with `accessToken`; nothing here reads the environment.
import {
  cancelJob,
  checkRepoAccess,
  createRepo,
  getJob,
  listFiles,
  listJobHardware,
  listJobs,
  repoExists,
  runJob,
  streamJobLogs,
  whoAmI,
  type RepoDesignation,
} from '@huggingface/hub';
import type {WhoAmIResponse} from '../tokens/classify.js';

export type HubJob = Awaited<ReturnType<typeof getJob>>;
export type HubJobSpec = Omit<Parameters<typeof runJob>[0], 'namespace' | 'hubUrl' | 'fetch' | 'accessToken' | 'credentials'>;
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
}

/** Thrown before any request when a call needs a token and none was given. */
export class MissingTokenError extends Error {
  constructor(what: string) {
    super(`No token: log in first (hf-jobs-wizard login) to ${what}.`);
    this.name = 'MissingTokenError';
  }
}

export interface HubClient {
  readonly hubUrl: string;
  whoAmI(): Promise<WhoAmIResponse>;
  repoExists(repo: RepoDesignation): Promise<boolean>;
  /** Resolves when the token can read the repo; throws HubApiError (401/403/404) otherwise. */
  checkRepoAccess(repo: RepoDesignation): Promise<void>;
  createRepo(repo: RepoDesignation, options?: {private?: boolean}): Promise<{repoUrl: string; id: string}>;
  listFiles(repo: RepoDesignation, options?: {recursive?: boolean; path?: string; revision?: string}): AsyncGenerator<HubFileEntry>;
  runJob(namespace: string, spec: HubJobSpec): Promise<HubJob>;
  getJob(namespace: string, jobId: string): Promise<HubJob>;
  listJobs(namespace: string): Promise<HubJob[]>;
  cancelJob(namespace: string, jobId: string): Promise<HubJob>;
  streamJobLogs(namespace: string, jobId: string): AsyncGenerator<{message: string; timestamp: Date}>;
  listJobHardware(): Promise<HubJobHardware[]>;
}

export function createHubClient(options: HubClientOptions): HubClient {
  const hubUrl = options.hubUrl.replace(/\/+$/, '');
  const base = options.fetch ? {hubUrl, fetch: options.fetch} : {hubUrl};
  const token = options.accessToken;
  const auth = (what: string): {accessToken: string} => {
    if (!token) throw new MissingTokenError(what);
    return {accessToken: token};
  };
  const optionalAuth = token ? {accessToken: token} : {};

  return {
    hubUrl,
    async whoAmI() {
      const who = await whoAmI({...base, ...auth('check who you are')});
      return who as unknown as WhoAmIResponse;
    },
    repoExists: (repo) => repoExists({...base, ...optionalAuth, repo}),
    checkRepoAccess: (repo) => checkRepoAccess({...base, ...optionalAuth, repo}),
    createRepo: (repo, opts = {}) => createRepo({...base, ...auth('create a repo'), repo, ...(opts.private !== undefined ? {private: opts.private} : {})}),
    listFiles: (repo, opts = {}) => listFiles({...base, ...optionalAuth, repo, ...opts}),
    runJob: (namespace, spec) => runJob({...base, ...auth('run a job'), namespace, ...spec}),
    getJob: (namespace, jobId) => getJob({...base, ...auth('read a job'), namespace, jobId}),
    listJobs: (namespace) => listJobs({...base, ...auth('list jobs'), namespace}),
    cancelJob: (namespace, jobId) => cancelJob({...base, ...auth('cancel a job'), namespace, jobId}),
    streamJobLogs: (namespace, jobId) => streamJobLogs({...base, ...auth('read job logs'), namespace, jobId}),
    listJobHardware: () => listJobHardware({...base, ...optionalAuth}),
  };
}
