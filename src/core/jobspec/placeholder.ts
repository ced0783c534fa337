// `$HF_TOKEN` / `${HF_TOKEN}` placeholders: whole-value, exact match only (as the MCP tool does).
import {isPlaceholderToken} from '../tokens/format.js';

/** The variable names huggingface_hub reads the token from (HUGGING_FACE_HUB_TOKEN is the old one). */
export const TOKEN_ENV_NAMES: ReadonlySet<string> = new Set(['HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN']);

export function isTokenEnvName(name: string): boolean {
  return TOKEN_ENV_NAMES.has(name);
}

export function isTokenPlaceholder(value: unknown): value is string {
  return typeof value === 'string' && (value.trim() === '$HF_TOKEN' || value.trim() === '${HF_TOKEN}');
}

/** The placeholder appears inside a longer value ("Bearer $HF_TOKEN"): never replaced by anyone. */
export function containsTokenPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && !isTokenPlaceholder(value) && /\$\{?HF_TOKEN\}?/.test(value);
}

const TOKEN_SHAPED = /(?:hf_(?:oauth_)?|api_org_)[A-Za-z0-9]{16,}/g;

/** Real-looking tokens in a text (not doc placeholders like hf_xxx or hf_YOUR_TOKEN), with their index. */
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
  return out;
}

export function looksLikeRealToken(value: string): boolean {
  return findTokenLike(value).length > 0;
}
