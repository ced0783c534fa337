// Tokens cut in two by a line break or by the end of a stream's chunk: a job printing `hf_AbCd` on one line and the
// rest on the next, a container runtime splitting a long line into partial entries, a log reread after a drop.
// Masking a line at a time (mask.ts) sees two short pieces, neither of them a token. Here the pieces are looked at
// together: maskSplitTokens for a whole text, createSplitMasker for a stream, which holds back only a line whose end
// could start a token (bounded: the look-behind is at most LOOK_BEHIND characters, the wait at most holdMs). A held
// line released before the next piece (time out, the stream dropped or ended) shows a token's start masked (`hf_…`),
// and the pieces that go on with it are hidden (`…`): none of a token's characters is shown, however late its rest.
import {knownSecrets, maskToken, maskWrappedTokens} from './mask.js';
import {contentAfter, joinedIsToken, prefixedBreak, TOKEN_BODY_LENGTH} from './wrapped.js';

export {TOKEN_BODY_LENGTH};

/** Characters looked back over for the start of a token that the next piece may finish (a token is at most 43). */
export const LOOK_BEHIND = 256;
/** How long a held line waits for the next piece before it is shown as it is (default). */
export const DEFAULT_HOLD_MS = 400;

const PREFIXES = ['hf_oauth_', 'api_org_', 'hf_'];
const TOKEN = /(?:hf_(?:oauth_)?|api_org_)[A-Za-z0-9]{16,1024}/g;
const BREAK = /[\r\n]/;

function prefixOf(token: string): string {
  return PREFIXES.find((p) => token.startsWith(p)) ?? '';
}

/** A text without its line breaks, and where each of its characters stood in the text. */
function strip(text: string): {flat: string; at: number[]} {
  let flat = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') continue;
    flat += c;
    at.push(i);
  }
  return {flat, at};
}

/**
 * A run's tokens that go over a break, each replaced (breaks inside included) by its mask. A token takes lines until
 * its body is the Hub's length: the next line's word is not part of it.
 */
function maskRun(run: string): string {
  const {flat, at} = strip(run);
  let out = '';
  let done = 0;
  const token = new RegExp(TOKEN.source, 'g');
  for (let m = token.exec(flat); m; m = token.exec(flat)) {
    const prefix = prefixOf(m[0]).length;
    // Where the token ends: at the end of the match, or at the first break once its body is long enough.
    let end = m.index + m[0].length;
    for (let k = m.index + prefix + TOKEN_BODY_LENGTH; k < end; k++)
      if (at[k]! - at[k - 1]! > 1) {
        end = k;
        break;
      }
    token.lastIndex = end;
    const text = flat.slice(m.index, end);
    const from = at[m.index]!;
    const to = at[end - 1]! + 1;
    // On one line (the line's own masking sees it), too short, or words.
    if (to - from === text.length || text.length - prefix < 16) continue;
    const bodyFrom = at[m.index + prefix]!;
    if (!joinedIsToken(text, run.slice(Math.min(bodyFrom, to), to).split(/\r?\n/))) continue;
    out += run.slice(done, from) + maskToken(text);
    done = to;
  }
  return out + run.slice(done);
}

