// Turns anything a Hub call throws into one calm, token-free line and a kind the UI can branch on.
import {appCommand} from '../invocation.js';
import {isSandboxEndpoint} from '../practice.js';
import {redactSecrets} from '../tokens/mask.js';
import {sanitizeLine} from '../text/sanitize.js';
import {InvalidHubResponseError, MissingTokenError, isHubApiError} from './error-types.js';

export type HubErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'invalid-token'
  | 'invalid-response'
  | 'unknown';

export interface HubErrorDescription {
  status?: number;
  kind: HubErrorKind;
  /** One line, no token in it. */
  message: string;
  /** The Hub's own words (json.error), redacted, when there were any. */
  serverMessage?: string;
  requestId?: string;
}

export interface DescribeOptions {
  /** Named in network messages, e.g. `https://huggingface.co`. */
  endpoint?: string;
  /** Secrets to mask in addition to token-shaped strings (e.g. the token in use). */
  secrets?: string[];
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
]);

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim();
}

function errorCode(err: unknown): string | undefined {
  let cur: unknown = err;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const code = (cur as {code?: unknown}).code;
    if (typeof code === 'string') return code;
    cur = (cur as {cause?: unknown}).cause;
  }
  return undefined;
}

/** The server's message from a HubApiError, without the "URL: ... Request ID: ..." tail the library appends. */
function serverText(err: {data?: unknown}): string | undefined {
  const data = err.data as {error?: unknown; message?: unknown} | undefined;
  const raw =
    typeof data?.error === 'string'
      ? data.error
      : Array.isArray(data?.error)
        ? data.error.join('; ')
        : typeof data?.message === 'string'
          ? data.message
          : undefined;
  if (!raw || raw.trim() === '' || /^\s*</.test(raw)) return undefined;
  return firstLine(raw).slice(0, 300);
}

/** Where a 402's credits come from: the billing page of the Hub in use; the sandbox has none (its user can pay). */
function creditsHint(endpoint: string | undefined): string {
  if (isSandboxEndpoint(endpoint))
    return 'the namespace the job runs under has no credits (the sandbox has no billing page: run it under your own user, practice-user, who can pay).';
  let base = 'https://huggingface.co';
  try {
    if (endpoint) base = new URL(endpoint).origin;
  } catch {
    // not a URL: the Hub's own page
  }
  return `this needs credits on the namespace the job runs under (${base}/settings/billing).`;
}

export function describeHubError(err: unknown, options: DescribeOptions = {}): HubErrorDescription {
  const redact = (s: string) => redactSecrets(s, options.secrets ?? []);
  // The endpoint comes from HF_ENDPOINT / --endpoint: escape codes in it are shown, a token in it is masked.
  const where = redact(sanitizeLine(options.endpoint ?? 'the Hub'));

  if (isHubApiError(err)) {
    const status = err.statusCode;
    const server = serverText(err);
    const said = server ? ` The Hub said: "${redact(server).replace(/\.+$/, '')}".` : '';
    const out = (kind: HubErrorKind, message: string): HubErrorDescription => {
      const d: HubErrorDescription = {status, kind, message: redact(message + said)};
      if (server) d.serverMessage = redact(server);
      if (err.requestId) d.requestId = err.requestId;
      return d;
    };
    if (status === 401)
      return out(
        'unauthorized',
        '401 Unauthorized: the token is invalid, expired or revoked, or the repo is private/unknown.',
      );
    // The org's token policy is not a missing permission: "a read token" sent people to make a new token that waits too.
    if (status === 403 && server && /organization token policy|revoked by the organization/i.test(server))
      return out(
        'forbidden',
        "403 Forbidden: the organization's token policy refuses this token (waiting for an admin's approval, or revoked by one); not a missing permission.",
      );
    if (status === 403)
      return out(
        'forbidden',
        '403 Forbidden: the token is valid but lacks permission for this (a read token, or a fine-grained token without the needed scope).',
      );
    if (status === 404)
      return out('not-found', '404 Not Found: no such repo or job, or it is private and this token cannot see it.');
    if (status === 409) return out('conflict', '409 Conflict: it already exists.');
    if (status === 429)
      return out('rate-limited', '429 Too Many Requests: rate limited by the Hub; wait a minute and retry.');
    if (status === 402) return out('forbidden', `402 Payment Required: ${creditsHint(options.endpoint)}`);
    if (status >= 500) return out('server', `${status}: the Hub had a server error; retry in a moment.`);
    return out('unknown', `The Hub answered ${status}.`);
  }

  if (err instanceof MissingTokenError) return {kind: 'unauthorized', message: err.message};
  if (err instanceof InvalidHubResponseError) {
    return {
      kind: 'invalid-response',
      message: `${where} answered, but not like a Hugging Face Hub (${err.contentType ? `"${err.contentType.split(';')[0]}"` : 'no content type'} instead of the Hub's JSON): check the --endpoint / HF_ENDPOINT setting, or a proxy or captive portal in between.`,
    };
  }

  if (err instanceof Error) {
    const code = errorCode(err);
    if (err.name === 'TimeoutError') {
      return {
        kind: 'network',
        message: `${where} did not answer in time (${redact(firstLine(err.message))}). Check your connection or the --endpoint / HF_ENDPOINT setting.`,
      };
    }
    if (err.name === 'AbortError') {
      return {kind: 'network', message: `The request to ${where} was cancelled.`};
    }
    // fetch refuses to send a header holding a control character: a token with one inside (a stray ESC or NUL from a
    // paste, in the token file or HF_TOKEN) was reported as "Could not reach …", sending people to their network
    // (undici's UND_ERR_INVALID_ARG), or in Headers.append's own words (a NUL, a line break).
    if (
      (code === 'UND_ERR_INVALID_ARG' &&
        err.cause instanceof Error &&
        /authorization header/i.test(err.cause.message)) ||
      (err instanceof TypeError && /^Headers\.\w+: "Bearer [^]*" is an invalid header value/.test(err.message))
    ) {
      return {
        kind: 'invalid-token',
        message: `The token holds a character no request can carry (a control character or a line break inside it), so it was not sent: paste it again (\`${appCommand('login')}\`) or fix HF_TOKEN or the token file.`,
      };
    }
    if ((err instanceof TypeError && /fetch failed/i.test(err.message)) || (code && NETWORK_CODES.has(code))) {
      const causeText = err.cause instanceof Error ? firstLine(err.cause.message).slice(0, 80) : '';
      const why =
        code === 'ENOTFOUND' || code === 'EAI_AGAIN'
          ? ' (name lookup failed: offline, or a typo in the endpoint?)'
          : code === 'ECONNREFUSED'
            ? ' (connection refused: is the server running?)'
            : code
              ? ` (${code})`
              : causeText === 'bad port'
                ? ' (fetch refuses this port: use another one)'
                : causeText
                  ? ` (${redact(causeText)})`
                  : '';
      return {
        kind: 'network',
        message: `Could not reach ${where}${why}. Check your connection or the --endpoint / HF_ENDPOINT setting.`,
      };
    }
    if (err instanceof TypeError && /access token must start with/i.test(err.message)) {
      return {kind: 'invalid-token', message: 'The token does not start with "hf_", so it was not sent.'};
    }
    return {kind: 'unknown', message: redact(firstLine(err.message) || err.name)};
  }
  return {kind: 'unknown', message: redact(firstLine(String(err)))};
}
