// Tokens written so that no line of the file shows one whole: literals concatenated (`"hf_" + "AbC…"`, Python's
// `("hf_AbC" "dEf…")`), cut by a backslash-newline (a shell or Python line continuation inside the word), or
// base64-encoded (a Kubernetes Secret's `data:`, an `Authorization: Basic` value, `HF_TOKEN_B64=` in a .env), or
// percent-encoded (`hf%5F…` in a URL); the encoded forms also when a wrap cuts them over lines (`base64`'s 76-column
// output, a YAML block, a wrapped URL: core/tokens/wrapped.ts). Each is the token once the language (or a decoder) puts
// it together, so `check` and `revoke` must see it.
// Precise by construction: the joined or decoded text must hold a token of the Hub's real shape (30-40 letters or
// digits after the prefix, not a doc placeholder), and for the first two the token must go over a join (a token whole
// in one literal is the plain scan's).
import {base64Hints, base64Starts, findWrittenTokens, mayHoldWrittenToken, WRITTEN_NOT_ASCII_CLASS} from './mask.js';
import {runsOverJoins, TOKEN_BODY_LENGTH, type Join} from './split.js';
import {lineStartAfter, nextAfter, wrappedRun, type WrappedRun} from './wrapped.js';

export interface HiddenToken {
  token: string;
  /** Where, in the text, the written form starts. */
  index: number;
  how: 'concatenated' | 'continued' | 'base64' | 'url-encoded' | 'escaped' | 'hex';
}

/** A token of the Hub's shape as the joined or decoded text holds it; the real body is 34. */
const REAL_TOKEN = /(?:hf_(?:oauth_)?|api_org_)[A-Za-z0-9]{30,40}(?![A-Za-z0-9])/g;
const PREFIX = /^(?:hf_(?:oauth_)?|api_org_)/;

/**
 * Tokens hidden by concatenation, a line continuation or base64 in `text`; `accept` filters what was found (the plain
 * scan's placeholder rule). Cheap on texts without the signs of either (one search each).
 */
export function findHiddenTokens(text: string, accept: (token: string) => boolean = () => true): HiddenToken[] {
  const out: HiddenToken[] = [];
  const add = (token: string, index: number, how: HiddenToken['how']) => {
    if (accept(token) && !out.some((h) => h.token === token && h.index === index)) out.push({token, index, how});
  };
  if (QUOTE_JOIN.test(text)) for (const h of concatenated(text)) add(h.token, h.index, 'concatenated');
  if (text.includes('\\\n') || text.includes('\\\r\n'))
    for (const h of continued(text)) add(h.token, h.index, 'continued');
  for (const h of base64(text)) add(h.token, h.index, 'base64');
  if (mayHoldPercent(text)) for (const h of percentEncoded(text)) add(h.token, h.index, 'url-encoded');
  // Escapes, entities, fullwidth letters, invisible characters inside, hex (mask.ts, which masks the same forms).
  for (const h of findWrittenTokens(text)) add(h.token, h.index, h.how);
  return out;
}

/**
 * The texts that may hold a token in any form this module or the plain scan finds: one cheap test before the scans
 * (what `check` can use instead of looking for `hf_` alone, which a base64 token does not hold).
 */
export function mayHoldToken(text: string): boolean {
  if (text.includes('hf_') || text.includes('api_org_') || mayHoldPercent(text)) return true;
  // One pass for the three signs (most texts hold none), then each sign's own test: 69,000 instructions a 4 KB text
  // without a sign, against 79,000 for the three passes (valgrind, the bench's kinds of text).
  return (
    TOKEN_SIGN.test(text) &&
    (mayHoldBase64(text) || PREFIX_CUT.test(text) || mayHoldWrittenToken(text) || prefixedCutHints(text).length > 0)
  );
}

/** A base64 hint, or one a wrapping line break cuts (tested only on a text with a break). */
function mayHoldBase64(text: string): boolean {
  BASE64_HINT.lastIndex = 0;
  if (BASE64_HINT.test(text)) return true;
  return cutHintAt(text, 0) !== -1;
}

/**
 * Where the first line break from `from` that cuts a base64 hint starts (its CR or LF), where the line before ends
 * with a wrapped line's base64 (BASE64_LINE_MIN characters); -1 when none. Each candidate break is found by one
 * pattern (WRAPPED_LINE_END) rather than a loop over every break in JavaScript, which cost check ~62,000 instructions
 * a 4 KB file (its functions run cold: check raises V8's optimisation budget).
 */
