// A cap on how much of an answer the app reads. A server (a wrong HF_ENDPOINT, a hostile proxy, a device-login
// server) that streams an endless body made `status` read it all into memory: 5.2 GB after 120 s, never ending.
// Hub API answers are small JSON (pages of a listing included), so past the cap the read fails with a clear error;
// log streams (text/event-stream) have no total but each line is capped (event-stream-cap.ts).

import {capEventStreamLines} from './event-stream-cap.js';

/** Far above any Hub API answer (a page of a listing is kilobytes), far below what hurts the machine. */
export const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

export class AnswerTooLargeError extends Error {
  constructor(host: string, maxBytes: number) {
    super(
      `The answer from ${host} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, which no Hub answer is: stopped reading it. Check the --endpoint / HF_ENDPOINT setting.`,
    );
    this.name = 'AnswerTooLargeError';
  }
}

/**
 * The same response, except that reading more than `maxBytes` of its body fails with AnswerTooLargeError, and (with
 * `deadlineMs`) a body not finished that long after its headers fails with a TimeoutError: a server that sent its
 * headers and then one byte a second kept `status` waiting past 120 s (the response timeout only covers headers).
 * Log streams (text/event-stream) are not timed: a quiet job sends nothing for minutes.
 */
export function boundedResponse(response: Response, maxBytes = MAX_ANSWER_BYTES, deadlineMs?: number): Response {
  const type = response.headers.get('content-type') ?? '';
  if (!response.body || [101, 204, 205, 304].includes(response.status)) return response;
  if (type.includes('text/event-stream')) return withBody(response, response.body.pipeThrough(capEventStreamLines()));
  const declared = Number(response.headers.get('content-length'));
  let host = 'the server';
  try {
    host = new URL(response.url).host || host;
  } catch {
    // a Response made in memory has no URL
  }
  let seen = 0;
  let timer: NodeJS.Timeout | undefined;
  // Erroring the transform (too large, too slow) cancels the pipe's source: the connection is let go.
  const body = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      start(controller) {
        if (Number.isFinite(declared) && declared > maxBytes) controller.error(new AnswerTooLargeError(host, maxBytes));
        else if (deadlineMs !== undefined) {
          timer = setTimeout(() => {
            const seconds = deadlineMs >= 1000 ? `${Math.round(deadlineMs / 1000)} s` : `${deadlineMs} ms`;
            controller.error(
              new DOMException(`The answer from ${host} did not finish within ${seconds}`, 'TimeoutError'),
            );
          }, deadlineMs);
          timer.unref?.();
        }
      },
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new AnswerTooLargeError(host, maxBytes));
        else controller.enqueue(chunk);
      },
      flush() {
        clearTimeout(timer);
      },
    }),
  );
  return withBody(response, body);
}

/** The same response (status, headers, url) with another body. */
function withBody(response: Response, body: ReadableStream<Uint8Array>): Response {
  const out = new Response(body, {status: response.status, statusText: response.statusText, headers: response.headers});
  // Callers (and @huggingface/hub's errors) read response.url.
  Object.defineProperty(out, 'url', {value: response.url});
  return out;
}

/** fetch whose answers are bounded by boundedResponse. */
export function fetchWithBoundedBody(f: typeof fetch, maxBytes = MAX_ANSWER_BYTES, deadlineMs?: number): typeof fetch {
  return async (input, init) => boundedResponse(await f(input, init), maxBytes, deadlineMs);
}
