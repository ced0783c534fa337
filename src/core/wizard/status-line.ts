// The wizard header's status line (issue 16, the token dashboard in one line): who is logged in, the token's kind
// (masked), where it comes from, what shadows the saved login, when it expires, and the Hub in use. Pure; no token.
import type {WizardState} from './types.js';

/** "practice-user · write token (classic) · hf_…abcd" (+ what shadows it, its expiry, a Hub other than the sandbox); undefined before login. */
export function statusLine(state: Pick<WizardState, 'account' | 'target'>, now: Date = new Date()): string | undefined {
  const a = state.account;
  if (!a) return undefined;
  // As short as the header's old line when nothing needs saying (small terminals fit their screens to it).
  const parts = [a.user, a.kindLabel, a.masked];
  if (a.shadowedBy) parts.push(`! ${a.shadowedBy} wins over the saved login`);
  const expires = a.info.expiresAt ? Date.parse(a.info.expiresAt) : NaN;
  if (!Number.isNaN(expires)) {
    const minutes = Math.round((expires - now.getTime()) / 60_000);
    parts.push(
      minutes <= 0
        ? 'expired'
        : minutes < 120
          ? `expires in ${minutes} min`
          : `expires ${a.info.expiresAt!.slice(0, 10)}`,
    );
  }
  // The Hub in use only when it is not the first line's sandbox (whose line names it already).
  if (state.target && state.target.kind !== 'sandbox')
    parts.push(`on ${state.target.endpoint.replace(/^https?:\/\//, '')}`);
  return parts.join(' · ');
}
