// A long line cut for the screen: a pasted line of megabytes took Ink minutes to lay out. Cut by characters (code
// points, never half of a surrogate pair), with how much was left out. Cut after masking, so that a cut never leaves
// characters of a token the mask hid.

/** `line` cut to `max` characters, then `… (N more characters<what>)`; the line itself when it is not longer. */
export function clipLine(line: string, max: number, what = ''): string {
  if (line.length <= max) return line;
  const head = Array.from(line.slice(0, 2 * max))
    .slice(0, max)
    .join('');
  return `${head}… (${(line.length - head.length).toLocaleString('en-US')} more characters${what})`;
}
