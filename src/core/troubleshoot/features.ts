// The words of a failure text as the second tier (guess.ts) sees them: normalised tokens such as HTTP statuses
// ("http:401"), exception class names ("exc:modulenotfounderror"), library and plain words, each counted once per
// text. Shared by the trainer (scripts/train-troubleshoot.ts) and the runtime so both see the same features. Pure.

/** Words too common in every kind of error text to tell one kind from another. */
const STOP = new Set(
  (
    'the a an and or of to in on for is are was were be been it its this that with as at by from not no but if ' +
    'you your we our i my me do does did can could would should will has have had so then than there here into ' +
    'line file py self return call last most recent traceback lib site packages python3 usr local home root ' +
    'users user src main init get post https http www com org'
  ).split(' '),
);

/** A word that is an id, a hash or a number rather than a word (request ids, commits, paths with digits). */
const NOISE = /^\d+$|^[0-9a-f]{8,}$|(?=.*\d)(?=.*[a-z])[a-z0-9]{12,}/;

const MAX_CHARS = 64 * 1024;

/**
 * The features of a text: a set (each counts once), so a long log does not outweigh a short one. The text's end is
 * kept when it is long (a log's end says what failed).
 */
export function textFeatures(input: string): Set<string> {
  const text =
    input.length > MAX_CHARS ? input.slice(0, MAX_CHARS / 4) + '\n' + input.slice(-(MAX_CHARS * 3) / 4) : input;
  const out = new Set<string>();
  // HTTP statuses as servers and clients word them (not line numbers or sizes).
  for (const m of text.matchAll(/(?<![\w.:/-])([45]\d\d)(?![\w.:/-])/g)) {
    const before = text.slice(Math.max(0, (m.index ?? 0) - 8), m.index ?? 0);
    if (/\bline\s*$|,\s*$/i.test(before)) continue;
    out.add(`http:${m[1]}`);
    out.add(`http:${m[1]![0]}xx`);
  }
  // Exception and error class names: the library's own words for the failure.
  for (const m of text.matchAll(/\b([A-Z][A-Za-z0-9]*(?:Error|Exception|Exit|Interrupt|Warning|Fault))\b/g))
    out.add(`exc:${m[1]!.toLowerCase()}`);
  // A token as the text shows it (masked or not): its presence, never its value.
  if (/\bhf_[A-Za-z0-9…*.]{3,}/.test(text)) out.add('has:hf-token');
  if (/\bexit(?:ed)?(?: with)?(?: status| code)?[ :=]+[1-9]\d*/i.test(text)) out.add('has:exit-code');
  // Words: camelCase and snake_case split, lower-cased, ids and numbers dropped.
  const words = text
    .replace(/\bhf_[A-Za-z0-9…*.]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  for (const w of words) {
    if (w.length < 2 || w.length > 24 || STOP.has(w) || NOISE.test(w)) continue;
    out.add(w);
  }
  return out;
}
