// Starts a real sandbox Hub for a test file and closes it afterwards.
import {afterAll, beforeAll} from 'vitest';
import {join} from 'node:path';
import {sandboxEnv} from '../../src/core/store/paths.js';
import {startSandbox, type SandboxHandle, type SandboxOptions} from '../../src/sandbox/index.js';
import {createServices} from '../../src/wizard/services/index.js';
import type {LearnTarget} from '../../src/core/lessons/target.js';

/** Call at the top of a describe block (or file); read `.current` inside tests. */
export function useSandbox(options: SandboxOptions = {}): {current: SandboxHandle} {
  const ref = {} as {current: SandboxHandle};
  beforeAll(async () => {
    ref.current = await startSandbox(options);
  });
  afterAll(async () => {
    await ref.current?.close();
  });
  return ref;
}

/**
 * The wizard's services on a running sandbox, for a person whose HOME is `dir` (its cache under `dir/cache`, the
 * sandbox's HF_HOME under `dir/sb`): what the wizard's tests start from.
 */
export function servicesOnSandbox(s: SandboxHandle, dir: string) {
  const env = {HOME: dir, XDG_CACHE_HOME: join(dir, 'cache'), PATH: process.env.PATH};
  const hfEnv = sandboxEnv(env, join(dir, 'sb'));
  const services = createServices({
    env,
    cwd: dir,
    sandbox: {
      endpoint: s.url,
      env: hfEnv,
      tokens: s.tokens,
      users: s.users,
      dataDir: s.dataDir,
      formKey: s.formKey,
      close: async () => {},
    },
  });
  return {env, hfEnv, services};
}

/** A sandbox as `learn` runs lessons on it: its first user, its tokens, nothing to close. */
export function learnTargetOn(s: SandboxHandle): LearnTarget {
  return {
    hubUrl: s.url,
    key: s.dataDir,
    tokens: s.tokens,
    user: s.users[0]!,
    label: 'test sandbox',
    close: async () => undefined,
  };
}
