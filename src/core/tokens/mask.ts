// Masking: the only way a token may ever appear in output. `hf_…abcd` keeps the prefix and last 4 characters.

// hf_oauth_… (browser login) has a second underscore: without its own branch it would pass through whole.
const TOKEN_PATTERN = /\b(?:hf_(?:oauth_)?|api_org_)[A-Za-z0-9]{16,}/g;

/** `hf_AbCdEf…wxyz` -> `hf_…wxyz`. Short or odd strings are hidden entirely. */
export function maskToken(token: string): string {
  const trimmed = token.trim();
  const prefix = trimmed.startsWith('api_org_') ? 'api_org_' : trimmed.startsWith('hf_') ? 'hf_' : '';
  const body = trimmed.slice(prefix.length);
  if (body.length < 8) return `${prefix || ''}…`;
  return `${prefix}…${body.slice(-4)}`;
}

/**
 * Replaces every token-shaped substring, and every known secret value, with its mask.
 * Use it on anything that reaches a screen, a log or a file: job logs, error messages, snippets.
 */
export function redactSecrets(text: string, knownSecrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (secret && secret.length >= 6) out = out.split(secret).join(maskToken(secret));
  }
  return out.replace(TOKEN_PATTERN, (match) => maskToken(match));
}
