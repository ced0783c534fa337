// POSIX shell quoting and splitting, for command lines we generate and `command` strings we receive.

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One word, quoted only when needed: `it's` -> `'it'\''s'`. */
export function shellQuote(word: string): string {
  if (word !== '' && SAFE.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
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
