// Which Hub a command talks to: --sandbox (the persistent practice sandbox with its own HF_HOME), else --endpoint,
// else HF_ENDPOINT, else huggingface.co. One place for the flag rules and for opening/closing the sandbox.
import {defaultSandboxDataDir, type SandboxSession} from '../core/auth/sandbox-session.js';
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

/** Starts the in-process sandbox (imported only here, when asked: off the huggingface.co path) with its own HF_HOME. */
export async function openSandboxSession(env: Env, options: {dataDir?: string} = {}): Promise<SandboxSession> {
  const dataDir = options.dataDir ?? defaultSandboxDataDir(env);
  const {startSandbox} = await import('../sandbox/index.js');
  const sandbox = await startSandbox({dataDir});
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
    return {endpoint, env: envForEndpoint(env, endpoint), close: async () => {}};
  }
  const sandbox = await openSandboxSession(env);
  return {endpoint: sandbox.endpoint, env: sandbox.env, sandbox, close: () => sandbox.close()};
}
