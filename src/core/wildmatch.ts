// Git's glob patterns (as in .gitignore and .gitattributes) turned into a regular expression source.
// Shared by the checklist's folder walk and the sandbox's LFS rules.

/**
 * `*` matches within one path segment, `**` across segments, `?` one character, `[...]` a class (`[!...]` negated).
 * `anchored` is true when the pattern contains a slash (git then matches it from the base folder, not at any depth).
 * A leading `/` is dropped after deciding that.
 */
export function wildmatchSource(pattern: string): {source: string; anchored: boolean} {
  let p = pattern;
  const anchored = p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*') {
      if (p[i + 1] === '*') {
        const slashAfter = p[i + 2] === '/';
        re += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = p.indexOf(']', i + 1);
      if (close === -1) re += '\\[';
      else {
        re +=
          '[' +
          p
            .slice(i + 1, close)
            .replace(/^!/, '^')
            .replace(/\\/g, '\\\\') +
          ']';
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return {source: re, anchored};
}
