// A cap on one line of a log stream (text/event-stream). @huggingface/hub's streamJobLogs keeps everything after the
// last newline in one string: a server (a hostile endpoint, a broken proxy) that sends a line and never ends it grew
// that string without bound, and re-split it on every chunk. Here a line longer than MAX_LOG_LINE_BYTES is cut: its
// first part is passed on as one log message ending with a marker, the rest is dropped up to the next newline. The
// cut message is sent as soon as the cap is passed, so a line that never ends still shows, and memory stays bounded.

/** Far above any real log line (a progress bar redrawn in place is a few KB), far below what hurts the machine. */
export const MAX_LOG_LINE_BYTES = 64 * 1024;

export const CUT_MARKER = `… [cut: this log line is longer than ${MAX_LOG_LINE_BYTES / 1024} KiB]`;

const NEWLINE = 0x0a;
const encoder = new TextEncoder();

/** The message in a cut `data: {"data":"…` line, as far as it can be read; other cut lines (comments, fields) are dropped. */
function cutLine(prefix: Uint8Array): Uint8Array | undefined {
  const text = new TextDecoder().decode(prefix);
  if (!text.startsWith('data:')) return undefined;
  const payload = text.slice(text.startsWith('data: ') ? 6 : 5);
  let message = payload;
  const json = /^\{\s*"data"\s*:\s*"/.exec(payload);
  if (json) {
    // The JSON string's text up to the cut, without a half escape at its end.
    let body = payload.slice(json[0].length).replace(/\\u[0-9a-fA-F]{0,3}$/, '');
    if (/(?:^|[^\\])(?:\\\\)*\\$/.test(body)) body = body.slice(0, -1);
    try {
      message = JSON.parse(`"${body}"`) as string;
    } catch {
      message = body;
    }
  }
  const line = `data: ${JSON.stringify({data: `${message}${CUT_MARKER}`, timestamp: new Date().toISOString()})}\n`;
  return encoder.encode(line);
}

/** A transform that passes an event stream through, cutting every line over `maxLine` bytes (see above). */
export function capEventStreamLines(maxLine = MAX_LOG_LINE_BYTES): TransformStream<Uint8Array, Uint8Array> {
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  let dropping = false;
  const hold = (part: Uint8Array) => {
    held.push(part.slice());
    heldBytes += part.byteLength;
  };
  const takeHeld = (): Uint8Array => {
    const out = new Uint8Array(heldBytes);
    let at = 0;
    for (const part of held) {
      out.set(part, at);
      at += part.byteLength;
    }
    held = [];
    heldBytes = 0;
    return out;
  };
  const cut = (controller: TransformStreamDefaultController<Uint8Array>, rest: Uint8Array) => {
    // The held start of the line plus what fits of `rest`, cut to the cap.
    hold(rest.subarray(0, Math.max(0, maxLine - heldBytes)));
    const line = cutLine(takeHeld());
    if (line) controller.enqueue(line);
    dropping = true;
  };
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      let start = 0;
      // Lines that end in this chunk and were not started before it pass as one slice, uncopied.
      let passFrom = -1;
      const flushPass = (end: number) => {
        if (passFrom >= 0 && end > passFrom) controller.enqueue(chunk.subarray(passFrom, end));
        passFrom = -1;
      };
      while (start < chunk.byteLength) {
        const nl = chunk.indexOf(NEWLINE, start);
        const end = nl === -1 ? chunk.byteLength : nl + 1;
        const length = end - start - (nl === -1 ? 0 : 1);
        if (dropping) {
          if (nl !== -1) dropping = false;
        } else if (heldBytes + length > maxLine) {
          flushPass(start);
          cut(controller, chunk.subarray(start, end));
          if (nl !== -1) dropping = false;
        } else if (nl === -1) {
          flushPass(start);
          hold(chunk.subarray(start, end));
        } else if (heldBytes > 0) {
          hold(chunk.subarray(start, end));
          controller.enqueue(takeHeld());
        } else if (passFrom < 0) passFrom = start;
        start = end;
      }
      flushPass(chunk.byteLength);
    },
    flush(controller) {
      if (heldBytes > 0 && !dropping) controller.enqueue(takeHeld());
    },
  });
}
