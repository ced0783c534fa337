// Keys for the sandbox's browser forms in the links the app opens. A link goes to the browser as a command-line
// argument (`xdg-open URL`), and any local user can read a process's arguments (/proc/PID/cmdline): with the
// sandbox's own form key there, another user of the machine could approve a device login or create a write token,
// then run jobs (local processes) as this user. So a link never carries that key, only one derived from it:
//   - a device approval key approves (or denies) that one user code, which belongs to the app that asked for it;
//   - a token-page key opens the Create form, which also wants a confirmation code shown only in the terminal.
// The sandbox checks both with the same functions (it has the form key); the app derives them from its handle.
import {createHmac, randomBytes, timingSafeEqual} from 'node:crypto';

function mac(formKey: string, purpose: string): string {
  return createHmac('sha256', formKey).update(purpose).digest('hex');
}

/** The `key` of the approval link for one device login (`?user_code=ABCD-EFGH&key=…`). */
export function deviceApprovalKey(formKey: string, userCode: string): string {
  return `d${mac(formKey, `device:${userCode}`).slice(0, 32)}`;
}

/** Whether `key` is the approval key of `userCode` (constant time). */
export function isDeviceApprovalKey(formKey: string, userCode: string, key: string | null | undefined): boolean {
  const a = Buffer.from(deviceApprovalKey(formKey, userCode));
  const b = Buffer.from(key ?? '');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The key the app sends when it starts a device login on the sandbox it started itself (a form field of the POST, never
 * a link or an argument): such starts have their own quota, so a local flood of device logins cannot lock the app's own
 * login out (the sandbox's start quota is per client, under a ceiling for all the others).
 */
export function deviceStartKey(formKey: string): string {
  return `s${mac(formKey, 'device-start').slice(0, 32)}`;
}

/** Whether `key` is this form key's device start key (constant time). */
export function isDeviceStartKey(formKey: string, key: string | null | undefined): boolean {
  const a = Buffer.from(deviceStartKey(formKey));
  const b = Buffer.from(key ?? '');
  return a.length === b.length && timingSafeEqual(a, b);
}

// Short (37 characters, less than the form key itself): the link is printed in narrow terminals.
const LINK = /^t([0-9a-f]{12})([0-9a-f]{24})$/;

/** A fresh token-page link key and the confirmation code the terminal shows next to that link. */
export function newTokenPageLink(formKey: string): {key: string; code: string} {
  const nonce = randomBytes(6).toString('hex');
  return {key: `t${nonce}${mac(formKey, `new-token:${nonce}`).slice(0, 24)}`, code: confirmationCode(formKey, nonce)};
}

/** The link's nonce when `key` is a token-page key this form key made, else undefined. */
export function tokenPageNonce(formKey: string, key: string | null | undefined): string | undefined {
  const m = key ? LINK.exec(key) : null;
  if (!m) return undefined;
  const expected = mac(formKey, `new-token:${m[1]}`).slice(0, 24);
  return timingSafeEqual(Buffer.from(expected), Buffer.from(m[2]!)) ? m[1] : undefined;
}

/** 8 digits as `1234-5678`: typed into the page by the person who sees the terminal. */
export function confirmationCode(formKey: string, nonce: string): string {
  const digits = BigInt(`0x${mac(formKey, `confirm:${nonce}`).slice(0, 16)}`) % 100_000_000n;
  const s = digits.toString().padStart(8, '0');
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** A typed code compared as its digits only (spaces, dashes ignored). */
export function sameCode(typed: string | null | undefined, code: string): boolean {
  return (typed ?? '').replace(/\D/g, '') === code.replace(/\D/g, '');
}
