// The tokens in a text a person pasted or piped (troubleshoot, the wizard's paste box in both modes, revoke), for the
// warning said first and for the revoke it offers. core/tokens/leak.ts finds them for check as well, where a token glued
// to the word before it (`my_hf_…`) is part of an identifier and left out; a pasted text is not code, and the masking
// (core/tokens/mask.ts) hides such a token as a token: `tokenhf_…`, `Bearerhf_…`, `TOKEN_hf_…` are warned about too.
import {isPlaceholderToken} from '../tokens/format.js';
import {findLeakedTokens, type LeakedToken} from '../tokens/leak.js';
import {maskToken} from '../tokens/mask.js';

/** A token's shape, wherever it starts (the masking's pattern): each match is whole, none starts inside another. */
const TOKEN_SHAPED = /(?:hf_(?:oauth_)?|api_org_)[A-Za-z0-9]{16,1024}/g;
const WORD_CHAR = /[A-Za-z0-9_]/;

/** Tokens glued to the letters, digits or `_` before them, each with the line of its first occurrence. */
function gluedTokens(text: string): LeakedToken[] {
  const out: LeakedToken[] = [];
  // Lines counted once, forward (the matches come in order), as leak.ts does for a text of many tokens.
  let line = 1;
  let next = text.indexOf('\n');
  TOKEN_SHAPED.lastIndex = 0;
  for (let m = TOKEN_SHAPED.exec(text); m; m = TOKEN_SHAPED.exec(text)) {
    if (m.index === 0 || !WORD_CHAR.test(text[m.index - 1]!)) continue; // not glued: leak.ts's own
    const token = m[0];
    if (token.startsWith('hf_') && isPlaceholderToken(token)) continue;
    while (next !== -1 && next < m.index) {
      line++;
      next = text.indexOf('\n', next + 1);
    }
    out.push({token, masked: maskToken(token), line});
  }
  return out;
}

/** Distinct tokens in a pasted text, bare, hidden (leak.ts) or glued to a word, in line order, each with its line. */
export function findPastedTokens(text: string): LeakedToken[] {
  const found = findLeakedTokens(text);
  const glued = gluedTokens(text);
  if (!glued.length) return found;
  const seen = new Map(found.map((l) => [l.token, l]));
  for (const g of glued) {
    const known = seen.get(g.token);
    if (!known || g.line < known.line) seen.set(g.token, g);
  }
  return [...seen.values()].sort((a, b) => a.line - b.line);
}
