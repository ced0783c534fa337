// Masking: the only way a token may ever appear in output. `hf_…abcd` keeps the prefix and last 4 characters.
// maskSecrets masks every token shape wherever it stands, however it is written (URL-encoded, JSON-escaped, HTML
// entities, fullwidth, format characters inside, base64, hex), and every value registered as a secret for this process;
// redactSecrets also neutralises terminal control (for text from outside); guarded sinks (src/io.ts guardIo) mask only.

import {sanitizeLine, sanitizeTerminal} from '../text/sanitize.js';
import {contentAfter, forEachJoin, joinedIsToken, MAX_FORM, TOKEN_BODY_LENGTH} from './wrapped.js';

// hf_oauth_… (browser login) has a second underscore: without its own branch it would pass through whole.
// No word boundary on the left: a token glued to text (`TOKEN_hf_…`, `xhf_…`) or to an escape code (`ESC[1mhf_…`, as
// `rich` prints it) is still a token.
// At most 1024 after the prefix (a token has 34): an unbounded run of 8 million letters overflowed the pattern engine's
// stack, and masking threw on a pasted text. What a longer run holds after that is masked on its own if it is a token.
const TOKEN_PATTERN = /(?:hf_(?:oauth_)?|api_org_)[A-Za-z0-9]{16,1024}/g;

/** Values this process knows are secrets (the token in use, practice tokens): masked everywhere, whatever their shape. */
const KNOWN_SECRETS = new Set<string>();

/** The shortest value worth registering: shorter strings would mask ordinary words. */
const MIN_SECRET_LENGTH = 8;

export function registerSecret(value: string | undefined): void {
  const v = typeof value === 'string' ? value.trim() : '';
  if (v.length >= MIN_SECRET_LENGTH) KNOWN_SECRETS.add(v);
}

/** The registered secrets (a copy). */
export function knownSecrets(): string[] {
  return [...KNOWN_SECRETS];
}

/** For tests: forget every registered secret. */
export function forgetSecrets(): void {
  KNOWN_SECRETS.clear();
}

/** `hf_AbCdEf…wxyz` -> `hf_…wxyz`. Short or odd strings are hidden entirely. */
export function maskToken(token: string): string {
  const trimmed = token.trim();
  const prefix = trimmed.startsWith('api_org_') ? 'api_org_' : trimmed.startsWith('hf_') ? 'hf_' : '';
  const body = trimmed.slice(prefix.length);
  if (body.length < 8) return `${prefix || ''}…`;
  return `${prefix}…${body.slice(-4)}`;
}

/**
 * Every known secret (given here or registered) and every token-shaped substring becomes its mask; nothing else
 * changes (escape codes stay: the app's own colours and Ink's frames pass through a guarded sink intact).
 */
export function maskSecrets(text: string, knownSecretsHere: Iterable<string> = []): string {
  const secrets = new Set<string>();
  for (const s of knownSecretsHere) if (s && s.length >= 6) secrets.add(s);
  for (const s of KNOWN_SECRETS) secrets.add(s);
  // Longest first: a secret that contains another is masked whole.
  const sorted = [...secrets].sort((a, b) => b.length - a.length);
  let out = String(text);
  // A token (in any of these forms) that a wrap cut over lines: masked whole first, its pieces read together.
  if (out.includes('\n') || out.includes('\\n')) out = maskWrapped(out, sorted);
  return maskForms(out, sorted);
}

/**
 * Only the tokens (and known secrets) a wrap cut over lines, masked where they start (the rest is left to
 * redactSecrets): what split.ts adds for a stream's lines read together, where a log prefix stands between the pieces.
 */
export function maskWrappedTokens(text: string, knownSecretsHere: Iterable<string> = []): string {
  if (!text.includes('\n') && !text.includes('\\n')) return text;
  const secrets = new Set<string>(KNOWN_SECRETS);
  for (const s of knownSecretsHere) if (s && s.length >= 6) secrets.add(s);
  return maskWrapped(
    text,
    [...secrets].sort((a, b) => b.length - a.length),
  );
}

/** Every token and known secret in `text`, as it stands or written another way, masked. */
function maskForms(text: string, sorted: string[]): string {
  let out = maskPlain(text, sorted);
  // A token written another way (URL-encoded, JSON-escaped, fullwidth, zero-width characters inside, base64).
  out = maskEncodedRuns(out, sorted);
  out = maskBase64(out, sorted);
  if (HEX_HINT.test(out)) out = maskHex(out, sorted);
  return out;
}

// --- Tokens a wrap cut over lines ---------------------------------------------------------------------------------
// A terminal's wrap at 80 columns, a log prefix on each line, a JSON log's `\n`, a wrapped URL or base64 block: each
// line shows a piece, none a token, and masking a line at a time showed them all (from the pieces, the token). The
// pieces around each break are read together (core/tokens/wrapped.ts forEachJoin); where their masking changes
// something that goes over a break, what it masks is taken off every line it was on and its mask put where it
// started (the lines stay: a prefix, and what follows the token on the last line, where they were).

