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
