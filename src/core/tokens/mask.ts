// Masking: the only way a token may ever appear in output. `hf_…abcd` keeps the prefix and last 4 characters.

import {sanitizeTerminal} from '../text/sanitize.js';

// hf_oauth_… (browser login) has a second underscore: without its own branch it would pass through whole.
// No word boundary on the left: a token glued to text (`TOKEN_hf_…`, `xhf_…`) or to an escape code (`ESC[1mhf_…`, as
// `rich` prints it) is still a token.
const TOKEN_PATTERN = /(?:hf_(?:oauth_)?|api_org_)[A-Za-z0-9]{16,}/g;

/** Values this process knows are secrets (the token in use, practice tokens): masked everywhere, whatever their shape. */
const KNOWN_SECRETS = new Set<string>();

export function registerSecret(value: string | undefined): void {
  if (value && value.trim().length >= 6) KNOWN_SECRETS.add(value.trim());
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
 * Makes text from outside safe to show: every known secret value and every token-shaped substring becomes its mask,
 * and escape sequences / control characters are neutralised (core/text/sanitize.ts). Use it on anything that reaches
 * a screen, a log or a file: job logs, error messages, pasted text, snippets.
 */
export function redactSecrets(text: string, knownSecrets: Iterable<string> = []): string {
  let out = String(text);
  for (const secret of [...knownSecrets, ...KNOWN_SECRETS]) {
    if (secret && secret.length >= 6) out = out.split(secret).join(maskToken(secret));
  }
  out = sanitizeTerminal(out);
  return out.replace(TOKEN_PATTERN, (match) => maskToken(match));
}
