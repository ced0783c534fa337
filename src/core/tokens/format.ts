// Token text: cleaning up what a person pasted, and saying precisely why a string is not a usable token.
import {findHiddenTokens} from './hidden.js';

/** What a real token looks like: `hf_` + 34 letters/digits. We accept 30-40 to be tolerant. */
const BODY_MIN = 30;
const BODY_MAX = 40;
/** OAuth access tokens from browser login start `hf_oauth_`. */
const OAUTH_PREFIX = 'hf_oauth_';

export type TokenFormatProblem =
  | 'empty'
  | 'org-token'
  | 'wrong-prefix'
  | 'placeholder'
  | 'masked'
  | 'shortened'
  | 'contains-whitespace'
  | 'bad-characters'
  | 'too-short'
  | 'too-long';

export type TokenFormatResult = {ok: true; token: string} | {ok: false; problem: TokenFormatProblem; reason: string};

const QUOTES = new Set(['"', "'", '`']);

/**
 * Cleans what a person pasted: bracketed-paste markers, surrounding whitespace and CR/LF, matching quotes,
 * and a leading `HF_TOKEN=` / `export HF_TOKEN=` / `Bearer ` someone copied along with the token.
 */
export function normalizeTokenInput(raw: string): string {
  let s = raw
    .replace(/\x1b\[20[01]~/g, '')
    .replace(/^\[200~/, '')
    .replace(/\[201~$/, '');
  for (let i = 0; i < 4; i++) {
    const before = s;
    s = s.trim();
    s = s.replace(/^export\s+/, '').replace(/^(?:HF_TOKEN|HUGGING_FACE_HUB_TOKEN)\s*=\s*/, '');
    s = s.replace(/^Bearer\s+/i, '');
    const first = s[0];
    if (s.length >= 2 && first !== undefined && QUOTES.has(first) && s.endsWith(first)) s = s.slice(1, -1);
    if (s === before) break;
  }
  return s;
}

/** `hf_xxx`, `hf_YOUR_TOKEN`, `hf_abc123...`, `hf_...`, `hf_<token>`, `hf_****`: text from docs, not a token. */
export function isPlaceholderToken(value: string): boolean {
  const v = value.trim();
  if (!v.startsWith('hf_')) return false;
  const body = v.startsWith(OAUTH_PREFIX) ? v.slice(OAUTH_PREFIX.length) : v.slice(3);
  if (body.length === 0) return true;
  if (/^(.)\1*$/.test(body)) return true; // xxxx, ****, 0000
  if (/(\.\.\.|…)$/.test(body) || /^(\.|…)/.test(body)) return true;
  if (/[<>{}[\]*]/.test(body)) return true;
  // A real-shaped body (30-40 letters/digits) is only a placeholder when it starts like one, so a random
  // token that happens to contain "here" is never rejected.
  const realShaped = new RegExp(`^[A-Za-z0-9]{${BODY_MIN},${BODY_MAX}}$`).test(body);
  if (realShaped) return /^(your|placeholder|example|xxxx|abc123|0?1234567)/i.test(body);
  if (/your|token|here|placeholder|example|redacted|secret|changeme/i.test(body)) return true;
  if (/^(abc|xyz|xx|123|abcdef)/i.test(body)) return true;
  return false;
}

// At most 1024 after the prefix: an unbounded run of 8 million letters overflowed the pattern engine's stack.
export const TOKEN_SHAPE_SOURCE = String.raw`(?:hf_(?:oauth_)?|api_org_)[A-Za-z0-9]{16,1024}`;
const TOKEN_SHAPED = new RegExp(TOKEN_SHAPE_SOURCE, 'g');

/** Real-looking tokens in a text (hf_, hf_oauth_, api_org_ and 16+ letters/digits) (not doc placeholders like hf_xxx or hf_YOUR_TOKEN), with their index. */
export function findTokenLike(text: string): {token: string; index: number}[] {
  const out: {token: string; index: number}[] = [];
  TOKEN_SHAPED.lastIndex = 0;
  for (let m = TOKEN_SHAPED.exec(text); m; m = TOKEN_SHAPED.exec(text)) {
    // Must not be glued to a longer identifier on the left (e.g. `my_hf_...`), but a colour code right before it
    // (`ESC[1mhf_…`, as rich prints a token in bold) is no identifier: that token is found.
    const before = m.index > 0 ? text[m.index - 1]! : '';
    const afterColour = /(?:\x1b\[|\x9b)[0-9;:]*m$/.test(text.slice(Math.max(0, m.index - 24), m.index));
    if (/[A-Za-z0-9_]/.test(before) && !afterColour) continue;
    if (m[0].startsWith('hf_') && isPlaceholderToken(m[0])) continue;
    out.push({token: m[0], index: m.index});
  }
  // Tokens no line shows whole: literals concatenated, cut by a line continuation, base64-encoded (core/tokens/hidden.ts).
  const hidden = findHiddenTokens(text, (t) => !(t.startsWith('hf_') && isPlaceholderToken(t)));
  if (!hidden.length) return out;
  // A token with an invisible character inside (`hf_…8kP3<U+200B>nB6…`): its visible first part is not another token.
  const whole = out.filter(
    (p) =>
      !hidden.some(
        (h) => h.token !== p.token && h.token.startsWith(p.token) && h.index <= p.index && p.index - h.index < 64,
      ),
  );
  for (const h of hidden) whole.push({token: h.token, index: h.index});
  return whole.sort((a, b) => a.index - b.index);
}

export function looksLikeRealToken(value: string): boolean {
  return findTokenLike(value).length > 0;
}

/** Where the reasons send a person for a new token (the sandbox passes its own token page). */
export interface TokenFormatOptions {
  tokensPage?: string;
}

const DEFAULT_TOKENS_PAGE = 'https://huggingface.co/settings/tokens';
/** Words that mark text from docs or a template, never part of a real token. */
const PLACEHOLDER_WORDS = /your|token|here|placeholder|example|redacted|secret|changeme/i;

/**
 * The format step of every login (the `login` command and the wizard's paste screen): what was pasted or piped,
 * cleaned by normalizeTokenInput, then checked for shape, with the reasons pointing at `endpoint`'s token page (or
 * at `tokensPage` when the caller has a better link, e.g. the sandbox's with its form key).
 */
export function checkTokenInput(raw: string, endpoint: string, tokensPage?: string): TokenFormatResult {
  return validateTokenFormat(normalizeTokenInput(raw), {
    tokensPage: tokensPage ?? `${endpoint.replace(/\/+$/, '')}/settings/tokens`,
  });
}

/**
 * Checks the shape only (no network). The reasons are one line each, never contain the token, and name what the
 * text most likely is: the masked form this app shows (`hf_…abcd`), a preview cut with "…", a token split by a
 * space, a cut-off copy, or a doc placeholder.
 */
export function validateTokenFormat(token: string, options: TokenFormatOptions = {}): TokenFormatResult {
  const t = token;
  const tokensPage = options.tokensPage ?? DEFAULT_TOKENS_PAGE;
  if (t.trim().length === 0) {
    return {ok: false, problem: 'empty', reason: 'Nothing was pasted: the token is empty.'};
  }
  if (t.startsWith('api_org_')) {
    return {
      ok: false,
      problem: 'org-token',
      reason:
        'This is an organization API token (api_org_...). Those are deprecated and rejected at login: use a personal token, or a fine-grained token scoped to the organization, from ' +
        tokensPage +
        '.',
    };
  }
  if (!t.startsWith('hf_')) {
    const hint = /^hf[-_]?/i.test(t) ? ' (it must start with lowercase "hf_")' : '';
    return {
      ok: false,
      problem: 'wrong-prefix',
      reason: `This does not look like a Hugging Face token${hint}: tokens start with "hf_". Copy it from ${tokensPage}.`,
    };
  }
  const body = t.startsWith(OAUTH_PREFIX) ? t.slice(OAUTH_PREFIX.length) : t.slice(3);
  // `hf_…abcd` (or `hf_...abcd`): the masked form this app, `hf auth whoami` and the Hub's token list show.
  if (/^(?:…|\.\.\.)[A-Za-z0-9]{4}$/.test(body)) {
    return {
      ok: false,
      problem: 'masked',
      reason: `This is the masked form shown on screen (hf_… and the last 4 characters), not the token: paste the whole token from ${tokensPage}.`,
    };
  }
  // `hf_AbCdEfGh…`: a preview cut short with an ellipsis (a truncated table cell, a chat message, a screenshot).
  const beforeEllipsis = /^([A-Za-z0-9]+)(?:…|\.\.\.)$/.exec(body)?.[1];
  if (
    beforeEllipsis !== undefined &&
    beforeEllipsis.length >= 8 &&
    !PLACEHOLDER_WORDS.test(beforeEllipsis) &&
    !isPlaceholderToken(`hf_${beforeEllipsis}`)
  ) {
    return {
      ok: false,
      problem: 'shortened',
      reason: `This token ends in "…": it was shortened for display, so part of it is missing. Copy the whole token from ${tokensPage}.`,
    };
  }
  // A real token split by a space or a line break (a wrapped terminal line, a copy across two lines).
  if (/\s/.test(body) && /^[A-Za-z0-9\s]+$/.test(body) && !PLACEHOLDER_WORDS.test(body)) {
    return {
      ok: false,
      problem: 'contains-whitespace',
      reason:
        'The token has a space or a line break inside it: it was split while copying. Paste it again, on one line, with nothing around it.',
    };
  }
  // A cut-off copy of a real token (letters and digits, shorter than a token) is not a doc placeholder, even when
  // it happens to start like one ("abc", "xx", "123").
  const cutOff =
    /^[A-Za-z0-9]+$/.test(body) &&
    body.length >= 12 &&
    body.length < BODY_MIN &&
    !PLACEHOLDER_WORDS.test(body) &&
    !/^(.)\1*$/.test(body);
  if (!cutOff && isPlaceholderToken(t)) {
    return {
      ok: false,
      problem: 'placeholder',
      reason: 'This is a placeholder from docs or an example (like hf_xxx or hf_YOUR_TOKEN), not a real token.',
    };
  }
  if (/\s/.test(body)) {
    return {
      ok: false,
      problem: 'contains-whitespace',
      reason: 'The token contains spaces or line breaks: paste only the token, on one line.',
    };
  }
  if (!/^[A-Za-z0-9]+$/.test(body)) {
    return {
      ok: false,
      problem: 'bad-characters',
      reason:
        'The token contains characters other than letters and digits after "hf_": it was probably copied incompletely or with extra text.',
    };
  }
  if (body.length < BODY_MIN) {
    return {
      ok: false,
      problem: 'too-short',
      reason: `The token is too short (${body.length} characters after "hf_", real ones have 34): it was probably cut off while copying.`,
    };
  }
  if (body.length > BODY_MAX) {
    return {
      ok: false,
      problem: 'too-long',
      reason: `The token is too long (${body.length} characters after "hf_", real ones have 34): two tokens or extra text were probably pasted together.`,
    };
  }
  return {ok: true, token: t};
}