/** What a token's written forms are made of: letters, digits and the characters of escapes and base64. */
function isWrapChar(code: number): boolean {
  return isEncodedRunChar(code) || code === 0x2b || code === 0x2f || code === 0x3d || code === 0x2d;
}

/** Something in a joined run that may be a token's encoded form (or a known secret): else nothing is decoded. */
const WRAP_SIGN = /%[0-9A-Fa-f]{2}|\\[ux]|&#|[\uFE33\uFE34\uFE4D-\uFE4F\uFF3F\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/;
/** A prefix and letters or digits up to a join (a token on the line before goes on), or a prefix the join cuts. */
const OPEN_AT_JOIN = /(?:hf_(?:oauth_)?|api_org_)[A-Za-z0-9]*$/;
const PREFIX_ANYWHERE = /hf_|api_org_/;

function wrapSign(run: string, joins: number[], sorted: string[]): boolean {
  if (WRAP_SIGN.test(run) || HEX_HINT.test(run) || sorted.some((secret) => run.includes(secret))) return true;
  BASE64_HINT.lastIndex = 0;
  if (BASE64_HINT.test(run)) return true;
  if (!PREFIX_ANYWHERE.test(run)) return false;
  // A token as it stands: its prefix on the line before, letters and digits up to the break; or the prefix cut.
  for (const j of joins) {
    const left = /[A-Za-z0-9_]*$/.exec(run.slice(Math.max(0, j - MAX_FORM), j))![0];
    if (OPEN_AT_JOIN.test(left)) return true;
    const right = /^[A-Za-z0-9_]*/.exec(run.slice(j, j + 16))![0];
    if (
      !PREFIX_ANYWHERE.test(left) &&
      PREFIX_ANYWHERE.test(left.slice(-8) + right.slice(0, 8)) &&
      !PREFIX_ANYWHERE.test(right.slice(0, 8))
    )
      return true;
  }
  return false;
}
/**
 * Where a token's written form may be cut by a break, each pattern starting with a fixed character (one pattern of
 * them all was tried at every position of a text: a 1 MB log took 20 ms more), with the stretch of breaks each names:
 * a prefix (the breaks after it, as far as a written token goes); an escape, a fullwidth or small underscore, a format
 * character, a base64 or hex hint (the breaks either side); at a break, a prefix cut at the line's end whose rest the
 * next line has (after a prefix of at most 96 characters), or 24 base64 or hex characters before it (a hint may be cut
 * there): that break.
 */
const NEAR_PREFIX = /(?:hf_(?:oauth_)?|api_org_)[A-Za-z0-9]{0,1024}(?=\r?\n|\\[rn])/g;
const NEAR_EITHER_SIDE = [
  /%(?:[0-9A-Fa-f]{2}|[0-9A-Fa-f]?(?=\r?\n|\\[rn]))|\\[ux]|&#/g,
  /[\uFE33\uFE34\uFE4D-\uFE4F\uFF3F\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g,
  new RegExp(
    [...base64Hints('hf_'), ...base64Hints('api_org_'), '68665[fF]', '6170695[fF]6[fF]72675[fF]']
      .join('|')
      .replace(/[+/]/g, '\\$&'),
    'g',
  ),
];
const NEAR_BREAK = /\n(?<=(?:hf?|a(?:p(?:i(?:_(?:o(?:rg?)?)?)?)?)?)\r?\n)/g;
/** For a prefix cut at a line's end (`api_o`), the rest the next line must have (after a prefix of at most 96). */
const PREFIX_RESTS = ['hf_', 'api_org_'].flatMap((prefix) =>
  [...prefix.slice(0, -1)].map((_, i) => ({cut: prefix.slice(0, i + 1), rest: prefix.slice(i + 1)})),
);
/** A line that ends in 24 base64 or hex characters: a hint may be cut at its end (checked over the next line's prefix). */
const LONG_RUN_END = /\n(?<=[A-Za-z0-9+/_=-]\r?\n)(?<=[A-Za-z0-9+/_=-]{24}\r?\n)/g;
const CUT_HINT = new RegExp(
  [...base64Hints('hf_'), ...base64Hints('api_org_'), '68665[fF]', '6170695[fF]'].join('|').replace(/[+/]/g, '\\$&'),
);
/** The same at a JSON string's `\n` (looked for only in a text that holds one). */
const NEAR_ESCAPED_BREAK = new RegExp(
  [
    ...['hf_', 'api_org_'].flatMap((prefix) =>
      [...prefix.slice(0, -1)].map((_, i) => `${prefix.slice(0, i + 1)}\\\\[rn]`),
    ),
    '[A-Za-z0-9+/_=-]{24}\\\\[rn]',
  ].join('|'),
  'g',
);

/** The stretches where a wrapped token may be (the patterns above), and around each known secret's first and last 4. */
function nearWrap(text: string, sorted: string[]): [number, number][] {
  const near: [number, number][] = [];
  const each = (pattern: RegExp, around: (at: number, length: number) => [number, number]) => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) near.push(around(m.index, m[0].length));
  };
  each(NEAR_PREFIX, (at, length) => [at, at + length + 3]);
  for (const pattern of NEAR_EITHER_SIDE) each(pattern, (at) => [at - MAX_FORM, at + MAX_FORM]);
  NEAR_BREAK.lastIndex = 0;
  for (let m = NEAR_BREAK.exec(text); m; m = NEAR_BREAK.exec(text)) {
    const end = text.charCodeAt(m.index - 1) === 0x0d ? m.index - 1 : m.index;
    const line = text.slice(m.index + 1, m.index + 1 + 96 + 8);
    if (PREFIX_RESTS.some(({cut, rest}) => text.endsWith(cut, end) && line.slice(0, 96 + rest.length).includes(rest)))
      near.push([m.index - 1, m.index + 1]);
  }
  LONG_RUN_END.lastIndex = 0;
  for (let m = LONG_RUN_END.exec(text); m; m = LONG_RUN_END.exec(text)) {
    const at = text.charCodeAt(m.index - 1) === 0x0d ? m.index - 1 : m.index;
    const next = contentAfter(text, at, m.index + 1 - at);
    if (CUT_HINT.test(text.slice(at - 10, at) + text.slice(next, next + 10))) near.push([at - 1, at + 1]);
  }
  if (text.includes('\\n')) each(NEAR_ESCAPED_BREAK, (at, length) => [at, at + length]);
  for (const secret of sorted)
    for (const part of [secret.slice(0, 4), secret.slice(-4)])
      for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + 1))
        near.push([at - MAX_FORM, at + MAX_FORM]);
  return near;
}

