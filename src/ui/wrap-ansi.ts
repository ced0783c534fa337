// The word wrap Ink uses, as the build gives it to Ink (scripts/build.mjs, plugin ink-word-wrap) in place of wrap-ansi:
// wrap-ansi itself, called the way Ink calls it (trim off, hard breaks), with one fix. With trim off, a row that ends
// exactly at the right edge pushes the space after it to the start of the next row, so wrapped text showed a stray
// leading space (" do much more."). Such a line is wrapped again one column narrower (its last word moves down with
// the rest), so every break falls on a space that ends a row; only when that does not settle within a few columns
// does the stray space itself go. A line's own indentation and deliberate double spaces are kept.
import wrapAnsi from 'wrap-ansi';

type Options = Parameters<typeof wrapAnsi>[2];

/** Styles (SGR) and OSC 8 link codes that wrap-ansi re-opens at the start of a row, then the one stray space. */
const STRAY_SPACE = /^((?:\u001B\[[0-9;]*m|\u001B\]8;[^\u0007\u001B]*(?:\u0007|\u001B\\))*) (?! )/;
const NARROWER_AT_MOST = 8;

const CODES = /\u001B\[[0-9;]*m|\u001B\]8;[^\u0007\u001B]*(?:\u0007|\u001B\\)/g;

/** Row breaks inside a word (no space on either side): hard breaks of a word longer than the row. */
function cutsInWords(rows: string[]): number {
  const text = rows.map((row) => row.replace(CODES, ''));
  return text.slice(1).filter((row, i) => /\S$/.test(text[i]!) && /^\S/.test(row)).length;
}

function wrapLine(line: string, columns: number, options: Options): string {
  let cuts: number | undefined;
  for (let width = columns; width > Math.max(0, columns - NARROWER_AT_MOST); width--) {
    const rows = wrapAnsi(line, width, options).split('\n');
    // Narrower, never at the price of cutting a word that was whole.
    const here = cutsInWords(rows);
    cuts ??= here;
    if (here > cuts) break;
    if (!rows.slice(1).some((row) => STRAY_SPACE.test(row))) return rows.join('\n');
  }
  return wrapAnsi(line, columns, options)
    .split('\n')
    .map((row, i) => (i === 0 ? row : row.replace(STRAY_SPACE, '$1')))
    .join('\n');
}

export default function wrapWords(text: string, columns: number, options?: Options): string {
  if (options?.trim !== false) return wrapAnsi(text, columns, options);
  // wrap-ansi wraps each line on its own (chalk closes and re-opens styles at line breaks), so wrapping line by line
  // tells a row that starts a line from a row that continues one.
  return String(text)
    .replaceAll('\r\n', '\n')
    .split('\n')
    .map((line) => wrapLine(line, columns, options))
    .join('\n');
}
