// POSIX shell quoting and splitting, for command lines we generate and `command` strings we receive.

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One word, quoted only when needed: `it's` -> `'it'\''s'`. */
export function shellQuote(word: string): string {
  if (word !== '' && SAFE.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

// Control characters, the Unicode line breaks, and the characters that reorder or hide what the eye reads (bidi
// embeddings, overrides and isolates, zero-width characters, the BOM: sanitize.ts's invisible set): a job argument
// holding U+202E showed its command's end reversed on the screen, pasted as other words than it read.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

/**
 * One word of a command shown to a person to paste (a file name from their tree, a path): quoted like shellQuote, and
 * a word with control or invisible characters (a newline, an escape, U+202E) as `$'…'` with them written as escapes, so the command stays
 * one visible line that means that file. Unquoted, `revoke a;rm -rf ~.sh` was a second command.
 */
export function shellQuoteShown(word: string): string {
  if (!CONTROL.test(word)) return shellQuote(word);
  let out = '';
  for (const c of word) {
    const code = c.codePointAt(0)!;
    if (c === '\\' || c === "'") out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (CONTROL.test(c))
      out += code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return `$'${out}'`;
}

export function shellJoin(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}

/** Splits a command string like a POSIX shell would (quotes and backslashes; no expansion). Throws on open quotes. */
export function shellSplit(command: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end === -1) throw new Error(`unclosed ' in command: ${command}`);
      cur += command.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '"') {
      i++;
      for (; i < command.length && command[i] !== '"'; i++) {
        if (command[i] === '\\' && i + 1 < command.length && '"\\$`\n'.includes(command[i + 1]!)) i++;
        cur += command[i];
      }
      if (i >= command.length) throw new Error(`unclosed " in command: ${command}`);
      inWord = true;
    } else if (c === '\\' && i + 1 < command.length) {
      cur += command[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}