function maskWrapped(text: string, sorted: string[]): string {
  let out = '';
  let done = 0;
  const sign = (run: string, joins: number[]) => wrapSign(run, joins, sorted);
  forEachJoin(text, isWrapChar, nearWrap(text, sorted), sign, ({run, at, joins}) => {
    const masked = maskForms(run, sorted);
    if (masked === run) return undefined;
    // What changed: from the first character that differs to the last, widened to whole words (a token's prefix cut
    // by the break, `h` then `f_…`, goes with it; a mask keeps the token's last 4: they go with it too).
    let p = 0;
    while (p < run.length && p < masked.length && run[p] === masked[p]) p++;
    let s = 0;
    while (s < run.length - p && s < masked.length - p && run[run.length - 1 - s] === masked[masked.length - 1 - s])
      s++;
    while (p > 0 && (isAlnum(run.charCodeAt(p - 1)) || run[p - 1] === '_')) p--;
    // Only a mask's last 4 characters go with it: what the run has after the token (a word glued to it, part of a known
    // secret) stays on its line, where that line's own masking sees it whole.
    const ellipsis = masked.lastIndexOf('…', masked.length - s - 1);
    while (s > 0 && ellipsis !== -1 && masked.length - s - ellipsis <= 4 && isAlnum(run.charCodeAt(run.length - s)))
      s--;
    const q = run.length - s;
    if (!joins.some((j) => j >= p && j < q) || !wrapIsToken(run, p, q, joins)) return undefined;
    if (
      wholeBeforeJoin(
        run,
        masked.slice(p, masked.length - s),
        joins.find((j) => j >= p && j < q)!,
        sorted,
      )
    )
      return undefined;
    // The mask where the first changed character stood; the rest of what it masks taken off each line.
    out += text.slice(done, at[p]) + masked.slice(p, masked.length - s);
    let last = at[p]!;
    for (let i = p + 1; i < q; i++) {
      if (at[i]! !== last + 1) out += text.slice(last + 1, at[i]);
      last = at[i]!;
    }
    done = last + 1;
    return done;
  });
  return out + text.slice(done);
}

/** A mask as maskToken writes it (`hf_…wxyz`, `…wxyz` for a secret of another shape). */
const MASK_LABEL = /(?:hf_(?:oauth_)?|api_org_)?…[A-Za-z0-9]{4}/g;

/**
 * Whether every token the window's masking found was whole before the break (a base64 value at a line's end, then
 * `401 Client Error` on the next line: the run read over the break took `401` into the base64, and the next line lost
 * it): then the lines are left to their own masking.
 */
function wholeBeforeJoin(run: string, changed: string, join: number, sorted: string[]): boolean {
  const labels = changed.match(MASK_LABEL);
  if (!labels) return false;
  const before = maskForms(run.slice(0, join), sorted);
  return labels.every((label) => before.includes(label));
}

/** A word as prose writes it (split.ts's rule): a wrapped token's random piece rarely is one. */
const WORD = /^(?:[a-z]*|[A-Z][a-z]+|[A-Z]+|[0-9]+)$/;

/**
 * Tokens of the Hub's shape (30-40 after the prefix) that a wrap cut over lines, as they stand (a terminal's width, a
 * log prefix on each line, a JSON string's `\n`), with where each starts: what a line of a pasted text shows only in
 * pieces, for its warning and revoke (leak.ts). The same reading as the masking's (maskWrapped).
 */