const spreads = new Map<string, RegExp>();
/** A secret with an optional line break between any two of its characters (global; one built a secret). */
function spreadOf(secret: string): RegExp {
  let re = spreads.get(secret);
  if (!re) {
    if (spreads.size > 256) spreads.clear();
    re = new RegExp([...secret].map(escapeRegExp).join('(?:\\r?\\n)?'), 'g');
    spreads.set(secret, re);
  }
  re.lastIndex = 0;
  return re;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The secrets masked by value: those given, those registered, long enough not to be a word. */
function secretsOf(given: Iterable<string>): string[] {
  const all = new Set<string>();
  for (const s of [...given, ...knownSecrets()]) if (s && s.length >= 8 && !BREAK.test(s)) all.add(s);
  return [...all].sort((a, b) => b.length - a.length);
}

/**
 * `text` with every token (and every known secret) that a line break cuts replaced by its mask, the break with it (the
 * two lines become one: `hf_…wxyz` where the token stood). Tokens on one line are left to redactSecrets, which the
 * caller still applies.
 */
export function maskSplitTokens(text: string, secretsHere: Iterable<string> = []): string {
  if (!BREAK.test(text)) return text;
  let out = text;
  for (const secret of secretsOf(secretsHere)) {
    // Any break between two of its characters; only a match holding a break is new here.
    out = out.replace(spreadOf(secret), (m) => (BREAK.test(m) ? maskToken(secret) : m));
  }
  // Again until nothing changes: a mask's last characters may start the next token (`hf_…Xapi` then `_org_…`), as in
  // mask.ts. Each pass that changes something replaces a token by its shorter mask, so this ends.
  for (let pass = 0; pass < 16; pass++) {
    let next = '';
    let done = 0;
    for (const [start, end] of runsOverJoins(out, DIRECT_BREAK_JOIN)) {
      for (const [from, to] of aroundBreaks(out, start, end)) {
        const run = out.slice(from, to);
        // Every token's prefix starts `hf` or `api`, a break between its letters or not.
        if (!MAY_START.test(run)) continue;
        const masked = maskRun(run);
        if (masked === run) continue;
        next += out.slice(done, from) + masked;
        done = to;
      }
    }
    if (!done) break;
    out = next + out.slice(done);
  }
  // A token whose pieces a log prefix (a timestamp, `> `) stands between: masked where it starts (mask.ts).
  return maskWrappedTokens(out, secretsHere);
}

const MAY_START = /h(?:\r?\n)?f|a(?:\r?\n)?p(?:\r?\n)?i/;

/** Characters each side of a break that a token over it can reach (it is at most 1024 long, the Hub's are 43). */
const NEAR_BREAK = 1100;

/**
 * The parts of the run [start, end) a token over a break can be in: the whole run when short, else the stretches
 * around its breaks (merged where they meet). Reading all of an 8 MB run took 3 s for one break at its end.
 */
function aroundBreaks(text: string, start: number, end: number): [number, number][] {
  if (end - start <= 4 * NEAR_BREAK) return [[start, end]];
  const parts: [number, number][] = [];
  for (let at = text.indexOf('\n', start); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) {
    const from = Math.max(start, at - NEAR_BREAK);
    const to = Math.min(end, at + NEAR_BREAK);
    const last = parts[parts.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else parts.push([from, to]);
  }
  return parts;
}

/**
 * A line break whose next line goes straight on (no log prefix the line before has too: `2026-12-08… INFO` then the
 * token's rest was read as `hf_…` + `2026`, the rest of the token shown; mask.ts joins those over the prefix).
 */
const DIRECT_BREAK_JOIN: Join = (text, at) => {
  const n = BREAK_JOIN(text, at);
  return n && !prefixedBreak(text, at, n) ? n : 0;
};

/** A join of two word runs: its length at `at` (0: none there). */
export type Join = (text: string, at: number) => number;
/** A line break. */
export const BREAK_JOIN: Join = (text, at) =>
  text[at] === '\n' ? 1 : text[at] === '\r' && text[at + 1] === '\n' ? 2 : 0;

function isWordCode(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f
  );
}

/**
 * Each stretch of word characters ([A-Za-z0-9_]) that goes over at least one join (a line break, a line continuation)
 * between two of them, as [start, end). A loop, not a pattern: a repeated group over millions of lines (`y` a line,
 * 16 MB) overflowed the regular expression engine's stack.
 */
export function runsOverJoins(text: string, join: Join): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (!isWordCode(code)) {
      i++;
      continue;
    }
    const start = i;
    let joined = false;
    for (;;) {
      while (i < text.length && isWordCode(text.charCodeAt(i))) i++;
      const n = i < text.length ? join(text, i) : 0;
      if (n && i + n < text.length && isWordCode(text.charCodeAt(i + n))) {
        joined = true;
        i += n;
        continue;
      }
      break;
    }
    if (joined) runs.push([start, i]);
  }
  return runs;
}

/** Every way a token's prefix can be cut at its end: `h`, `hf`, … `hf_oauth`, `a`, … `api_org`. */
const PARTIAL_PREFIXES = [...new Set(PREFIXES.flatMap((p) => [...p].map((_, i) => p.slice(0, i + 1))))];
const OPEN_TOKEN = new RegExp(
  `(?:(?:hf_(?:oauth_)?|api_org_)[A-Za-z0-9]{0,${TOKEN_BODY_LENGTH - 1}}|${PARTIAL_PREFIXES.map(escapeRegExp).join('|')})$`,
);

