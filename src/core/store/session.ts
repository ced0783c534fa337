// Login and logout on disk, the way `hf auth login` / `hf auth logout` leave the files.
import {resolveHfPaths, type Env, type HfPaths} from './paths.js';
import {envTokenSource, type TokenSource} from './resolve.js';
import {readStoredTokens, removeStoredToken, saveStoredToken, type StoredTokensWrite} from './stored-tokens.js';
import {readTokenFile, removeFile, writeTokenFile} from './token-file.js';

export interface SaveLoginInput {
  /** stored_tokens section name: the token's displayName, or `oauth-<user>`. */
  name: string;
  token: string;
  /** OAuth extras, written like huggingface_hub: refresh_token, expires_at (unix seconds). */
  refreshToken?: string;
  expiresAt?: number;
}

export interface SaveLoginResult extends StoredTokensWrite {
  paths: HfPaths;
  name: string;
  /** Set when an env var will still win over the token just saved. */
  shadowedBy?: TokenSource;
}

/** Writes stored_tokens (section `name`) and then the token file, both 0600 in a 0700 folder. */
export async function saveLogin(env: Env, input: SaveLoginInput): Promise<SaveLoginResult> {
  const paths = resolveHfPaths(env);
  const extra: Record<string, string> = {};
  if (input.refreshToken) extra.refresh_token = input.refreshToken;
  if (input.expiresAt !== undefined) extra.expires_at = String(Math.floor(input.expiresAt));
  const write = await saveStoredToken(paths.storedTokensPath, input.name, input.token, extra);
  await writeTokenFile(paths.tokenPath, input.token);
  const result: SaveLoginResult = {...write, paths, name: input.name};
  const fromEnv = envTokenSource(env);
  if (fromEnv && fromEnv.token !== input.token) result.shadowedBy = fromEnv.source;
  return result;
}

export type LogoutResult =
  | {status: 'not-logged-in'; paths: HfPaths; stillLoggedInVia?: TokenSource}
  | {status: 'not-found'; paths: HfPaths; name: string; available: string[]; problem?: string; stillLoggedInVia?: TokenSource}
  | {status: 'logged-out-all'; paths: HfPaths; removedFiles: string[]; stillLoggedInVia?: TokenSource}
  | {status: 'logged-out-name'; paths: HfPaths; name: string; wasActive: boolean; backedUpTo?: string; stillLoggedInVia?: TokenSource};

/**
 * Without a name: removes the token file and stored_tokens (like `hf auth logout`).
 * With a name: removes that section, and the token file too if it held that token.
 * `stillLoggedInVia` says an env var keeps you logged in anyway.
 */
export async function logout(env: Env, name?: string): Promise<LogoutResult> {
  const paths = resolveHfPaths(env);
  const fromEnv = envTokenSource(env);
  const via = fromEnv ? {stillLoggedInVia: fromEnv.source} : {};
  const fileToken = await readTokenFile(paths.tokenPath);
  if (name === undefined) {
    const removedFiles: string[] = [];
    if (await removeFile(paths.tokenPath)) removedFiles.push(paths.tokenPath);
    if (await removeFile(paths.storedTokensPath)) removedFiles.push(paths.storedTokensPath);
    if (removedFiles.length === 0) return {status: 'not-logged-in', paths, ...via};
    return {status: 'logged-out-all', paths, removedFiles, ...via};
  }
  const removed = await removeStoredToken(paths.storedTokensPath, name);
  if (!removed.removed) {
    const stored = await readStoredTokens(paths.storedTokensPath);
    const problem = stored.status === 'corrupt' ? `${paths.storedTokensPath} could not be read (${stored.reason}); nothing was changed.` : stored.status === 'unreadable' ? stored.reason : undefined;
    return {status: 'not-found', paths, name, available: stored.tokens.map((t) => t.name), ...(problem ? {problem} : {}), ...via};
  }
  const wasActive = fileToken !== undefined && fileToken === removed.removed.token;
  if (wasActive) await removeFile(paths.tokenPath);
  const out: LogoutResult = {status: 'logged-out-name', paths, name, wasActive, ...via};
  if (removed.backedUpTo) out.backedUpTo = removed.backedUpTo;
  return out;
}
