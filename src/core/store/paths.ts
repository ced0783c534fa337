// Where huggingface_hub keeps its login (constants.py): HF_TOKEN_PATH, else $HF_HOME/token; stored_tokens is its sibling.
import {homedir} from 'node:os';
import {dirname, join} from 'node:path';
import {isOwnSandbox, isSandboxEndpoint} from '../practice.js';

export type Env = Record<string, string | undefined>;

export interface HfPaths {
  hfHome: string;
  tokenPath: string;
  /** Always the sibling of the token file (not separately configurable, like huggingface_hub). */
  storedTokensPath: string;
}

/**
 * The home folder, as Python's expanduser finds it: HOME when it is set, else the account's. An empty HOME is the root, as there
 * (`'' + '/.cache'`), so the token stays where hf and huggingface_hub read it instead of landing in a relative
 * `.cache` under whatever folder the app was started in (Node's homedir() is '' then).
 */
export function homeDir(env: Env): string {
  if (env.HOME !== undefined) return env.HOME || '/';
  return env.USERPROFILE || homedir() || '/';
}

/** Python's expanduser + expandvars, enough for `~/x`, `$VAR/x`, `${VAR}/x`. Unknown variables stay as written. */
export function expandPath(path: string, env: Env): string {
  let p = path;
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) p = homeDir(env) + p.slice(1);
  return p.replace(/\$(\w+)|\$\{([^}]+)\}/g, (match, a: string | undefined, b: string | undefined) => {
    const value = env[(a ?? b) as string];
    return value === undefined ? match : value;
  });
}

export function cacheHome(env: Env): string {
  return expandPath(env.XDG_CACHE_HOME || join(homeDir(env), '.cache'), env);
}

export function resolveHfHome(env: Env): string {
  return expandPath(env.HF_HOME || join(cacheHome(env), 'huggingface'), env);
}

export function resolveHfPaths(env: Env): HfPaths {
  const hfHome = resolveHfHome(env);
  const tokenPath = expandPath(env.HF_TOKEN_PATH || join(hfHome, 'token'), env);
  return {hfHome, tokenPath, storedTokensPath: join(dirname(tokenPath), 'stored_tokens')};
}

/**
 * The HF_HOME sandbox mode uses, so practice tokens never touch the real login:
 * `<sandboxDataDir>/hf-home` when a data dir is given, else `${XDG_CACHE_HOME:-~/.cache}/hf-jobs-wizard/sandbox-home`.
 */
export function sandboxHfHome(env: Env, sandboxDataDir?: string): string {
  if (sandboxDataDir) return join(sandboxDataDir, 'hf-home');
  return join(cacheHome(env), 'hf-jobs-wizard', 'sandbox-home');
}

/**
 * A copy of env for sandbox mode: HF_HOME points at the sandbox home, and the real HF_TOKEN,
 * HUGGING_FACE_HUB_TOKEN and HF_TOKEN_PATH are dropped so nothing real leaks into practice (or the reverse).
 */
export function sandboxEnv(env: Env, sandboxDataDir?: string): Env {
  const out: Env = {...env, HF_HOME: sandboxHfHome(env, sandboxDataDir)};
  delete out.HF_TOKEN;
  delete out.HUGGING_FACE_HUB_TOKEN;
  delete out.HF_TOKEN_PATH;
  return out;
}

/**
 * The environment a Hub's login is read from and saved to. A sandbox Hub reached by its URL (`--endpoint` or
 * HF_ENDPOINT at an address on this machine, e.g. a workshop's shared sandbox) keeps its logins in the sandbox home
 * (`sandboxHfHome(env)`), so a practice login never replaces the huggingface.co token that hf and huggingface_hub read
 * from $HF_HOME/token; the app's own sandbox (core/practice.ts isOwnSandbox: its URL recorded in the folder `--sandbox`
 * uses) in the same home as `--sandbox` (`<that folder>/hf-home`), so both see one login. HF_TOKEN still counts there
 * (the sandbox's guide exports it for that Hub on purpose); HF_TOKEN_PATH, which names the real login's file, does not.
 * Any other endpoint: env as it is.
 */
export function envForEndpoint(env: Env, endpoint: string): Env {
  if (!isSandboxEndpoint(endpoint)) return env;
  const own = isOwnSandbox(endpoint) ? join(cacheHome(env), 'hf-jobs-wizard', 'sandbox-data') : undefined;
  const out: Env = {...env, HF_HOME: sandboxHfHome(env, own)};
  delete out.HF_TOKEN_PATH;
  return out;
}
