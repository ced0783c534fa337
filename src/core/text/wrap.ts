// A line printed outside Ink (the wizard's last stderr line), wrapped at spaces for the terminal's width: a terminal
// wraps at the last column, so `npx hf-jobs-wizard --sandbox` came out as "npx hf-j" / "obs-wizard" at 80 columns.
// A word longer than the width (a URL) is kept whole on a line of its own: cut, it could not be copied.

/** `text` with line breaks at spaces so that no line is longer than `width` columns (code points), where words allow. */
export function wrapAtSpaces(text: string, width: number): string {
  if (!Number.isFinite(width) || width < 2) return text;
  return text
    .split('\n')
    .map((line) => {
      const rows: string[] = [];
      let row = '';
      for (const word of line.split(' ')) {
        const candidate = row ? `${row} ${word}` : word;
        if (!row || [...candidate].length <= width) row = candidate;
        else {
          rows.push(row);
          row = word;
        }
      }
      rows.push(row);
      return rows.join('\n');
    })
    .join('\n');
}
