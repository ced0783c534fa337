// Keyboard input before Ink reads it: colour and screen-control sequences in what is typed or pasted
// (`ESC[0m`, `ESC[31m`, `ESC[2K`, `ESC[5n`: a coloured log pasted into the troubleshoot box) are not keys and carry no
// text, so they are dropped. Ink 6.8's key parser reads `ESC[0m` and `ESC[31m` as Ctrl with no key name and its
// useInput then throws ("Cannot read properties of undefined (reading 'startsWith')"), ending the wizard with a stack
// trace. Sequences that are keys as Ink reads them (arrows, Home/End, Shift-Tab, rxvt's a-e, `ESC[n~` for Insert,
// Delete, PageUp/Down and F5-F12 and the bracketed paste marks, kitty's `u` keys) are kept. Pure.

/** A CSI sequence: ESC [, parameter bytes, intermediate bytes, one final byte. */
// eslint-disable-next-line no-control-regex
const CSI = /\u001b\[[0-?]*[ -/]*[@-~]/g;
const KEY = /^\u001b\[(?:[\d;]*[A-FHZa-eu]|[2-8]\^|(?:[1-8]|1[1-57-9]|2[013-4]|20[01])(?:;\d+)?~)$/;

/** The chunk without the CSI sequences that are not keys (colours, erases, reports). */
export function dropNonKeySequences(chunk: string): string {
  let out = chunk;
  // Until none is left: taking one out may join an ESC before it to the text after it (`ESC ESC[0m [s` -> `ESC[s`).
  while (out.includes('\u001b[')) {
    const next = out.replace(CSI, (s) => (KEY.test(s) ? s : ''));
    if (next === out) break;
    out = next;
  }
  return out;
}

/** How soon after a chunk that ended with ESC the next one may still be joined to it by Ink's parser (ms). */
export const JOIN_MS = 50;

/**
 * dropNonKeySequences across reads. Ink's parser keeps an unfinished escape sequence and joins it to the next chunk
 * (a lone ESC until a setImmediate, `ESC[3` until its final byte): a pasted `ESC[31m` split as `ESC[3` + `1m`, or
 * `ESC` + `[31m`, went through the filter in halves and reached Ink whole, which threw. So an unfinished `ESC[…` at
 * the end of a chunk is held back and filtered with the next chunk; a chunk that ended with a lone ESC (the Esc key
 * itself, so it is passed on at once) has a non-key CSI body at the start of the next chunk, within JOIN_MS, removed.
 * Left: an Alt+[ (`ESC[`) typed on its own waits for the next key, and is dropped with it unless the two make a key.
 */
export class KeyInputFilter {
  private held = '';
  private escAt: number | undefined;

  push(chunk: string, now: number): string {
    const text = this.held + chunk;
    this.held = '';
    const afterEsc = this.escAt !== undefined && now - this.escAt <= JOIN_MS;
    this.escAt = undefined;
    let out = dropNonKeySequences(text);
    const open = /\u001b\[[0-?]*[ -/]*$/.exec(out);
    if (open) {
      this.held = open[0];
      out = out.slice(0, open.index);
    }
    // Again while what is left still opens with a body (`ESC` + `[0m[s…`: Ink would join ESC and `[s` next).
    while (afterEsc && out.startsWith('[')) {
      const body = /^\[[0-?]*[ -/]*([@-~])?/.exec(out)!;
      if (body[1] === undefined) {
        // Still unfinished: wait for the rest, still as the ESC's continuation.
        this.held = out + this.held;
        this.escAt = now;
        return '';
      }
      if (KEY.test(`\u001b${body[0]}`)) break;
      out = out.slice(body[0].length);
    }
    if (out.endsWith('\u001b')) this.escAt = now;
    return out;
  }
}
