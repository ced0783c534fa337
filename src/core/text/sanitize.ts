// Text from outside (job logs, pasted errors, file contents, names a server sent) never drives the terminal: colour
// codes (SGR, `ESC[…m`) are dropped, every other escape sequence and control character is made visible with its
// Unicode control picture (`ESC]52;…` shows as `␛]52;…`, so an OSC 52 clipboard write or a screen clear is text),
// carriage returns become line breaks. Newlines and tabs stay. Bidi overrides and isolates (which reorder what the
// eye reads, "Trojan Source") and zero-width characters (which hide a break inside a token or a name) are shown as
// `<U+202E>`; the Unicode line and paragraph separators become line breaks. No dependencies: the sandbox imports it too.

const SGR = /\x1b\[[0-9;:]*m|\x9b[0-9;:]*m/g;
// C0 controls except \t and \n, DEL, and the C1 range (0x80-0x9f: 0x9b is a one-byte CSI on some terminals).
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]/g;
// Arabic letter mark, zero-width space/joiners, LRM/RLM, bidi embeddings/overrides, word joiner and invisible
// operators, bidi isolates, the deprecated format controls, BOM / zero-width no-break space, Mongolian vowel separator.
const INVISIBLE = /[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Every character one of the replaces in sanitizeTerminal changes (ESC and CR are in the C0 range). */
const TOUCHED = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/;

function picture(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `\\x${code.toString(16)}`;
}

function codePoint(c: string): string {
  return `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;
}

export function sanitizeTerminal(text: string): string {
  // Most text has none of the characters below: one search instead of four replaces.
  if (!TOUCHED.test(text)) return text;
  return text
    .replace(SGR, '')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROL, picture)
    .replace(INVISIBLE, codePoint);
}

/** For one-line values (a token name, a repo id): also no line breaks. */
export function sanitizeLine(text: string): string {
  return sanitizeTerminal(text).replace(/\n/g, ' ');
}