/**
 * Where, in `text`, the piece that may be the start of a token (or of a known secret) the next piece finishes begins;
 * -1 when the text's end cannot start one. Looks back at most LOOK_BEHIND characters, over line breaks.
 */
export function openTokenStart(text: string, secrets: string[] = []): number {
  let from = text.length;
  const floor = Math.max(0, text.length - LOOK_BEHIND);
  while (from > floor && isRunChar(text.charCodeAt(from - 1))) from--;
  let start = -1;
  if (from < text.length) {
    const tail = text.slice(from);
    if (!BREAK.test(tail)) {
      // One line (the usual case): no characters to map back.
      const open = OPEN_TOKEN.exec(tail);
      if (open) start = from + open.index;
    } else {
      const {flat, at} = strip(tail);
      const open = OPEN_TOKEN.exec(flat);
      if (open) start = from + at[open.index]!;
    }
  }
  // A known secret's first characters at the very end, line breaks between them or not (of any shape: the raw end).
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  const last = text[end - 1];
  const mine = last === undefined ? [] : secrets.filter((secret) => secret.includes(last));
  if (!mine.length) return start;
  const longest = Math.max(...mine.map((secret) => secret.length));
  const tailFrom = Math.max(0, text.length - 2 * longest - 2);
  const {flat, at} = strip(text.slice(tailFrom));
  for (const secret of mine) {
    for (let k = Math.min(flat.length, secret.length - 1); k > 0; k--) {
      if (secret[k - 1] === last && flat.endsWith(secret.slice(0, k))) {
        const at2 = tailFrom + at[flat.length - k]!;
        if (start === -1 || at2 < start) start = at2;
        break;
      }
    }
  }
  return start;
}

/**
 * Where the encoded run a text ends with starts, when a wrap may have cut a token's written form there (mask.ts joins
 * it with the next line): percent escapes (or one cut at the end), a base64 or hex hint, or 24 base64 characters (a
 * wrapped block's line); -1 otherwise. A job printing a wrapped URL or base64 value a line at a time had each line
 * shown on its own, every piece of the token readable.
 */
export function openEncodedStart(text: string): number {
  let from = text.length;
  const floor = Math.max(0, text.length - LOOK_BEHIND);
  while (from > floor && isEncodedTailChar(text.charCodeAt(from - 1))) from--;
  const tail = text.slice(from);
  if (!tail) return -1;
  return /%[0-9A-Fa-f]{2}|%[0-9A-Fa-f]?$/.test(tail) || tail.length >= 24 || ENCODED_HINT.test(tail) ? from : -1;
}
/** The base64 hints of `hf_` and `api_org_` (each alignment) and their hex. */
const ENCODED_HINT = /aGZf|hmX|oZl|YXBpX29yZ1|FwaV9vcmdf|hcGlfb3JnX|68665[fF]|6170695[fF]/;

/**
 * Where to hold `text` from for an encoded run open at `open`: the start of its line, and of each line before that
 * ends in the run's characters (the lines a wrap cut it over, read again with the next piece), up to ENCODED_HOLD.
 */
function encodedHoldFrom(text: string, open: number): number {
  let cut = text.lastIndexOf('\n', open - 1) + 1;
  while (cut > 0 && open - cut < ENCODED_HOLD) {
    const end = text[cut - 2] === '\r' ? cut - 2 : cut - 1;
    if (end <= 0 || !isEncodedTailChar(text.charCodeAt(end - 1))) break;
    cut = text.lastIndexOf('\n', end - 1) + 1;
  }
  return cut;
}
/** Characters of lines held before an open encoded run: a token written `%25XX` a character is 245. */
const ENCODED_HOLD = 1024;

/** What a wrapped URL or base64 line ends with: letters, digits, `%`, and base64's `+ / = _ -`. */
function isEncodedTailChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x25 ||
    code === 0x2b ||
    code === 0x2f ||
    code === 0x3d ||
    code === 0x5f ||
    code === 0x2d
  );
}

/** Letters, digits, `_`, CR, LF: what a token cut by breaks is made of. */
function isRunChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f ||
    code === 0x0a ||
    code === 0x0d
  );
}

export interface SplitMasker {
  /** One piece of the stream (a log entry, a chunk's lines); may hold line breaks. */
  push(piece: string): void;
  /** Shows whatever is held (the stream ended, or paused). */
  flush(): void;
}