export function cutHintAt(text: string, from: number): number {
  WRAPPED_LINE_END.lastIndex = from;
  for (let m = WRAPPED_LINE_END.exec(text); m; m = WRAPPED_LINE_END.exec(text)) {
    const i = m.index;
    const end = text.charCodeAt(i - 1) === 0x0d ? i - 1 : i;
    let next = i + 1;
    while (next - i <= 64 && (text[next] === ' ' || text[next] === '\t')) next++;
    // A hint is at most 10 characters: 9 each side hold any one the break cuts.
    BASE64_HINT.lastIndex = 0;
    if (BASE64_HINT.test(text.slice(end - 9, end) + text.slice(next, next + 9))) return end;
  }
  return -1;
}
/**
 * A line break after BASE64_LINE_MIN (40) base64 characters (a CR between them or not). The break comes first, the
 * look back after it: V8 then looks only at breaks (the look back first was read at every character: 20x slower). A
 * one-character look back goes first: most lines end in a character no base64 holds, and that test alone is cheaper
 * than entering the 40-character one (instructions, valgrind, over the 8,750 texts of the lead's bench kinds read 5
 * times: 1,932M -> 1,755M above reading them, ~44,000 -> ~40,000 a text).
 */
const WRAPPED_LINE_END = /\n(?<=[A-Za-z0-9+/_-]\r?\n)(?<=[A-Za-z0-9+/_-]{40}\r?\n)/g;
/** PREFIXED_LINE_END's pattern (below): a break after 24 or more base64 characters. */
const PREFIXED_LINE_END_SOURCE = String.raw`\n(?<=[A-Za-z0-9+/_-]\r?\n)(?<=[A-Za-z0-9+/_-]{24}\r?\n)`;

/** An encoded underscore (two searches for a string before the pattern: 5 against 18 ms over 62 MB of texts). */
function mayHoldPercent(text: string): boolean {
  PERCENT_UNDERSCORE.lastIndex = 0;
  return (text.includes('%5') || text.includes('%25')) && PERCENT_UNDERSCORE.test(text);
}
/**
 * A token's prefix cut by a join or a continuation: `"h" + "f_…"`, `api_\` then `org_…` on the next line. Written so
 * that V8 tries only positions holding `h` or `a` (the same cuts as `(?:^|[^\w])(?:h|hf|a|ap|...|api_org)`, which tried
 * every position: 23 against 11 ms on the bench tree's texts).
 */
