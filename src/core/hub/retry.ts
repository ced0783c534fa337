// Retries for idempotent Hub calls, in one place: a fetch wrapper given to @huggingface/hub's `fetch` option.
// GET/HEAD answered 429 or 5xx, or cut by a connection reset, are tried again with exponential backoff; a
// `Retry-After` header (seconds or an HTTP date) is honoured when it is within the bound. POST/PUT/DELETE are never
// retried here: a lost answer to a submit is resolved by looking the job up (core/jobs/submit.ts), not by sending twice.

export interface RetryOptions {
  /** Tries in all, the first included (default 4). */
  attempts?: number;
  /** First backoff delay; doubled each time (default 400 ms). */
  baseMs?: number;
  /** A longer Retry-After than this is not waited for: the answer is returned as it is (default 20 s). */
  maxDelayMs?: number;
  /** Told before each wait, e.g. to show "the Hub is busy, trying again in 2 s". */
  onRetry?: (info: {attempt: number; delayMs: number; reason: string}) => void;
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNREFUSED', 'UND_ERR_CLOSED']);

function methodOf(input: Parameters<typeof fetch>[0], init?: RequestInit): string {
  const m = init?.method ?? (input instanceof Request ? input.method : 'GET');
  return m.toUpperCase();
}

function errorCode(error: unknown): string | undefined {
  let cur: unknown = error;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const code = (cur as {code?: unknown}).code;
    if (typeof code === 'string') return code;
    cur = (cur as {cause?: unknown}).cause;
  }
  return undefined;
}

/** Retry-After as milliseconds: `120` or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function wait(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, {once: true});
  });
}

export function fetchWithRetry(f: typeof fetch, options: RetryOptions = {}): typeof fetch {
  const attempts = Math.max(1, options.attempts ?? 4);
  const baseMs = options.baseMs ?? 400;
  const maxDelayMs = options.maxDelayMs ?? 20_000;
  return async (input, init) => {
    const method = methodOf(input, init);
    if (method !== 'GET' && method !== 'HEAD') return f(input, init);
    for (let attempt = 1; ; attempt++) {
      const backoff = Math.min(baseMs * 2 ** (attempt - 1), maxDelayMs);
      let response: Response;
      try {
        response = await f(input, init);
      } catch (error) {
        const code = errorCode(error);
        if (attempt >= attempts || init?.signal?.aborted || !code || !RESET_CODES.has(code)) throw error;
        options.onRetry?.({attempt, delayMs: backoff, reason: code});
        await wait(backoff, init?.signal);
        continue;
      }
      if (!RETRY_STATUS.has(response.status) || attempt >= attempts) return response;
      const asked = retryAfterMs(response.headers.get('retry-after'));
      if (asked !== undefined && asked > maxDelayMs) return response;
      const delay = asked ?? backoff;
      await response.body?.cancel().catch(() => undefined);
      options.onRetry?.({attempt, delayMs: delay, reason: `HTTP ${response.status}`});
      await wait(delay, init?.signal);
    }
  };
}
