// OAuth 2.0 device authorization grant (RFC 8628), as `hf auth login` does it (huggingface_hub utils/_oauth_device.py).
// The one place that uses plain fetch: @huggingface/hub has no device flow.
import {isDefaultEndpoint} from '../endpoint.js';
import {deviceApprovalKey, deviceStartKey} from './sandbox-form-key.js';
import {AnswerTooLargeError, boundedResponse} from '../hub/bounded-body.js';
import {networkTimeoutMs} from '../hub/network.js';
import {redactLine} from '../tokens/mask.js';
import type {Env} from '../store/paths.js';

export const DEVICE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';
/** Client id this app uses against non-default endpoints (the sandbox) when no env override is set. */
export const SANDBOX_DEVICE_CLIENT_ID = 'hf-jobs-wizard';

/**
 * HF_DEVICE_CODE_OAUTH_CLIENT_ID when set; on huggingface.co without it: undefined (the caller offers
 * `hf auth login` or pasting a token instead); on any other endpoint (the sandbox): SANDBOX_DEVICE_CLIENT_ID.
 */
export function deviceClientId(env: Env, endpoint: string): string | undefined {
  if (env.HF_DEVICE_CODE_OAUTH_CLIENT_ID) return env.HF_DEVICE_CODE_OAUTH_CLIENT_ID;
  return isDefaultEndpoint(endpoint) ? undefined : SANDBOX_DEVICE_CLIENT_ID;
}

/**
 * The URL to open for a device login: the server's complete URI, plus, when the app itself started the sandbox, the
 * approval key of this one code derived from the sandbox's form key (its approval form accepts only a page opened
 * with a key). Never shown with a key on the real Hub, which has none.
 */
export function approvalUrl(
  authorization: Pick<DeviceAuthorization, 'verificationUri' | 'verificationUriComplete' | 'userCode'>,
  formKey?: string,
): string {
  const base = authorization.verificationUriComplete ?? authorization.verificationUri;
  if (!formKey) return base;
  const u = new URL(base);
  // A key for this one code, never the form key itself: the browser gets the link on its command line.
  u.searchParams.set('key', deviceApprovalKey(formKey, authorization.userCode));
  return u.toString();
}

export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  /** The URI with the code filled in, when the server gives one: show this. */
  verificationUriComplete?: string;
  /** Seconds the codes stay valid (default 900). */
  expiresIn: number;
  /** Seconds between polls (default 5). */
  interval: number;
}

export interface DeviceToken {
  accessToken: string;
  tokenType?: string;
  refreshToken?: string;
  /** Seconds until the access token expires. */
  expiresIn?: number;
  scope?: string;
}

export type DeviceFlowErrorCode = 'expired' | 'denied' | 'aborted' | 'http' | 'network' | 'invalid-response';

export class DeviceFlowError extends Error {
  constructor(
    readonly code: DeviceFlowErrorCode,
    message: string,
  ) {
    // The message quotes the endpoint and the server's error_description: outside text, shown in the terminal.
    super(redactLine(message));
    this.name = 'DeviceFlowError';
  }
}

export interface DeviceFlowBase {
  endpoint: string;
  clientId: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

async function postForm(
  opts: DeviceFlowBase,
  path: string,
  form: Record<string, string>,
): Promise<{status: number; body: Record<string, unknown>}> {
  const f = opts.fetch ?? fetch;
  const url = `${opts.endpoint.replace(/\/+$/, '')}${path}`;
  let res: Response;
  let text: string;
  // Bounded like every Hub call: an answer within 30 s, of at most 1 MB (a device answer is a few hundred bytes).
  const timeout = AbortSignal.timeout(networkTimeoutMs());
  try {
    res = boundedResponse(
      await f(url, {
        method: 'POST',
        headers: {'content-type': 'application/x-www-form-urlencoded', accept: 'application/json'},
        body: new URLSearchParams(form).toString(),
        signal: opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout,
      }),
      1024 * 1024,
    );
    text = await res.text();
  } catch (error) {
    if (opts.signal?.aborted) throw new DeviceFlowError('aborted', 'Login was cancelled.');
    if (error instanceof AnswerTooLargeError) throw new DeviceFlowError('invalid-response', error.message);
    const why = timeout.aborted
      ? `no answer within ${Math.round(networkTimeoutMs() / 1000)} s`
      : (error as Error).message;
    throw new DeviceFlowError('network', `Could not reach ${opts.endpoint} for browser login (${why}).`);
  }
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    if (res.ok) throw new DeviceFlowError('invalid-response', `${url} did not answer JSON.`);
  }
  return {status: res.status, body};
}