const PREFIX_CUT = /(?<![A-Za-z0-9_])(?:hf?|a(?:p(?:i(?:_(?:o(?:rg?)?)?)?)?)?)(?:["'`]|\\\r?\n)/;

/**
 * Whether the token at [start, end) of a joined text goes over one of its joins, and was not whole before the first
 * (`"hf_…34…" + "suffix"` is a token in one literal, which the plain scan finds).
 */
function goesOverJoin(joined: string, start: number, end: number, joins: number[]): boolean {
  const first = joins.find((j) => j > start && j < end);
  if (first === undefined) return false;
  const before = joined.slice(start, first);
  return !(PREFIX.test(before) && before.length - PREFIX.exec(before)![0].length >= 30);
}

// --- Concatenated literals ---------------------------------------------------------------------------------------
/**
 * A quote closing a literal, then a join (`+`, `.`, `..`, `,` is not one) and a quote opening the next. Backquotes join
 * only with a `+` (JavaScript's template literals; two side by side are a tagged template, in a shell two
 * substitutions): a Markdown fence (```) is not a join, and does not send every document to the literal scan.
 */
const QUOTE_JOIN = /["'](?:\s|\\\r?\n)*(?:(?:\+|\.\.?)(?:\s|\\\r?\n)*)?["']|["'`](?:\s|\\\r?\n)*\+(?:\s|\\\r?\n)*["'`]/;
/** A literal without escapes (a token has none). */
const LITERAL = /"([A-Za-z0-9_]*)"|'([A-Za-z0-9_]*)'|`([A-Za-z0-9_]*)`/g;

/** Whether the text between two literals joins them: spaces, continuations, then `+`, `.` or `..` and more, or not. */
function isGap(text: string, from: number, to: number): boolean {
  let i = skipSpace(text, from, to);
  if (text[i] === '+') i++;
  else if (text[i] === '.') i += text[i + 1] === '.' ? 2 : 1;
  return skipSpace(text, i, to) === to;
}

/** After the spaces and line continuations from `i` (not past `to`). */
function skipSpace(text: string, i: number, to: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (i < to && (c === 0x20 || (c >= 0x09 && c <= 0x0d))) i++;
    else if (c === 0x5c && CONTINUATION_JOIN(text, i)) i += CONTINUATION_JOIN(text, i);
    else return i;
  }
}

/** Literals in a row (a loop, not a repeated group: a chain of millions overflowed the pattern engine's stack). */
function concatenated(text: string): {token: string; index: number}[] {
  const out: {token: string; index: number}[] = [];
  let parts: string[] = [];
  let chainAt = 0;
  let lastEnd = -1;
  const close = () => {
    if (parts.length >= 2) out.push(...tokensOverJoins(parts, chainAt));
    parts = [];
  };
  LITERAL.lastIndex = 0;
  for (let m = LITERAL.exec(text); m; m = LITERAL.exec(text)) {
    // A gap longer than any layout of spaces ends the chain without being read through.
    if (!(parts.length && m.index - lastEnd <= 256 && isGap(text, lastEnd, m.index))) {
      close();
      chainAt = m.index;
    }
    parts.push(m[1] ?? m[2] ?? m[3] ?? '');
    lastEnd = m.index + m[0].length;
  }
  close();
  return out;
}

/** The real-shaped tokens the joined literals hold over a join. */
function tokensOverJoins(parts: string[], index: number): {token: string; index: number}[] {
  const out: {token: string; index: number}[] = [];
  const joined = parts.join('');
  const joins: number[] = [];
  let at = 0;
  for (const p of parts.slice(0, -1)) joins.push((at += p.length));
  REAL_TOKEN.lastIndex = 0;
  for (let t = REAL_TOKEN.exec(joined); t; t = REAL_TOKEN.exec(joined))
    if (goesOverJoin(joined, t.index, t.index + t[0].length, joins)) out.push({token: t[0], index});
  return out;
}

// --- Line continuations ------------------------------------------------------------------------------------------
const CONTINUATION = /\\\r?\n/g;
/** A backslash-newline between two word characters. */
const CONTINUATION_JOIN: Join = (text, at) =>
  text[at] !== '\\' ? 0 : text[at + 1] === '\n' ? 2 : text[at + 1] === '\r' && text[at + 2] === '\n' ? 3 : 0;

function continued(text: string): {token: string; index: number}[] {
  const out: {token: string; index: number}[] = [];
  // Each run of word characters and continuations, joined as the shell (or Python) reads it.
  for (const [from, to] of runsOverJoins(text, CONTINUATION_JOIN)) {
    const run = text.slice(from, to);
    const joined = run.replace(CONTINUATION, '');
    const cuts: number[] = [];
    let removed = 0;
    CONTINUATION.lastIndex = 0;
    for (let c = CONTINUATION.exec(run); c; c = CONTINUATION.exec(run)) {
      cuts.push(c.index - removed);
      removed += c[0].length;
    }
    REAL_TOKEN.lastIndex = 0;
    for (let t = REAL_TOKEN.exec(joined); t; t = REAL_TOKEN.exec(joined)) {
      if (goesOverJoin(joined, t.index, t.index + t[0].length, cuts)) out.push({token: t[0], index: from + t.index});
    }
  }
  return out;
}

// --- Base64 ------------------------------------------------------------------------------------------------------
const BASE64_HINT = new RegExp(
  [...base64Hints('hf_'), ...base64Hints('api_org_')].map((h) => h.replace(/[+/]/g, '\\$&')).join('|'),
  'g',
);
/** The base64 hints, one pattern (not global): what relevance.ts adds to its words, for a file with no other sign. */
export const BASE64_HINT_PATTERN = new RegExp(BASE64_HINT.source);
/**
 * A token prefix's letters (whole or cut, as PREFIX_CUT) before a quote or a line continuation (PREFIX_CUT's cut), or
 * before an underscore written another way (`hf\u005f`, `hf\x5f`, `hf&#95;`, `hf&lowbar;`, `hf＿`), or fullwidth
 * letters of a prefix (`ｈｆ＿`): the sign of mask.ts's written forms (findWrittenTokens) that check's gate looks for.
 * A sign of the written underscore alone (`\u`, `&#`, hex's `68665`, the non-ASCII class) cost check 0.9% more
 * instructions (its `6` and `\` start alternatives V8 tries often), this one 0.1% (valgrind, the bench tree): a token
 * whose prefix's own letters are written another way (all entities, hex, `\u0068\u0066`) is not looked for.
 */
const PREFIX_SIGN = String.raw`(?<![A-Za-z0-9_])(?:hf?|a(?:p(?:i(?:_(?:o(?:rg?)?)?)?)?)?)(?:["'\x60&]|${WRITTEN_NOT_ASCII_CLASS}|\\(?:\r?\n|[ux]))|\uFF48\uFF46|\uFF41\uFF50\uFF49`;

/**
 * A base64 hint, a break after a wrapped line's base64 (PREFIXED_LINE_END: 24 characters, which WRAPPED_LINE_END's 40
 * hold too), or a prefix's letters before a cut or a written underscore (PREFIX_SIGN), in one pattern: every text
 * mayHoldBase64, PREFIX_CUT or prefixedCutHints accepts matches it, and every text with a written form that starts
 * with its prefix's letters (and a few more, which they then turn down).
 */
const TOKEN_SIGN = new RegExp(`${BASE64_HINT.source}|${PREFIXED_LINE_END_SOURCE}|${PREFIX_SIGN}`);
/** Base64 characters read around a hint, each side: a token's base64 (with `user:` before it) is under 100. */
const BASE64_WINDOW = 192;

function isBase64Code(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x2b ||
    code === 0x2f ||
    code === 0x5f ||
    code === 0x2d
  );
}

