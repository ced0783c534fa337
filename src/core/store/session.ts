// Login and logout on disk, the way `hf auth login` / `hf auth logout` leave the files.
import {readdir} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {removeStaleTemps} from './atomic.js';
import {safeSectionName} from './ini.js';
import {readLoginFile} from './read.js';
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

/**
 * Writes stored_tokens (section `name`, made safe by safeSectionName) and then the token file, both 0600 in a 0700
 * folder. The order matters: interrupted between the two writes, the token file still holds the previous login, which
 * is saved; it never names a token that stored_tokens lacks.
 */
export async function saveLogin(env: Env, input: SaveLoginInput): Promise<SaveLoginResult> {
  const paths = resolveHfPaths(env);
  const name = safeSectionName(input.name);
  const extra: Record<string, string> = {};
  if (input.refreshToken) extra.refresh_token = input.refreshToken;
  if (input.expiresAt !== undefined) extra.expires_at = String(Math.floor(input.expiresAt));
  const write = await saveStoredToken(paths.storedTokensPath, name, input.token, extra);
  await writeTokenFile(paths.tokenPath, input.token);
  const result: SaveLoginResult = {...write, paths, name};
  const fromEnv = envTokenSource(env);
  if (fromEnv && fromEnv.token !== input.token) result.shadowedBy = fromEnv.source;
  return result;
}

/** What logout also cleaned: copies of the token store that hold a removed token. */
export interface LogoutLeftovers {
  /** `stored_tokens.corrupt-*` backups and stale `.token.tmp-*` / `.stored_tokens.tmp-*` files removed. */
  removedCopies?: string[];
  /** Backups that hold other tokens only: kept, and named so the person can decide. */
  keptBackups?: string[];
}

export type LogoutResult = (
  | {status: 'not-logged-in'; paths: HfPaths; stillLoggedInVia?: TokenSource}
  | {
      status: 'not-found';
      paths: HfPaths;
      name: string;
      available: string[];
      problem?: string;
      stillLoggedInVia?: TokenSource;
    }
  | {status: 'logged-out-all'; paths: HfPaths; removedFiles: string[]; stillLoggedInVia?: TokenSource}
  | {
      status: 'logged-out-name';
      paths: HfPaths;
      name: string;
      wasActive: boolean;
      backedUpTo?: string;
      stillLoggedInVia?: TokenSource;
    }
) &
  LogoutLeftovers;

const BACKUP = /^stored_tokens\.corrupt-/;

/**
 * Removes stale temp files of both login files, and the stored_tokens backups that hold one of `tokens` (all of them
 * when `tokens` is 'all'). Backups without those tokens are returned as kept.
 */
async function cleanCopies(paths: HfPaths, tokens: string[] | 'all'): Promise<LogoutLeftovers> {
  const removedCopies = [
    ...(await removeStaleTemps(paths.tokenPath)),
    ...(await removeStaleTemps(paths.storedTokensPath)),
  ];
  const keptBackups: string[] = [];
  const dir = dirname(paths.storedTokensPath);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names
    .filter((n) => BACKUP.test(n) && n.startsWith(`${basename(paths.storedTokensPath)}.`))
    .sort()) {
    const full = join(dir, name);
    const text = await readLoginFile(full).catch(() => undefined);
    if (text === undefined) continue;
    const holds = tokens === 'all' || tokens.some((t) => t !== '' && text.includes(t));
    if (!holds) {
      keptBackups.push(full);
      continue;
    }
    if (await removeFile(full)) removedCopies.push(full);
  }
  const out: LogoutLeftovers = {};
  if (removedCopies.length) out.removedCopies = removedCopies;
  if (keptBackups.length) out.keptBackups = keptBackups;
  return out;
}

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
    // The backups are old copies of the stored_tokens just removed: logging out of everything removes them too.
    const copies = await cleanCopies(paths, 'all');
    if (removedFiles.length === 0 && !copies.removedCopies) return {status: 'not-logged-in', paths, ...via};
    return {status: 'logged-out-all', paths, removedFiles, ...via, ...copies};
  }
  const removed = await removeStoredToken(paths.storedTokensPath, name);
  if (!removed.removed) {
    const stored = await readStoredTokens(paths.storedTokensPath);
    const problem =
      stored.status === 'corrupt'
        ? `${paths.storedTokensPath} could not be read (${stored.reason}); nothing was changed.`
        : stored.status === 'unreadable'
          ? stored.reason
          : undefined;
    return {
      status: 'not-found',
      paths,
      name,
      available: stored.tokens.map((t) => t.name),
      ...(problem ? {problem} : {}),
      ...via,
    };
  }
  const wasActive = fileToken !== undefined && fileToken === removed.removed.token;
  if (wasActive) await removeFile(paths.tokenPath);
  const copies = removed.removed.token ? await cleanCopies(paths, [removed.removed.token]) : {};
  const out: LogoutResult = {status: 'logged-out-name', paths, name, wasActive, ...via, ...copies};
  if (removed.backedUpTo) out.backedUpTo = removed.backedUpTo;
  return out;
}
