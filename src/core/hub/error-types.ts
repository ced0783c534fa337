// The Hub errors the app branches on, without loading @huggingface/hub: offline paths (`check --offline`, the
// static checks, troubleshoot on a pasted text) describe errors but must not pay for the Hub client's code.
import type {HubApiError} from '@huggingface/hub';
import {APP_COMMAND} from '../invocation.js';

/**
 * True for the Hub client's HubApiError (the library sets no `name`, so this checks its shape: an Error with a
 * numeric statusCode and the request's url), and for errors built the same way by core/hub/extra-routes.ts.
 */
export function isHubApiError(err: unknown): err is HubApiError {
  if (!(err instanceof Error)) return false;
  const e = err as Partial<Record<'statusCode' | 'url', unknown>>;
  return typeof e.statusCode === 'number' && typeof e.url === 'string';
}

/** The endpoint answered with something that is not the Hub's JSON (a captive portal, a proxy, a wrong URL). */
export class InvalidHubResponseError extends Error {
  constructor(
    readonly url: string,
    readonly contentType: string | undefined,
  ) {
    super(
      `${url} answered with ${contentType ? `"${contentType.split(';')[0]}"` : 'no content type'} content that is not the Hub's JSON.`,
    );
    this.name = 'InvalidHubResponseError';
  }
}

/** A call that needs a token was made without one. */
export class MissingTokenError extends Error {
  constructor(what: string) {
    super(`No token: log in first (${APP_COMMAND} login) to ${what}.`);
    this.name = 'MissingTokenError';
  }
}
