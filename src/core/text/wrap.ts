// Lines printed on a terminal narrower than they are: broken at spaces to the terminal's width, each continuation
// indented under the text it continues (after a list number, a mark or a job log's `|`), so an 80-column terminal does
// not cut words (or a command to copy) in two. Used by plain mode (plain/wrap.ts) and by the wizard's last stderr line,
// printed after Ink has let go of the screen. A word longer than a row (a URL) is kept whole: cut, it could not be
// copied. Not a line with escape codes (they are not text).
const PREFIX = /^( *)((?:\d+\)|[-•|✓✗!?→…]|\[[ ✓✗!-]\])? ?)/;

/** Display columns of a plain-text run (wide CJK and emoji count 2; combining marks 0): close enough for wrapping. */
function columns(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (/\p{M}/u.test(ch)) continue;
    n +=
      c >= 0x1100 &&
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u.test(
        ch,
      )
        ? 2
        : 1;
  }
  return n;
}

/** `line` as the rows it takes at `width` columns (itself when it fits, has escape codes, or width is unknown). */
export function wrapLine(line: string, width: number | undefined): string[] {
  if (!width || width < 20 || columns(line) <= width || /[\x1b\x9b]/.test(line)) return [line];
  const [, lead = '', mark = ''] = PREFIX.exec(line) ?? [];
  // A job log's line keeps its bar on every row; anything else continues under the text after its mark.
  const indent = mark.trim() === '|' ? lead + mark : ' '.repeat(lead.length + columns(mark));
  const out: string[] = [];
  let row = lead + mark;
  let start = columns(row);
  let used = start;
  for (const word of line.slice(lead.length + mark.length).split(' ')) {
    const w = columns(word);
    // A word that does not fit goes to the next row (one longer than a row, a URL, stays whole: the terminal folds it).
    if (used > start && used + 1 + w > width) {
      out.push(row);
      row = indent;
      start = used = columns(indent);
    }
    const sep = used > start ? ' ' : '';
    row += sep + word;
    used += sep.length + w;
  }
  out.push(row);
  return out;
}

/** `text` (one line or more) with each line broken at spaces to `width` columns, as wrapLine breaks it. */
export function wrapAtSpaces(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}