export function findWrappedTokens(text: string): {token: string; index: number}[] {
  if (!text.includes('\n') && !text.includes('\\n')) return [];
  const out: {token: string; index: number}[] = [];
  const sign = (run: string, joins: number[]) => wrapSign(run, joins, []);
  forEachJoin(text, isWrapChar, nearWrap(text, []), sign, ({run, at, joins}) => {
    for (const m of run.matchAll(WRAPPED_TOKEN)) {
      const from = m.index;
      const body = from + /^(?:hf_(?:oauth_)?|api_org_)/.exec(m[0])![0].length;
      // A token takes lines until its body is the Hub's length: the next line's word is not part of it.
      const end = joins.find((j) => j >= body + TOKEN_BODY_LENGTH && j < from + m[0].length);
      const to = end ?? from + m[0].length;
      const token = run.slice(from, to);
      if (!REAL_SHAPE.test(token) || !joins.some((j) => j > from && j < to) || !wrapIsToken(run, from, to, joins))
        continue;
      if (!out.some((t) => t.index === at[from])) out.push({token, index: at[from]!});
    }
    return undefined;
  });
  return out;
}

function isAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * Whether what changed over a break is a token rather than words a break put side by side: written another way (an
 * escape, base64) it is one; as letters and digits, a token whose line before held it whole (its body the Hub's
 * length) ends there, and words (`hf_transfer` then `Installing`) are not one (split.ts's rule).
 */
function wrapIsToken(run: string, p: number, q: number, joins: number[]): boolean {
  const changed = run.slice(p, q);
  if (!/^[A-Za-z0-9_]+$/.test(changed)) return true;
  const token = new RegExp(TOKEN_PATTERN.source, 'g');
  for (let m = token.exec(run); m; m = token.exec(run)) {
    const from = m.index;
    const to = from + m[0].length;
    if (to <= p || from >= q) continue;
    const prefix = /^(?:hf_(?:oauth_)?|api_org_)/.exec(m[0])![0].length;
    const cuts = joins.filter((j) => j > from && j < to);
    if (!cuts.length) continue;
    const first = cuts[0]! - from - prefix;
    if (first >= TOKEN_BODY_LENGTH) return false;
    const pieces = [from + prefix, ...cuts, to].slice(0, -1).map((a, i, xs) => run.slice(a, xs[i + 1] ?? to));
    // A token on its line (16 or more), then words on the next: the line ends it, unless together they are the Hub's
    // length (`HF_TOKEN=hf_FAKE…1234` then `python train.py`).
    const words = pieces.slice(1).every((piece) => WORD.test(piece));
    if (first >= 16 && words && m[0].length - prefix !== TOKEN_BODY_LENGTH) return false;
    return joinedIsToken(m[0], pieces);
  }
  // A known secret (any shape) over the break.
  return true;
}

/** Known secrets and token shapes as they stand. */
function maskPlain(text: string, sortedSecrets: string[]): string {
  let out = text;
  for (const secret of sortedSecrets) if (out.includes(secret)) out = out.split(secret).join(maskToken(secret));
  // Every token shape starts with one of these: text without them has nothing more to mask.
  if (!out.includes('hf_') && !out.includes('api_org_')) return out;
  // Again until nothing changes: two tokens glued (`hf_oauth_…Xhf_…`) are one match up to the underscore, and its mask
  // (`hf_…Xhf`) would leave the second token whole right after it. Each pass shortens the text, so this ends.
  for (let i = 0; i < 64; i++) {
    const next = out.replace(TOKEN_PATTERN, (match) => maskToken(match));
    if (next === out) break;
    out = next;
  }
  return out;
}

function hasSecret(text: string, sortedSecrets: string[]): boolean {
  return TOKEN_SHAPE.test(text) || sortedSecrets.some((secret) => text.includes(secret));
}

const TOKEN_SHAPE = /(?:hf_(?:oauth_)?|api_org_)[A-Za-z0-9]{16,1024}/;

// --- Tokens written another way ---------------------------------------------------------------------------------
// A token pasted from a URL (`hf%5F…`, `%68%66%5F…`), a JSON text (`hf\u005f…`), an HTML page (`hf&#95;…`), typed in
// fullwidth letters (`ｈｆ＿…`, which NFKC folds to ASCII), with invisible format characters inside (`hf_ab<U+200B>cd…`),
// or base64-encoded (an `Authorization: Basic` header of `user:hf_…`) is still the token. A run of characters that
// could spell one is decoded; only when the decoded run holds a token (or a known secret) is the run replaced, by its
// decoded text with the token masked. Ordinary text (`100%`, `caf\u00e9`, hashes, other base64) stays as it was.

// Where to look: decoding every run of every text made masking 12x slower on a job log (100,000 lines). A token
// needs an underscore: only text around an encoded or fullwidth underscore, or around a format character when there
// is an underscore at all, is decoded; around any escape when a secret of another shape is known.
const ENCODED_UNDERSCORE =
  /%(?:25)*5[fF]|%(?:25)*[eE][fF]%(?:25)*[bB][cC]%(?:25)*[bB][fF]|\\u005[fF]|\\u[fF][fF]3[fF]|\\x5[fF]|\\u\{0*5[fF]\}|&#0*95;|&#0*65343;|&#[xX]0*5[fF];|&#[xX]0*[fF][fF]3[fF];|&(?:lowbar|UnderBar);|[\uFE33\uFE34\uFE4D-\uFE4F\uFF3F]/g;
/** The characters ENCODED_UNDERSCORE can start with: one cheap search before the long pattern. */
const ENCODED_UNDERSCORE_START = /[%\\&\uFE33\uFE34\uFE4D-\uFE4F\uFF3F]/;
/** Every format character (\p{Cf}) in the BMP, and the high surrogates of those beyond it (tags, U+E0020-E007F, among them). */
const FORMAT_CHAR =
  /[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\uD804\uD80D\uD82F\uD834\uDB40]/g;
const ANY_ESCAPE = /%[0-9A-Fa-f]{2}|\\u[0-9A-Fa-f{]|\\x[0-9A-Fa-f]{2}|&#[0-9xX]/g;

/** Every index where `pattern` (global) matches. */
function matchesAt(text: string, pattern: RegExp, into: number[]): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    into.push(m.index);
    if (m[0].length === 0) pattern.lastIndex++;
  }
}