/**
 * Base64 characters a wrapped line ends with at least: tools wrap at 64 (PEM, openssl) or 76 (MIME, base64); prose and
 * code lines end in far shorter words.
 */
const BASE64_LINE_MIN = 40;

/**
 * The tokens base64 around each hint holds, its lines joined where a block wraps (core/tokens/wrapped.ts). Only a
 * window of the run around a hint is decoded (at its 4 alignments): a pattern over the whole run overflowed the pattern
 * engine's stack on an 11 MB run (300,000 tokens glued together). Reported where the token's characters start.
 */
function base64(text: string): {token: string; index: number}[] {
  const out: {token: string; index: number}[] = [];
  const hits: number[] = [];
  BASE64_HINT.lastIndex = 0;
  for (let h = BASE64_HINT.exec(text); h; h = BASE64_HINT.exec(text)) hits.push(h.index);
  for (let at = cutHintAt(text, 0); at !== -1; at = cutHintAt(text, at + 2)) hits.push(at);
  hits.push(...prefixedCutHints(text));
  let done = 0;
  for (const at of hits.sort((a, b) => a - b)) {
    if (at < done) continue;
    const wrapped = wrappedRun(text, at, isBase64Code, BASE64_WINDOW, BASE64_LINE_MIN);
    // The hints a window holds are read with it: 1.9 million hints on 100,000 wrapped lines took 44 s one by one.
    done = nextAfter(wrapped, BASE64_WINDOW, BASE64_TOKEN_MAX);
    if (wrapped.run.length < 26) continue;
    for (const found of decodedTokens(wrapped.run)) out.push({token: found.token, index: wrapped.at[found.start]!});
  }
  return out;
}
/**
 * A break after 24 or more base64 characters (fewer than cutHintAt's 40: under a log prefix, a `data: ` line wrapped
 * at 40 columns holds 34); one character looked back first, as WRAPPED_LINE_END does.
 */
const PREFIXED_LINE_END = new RegExp(PREFIXED_LINE_END_SOURCE, 'g');

/**
 * Where a base64 hint is cut by a break whose next line goes on after a log prefix (a timestamp, `> `, `# `: the
 * prefix of the line before, core/tokens/wrapped.ts) or an indentation: cutHintAt reads the next line from its first
 * character, so a hint cut there was not seen and the token not found (`…PWhm` then `> X0ZB…`).
 */
function prefixedCutHints(text: string): number[] {
  const out: number[] = [];
  PREFIXED_LINE_END.lastIndex = 0;
  for (let m = PREFIXED_LINE_END.exec(text); m; m = PREFIXED_LINE_END.exec(text)) {
    const end = text.charCodeAt(m.index - 1) === 0x0d ? m.index - 1 : m.index;
    const next = lineStartAfter(text, end, isBase64Code, BASE64_LINE_MIN);
    if (next === -1 || next === m.index + 1) continue;
    BASE64_HINT.lastIndex = 0;
    if (BASE64_HINT.test(text.slice(end - 9, end) + text.slice(next, next + 9))) out.push(end);
  }
  return out;
}

/** Base64 characters of the longest real-shaped token (`hf_oauth_` and 40: 49 bytes), with a start mid-quantum. */
const BASE64_TOKEN_MAX = 72;