/** An http(s) URL with nothing a terminal or a shell would act on (control characters, spaces, quotes). */
export function isWebAddress(text: string): boolean {
  if (!/^https?:\/\/[\x21-\x7e]+$/i.test(text) || /["'`<>\\^|]/.test(text)) return false;
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
/** At most this long a device code is waited for (s): the Hub's live 15 minutes; RFC 8628 leaves it to the server. */
export const MAX_EXPIRES_IN = 3600;
/** At most this long between two polls (s), also after slow_down answers. */
export const MAX_INTERVAL = 60;
/** At least this long (s): an interval of 0.001 polled a thousand times a second (the sandbox's tests use 0.01-0.05). */
export const MIN_INTERVAL = 0.1;

function num(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
}

/**
 * Step 1: `POST {endpoint}/oauth/device` with `client_id`. On the sandbox the app started (`formKey` given), also the
 * start key derived from its form key: the sandbox counts those starts apart from anyone else's (a flood of device
 * logins by another local program cannot get the app's own login a 429). Never sent to another endpoint.
 */
export async function requestDeviceCode(opts: DeviceFlowBase & {formKey?: string}): Promise<DeviceAuthorization> {
  const {status, body} = await postForm(opts, '/oauth/device', {
    client_id: opts.clientId,
    ...(opts.formKey ? {key: deviceStartKey(opts.formKey)} : {}),
  });
  if (status < 200 || status >= 300) {
    const why = str(body.error_description) ?? str(body.error) ?? `status ${status}`;
    throw new DeviceFlowError('http', `Browser login could not start: ${why}.`);
  }
  const deviceCode = str(body.device_code);
  const userCode = str(body.user_code);
  const verificationUri = str(body.verification_uri) ?? str(body.verification_url);
  if (!deviceCode || !userCode || !verificationUri) {
    throw new DeviceFlowError(
      'invalid-response',
      'Browser login could not start: the server did not send a device code.',
    );
  }
  // Both are printed and the URI is opened in the browser: a code of plain visible characters, a web address only
  // (a server could otherwise clear the screen, write the clipboard, or make the desktop open a file: or app: link).
  if (!/^[\x21-\x7e]{1,64}$/.test(userCode))
    throw new DeviceFlowError(
      'invalid-response',
      'Browser login could not start: the server sent an unusable user code.',
    );
  const complete = str(body.verification_uri_complete);
  for (const uri of [verificationUri, complete]) {
    if (uri !== undefined && !isWebAddress(uri))
      throw new DeviceFlowError(
        'invalid-response',
        'Browser login could not start: the server sent a verification address that is not an http(s) web address.',
      );
  }
  const out: DeviceAuthorization = {
    deviceCode,
    userCode,
    verificationUri,
    // The server's numbers, within bounds: a code living for years was a wait without end, an interval past
    // setTimeout's 24.8 days fired at once with Node's TimeoutOverflowWarning on stderr, and a tiny one polled without
    // pause (the Hub sends 900 and 5).
    expiresIn: Math.min(num(body.expires_in) ?? 900, MAX_EXPIRES_IN),
    interval: Math.max(MIN_INTERVAL, Math.min(num(body.interval) ?? 5, MAX_INTERVAL)),
  };
  if (complete) out.verificationUriComplete = complete;
  return out;
}

export interface PollOptions extends DeviceFlowBase {
  authorization: DeviceAuthorization;
  /** Injectable for tests; must reject (or resolve early) when the signal aborts. Default: setTimeout. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Clock for the expiry deadline. Default Date.now. */
  now?: () => number;
  /** Called before each poll (to draw a dot). */
  onPoll?: (attempt: number) => void;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DeviceFlowError('aborted', 'Login was cancelled.'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DeviceFlowError('aborted', 'Login was cancelled.'));
    };
    signal?.addEventListener('abort', onAbort, {once: true});
  });
}

/** Step 2: poll `POST {endpoint}/oauth/token` until the person approves, denies, or the code expires. */
export async function pollDeviceToken(opts: PollOptions): Promise<DeviceToken> {
  const sleep = opts.sleep ?? defaultSleep;
  const now = opts.now ?? Date.now;
  const deadline = now() + opts.authorization.expiresIn * 1000;
  let interval = opts.authorization.interval;
  for (let attempt = 1; ; attempt++) {
    await sleep(interval * 1000, opts.signal);
    if (opts.signal?.aborted) throw new DeviceFlowError('aborted', 'Login was cancelled.');
    if (now() > deadline) throw new DeviceFlowError('expired', 'Device code expired. Please try again.');
    opts.onPoll?.(attempt);
    const {status, body} = await postForm(opts, '/oauth/token', {
      grant_type: DEVICE_GRANT_TYPE,
      device_code: opts.authorization.deviceCode,
      client_id: opts.clientId,
    });
    const accessToken = str(body.access_token);
    if (status >= 200 && status < 300 && accessToken) {
      const token: DeviceToken = {accessToken};
      const tokenType = str(body.token_type);
      const refreshToken = str(body.refresh_token);
      const expiresIn = num(body.expires_in);
      const scope = str(body.scope);
      if (tokenType) token.tokenType = tokenType;
      if (refreshToken) token.refreshToken = refreshToken;
      if (expiresIn !== undefined) token.expiresIn = expiresIn;
      if (scope) token.scope = scope;
      return token;
    }
    const error = str(body.error);
    if (error === 'authorization_pending') continue;
    if (error === 'slow_down') {
      interval = Math.min(interval + 5, MAX_INTERVAL);
      continue;
    }
    if (error === 'expired_token') throw new DeviceFlowError('expired', 'Device code expired. Please try again.');
    if (error === 'access_denied') throw new DeviceFlowError('denied', 'Authorization was denied. Please try again.');
    const why = str(body.error_description) ?? error ?? `status ${status}`;
    throw new DeviceFlowError('http', `Browser login failed: ${why}.`);
  }
}