/**
 * Characters of a stretch read each side of a position: far more than a token written any way (43 characters, 9 each
 * at most as escapes), far less than the runs that overflowed the pattern engine (8 million: 'aGZf' then letters).
 */
const MAX_WINDOW = 1024;

/** Each stretch of `isChar` characters around one of `positions` (sorted here), once, with where it starts. */
function eachAround(
  text: string,
  positions: number[],
  isChar: (code: number) => boolean,
  visit: (window: string, start: number) => void,
): void {
  positions.sort((x, y) => x - y);
  let done = 0;
  for (const at of positions) {
    if (at < done) continue;
    let start = at;
    while (start > done && at - start < MAX_WINDOW && isChar(text.charCodeAt(start - 1))) start--;
    let end = at;
    while (end < text.length && end - at < MAX_WINDOW && isChar(text.charCodeAt(end))) end++;
    if (end === at) end = at + 1;
    visit(text.slice(start, end), start);
    done = end;
  }
}

/**
 * `text` with each stretch of `isChar` characters around one of `positions` given to `rewrite`; the rest unchanged.
 * Only those stretches are scanned by the (slower) run patterns.
 */
function rewriteAround(
  text: string,
  positions: number[],
  isChar: (code: number) => boolean,
  rewrite: (window: string) => string,
): string {
  if (!positions.length) return text;
  let out = '';
  let done = 0;
  eachAround(text, positions, isChar, (window, start) => {
    out += text.slice(done, start) + rewrite(window);
    done = start + window.length;
  });
  return out + text.slice(done);
}

/** Letters, digits, `_`, the escapes' own characters, anything not ASCII but a space: a superset of ENCODED_RUN's. */
function isEncodedRunChar(code: number): boolean {
  if (code >= 0x80) return code !== 0xa0 && code !== 0x3000 && !(code >= 0x2000 && code <= 0x200a);
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f || // _
    code === 0x25 || // %
    code === 0x5c || // \
    code === 0x26 || // &
    code === 0x23 || // #
    code === 0x3b || // ;
    code === 0x7b || // {
    code === 0x7d // }
  );
}

/** A run of characters and escapes that could spell a token once decoded. */
const ENCODED_RUN =
  /(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2}|\\u[0-9A-Fa-f]{4}|\\u\{[0-9A-Fa-f]{1,6}\}|\\x[0-9A-Fa-f]{2}|&#[xX][0-9A-Fa-f]{1,6};|&#[0-9]{1,7};|&(?:lowbar|UnderBar);|[\p{L}\p{N}\p{Pc}\p{Cf}])+/gu;
const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
const UNICODE_ESCAPE_RUN = /(?:\\u[0-9A-Fa-f]{4})+/g;
const OTHER_ESCAPE = /\\u\{([0-9A-Fa-f]{1,6})\}|\\x([0-9A-Fa-f]{2})|&#[xX]([0-9A-Fa-f]{1,6});|&#([0-9]{1,7});/g;
/** `_` and every character NFKC folds to it (checked over all of Unicode). */
const UNDERSCORE_LIKE = /[_\uFE33\uFE34\uFE4D-\uFE4F\uFF3F]/;
const FORMAT_CHARS = /\p{Cf}/gu;
/** What an escape may decode to: visible characters only (no control, no space, no lone surrogate), so a decoded run never drives the terminal. */
const VISIBLE = /^[^\p{C}\p{Z}]*$/u;

function visibleOr(decoded: string, original: string): string {
  return VISIBLE.test(decoded) ? decoded : original;
}

