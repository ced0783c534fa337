// `$HF_TOKEN` / `${HF_TOKEN}` placeholders: whole-value, exact match only (as the MCP tool does).

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

// Token-shaped text is recognised where tokens are (core/tokens/format.ts); re-exported for the config code here.
export {findTokenLike, looksLikeRealToken} from '../tokens/format.js';
