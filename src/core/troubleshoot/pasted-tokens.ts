// The tokens in a text a person pasted or piped (troubleshoot, the wizard's paste box in both modes, revoke), for the
// warning said first and for the revoke it offers: those check finds (core/tokens/leak.ts), and a token glued to the
// word before it (`tokenhf_…`, `Bearerhf_…`), which in code is part of an identifier but in a pasted text is a token.
import {findLeakedTokens, type LeakedToken} from '../tokens/leak.js';

/** Distinct tokens in a pasted text, bare, hidden or glued to a word, in order of first appearance, with their line. */
export function findPastedTokens(text: string): LeakedToken[] {
  return findLeakedTokens(text, {glued: true});
}