function decodeEscapes(text: string): string {
  return text
    .replace(PERCENT_RUN, (m) => {
      try {
        return visibleOr(decodeURIComponent(m), m);
      } catch {
        // Not UTF-8: each byte under 0x80 on its own.
        return m.replace(/%([0-7][0-9A-Fa-f])/g, (e, hex: string) =>
          visibleOr(String.fromCharCode(parseInt(hex, 16)), e),
        );
      }
    })
    .replace(UNICODE_ESCAPE_RUN, (m) => {
      // One at a time: a spread of a long run's units overflows the stack.
      let decoded = '';
      for (const hex of m.split('\\u').slice(1)) decoded += String.fromCharCode(parseInt(hex, 16));
      return visibleOr(decoded, m);
    })
    .replace(OTHER_ESCAPE, (m, braced?: string, hex2?: string, entityHex?: string, entityDec?: string) => {
      const code =
        parseInt(braced ?? hex2 ?? entityHex ?? '', braced || hex2 || entityHex ? 16 : 10) ||
        parseInt(entityDec ?? '', 10);
      return Number.isFinite(code) && code <= 0x10ffff ? visibleOr(String.fromCodePoint(code), m) : m;
    })
    .replace(NAMED_UNDERSCORE, '_');
}
/** HTML's names for `_` (a page that writes a token's underscore as an entity). */
const NAMED_UNDERSCORE = /&(?:lowbar|UnderBar);/g;

function maskEncodedRuns(text: string, sortedSecrets: string[]): string {
  const positions: number[] = [];
  if (ENCODED_UNDERSCORE_START.test(text)) matchesAt(text, ENCODED_UNDERSCORE, positions);
  if (text.includes('_')) matchesAt(text, FORMAT_CHAR, positions);
  if (sortedSecrets.length) matchesAt(text, ANY_ESCAPE, positions);
  return rewriteAround(text, positions, isEncodedRunChar, (window) =>
    window.replace(ENCODED_RUN, (run) => {
      // Plain ASCII was masked already; without an escape, only an underscore (or a form NFKC folds to one) can start a token.
      if (/^[A-Za-z0-9_]*$/.test(run) || (!/[%\\&]/.test(run) && !UNDERSCORE_LIKE.test(run))) return run;
      const decoded = decodeRun(run);
      return hasSecret(decoded, sortedSecrets) ? maskPlain(decoded, sortedSecrets) : run;
    }),
  );
}

/** A run's escapes decoded (a few rounds: `%255F` is `%5F` is `_`), format characters left out, NFKC-folded. */
function decodeRun(run: string): string {
  let decoded = run;
  for (let i = 0; i < 3; i++) {
    const next = decodeEscapes(decoded);
    if (next === decoded) break;
    decoded = next;
  }
  return decoded.replace(FORMAT_CHARS, '').normalize('NFKC');
}

/** A prefix and letters or digits, any number (cut to the Hub's length at a line's end, then checked for its shape). */
const WRAPPED_TOKEN = /(?:hf_(?:oauth_)?|api_org_)[A-Za-z0-9]{30,1024}/g;
const REAL_SHAPE = /^(?:hf_(?:oauth_)?|api_org_)[A-Za-z0-9]{30,40}$/;
/** A token of the Hub's shape (30-40 after the prefix, as check and revoke look for), as decoded text holds it. */
const REAL_TOKEN = /(?:hf_(?:oauth_)?|api_org_)[A-Za-z0-9]{30,40}(?![A-Za-z0-9])/g;
/** An escape other than percent-encoding (hidden.ts finds those), a character not ASCII (fullwidth, format). */
const NOT_PERCENT_ONLY = /\\[ux]|&#|&(?:lowbar|UnderBar);|[^\x00-\x7f]/;

