// An encoded run (base64, percent-encoding) read around a position, over the line breaks that wrap it: `base64` wraps
// its output at 76 characters, PEM at 64, a YAML block scalar indents each line, a mail or a Markdown editor cuts a
// long URL. A decoder reads such a block as one text (a base64 decoder skips line breaks), so the token it holds is
// found only with its lines joined. A break joins two lines when the line before ends with at least `minLine` of the
// run's characters (no space after them) and the next line starts with one after an indentation of spaces or tabs.

export interface WrappedRun {
  /** The run's characters, the breaks and indentations that wrap it left out. */
  run: string;
  /** Where, in the text, each of the run's characters stands. */
  at: number[];
  /** The index in the run of the position read around. */
  center: number;
  /** Whether the run was cut after `window` characters to the right (it may go on). */
  cut: boolean;
}

/**
 * Where, after the run read around one position, the next position to read around may be: those before it hold no
 * written form of `longest` characters that the run did not hold whole (the run reads `window` each side).
 */
export function nextAfter(wrapped: WrappedRun, window: number, longest: number): number {
  const last = wrapped.at.length - 1;
  if (last < 0) return 0;
  const upTo = wrapped.cut ? Math.max(wrapped.center, Math.min(last, wrapped.center + window - longest)) : last;
  return wrapped.at[upTo]! + 1;
}

/** Spaces and tabs an indented continuation line may start with (a YAML block in a nested manifest). */
const MAX_INDENT = 64;

/**
 * The run of `isChar` characters around `pos` (at most `window` of them each side), over wrapping line breaks. Bounded:
 * reads at most `window` characters each side, plus a break and an indentation a line.
 */
export function wrappedRun(
  text: string,
  pos: number,
  isChar: (code: number) => boolean,
  window: number,
  minLine: number,
): WrappedRun {
  const left: number[] = [];
  let i = pos;
  while (left.length < window) {
    if (i > 0 && isChar(text.charCodeAt(i - 1))) left.push(--i);
    else {
      const end = lineEndBefore(text, i, isChar, minLine);
      if (end === -1) break;
      i = end;
    }
  }
  const at = left.reverse();
  const center = at.length;
  let j = pos;
  let n = 0;
  while (n < window) {
    if (j < text.length && isChar(text.charCodeAt(j))) {
      at.push(j++);
      n++;
    } else {
      const start = lineStartAfter(text, j, isChar, minLine);
      if (start === -1) break;
      j = start;
    }
  }
  let run = '';
  for (const k of at) run += text[k];
  return {run, at, center, cut: n >= window};
}

/**
 * `i` starts a line's run (only an indentation before it on its line): the end of the line before's run when that
 * line ends with at least `minLine` run characters; -1 when no wrap joins them.
 */
function lineEndBefore(text: string, i: number, isChar: (code: number) => boolean, minLine: number): number {
  let k = i;
  while (k > 0 && i - k < MAX_INDENT && (text[k - 1] === ' ' || text[k - 1] === '\t')) k--;
  if (text[k - 1] !== '\n') return -1;
  k--;
  if (text[k - 1] === '\r') k--;
  return endsWithRun(text, k, isChar, minLine) ? k : -1;
}

/** `j` ends a line's run (a break right after it): where the next line's run starts, or -1 when no wrap joins them. */
function lineStartAfter(text: string, j: number, isChar: (code: number) => boolean, minLine: number): number {
  if (!endsWithRun(text, j, isChar, minLine)) return -1;
  let k = j;
  if (text[k] === '\r') k++;
  if (text[k] !== '\n') return -1;
  k++;
  const from = k;
  while (k < text.length && k - from < MAX_INDENT && (text[k] === ' ' || text[k] === '\t')) k++;
  return k < text.length && isChar(text.charCodeAt(k)) ? k : -1;
}

/** Whether the `minLine` characters before `end` (at least one) are run characters. */
function endsWithRun(text: string, end: number, isChar: (code: number) => boolean, minLine: number): boolean {
  const need = Math.max(1, minLine);
  if (end < need) return false;
  for (let k = end - need; k < end; k++) if (!isChar(text.charCodeAt(k))) return false;
  return true;
}
