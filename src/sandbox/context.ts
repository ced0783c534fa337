// What every sandbox route handler gets: the request, who is calling, and the sandbox's state.
import type {Accounts, Auth, SandboxToken, SandboxUser} from './accounts.js';
import {HttpError, type RequestContext, type Router} from './http.js';

export interface SandboxCore {
  accounts: Accounts;
  /** Root of all sandbox state on disk (repos, uploads, jobs). */
  dataDir: string;
  /** `http://127.0.0.1:PORT`; known once the server listens, before the first request. */
  baseUrl: string;
  /** Persists accounts/tokens (a no-op cost when nothing changed is fine). */
  saveAccounts(): Promise<void>;
  /** The per-process secret state-changing browser forms must carry (SandboxHandle.formKey). */
  formKey: string;
  /** Extra Host values to accept (SandboxOptions.allowHost). */
  allowHost?: (host: string) => boolean;
  /** SandboxOptions.jobIsolation. */
  jobIsolation?: 'auto' | 'proc';
  /** SandboxOptions.servedByUrl: the commands its pages show carry `--endpoint URL`. */
  servedByUrl?: boolean;
}

/** How the app's commands shown on a page reach this sandbox: `--sandbox` (the app's own), or `--endpoint URL`. */
export function appFlag(sandbox: Pick<SandboxCore, 'servedByUrl' | 'baseUrl'>): string {
  return sandbox.servedByUrl ? `--endpoint ${sandbox.baseUrl}` : '--sandbox';
}

export interface SandboxRequest extends RequestContext {
  auth: Auth;
  sandbox: SandboxCore;
}

export type SandboxRouter = Router<SandboxRequest>;

/** A route module: registers its routes and may return a cleanup run when the sandbox closes. */
export type RouteModule = (router: SandboxRouter, sandbox: SandboxCore) => void | (() => Promise<void> | void);

export const INVALID_CREDENTIALS = 'Invalid credentials in Authorization header';

/** The authenticated user, or the Hub's 401. */
export function requireUser(ctx: SandboxRequest): {user: SandboxUser; token: SandboxToken} {
  if (ctx.auth.kind === 'user') return {user: ctx.auth.user, token: ctx.auth.token};
  throw new HttpError(401, INVALID_CREDENTIALS);
}