/** ENCODED_UNDERSCORE's forms but percent-encoding (found by hidden.ts), in one cheap test. */
const WRITTEN_UNDERSCORE =
  /\\(?:u005[fF]|u[fF][fF]3[fF]|x5[fF]|u\{0*5[fF]\})|&(?:#0*95;|#0*65343;|#[xX]0*5[fF];|#[xX]0*[fF][fF]3[fF];|lowbar;|UnderBar;)|[\uFE33\uFE34\uFE4D-\uFE4F\uFF3F]/;
/** What WRITTEN_UNDERSCORE's ASCII forms start with: searched as strings first (a pattern costs far more on a file). */
const WRITTEN_SIGNS = ['\\u', '\\x', '&#', '&lowbar;', '&UnderBar;'];
/**
 * A fullwidth or small underscore, or a format character a copy puts inside a word (zero-width, soft hyphen, word
 * joiner, BOM; the rest are masked only): one class (hidden.ts's gate looks for one after a prefix's letters).
 */
export const WRITTEN_NOT_ASCII_CLASS =
  '[\\uFE33\\uFE34\\uFE4D-\\uFE4F\\uFF3F\\u00ad\\u200b-\\u200f\\u2060-\\u2064\\ufeff]';
const WRITTEN_NOT_ASCII = new RegExp(WRITTEN_NOT_ASCII_CLASS);

/** An underscore written another way than percent-encoded (an escape, an entity). */
function hasWrittenUnderscore(text: string): boolean {
  return WRITTEN_SIGNS.some((sign) => text.includes(sign)) && WRITTEN_UNDERSCORE.test(text);
}

/** A token prefix in hex. */
function hasHexHint(text: string): boolean {
  return (text.includes('68665') || text.includes('6170695')) && HEX_HINT.test(text);
}

/** Whether findWrittenTokens may find something in `text` (its own first tests, each a pass over the text). */
export function mayHoldWrittenToken(text: string): boolean {
  return hasWrittenUnderscore(text) || WRITTEN_NOT_ASCII.test(text) || hasHexHint(text);
}

export interface WrittenToken {
  token: string;
  /** Where, in the text, the run that writes it starts. */
  index: number;
  how: 'escaped' | 'hex';
}

/**
 * Tokens of the Hub's shape written another way than as they are, for check, revoke and the leak warnings (what
 * maskSecrets masks, found): JSON or Python escapes (`hf\u005f…`, `\x5f`), HTML entities (`&#95;`, `&lowbar;`),
 * fullwidth letters (`ｈｆ＿…`), invisible characters between the letters (a zero-width space, a soft hyphen), hex
 * (`68665f…`). Percent-encoding and base64 are hidden.ts's.
 */
export function findWrittenTokens(text: string): WrittenToken[] {
  const out: WrittenToken[] = [];
  const positions: number[] = [];
  // Cheap tests first (check runs this on every file that may hold a token): an underscore written another way than
  // percent-encoded, or a zero-width character (or the like) with an underscore in the text.
  if (hasWrittenUnderscore(text)) matchesAt(text, ENCODED_UNDERSCORE, positions);
  if (WRITTEN_NOT_ASCII.test(text)) {
    matchesAt(text, ENCODED_UNDERSCORE, positions);
    if (text.includes('_')) matchesAt(text, FORMAT_CHAR, positions);
  }
  eachAround(text, positions, isEncodedRunChar, (window, start) => {
    for (const m of window.matchAll(ENCODED_RUN)) {
      if (!NOT_PERCENT_ONLY.test(m[0])) continue;
      for (const t of decodeRun(m[0]).matchAll(REAL_TOKEN))
        out.push({token: t[0], index: start + m.index, how: 'escaped'});
    }
  });
  if (!hasHexHint(text)) return out;
  const hints: number[] = [];
  matchesAt(text, HEX_HINTS, hints);
  eachAround(text, hints, isHexChar, (window, start) => {
    for (const m of window.matchAll(HEX_RUN))
      for (const skip of [0, 1]) {
        let bytes = '';
        for (let i = skip; i + 1 < m[0].length; i += 2)
          bytes += String.fromCharCode(parseInt(m[0].slice(i, i + 2), 16));
        for (const t of bytes.matchAll(REAL_TOKEN)) out.push({token: t[0], index: start + m.index + skip, how: 'hex'});
      }
  });
  return out;
}

/**
 * What base64 of a token's prefix always holds, whatever stands before it: for each of the 3 byte alignments, the
 * characters whose 6 bits all come from the prefix (`hf_` at offset 0 is `aGZf`). Cheap to look for in any text.
 */
export function base64Hints(prefix: string): string[] {
  const hints: string[] = [];
  for (let align = 0; align < 3; align++) {
    const bytes = '\0'.repeat(align) + prefix + '\0\0\0';
    const encoded = btoa(bytes);
    const first = Math.ceil((8 * align) / 6);
    const end = Math.floor((8 * (align + prefix.length)) / 6);
    hints.push(encoded.slice(first, end));
  }
  return hints;
}
const BASE64_HINTS = [...base64Hints('hf_'), ...base64Hints('api_org_')];
const BASE64_HINT = new RegExp(BASE64_HINTS.map((h) => h.replace(/[+/]/g, '\\$&')).join('|'), 'g');
const secretHints = new Map<string, string[]>();
/** The token prefixes' hints and each known secret's (computed once a secret). */
function base64HintsFor(sortedSecrets: string[]): string[] {
  if (!sortedSecrets.length) return BASE64_HINTS;
  const hints = [...BASE64_HINTS];
  for (const secret of sortedSecrets) {
    let mine = secretHints.get(secret);
    if (!mine) {
      // btoa takes Latin-1 only: a secret beyond it is looked for through its UTF-8 bytes.
      mine = base64Hints(latin1(secret)).filter((h) => h.length >= 4);
      if (secretHints.size > 256) secretHints.clear();
      secretHints.set(secret, mine);
    }
    hints.push(...mine);
  }
  return hints;
}
/** A base64 (or base64url) run long enough to hold a token (`hf_` and 16 characters: 19 bytes, 26 characters). */
const BASE64_RUN = /[A-Za-z0-9+/_-]{24,}={0,2}/g;

function latin1(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) out += String.fromCharCode(byte);
  return out;
}

function maskBase64(text: string, sortedSecrets: string[]): string {
  const positions: number[] = [];
  if (!sortedSecrets.length) {
    // The usual case: one pattern of the token prefixes' hints instead of a search a hint.
    matchesAt(text, BASE64_HINT, positions);
  } else
    for (const hint of base64HintsFor(sortedSecrets))
      for (let at = text.indexOf(hint); at !== -1; at = text.indexOf(hint, at + 1)) positions.push(at);
  return rewriteAround(text, positions, isBase64Char, (window) =>
    window.replace(BASE64_RUN, (run) => {
      if (!base64HintsFor(sortedSecrets).some((hint) => run.includes(hint))) return run;
      // The run may start mid-quantum (glued to text before it): each of the 4 starting points is tried.
      for (const {skip, bytes} of base64Starts(run)) {
        // Token characters are ASCII: the decoded bytes read as Latin-1 hold the token whatever the rest is.
        const token = TOKEN_SHAPE.exec(bytes)?.[0] ?? sortedSecrets.find((secret) => bytes.includes(latin1(secret)));
        if (token) return `${run.slice(0, skip)}[base64 holding ${maskToken(token)}]`;
      }
      return run;
    }),
  );
}

