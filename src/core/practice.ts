// The sandbox Hub as the app knows it: its practice token labels (one list, used by the sandbox that mints them, the
// wizard, login, learn and the fix texts) and how an endpoint is recognised as the sandbox. A leaf: imports nothing.

/** The sandbox's practice tokens, in the order they are offered (`hf-jobs-wizard sandbox --json` prints them). */
export const PRACTICE_TOKENS = ['write', 'read', 'fine-grained', 'expired', 'expiring'] as const;
export type PracticeToken = (typeof PRACTICE_TOKENS)[number];

export function isPracticeToken(label: string): label is PracticeToken {
  return (PRACTICE_TOKENS as readonly string[]).includes(label);
}

/** An endpoint on this machine (127.0.0.1, localhost, [::1]) is the sandbox Hub: jobs run locally there, for free. */
export function isSandboxEndpoint(endpoint: string | undefined): boolean {
  if (!endpoint) return false;
  try {
    const host = new URL(endpoint).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
  } catch {
    return false;
  }
}

/**
 * Whether jobs on this Hub run on this machine for free: the sandbox started by --sandbox, or one reached by --endpoint
 * at a local address (`hf-jobs-wizard sandbox start` in another terminal). One answer for the wizard and `example`.
 */
export function runsLocally(target: {kind: string; endpoint: string} | undefined): boolean {
  return target !== undefined && (target.kind === 'sandbox' || isSandboxEndpoint(target.endpoint));
}

/**
 * The sandbox URLs this process reaches as the app's own sandbox, the one `--sandbox` opens: remembered where it is
 * opened (commands/hub-target.ts, the wizard's sandbox target) or where an --endpoint turns out to be its recorded URL.
 * Fix texts name `--sandbox` for these; any other address on this machine is a sandbox reached by its URL (a
 * workshop's, or `hf-jobs-wizard sandbox` in another terminal), named `--endpoint URL`, as the person reached it.
 */
const ownSandboxes = new Set<string>();

export function rememberOwnSandbox(url: string): void {
  ownSandboxes.add(url.replace(/\/+$/, ''));
}

export function isOwnSandbox(url: string): boolean {
  return ownSandboxes.has(url.replace(/\/+$/, ''));
}

/** Forgets every remembered own sandbox (a test starting from a process that opened none). */
export function forgetOwnSandboxes(): void {
  ownSandboxes.clear();
}