export interface SplitMaskerOptions {
  /** Each line, with the tokens a break cut masked (the caller still applies redactSecrets to it). */
  onLine: (line: string) => void;
  secrets?: string[];
  /** How long a held line waits for the next piece (DEFAULT_HOLD_MS); 0: only push and flush release it. */
  holdMs?: number;
}

/**
 * A stream's pieces as lines, a token cut between two pieces (or by a line break inside one) masked whole. Only the
 * lines from the one where a token may have started are held, until the next piece, flush, or holdMs. After a held
 * line was shown on time out, a next piece that goes on with the token has that part hidden (`…`).
 */
export function createSplitMasker(options: SplitMaskerOptions): SplitMasker {
  const holdMs = options.holdMs ?? DEFAULT_HOLD_MS;
  let held: string | undefined;
  // After a release that masked a token's start: that start as it was (flat), which the next pieces may go on with.
  let released: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The registered secrets may grow while the stream runs (a login): read again at each piece.
  let known = secretsOf(options.secrets ?? []);
  const emit = (text: string) => {
    for (const line of maskSplitTokens(text, known).split(/\r?\n/)) options.onLine(line);
  };
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (held === undefined) return;
    const text = held;
    held = undefined;
    // Shown with the open start masked; that start kept as it was, for the next pieces (continueOpen).
    const open = openTokenStart(text, known);
    released = open === -1 ? undefined : strip(text.slice(open)).flat;
    emit(maskOpenTail(text, known));
  };
  return {
    push(piece) {
      if (timer) clearTimeout(timer);
      timer = undefined;
      known = secretsOf(options.secrets ?? []);
      let next = String(piece);
      if (released !== undefined) [next, released] = continueOpen(released, next, known);
      // Still going on with a released token: shown masked at once.
      if (released !== undefined) return emit(next);
      const text = held === undefined ? next : `${held}\n${next}`;
      held = undefined;
      const plain = openTokenStart(text, known);
      const open = plain === -1 ? openEncodedStart(text) : plain;
      if (open === -1) return emit(text);
      // An encoded run's lines are held with what goes on into their first one over a break (a known secret or a
      // token cut between the pieces: `key.` then `3BJn…%68%66…` showed the secret whole, read over the two lines).
      const cut = plain === -1 ? holdFrom(text, encodedHoldFrom(text, open), known) : holdFrom(text, open, known);
      if (cut > 0) emit(text.slice(0, text[cut - 2] === '\r' ? cut - 2 : cut - 1));
      held = text.slice(cut);
      if (holdMs > 0) {
        timer = setTimeout(flush, holdMs);
        (timer as {unref?: () => void}).unref?.();
      }
    },
    flush,
  };
}

/**
 * Where to hold `text` from, for an open token at `open`: the start of the line the open token's word run starts on;
 * earlier while that line starts by going on with a word run of the line before (a token there would be cut between
 * what is shown and what is held). Looks back at most LOOK_BEHIND characters of runs.
 */
function holdFrom(text: string, open: number, secrets: string[]): number {
  let cut = open;
  let budget = LOOK_BEHIND;
  for (;;) {
    while (cut > 0 && isRunChar(text.charCodeAt(cut - 1)) && budget-- > 0) cut--;
    cut = text.lastIndexOf('\n', cut - 1) + 1;
    const before = text[cut - 2] === '\r' ? cut - 3 : cut - 2;
    if (cut === 0 || budget <= 0 || before < 0) return cut;
    // A known secret (of any characters) the break before this line cuts: hold from its start.
    const secretAt = secretAcross(text, cut - 1, secrets);
    if (secretAt !== -1) {
      budget -= cut - secretAt;
      cut = secretAt;
      continue;
    }
    // The line goes on with the line before's run, right at its start or after the log prefix both lines have.
    const breakAt = text[cut - 2] === '\r' ? cut - 2 : cut - 1;
    const content = contentAfter(text, breakAt, cut - breakAt);
    if (!isRunChar(text.charCodeAt(content)) || !isRunChar(text.charCodeAt(before))) return cut;
    cut = before + 1;
  }
}

/** Where a known secret that a line break at `at` cuts starts, or -1. */
function secretAcross(text: string, at: number, secrets: string[]): number {
  for (const secret of secrets) {
    const from = Math.max(0, at - 2 * secret.length);
    const window = text.slice(from, at + 2 * secret.length + 1);
    const spread = spreadOf(secret);
    for (let m = spread.exec(window); m; m = spread.exec(window))
      if (from + m.index < at && from + m.index + m[0].length > at) return from + m.index;
  }
  return -1;
}