/**
 * What a base64 (or base64url) run decodes to from each of its first 4 characters (a run glued to the text before it
 * may start mid-quantum), lazily: forgiving and unpadded, a lone last character dropped; a start that does not decode is
 * left out.
 */
export function* base64Starts(run: string): Generator<{skip: number; bytes: string}> {
  const standard = run.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  for (let skip = 0; skip < 4; skip++) {
    const body = standard.slice(skip);
    let bytes: string;
    try {
      bytes = atob(body.length % 4 === 1 ? body.slice(0, -1) : body);
    } catch {
      continue;
    }
    yield {skip, bytes};
  }
}

function isBase64Char(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x2b || // +
    code === 0x2f || // /
    code === 0x5f || // _
    code === 0x2d || // -
    code === 0x3d // =
  );
}

// Hex: `68665f…` (a hex dump, a bytes.hex(), a debug print of a header). `hf_` is 68 66 5f, `api_org_` starts 61 70 69 5f.
const HEX_HINT = /68665f|6170695f6f72675f/i;
/** At least `hf_` and 16 characters (19 bytes), any length (an odd one: glued to a hex digit). */
const HEX_RUN = /[0-9A-Fa-f]{38,}/g;

function maskHex(text: string, sortedSecrets: string[]): string {
  const positions: number[] = [];
  matchesAt(text, HEX_HINTS, positions);
  return rewriteAround(text, positions, isHexChar, (window) =>
    window.replace(HEX_RUN, (run) => {
      if (!HEX_HINT.test(run)) return run;
      // The run may start at an odd digit (glued to a word): both alignments.
      for (const skip of [0, 1]) {
        let bytes = '';
        for (let i = skip; i + 1 < run.length; i += 2) bytes += String.fromCharCode(parseInt(run.slice(i, i + 2), 16));
        const token = TOKEN_SHAPE.exec(bytes)?.[0] ?? sortedSecrets.find((secret) => bytes.includes(latin1(secret)));
        if (token) return `${run.slice(0, skip)}[hex holding ${maskToken(token)}]`;
      }
      return run;
    }),
  );
}

const HEX_HINTS = new RegExp(HEX_HINT.source, 'gi');

function isHexChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/**
 * Makes text from outside safe to show: every known secret value and every token-shaped substring becomes its mask,
 * and escape sequences / control characters are neutralised (core/text/sanitize.ts). Use it on anything that reaches
 * a screen, a log or a file: job logs, error messages, pasted text, snippets.
 */
export function redactSecrets(text: string, knownSecretsHere: Iterable<string> = []): string {
  const secrets = [...knownSecretsHere];
  // Mask first (a secret may hold characters the sanitiser rewrites), then neutralise, then mask what was glued to
  // an escape code.
  return maskSecrets(sanitizeTerminal(maskSecrets(unsplitTokens(String(text)), secrets)), secrets);
}

/**
 * A value from outside shown on one line (a job's stage or cancel reason a server sent): redactSecrets, then its line
 * breaks made spaces, then cut to `max` characters. In that order: made one line first, a token a break cut became two
 * words, and the second (`hf_…T4wZ 8kP3nB6cD1eF5gH0jS`) was shown whole.
 */
export function redactLine(text: string, max = Infinity): string {
  return sanitizeLine(redactSecrets(text)).slice(0, max);
}

/**
 * A token with invisible characters inside (NUL, a zero-width space, a bidi override: `hf_abcd<U+200B>efgh…`) would be
 * shown whole with a marker in the middle once the sanitiser makes them visible: masked here as the token it spells.
 * Line breaks and tabs still end a token.
 */
// eslint-disable-next-line no-control-regex
const SPLIT_TOKEN =
  /(?:hf_(?:oauth_)?|api_org_)(?:[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]{0,64}[A-Za-z0-9]){1,1024}/g;
// eslint-disable-next-line no-control-regex
const INVISIBLE_IN_TOKEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

export function unsplitTokens(text: string): string {
  if (!INVISIBLE_IN_TOKEN.test(text)) return text;
  return text.replace(SPLIT_TOKEN, (match) => {
    if (!INVISIBLE_IN_TOKEN.test(match)) return match;
    // An escape sequence's own letters (ESC[1m) are not part of the token: drop whole sequences first.
    const joined = match.replace(/\x1b\[[0-9;:]*[A-Za-z]/g, '').replace(new RegExp(INVISIBLE_IN_TOKEN, 'g'), '');
    return /^(?:hf_(?:oauth_)?|api_org_)[A-Za-z0-9]{16,1024}$/.test(joined) ? maskToken(joined) : match;
  });
}
