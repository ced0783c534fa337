// The process's network bounds (response timeout, retry backoff), set once by main from the environment. Kept apart
// from client.ts so setting them does not load the Hub client on paths that never call the Hub.
import type {RetryOptions} from './retry.js';

/** A server that accepts the connection but never answers must not hang the app. */
export const RESPONSE_TIMEOUT_MS = 30_000;

/** Process-wide defaults, set once by main from the environment (tests shorten them); nothing here reads env itself. */
export const networkDefaults: {responseTimeoutMs: number; retry: RetryOptions} = {
  responseTimeoutMs: RESPONSE_TIMEOUT_MS,
  retry: {},
};

export function setNetworkDefaults(next: {responseTimeoutMs?: number; retry?: RetryOptions}): void {
  if (next.responseTimeoutMs !== undefined && next.responseTimeoutMs > 0)
    networkDefaults.responseTimeoutMs = next.responseTimeoutMs;
  if (next.retry) networkDefaults.retry = {...networkDefaults.retry, ...next.retry};
}

export function networkTimeoutMs(): number {
  return networkDefaults.responseTimeoutMs;
}
