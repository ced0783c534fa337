// Runs one command's module the way every command runs: network bounds from the environment first, then the
// command, and whatever escapes it reported once (masked, one line, its fix, its exit code). main() uses it for every
// command; the one-module build of `check` (src/check-cli.ts) uses it for check alone.
import {reportError, type CommandIo} from './io.js';

export interface CommandModule {
  run(args: string[], io: CommandIo): Promise<number>;
}

/**
 * Network bounds from the environment: HF_WIZARD_RESPONSE_TIMEOUT_MS (per request, default 30 s) and
 * HF_WIZARD_RETRY_BASE_MS (first backoff of a retried idempotent call). Tests shorten them; users rarely need to.
 */
export async function applyNetworkEnv(env: NodeJS.ProcessEnv): Promise<void> {
  const num = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
  const responseTimeoutMs = num(env.HF_WIZARD_RESPONSE_TIMEOUT_MS);
  const baseMs = num(env.HF_WIZARD_RETRY_BASE_MS);
  if (responseTimeoutMs === undefined && baseMs === undefined) return;
  const {setNetworkDefaults} = await import('./core/hub/network.js');
  setNetworkDefaults({
    ...(responseTimeoutMs ? {responseTimeoutMs} : {}),
    ...(baseMs !== undefined ? {retry: {baseMs}} : {}),
  });
}

/** Loads and runs a command with `io` (already guarded); `name` is how an error report names it. */
export async function runLoaded(
  load: () => Promise<CommandModule>,
  args: string[],
  io: CommandIo,
  name: string,
): Promise<number> {
  try {
    const mod = await load();
    return await mod.run(args, io);
  } catch (error) {
    // The one place an error that escaped a command is reported (src/io.ts: masked, one line, its fix, its exit code).
    if (io.env.HF_WIZARD_DEBUG && error instanceof Error) io.stderr.write(`${error.stack ?? ''}\n`);
    return reportError(io, error, name);
  }
}
