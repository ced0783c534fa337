// A leaked token, answered: find the real-format tokens in a text or a file (never the doc placeholders), say so
// first ("this text contains a token: do not post it"), and list the steps after a revoke. Pure: the revoke request
// itself is core/hub/extra-routes.ts (POST /api/credentials/revoke), the confirmation is the command's.
import {findTokenLike, isPlaceholderToken, TOKEN_SHAPE_SOURCE} from './format.js';
import {findWrappedTokens, maskToken} from './mask.js';
import {sanitizeLine} from '../text/sanitize.js';

export interface LeakedToken {
  /** The whole token: only ever sent to the revoke route, never printed. */
  token: string;
  masked: string;
  /** 1-based line of its first occurrence in the text. */
  line: number;
}

/**
 * Distinct real-format tokens in `text`, in order of first appearance, each with the line it is on. `glued`: also a
 * token glued to the letters, digits or `_` before it (`tokenhf_…`, `Bearerhf_…`, `TOKEN_hf_…`). In code that is part
 * of an identifier (`my_hf_…`), which check leaves out; in a text a person pasted it is a token (the masking hides it
 * as one), and troubleshoot, the wizard's paste box and revoke warn about it (core/troubleshoot/pasted-tokens.ts). So is
 * a token a wrap cut over lines (a terminal's width, a log prefix on each line), which the masking hides whole too.
 */
export function findLeakedTokens(text: string, options: {glued?: boolean} = {}): LeakedToken[] {
  let hits = findTokenLike(text);
  if (options.glued) {
    const glued = gluedTokens(text);
    if (glued.length) hits = [...hits, ...glued];
    // A token a wrap cut over lines (a terminal copy, a log prefix on each line): its first line's piece is not another.
    const wrapped = findWrappedTokens(text);
    if (wrapped.length) {
      const whole = (h: {token: string; index: number}) =>
        !wrapped.some((w) => w.token !== h.token && w.token.startsWith(h.token) && w.index === h.index);
      hits = [...hits.filter(whole), ...wrapped];
    }
    if (glued.length || wrapped.length) hits.sort((a, b) => a.index - b.index);
  }
  const seen = new Map<string, LeakedToken>();
  // Lines counted once, forward (the hits come in order): counting from the start for each token took minutes on a
  // 15 MB text of 400,000 tokens without a line break (each search for a break read the whole text).
  let line = 1;
  let next = text.indexOf('\n');
  for (const {token, index} of hits) {
    while (next !== -1 && next < index) {
      line++;
      next = text.indexOf('\n', next + 1);
    }
    if (seen.has(token)) continue;
    seen.set(token, {token, masked: maskToken(token), line});
  }
  return [...seen.values()];
}

/** Tokens right after a letter, digit or `_`: each shaped run whole (the masking's), none started inside another. */
function gluedTokens(text: string): {token: string; index: number}[] {
  const out: {token: string; index: number}[] = [];
  const shaped = new RegExp(TOKEN_SHAPE_SOURCE, 'g');
  for (let m = shaped.exec(text); m; m = shaped.exec(text)) {
    if (m.index === 0 || !/[A-Za-z0-9_]/.test(text[m.index - 1]!)) continue; // not glued: findTokenLike's own
    if (!(m[0].startsWith('hf_') && isPlaceholderToken(m[0]))) out.push({token: m[0], index: m.index});
  }
  return out;
}

/** Tokens named one by one in the warning at most. */
const MAX_NAMED = 10;

/** The first thing said when a text holds tokens. `where` names the text ("this text", "train.py"). */
export function leakWarning(
  leaks: Pick<LeakedToken, 'masked' | 'line'>[],
  where: string,
  revokeCommand: string,
): string[] {
  if (leaks.length === 0) return [];
  // The first few by name: a text of 400,000 tokens made one line of megabytes.
  const named = leaks.slice(0, MAX_NAMED).map((l) => `${l.masked} (line ${l.line})`);
  const list = `${named.join(', ')}${leaks.length > MAX_NAMED ? ` and ${leaks.length - MAX_NAMED} more` : ''}`;
  const one = leaks.length === 1;
  // Both name a file the user was handed: its name may hold escape codes.
  where = sanitizeLine(where);
  revokeCommand = sanitizeLine(revokeCommand);
  return [
    `${where} contains ${one ? 'a token' : `${leaks.length} tokens`}: ${list}. Do not post it anywhere; anyone who sees ${one ? 'it' : 'them'} can act as you.`,
    `If ${one ? 'it has' : 'they have'} been shared, revoke ${one ? 'it' : 'them'} now: \`${revokeCommand}\` (asks before it sends anything), then make a new token.`,
  ];
}

/** What to do once a token is revoked: make a new one and replace it everywhere the old one was used. */
export function afterRevokeSteps(tokensPage: string, appCommand: (args: string) => string): string[] {
  return [
    `Make a new token: ${tokensPage} (a fine-grained one with only what your jobs need is safest).`,
    `Save it where the tools read it: \`${appCommand('login')}\` (or \`hf auth login\`).`,
    'Replace it wherever the old one was used: HF_TOKEN in your shell profile or .env files, CI secrets, Space secrets, notebooks.',
    'Jobs get it as a secret, never in the script: `--secrets HF_TOKEN` (CLI) or secrets: {"HF_TOKEN": "$HF_TOKEN"} (MCP), never -e HF_TOKEN=hf_….',
    `Check nothing still holds the old one: \`${appCommand('check')}\` in your project.`,
  ];
}
