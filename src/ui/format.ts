// Small text helpers shared by the Ink screens and the plain mode.
import type {CheckStatus, Finding} from '../core/wizard/types.js';

export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

export const STATUS_ICONS: Record<CheckStatus, string> = {pass: '✓', warn: '!', fail: '✗', skip: '-'};
export const STATUS_COLORS: Record<CheckStatus, string> = {pass: 'green', warn: 'yellow', fail: 'red', skip: 'gray'};

/** A diagnosis finding drawn like a check line: ok ✓, bad ✗, unknown !. */
export const FINDING_STATUS: Record<Finding['status'], CheckStatus> = {ok: 'pass', bad: 'fail', unknown: 'warn'};

/** OSC 8 hyperlink (the visible text is the URL itself, so it still reads fine where links are unsupported). */
export function hyperlink(url: string, enabled: boolean): string {
  return enabled ? `\u001B]8;;${url}\u0007${url}\u001B]8;;\u0007` : url;
}

/** How many of `total` lines to show when `max` fit: all of them when only one would be hidden (never hide a single line). */
export function linesToShow(total: number, max: number): number {
  return total <= max + 1 ? total : max;
}

/** "… 1 more line" / "… 3 more lines". */
export function moreLines(hidden: number, where = 'more'): string {
  return `… ${hidden} ${where === 'more' ? 'more ' : ''}line${hidden === 1 ? '' : 's'}${where === 'more' ? '' : ` ${where}`}`;
}

/** Rows a text takes in `width` columns, wrapped at spaces as Ink wraps (a word longer than the width is cut). */
export function wrappedRows(text: string, width: number): number {
  if (width <= 0) return 1;
  let rows = 0;
  for (const line of text.split('\n')) {
    rows++;
    let used = 0;
    for (const word of line.split(' ')) {
      const w = [...word].length;
      const need = used === 0 ? w : used + 1 + w;
      if (need <= width) used = need;
      else {
        rows += used === 0 ? 0 : 1;
        rows += Math.max(0, Math.ceil(w / width) - 1);
        used = w % width || (w ? width : 0);
      }
    }
  }
  return rows;
}

/** Rows that items of these widths take when laid out left to right and wrapped (Ink's flexWrap). */
export function packedRows(widths: number[], width: number): number {
  let rows = 1;
  let used = 0;
  for (const w of widths) {
    if (used > 0 && used + w > width) {
      rows++;
      used = 0;
    }
    used += w;
  }
  return rows;
}
