// Protection for the sandbox's state-changing browser forms (device approval, token creation). A form post is
// accepted only when it carries this process's key (handed to the app that started the sandbox, which puts it in the
// URL it opens) and, when the browser says where it comes from (Origin / Referer), comes from the sandbox itself.
// A bare POST from another program, or a cross-site form on a web page, is refused with 403.
import {timingSafeEqual} from 'node:crypto';
import type {SandboxRequest} from './context.js';
import {HttpError} from './http.js';
import {hostAllowed} from './server.js';

export function keyMatches(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sameSandbox(ctx: SandboxRequest, value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' && hostAllowed(ctx.sandbox, u.host);
  } catch {
    return false;
  }
}

/**
 * Throws 403 unless the form post carries the key and, where the browser names its origin, comes from this sandbox.
 * `accepts` also takes a key derived for this one form (core/auth/sandbox-form-key.ts) besides the form key itself.
 */
export function requireFormKey(
  ctx: SandboxRequest,
  form: URLSearchParams,
  accepts: (key: string | null) => boolean = () => false,
): void {
  const origin = ctx.req.headers.origin;
  if (origin !== undefined && origin !== 'null' && !sameSandbox(ctx, origin))
    throw new HttpError(403, 'Cross-site form posts are refused by the sandbox Hub.');
  if (origin === 'null') throw new HttpError(403, 'Form posts from an opaque origin are refused by the sandbox Hub.');
  const referer = ctx.req.headers.referer;
  if (referer !== undefined && !sameSandbox(ctx, referer))
    throw new HttpError(403, 'Form posts referred by another site are refused by the sandbox Hub.');
  if (!keyMatches(ctx.sandbox.formKey, form.get('key')) && !accepts(form.get('key'))) {
    throw new HttpError(
      403,
      'This form needs the link your terminal opened (it carries a one-time key of this sandbox): start again from the terminal.',
    );
  }
}
