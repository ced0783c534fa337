// Which Hub a command talks to: --sandbox (the persistent practice sandbox with its own HF_HOME), else --endpoint,
// else HF_ENDPOINT, else huggingface.co. One place for the flag rules and for opening/closing the sandbox.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {defaultSandboxDataDir, type SandboxSession} from '../core/auth/sandbox-session.js';
import {isSandboxEndpoint, rememberOwnSandbox} from '../core/practice.js';
import {resolveEndpoint} from '../core/endpoint.js';
import {envForEndpoint, sandboxEnv, type Env} from '../core/store/paths.js';

export interface TargetFlags {
  sandbox?: boolean;
  endpoint?: string;
}

export interface HubTarget {
  endpoint: string;
  /** The environment token resolution should read: the sandbox's own HF_HOME in sandbox mode, the sandbox home for a
   *  sandbox reached by URL (core/store/paths.ts envForEndpoint). */
  env: Env;
  sandbox?: SandboxSession;
  close(): Promise<void>;
}

/** A one-line usage problem with --sandbox / --endpoint, or undefined when they are fine. */
export function targetFlagProblem(flags: TargetFlags): string | undefined {
  if (flags.sandbox && flags.endpoint !== undefined)
    return '--sandbox and --endpoint cannot be combined: the sandbox is its own endpoint.';
  if (flags.endpoint !== undefined && !/^https?:\/\/\S+$/.test(flags.endpoint))
    return `--endpoint must be an http(s) URL, got "${flags.endpoint}".`;
  return undefined;
}

/**
 * The app's own sandbox, as its state file says (`owner.json` in the folder `--sandbox` uses, written by the process
 * serving it): its URL is remembered so fixes name `--sandbox` for it, also when it was reached by --endpoint or came
 * in a pasted error; any other local URL is named as `--endpoint URL` (core/practice.ts isOwnSandbox). No file, no URL.
 */
export function rememberRecordedSandbox(env: Env): void {
  try {
    const record = JSON.parse(readFileSync(join(defaultSandboxDataDir(env), 'owner.json'), 'utf8')) as {url?: unknown};
    if (typeof record.url === 'string' && isSandboxEndpoint(record.url)) rememberOwnSandbox(record.url);
  } catch {
    // No sandbox of this user's recorded (or not readable): nothing to remember.
  }
}

/** Starts the in-process sandbox (imported only here, when asked: off the huggingface.co path) with its own HF_HOME. */
export async function openSandboxSession(env: Env, options: {dataDir?: string} = {}): Promise<SandboxSession> {
  const dataDir = options.dataDir ?? defaultSandboxDataDir(env);
  const {startSandbox} = await import('../sandbox/index.js');
  const sandbox = await startSandbox({dataDir});
  rememberOwnSandbox(sandbox.url);
  return {
    endpoint: sandbox.url,
    env: sandboxEnv(env, dataDir),
    tokens: sandbox.tokens,
    users: sandbox.users,
    dataDir: sandbox.dataDir,
    formKey: sandbox.formKey,
    ...(sandbox.ownerPid !== undefined ? {servedElsewhere: true} : {}),
    close: () => sandbox.close(),
  };
}

export async function openHubTarget(flags: TargetFlags, env: Env): Promise<HubTarget> {
  if (!flags.sandbox) {
    const endpoint = resolveEndpoint(flags.endpoint, env);
    if (isSandboxEndpoint(endpoint)) rememberRecordedSandbox(env);
    return {endpoint, env: envForEndpoint(env, endpoint), close: async () => {}};
  }
  const sandbox = await openSandboxSession(env);
  return {endpoint: sandbox.endpoint, env: sandbox.env, sandbox, close: () => sandbox.close()};
}
