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
 * `i` starts a line's run (only an indentation, or the prefix the line before has too, before it on its line): the end
 * of the line before's run when that line ends with at least `minLine` run characters; -1 when no wrap joins them.
 */
function lineEndBefore(text: string, i: number, isChar: (code: number) => boolean, minLine: number): number {
  let k = i;
  while (k > 0 && i - k < MAX_INDENT && (text[k - 1] === ' ' || text[k - 1] === '\t')) k--;
  if (text[k - 1] !== '\n') {
    // A log prefix (a timestamp, `> `): the line before starts the same way.
    const start = text.lastIndexOf('\n', i - 1) + 1;
    if (start === 0 || i - start > MAX_PREFIX) return -1;
    const end = text[start - 2] === '\r' ? start - 2 : start - 1;
    const before = text.lastIndexOf('\n', end - 1) + 1;
    if (prefixLength(text, before, end, start, i) !== i - start) return -1;
    k = start;
    minLine = prefixedLineMin(minLine);
  }
  k--;
  if (text[k - 1] === '\r') k--;
  return endsWithRun(text, k, isChar, minLine) ? k : -1;
}

/** `j` ends a line's run (a break right after it): where the next line's run starts, or -1 when no wrap joins them. */
export function lineStartAfter(text: string, j: number, isChar: (code: number) => boolean, minLine: number): number {
  let k = j;
  if (text[k] === '\r') k++;
  if (text[k] !== '\n' || !endsWithRun(text, j, isChar, prefixedLineMin(minLine))) return -1;
  k++;
  const from = k;
  // The prefix this line starts with too (a log's timestamp, `> `), else an indentation.
  let nextEnd = text.indexOf('\n', from);
  if (nextEnd === -1) nextEnd = text.length;
  const skip = prefixLength(text, text.lastIndexOf('\n', j - 1) + 1, j, from, nextEnd);
  if (skip) k += skip;
  else if (!endsWithRun(text, j, isChar, minLine)) return -1;
  else while (k < text.length && k - from < MAX_INDENT && (text[k] === ' ' || text[k] === '\t')) k++;
  return k < text.length && isChar(text.charCodeAt(k)) ? k : -1;
}

/**
 * The run characters a line ends with that a wrap under a log prefix joins to the next: fewer than without one (the
 * prefix on both lines says they are one stream's, cut; at 40 columns `Authorization: Basic ` leaves 16), and as many when the
 * caller reads a line alone (Infinity).
 */
function prefixedLineMin(minLine: number): number {
  return Number.isFinite(minLine) ? Math.min(minLine, 12) : minLine;
}

/** Whether the `minLine` characters before `end` (at least one) are run characters. */
function endsWithRun(text: string, end: number, isChar: (code: number) => boolean, minLine: number): boolean {
  const need = Math.max(1, minLine);
  if (end < need) return false;
  for (let k = end - need; k < end; k++) if (!isChar(text.charCodeAt(k))) return false;
  return true;
}

// --- Lines joined where a wrap cut a token's written form --------------------------------------------------------
// A terminal wraps a long line at its width, a log collector puts its prefix (a timestamp, `> `, `[stdout] `) on each
// line it cuts, a JSON log writes the break as `\n`: a token (or its encoding) is then in pieces on two or more lines,
// none of which a line's masking sees as a token, and each piece shown whole. Here the pieces around each break are
// read as one run: the break, and the next line's prefix (what its start shares with the line before's, digits as
// digits, up to a separator), left out.

/** A stretch of a text read over the wraps in it: its characters, where each stood, where each line's piece starts. */
export interface JoinedWindow {
  run: string;
  at: number[];
  /** Indexes in `run` where a piece of a following line starts. */
  joins: number[];
}

/**
 * The line breaks of a stretch, one array a field (numbers, not an object a break: a log of a million short lines made
 * a million objects): each break's first character (CR, LF, or the backslash of a JSON `\n`) and the next line's
 * first; where that line's content starts (after its prefix) and its run from there ends (before the next break); where
 * the run the line before ends with starts.
 */
interface Lines {
  start: number[];
  end: number[];
  contentStart: number[];
  runEnd: number[];
  runStart: number[];
}

/** Characters after a break a window reads: far more than any written token (MAX_FORM), so one window reads many breaks. */
const JOIN_REACH = 2048;
/** The longest written form of a token (49 characters as `%25XX`: 245): a window read holds any such form that far in. */
export const MAX_FORM = 256;
/** Characters of a prefix compared (a timestamp and a stream name are under 64). */
const MAX_PREFIX = 96;

