// Starts a real sandbox Hub for a test file and closes it afterwards.
import {afterAll, beforeAll} from 'vitest';
import {startSandbox, type SandboxHandle, type SandboxOptions} from '../../src/sandbox/index.js';

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
