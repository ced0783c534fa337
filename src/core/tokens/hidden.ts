// Tokens written so that no line of the file shows one whole: literals concatenated (`"hf_" + "AbC…"`, Python's
// `("hf_AbC" "dEf…")`), cut by a backslash-newline (a shell or Python line continuation inside the word), or
// base64-encoded (a Kubernetes Secret's `data:`, an `Authorization: Basic` value, `HF_TOKEN_B64=` in a .env). Each is
// the token once the language (or a decoder) puts it together, so `check` and `revoke` must see it.
// Precise by construction: the joined or decoded text must hold a token of the Hub's real shape (30-40 letters or
// digits after the prefix, not a doc placeholder), and for the first two the token must go over a join (a token whole
// in one literal is the plain scan's).
import {base64Starts} from './mask.js';
import {runsOverJoins, type Join} from './split.js';

export interface HiddenToken {
  token: string;
  /** Where, in the text, the written form starts. */
  index: number;
  how: 'concatenated' | 'continued' | 'base64';
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
  BASE64_HINT.lastIndex = 0;
  if (BASE64_HINT.test(text)) for (const h of base64(text)) add(h.token, h.index, 'base64');
  return out;
}

/**
 * The texts that may hold a token in any form this module or the plain scan finds: one cheap test before the scans
 * (what `check` can use instead of looking for `hf_` alone, which a base64 token does not hold).
 */
export function mayHoldToken(text: string): boolean {
  if (text.includes('hf_') || text.includes('api_org_')) return true;
  BASE64_HINT.lastIndex = 0;
  return BASE64_HINT.test(text) || PREFIX_CUT.test(text);
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
/** For each of the 3 byte alignments, the base64 characters that only the prefix's bytes make (`hf_` at 0 is `aGZf`). */
function hints(prefix: string): string[] {
  const found: string[] = [];
  for (let align = 0; align < 3; align++) {
    const encoded = btoa('\0'.repeat(align) + prefix + '\0\0\0');
    found.push(encoded.slice(Math.ceil((8 * align) / 6), Math.floor((8 * (align + prefix.length)) / 6)));
  }
  return found;
}
const BASE64_HINT = new RegExp(
  [...hints('hf_'), ...hints('api_org_')].map((h) => h.replace(/[+/]/g, '\\$&')).join('|'),
  'g',
);
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
 * The tokens base64 around each hint holds. Only a window of the run around a hint is decoded (at its 4 alignments):
 * a pattern over the whole run overflowed the pattern engine's stack on an 11 MB run (300,000 tokens glued together).
 */
function base64(text: string): {token: string; index: number}[] {
  const out: {token: string; index: number}[] = [];
  let done = 0;
  BASE64_HINT.lastIndex = 0;
  for (let h = BASE64_HINT.exec(text); h; h = BASE64_HINT.exec(text)) {
    if (h.index < done) continue;
    let from = h.index;
    while (from > 0 && h.index - from < BASE64_WINDOW && isBase64Code(text.charCodeAt(from - 1))) from--;
    let to = h.index;
    while (to < text.length && to - h.index < BASE64_WINDOW && isBase64Code(text.charCodeAt(to))) to++;
    if (to - from < 40) continue;
    const found = decodedToken(text.slice(from, to));
    if (found) {
      out.push({token: found, index: from});
      done = to;
      BASE64_HINT.lastIndex = to;
    }
  }
  return out;
}

/** A real-shaped token the base64 (or base64url) text decodes to at one of its 4 alignments, if any. */
function decodedToken(run: string): string | undefined {
  for (const {bytes} of base64Starts(run)) {
    REAL_TOKEN.lastIndex = 0;
    const t = REAL_TOKEN.exec(bytes);
    if (t && PREFIX.test(t[0])) return t[0];
  }
  return undefined;
}