/** Each line break of `text` in [from, to): LF or CRLF, and a JSON string's `\n` or `\r\n` (a backslash not escaped). */
function breaksOf(text: string, from: number, to: number): Lines {
  const lines: Lines = {start: [], end: [], contentStart: [], runEnd: [], runStart: []};
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) {
    lines.start.push(i > from && text.charCodeAt(i - 1) === 0x0d ? i - 1 : i);
    lines.end.push(i + 1);
  }
  // Searched in [from, to) only: a search to the text's end for each stretch read made a 1 MB log's masking quadratic.
  const escaped = text.slice(from, to).indexOf('\\n') + from;
  if (escaped < from) return lines;
  const all: [number, number][] = lines.start.map((start, k) => [start, lines.end[k]!]);
  for (let i = escaped; i !== -1 && i < to; i = text.indexOf('\\n', i + 2)) {
    if (text[i - 1] === '\\') continue;
    const crlf = text.slice(i - 2, i) === '\\r' && text[i - 3] !== '\\';
    all.push([crlf ? i - 2 : i, i + 2]);
  }
  all.sort((x, y) => x[0] - y[0]);
  lines.start = all.map((x) => x[0]);
  lines.end = all.map((x) => x[1]);
  return lines;
}

/** Digits stand for any digit (a timestamp's), everything else for itself. */
function sameShape(a: number, b: number): boolean {
  return a === b || (a >= 0x30 && a <= 0x39 && b >= 0x30 && b <= 0x39);
}

/**
 * How many characters of the line at `next` are a prefix the line at `line` has too: the longest start of the same
 * shape that ends with a separator (a space, `|`, `]`, `>`, `:`), then spaces or tabs; 0 for a line that goes on.
 */
function prefixLength(text: string, line: number, lineEnd: number, next: number, nextEnd: number): number {
  let common = 0;
  const max = Math.min(MAX_PREFIX, lineEnd - line, nextEnd - next);
  while (common < max && sameShape(text.charCodeAt(line + common), text.charCodeAt(next + common))) common++;
  let k = common;
  while (k > 0 && !isSeparator(text.charCodeAt(next + k - 1))) k--;
  while (next + k < nextEnd && k < MAX_PREFIX && (text[next + k] === ' ' || text[next + k] === '\t')) k++;
  return k;
}

/**
 * Whether the line after the break at [at, at + length) starts with a prefix the line before has too (a log's
 * timestamp, `> `): then its first word is the prefix's, not the rest of a word the line before ends with.
 */
export function prefixedBreak(text: string, at: number, length: number): boolean {
  return contentAfter(text, at, length) > at + length;
}

/** Where the line after the break at [at, at + length) starts once the prefix the line before has too is left out. */
export function contentAfter(text: string, at: number, length: number): number {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const next = at + length;
  let nextEnd = text.indexOf('\n', next);
  if (nextEnd === -1) nextEnd = text.length;
  return next + prefixLength(text, lineStart, at, next, nextEnd);
}

function isSeparator(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x7c || code === 0x5d || code === 0x3e || code === 0x3a;
}

/**
 * Every window of `text` around a break in one of the stretches `near` names (around signs of a token) where a run of
 * `isChar` characters ends a line and another starts the next (after its prefix), over the breaks before and after it
 * that go on with the same run, at most JOIN_REACH characters each side, that `sign` accepts. `visit` returns where the
 * next window may start (after what it rewrote), or undefined. Only the stretches near a sign are read: a log of
 * millions of short lines costs what its signs do.
 */
export function forEachJoin(
  text: string,
  isChar: (code: number) => boolean,
  near: [number, number][],
  sign: (run: string, joins: number[]) => boolean,
  visit: (window: JoinedWindow) => number | undefined,
): void {
  const state = {done: 0, skip: 0};
  near.sort((x, y) => x[0] - y[0]);
  // Only the breaks in a stretch a sign names are read (its caller knows how far a written token over a break reaches);
  // the lines are worked out once for stretches near each other (a region), not once a stretch.
  for (let i = 0; i < near.length;) {
    const region: [number, number][] = [[Math.max(0, near[i]![0]), near[i]![1]]];
    for (i++; i < near.length && near[i]![0] - region[region.length - 1]![1] < REGION_GAP; i++) {
      const last = region[region.length - 1]!;
      if (near[i]![0] <= last[1]) last[1] = Math.max(last[1], near[i]![1]);
      else region.push([near[i]![0], near[i]![1]]);
    }
    joinsIn(text, isChar, region, state, sign, visit);
  }
}

/** Stretches closer than this are read with the same lines. */
const REGION_GAP = 4096;

/** The lines around [from, to), with where each break's runs start and end (see Lines). */
function linesAround(text: string, isChar: (code: number) => boolean, from: number, to: number): Lines {
  let lineStart = text.lastIndexOf('\n', Math.max(0, from - MAX_FORM)) + 1;
  let contentStart = lineStart;
  const lines = breaksOf(text, lineStart, Math.min(text.length, to + MAX_FORM));
  const n = lines.start.length;
  for (let k = 0; k < n; k++) {
    const start = lines.start[k]!;
    const end = lines.end[k]!;
    const nextEnd = k + 1 < n ? lines.start[k + 1]! : text.length;
    let runStart = start;
    while (runStart > contentStart && isChar(text.charCodeAt(runStart - 1))) runStart--;
    // A line that does not end in the run's characters joins nothing: its next line is not read.
    const skip = runStart < start ? prefixLength(text, lineStart, start, end, nextEnd) : 0;
    let runEnd = end + skip;
    if (runStart < start) while (runEnd < nextEnd && isChar(text.charCodeAt(runEnd))) runEnd++;
    lines.runStart.push(runStart);
    lines.contentStart.push(end + skip);
    lines.runEnd.push(runEnd);
    lineStart = end;
    contentStart = end + skip;
  }
  return lines;
}

