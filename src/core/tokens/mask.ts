// Masking: the only way a token may ever appear in output. `hf_…abcd` keeps the prefix and last 4 characters.
// maskSecrets masks every token shape wherever it stands and every value registered as a secret for this process;
// redactSecrets also neutralises terminal control (for text from outside); guarded sinks (src/io.ts guardIo) mask only.

import {sanitizeTerminal} from '../text/sanitize.js';

// hf_oauth_… (browser login) has a second underscore: without its own branch it would pass through whole.
// No word boundary on the left: a token glued to text (`TOKEN_hf_…`, `xhf_…`) or to an escape code (`ESC[1mhf_…`, as
// `rich` prints it) is still a token.
const TOKEN_PATTERN = /(?:hf_(?:oauth_)?|api_org_)[A-Za-z0-9]{16,}/g;

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
  let out = String(text);
  const secrets = new Set<string>();
  for (const s of knownSecretsHere) if (s && s.length >= 6) secrets.add(s);
  for (const s of KNOWN_SECRETS) secrets.add(s);
  // Longest first: a secret that contains another is masked whole.
  if (secrets.size)
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(secret)) out = out.split(secret).join(maskToken(secret));
    }
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
 * A token with invisible characters inside (NUL, a zero-width space, a bidi override: `hf_abcd<U+200B>efgh…`) would be
 * shown whole with a marker in the middle once the sanitiser makes them visible: masked here as the token it spells.
 * Line breaks and tabs still end a token.
 */
// eslint-disable-next-line no-control-regex
const SPLIT_TOKEN =
  /(?:hf_(?:oauth_)?|api_org_)(?:[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]*[A-Za-z0-9])+/g;
// eslint-disable-next-line no-control-regex
const INVISIBLE_IN_TOKEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

export function unsplitTokens(text: string): string {
  if (!INVISIBLE_IN_TOKEN.test(text)) return text;
  return text.replace(SPLIT_TOKEN, (match) => {
    if (!INVISIBLE_IN_TOKEN.test(match)) return match;
    // An escape sequence's own letters (ESC[1m) are not part of the token: drop whole sequences first.
    const joined = match.replace(/\x1b\[[0-9;:]*[A-Za-z]/g, '').replace(new RegExp(INVISIBLE_IN_TOKEN, 'g'), '');
    return /^(?:hf_(?:oauth_)?|api_org_)[A-Za-z0-9]{16,}$/.test(joined) ? maskToken(joined) : match;
  });
}