/** A known secret's first characters at a text's end are masked from this many on (fewer often end a word). */
const SECRET_HEAD_MIN = 3;

/**
 * `text` with the start of a token (or of a known secret) at its end that the next piece may still finish masked: a
 * prefix with some of a body (`hf_AbC`, over breaks or not) shown as the prefix and `…`, 3 or more characters a known
 * secret starts with as `…`. A bare prefix (`hf_`, `api_or`) shows nothing of a token and is kept. What a held line
 * shows when it is released before the next piece came (time out, the stream paused or ended): a token's first
 * characters are never shown, even when the rest arrives later (then hidden by continueOpen).
 */
export function maskOpenTail(text: string, secrets: string[] = []): string {
  const open = openTokenStart(text, secrets);
  if (open === -1) return text;
  const flat = strip(text.slice(open)).flat;
  if (flat.length >= SECRET_HEAD_MIN && secrets.some((secret) => secret.startsWith(flat)))
    return `${text.slice(0, open)}…`;
  const prefix = prefixOf(flat);
  if (prefix && flat.length > prefix.length) return `${text.slice(0, open)}${prefix}…`;
  return text;
}

/**
 * `next` with its first characters hidden where they go on with the token (or known secret) whose start `before` (as
 * it was, flat) was shown masked; and that token's start so far when all of `next` goes on with it and it may go on
 * further (the next piece is read the same way). A token by the rule of a break (joinedIsToken): `hf_transfer` then
 * `Downloading` is words, shown.
 */
function continueOpen(before: string, next: string, secrets: string[]): [string, string | undefined] {
  let hidden = false;
  // A loop: the token's last characters may start the next one, glued to it (`…xhf` then `_AbC…`), and so on.
  for (;;) {
    const run = RUN_HEAD.exec(next.slice(0, 2 * NEAR_BREAK))![0];
    const {flat: head, at} = strip(run);
    const joined = before + head;
    if (head && run.length === next.length && mayGoOn(joined, secrets)) return ['…', joined];
    const taken = head ? takenBy(before, joined, secrets) : 0;
    if (!taken) {
      // Nothing of it goes on with the token; but its own end may start one (`…xhf` shown masked, then `_AbC…`).
      const glued = head ? PREFIX_AT_END.exec(before) : null;
      if (glued && glued[0] !== before) {
        before = glued[0];
        continue;
      }
      return [hidden ? `…${next}` : next, undefined];
    }
    next = next.slice(at[taken - 1]! + 1);
    hidden = true;
    const cut = PREFIX_AT_END.exec(joined.slice(0, before.length + taken));
    if (!cut) return [`…${next}`, undefined];
    // The piece ends there: the next piece may go on with what its end started.
    if (!next) return ['…', cut[0]];
    before = cut[0];
  }
}
const RUN_HEAD = /^[A-Za-z0-9_\r\n]*/;
const TOKEN_HEAD = new RegExp(`^${TOKEN.source}`);

/** How many of `joined`'s characters after `before` belong to the token (or to the known secret) `before` started. */
function takenBy(before: string, joined: string, secrets: string[]): number {
  let taken = 0;
  const token = TOKEN_HEAD.exec(joined);
  if (token && token[0].length > before.length) {
    const prefix = prefixOf(token[0]).length;
    const body = token[0].slice(prefix);
    const cut = Math.max(0, before.length - prefix);
    if (joinedIsToken(token[0], [body.slice(0, cut), body.slice(cut)])) taken = token[0].length - before.length;
  }
  for (const secret of secrets)
    if (secret.startsWith(before) && joined.startsWith(secret)) taken = Math.max(taken, secret.length - before.length);
  return taken;
}

/** A token's prefix, whole or cut, at the end of a text (`hf`, `api_or`). */
const PREFIX_AT_END = new RegExp(`(?:${PARTIAL_PREFIXES.map(escapeRegExp).join('|')})$`);

/** Whether `text` (flat) is the start of a token, or of a known secret, that more characters may still go on with. */
function mayGoOn(text: string, secrets: string[]): boolean {
  const open = OPEN_TOKEN.exec(text);
  return (
    (open !== null && open.index === 0) ||
    secrets.some((secret) => secret.length > text.length && secret.startsWith(text))
  );
}