/**
 * forEachJoin over the breaks in `stretches` (sorted, apart): none before `state.done` (what visit rewrote) or
 * `state.skip` (what a window read already held, with room for a whole written token each side); both moved on.
 */
function joinsIn(
  text: string,
  isChar: (code: number) => boolean,
  stretches: [number, number][],
  state: {done: number; skip: number},
  sign: (run: string, joins: number[]) => boolean,
  visit: (window: JoinedWindow) => number | undefined,
): void {
  const to = Math.min(text.length, stretches[stretches.length - 1]![1]);
  const lines = linesAround(text, isChar, stretches[0]![0], to);
  let s = 0;
  for (let k = 0; k < lines.start.length; k++) {
    const start = lines.start[k]!;
    if (start >= to) break;
    while (stretches[s]![1] <= start) s++;
    if (start < stretches[s]![0] || start < state.skip) continue;
    if (lines.runStart[k] === start || lines.runEnd[k] === lines.contentStart[k]) continue;
    const {pieces, cut} = piecesAround(lines, k, state.done);
    let run = '';
    const joins: number[] = [];
    for (const [a, z] of pieces) {
      if (run) joins.push(run.length);
      run += text.slice(a, z);
    }
    const end = pieces[pieces.length - 1]![1];
    state.skip = Math.max(state.skip, cut ? end - MAX_FORM : end);
    // Most windows hold no sign of a token: their positions are not worked out.
    if (!sign(run, joins)) continue;
    const at: number[] = [];
    for (const [a, z] of pieces) for (let i = a; i < z; i++) at.push(i);
    const next = visit({run, at, joins});
    if (next !== undefined) state.done = state.skip = next;
  }
}

/**
 * The pieces of the run over break k: back over whole lines that go on with it (MAX_FORM characters: a written token
 * over this break starts no further back), then forward the same way (JOIN_REACH: the breaks in there are read with it).
 */
function piecesAround(lines: Lines, k: number, done: number): {pieces: [number, number][]; cut: boolean} {
  const {start, contentStart, runStart, runEnd} = lines;
  const back: [number, number][] = [[Math.max(runStart[k]!, start[k]! - MAX_FORM, done), start[k]!]];
  let left = start[k]! - back[0]![0];
  for (let j = k - 1; j >= 0 && left < MAX_FORM && back[back.length - 1]![0] === contentStart[j]; j--) {
    if (runStart[j] === start[j] || start[j]! < done) break;
    const from = Math.max(runStart[j]!, start[j]! - (MAX_FORM - left));
    back.push([from, start[j]!]);
    left += start[j]! - from;
  }
  const pieces = back.reverse();
  let right = 0;
  let cut = false;
  for (let j = k; j < start.length; j++) {
    if (runEnd[j] === contentStart[j]) break;
    const to = Math.min(runEnd[j]!, contentStart[j]! + (JOIN_REACH - right));
    pieces.push([contentStart[j]!, to]);
    right += to - contentStart[j]!;
    cut = to !== runEnd[j];
    if (cut || j + 1 >= start.length || runEnd[j] !== start[j + 1]) break;
  }
  return {pieces, cut};
}

/** A token the Hub issues is its prefix and 34 letters or digits: a first piece that long is whole on its own. */
export const TOKEN_BODY_LENGTH = 34;

/** Letters of one case, the other case, digits: how often a body switches between them. */
function classSwitches(body: string): number {
  const kind = (c: string) => (c >= 'a' && c <= 'z' ? 0 : c >= 'A' && c <= 'Z' ? 1 : 2);
  let switches = 0;
  for (let i = 1; i < body.length; i++) if (kind(body[i]!) !== kind(body[i - 1]!)) switches++;
  return switches;
}
const MIN_SWITCHES = 4;

/**
 * Whether pieces on two or more lines joined are a token rather than words: the Hub's own length, random-looking (a
 * random body of 16 switches case or to digits about 10 times), or a piece that is no word (`FAKE3xQ`); words are
 * `hf_transfer` then `Installing` on the next line.
 */
export function joinedIsToken(token: string, pieces: string[]): boolean {
  const body = token.replace(/^(?:hf_(?:oauth_)?|api_org_)/, '');
  return (
    body.length === TOKEN_BODY_LENGTH ||
    classSwitches(body) >= MIN_SWITCHES ||
    pieces.some((piece) => !/^(?:[a-z]*|[A-Z][a-z]+|[A-Z]+|[0-9]+)$/.test(piece))
  );
}
