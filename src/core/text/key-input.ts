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
  if (!chunk.includes('\u001b[')) return chunk;
  return chunk.replace(CSI, (s) => (KEY.test(s) ? s : ''));
}