/** The real-shaped tokens the base64 (or base64url) text decodes to at its 4 alignments, and where each starts. */
function decodedTokens(run: string): {token: string; start: number}[] {
  const found: {token: string; start: number}[] = [];
  for (const {skip, bytes} of base64Starts(run)) {
    REAL_TOKEN.lastIndex = 0;
    for (let t = REAL_TOKEN.exec(bytes); t; t = REAL_TOKEN.exec(bytes)) {
      const token = t[0];
      if (PREFIX.test(token) && !found.some((f) => f.token === token))
        found.push({token, start: Math.min(run.length - 1, skip + Math.floor((t.index * 4) / 3))});
    }
  }
  return found;
}

// --- Percent-encoded (a URL) ---------------------------------------------------------------------------------------
/**
 * A percent-encoded underscore (`%5F`, encoded again `%255F`): a token's `_` as a URL writes it when every character is
 * encoded (`%68%66%5F…`; encodeURIComponent and Python's quote leave `_` as is). A break inside the escape itself
 * (`%5` then `F`) is not looked for.
 */
const PERCENT_UNDERSCORE = /%(?:25)*5[fF]/g;
/** Characters read around an encoded underscore, each side: twice the longest written token. */
const PERCENT_WINDOW = 512;
/** The longest real-shaped token (49 characters), each written `%25XX`. */
const PERCENT_TOKEN_MAX = 245;

function isPercentCode(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x25
  );
}

/**
 * The tokens a percent-encoded run holds, over the line breaks that wrap it (a URL cut by a mail or an editor):
 * decoded, a token of the Hub's real shape whose written form holds an escape (else the plain scan's).
 */
function percentEncoded(text: string): {token: string; index: number}[] {
  const out: {token: string; index: number}[] = [];
  let done = 0;
  PERCENT_UNDERSCORE.lastIndex = 0;
  for (let h = PERCENT_UNDERSCORE.exec(text); h; h = PERCENT_UNDERSCORE.exec(text)) {
    if (h.index < done) continue;
    const joined = wrappedRun(text, h.index, isPercentCode, PERCENT_WINDOW, 1);
    done = nextAfter(joined, PERCENT_WINDOW, PERCENT_TOKEN_MAX);
    // Read on its line too: a URL whole at a line's end, then a word on the next line, is no token cut there. Of the
    // two readings of a token, the one nearer the Hub's length (34 after the prefix) is taken; the line's if as near.
    const own = percentTokens(wrappedRun(text, h.index, isPercentCode, PERCENT_WINDOW, Infinity));
    for (const t of percentTokens(joined)) {
      const same = own.find((o) => o.index === t.index);
      out.push(same && offShape(same.token) <= offShape(t.token) ? same : t);
    }
    for (const o of own) if (!out.some((t) => t.index === o.index)) out.push(o);
  }
  return out;
}

/** The real-shaped tokens a percent-encoded run decodes to, each written with an escape, where each starts. */
function percentTokens(wrapped: WrappedRun): {token: string; index: number}[] {
  const found: {token: string; index: number}[] = [];
  const decoded = decodePercent(wrapped.run);
  REAL_TOKEN.lastIndex = 0;
  for (let t = REAL_TOKEN.exec(decoded.text); t; t = REAL_TOKEN.exec(decoded.text)) {
    const from = decoded.from[t.index]!;
    const to = decoded.to[t.index + t[0].length - 1]!;
    if (wrapped.run.slice(from, to).includes('%')) found.push({token: t[0], index: wrapped.at[from]!});
  }
  return found;
}

/** How far a token's body is from the Hub's length. */
function offShape(token: string): number {
  return Math.abs(token.length - PREFIX.exec(token)![0].length - TOKEN_BODY_LENGTH);
}

/**
 * `run` with its `%XX` escapes decoded (3 rounds: `%255F` is `%5F` is `_`), and for each decoded character where its
 * written form starts and ends in the run.
 */
function decodePercent(run: string): {text: string; from: number[]; to: number[]} {
  let text = run;
  let from = [...run].map((_, i) => i);
  let to = from.map((i) => i + 1);
  for (let round = 0; round < 3 && text.includes('%'); round++) {
    let next = '';
    const f: number[] = [];
    const e: number[] = [];
    for (let i = 0; i < text.length;) {
      const hex = text[i] === '%' ? text.slice(i + 1, i + 3) : '';
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        next += String.fromCharCode(parseInt(hex, 16));
        f.push(from[i]!);
        e.push(to[i + 2]!);
        i += 3;
      } else {
        next += text[i];
        f.push(from[i]!);
        e.push(to[i]!);
        i++;
      }
    }
    if (next === text) break;
    [text, from, to] = [next, f, e];
  }
  return {text, from, to};
}
