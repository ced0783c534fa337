import {describe, expect, it} from 'vitest';
import {globMatcher, wildmatchSource} from '../../src/core/wildmatch.js';

const matches = (pattern: string, path: string) => {
  const {source, anchored} = wildmatchSource(pattern);
  return new RegExp(anchored ? `^${source}$` : `(?:^|/)${source}$`).test(path);
};

describe('wildmatchSource (git glob patterns)', () => {
  it.each([
    ['*.bin', 'weights/model.bin', true],
    ['*.bin', 'model.bin.txt', false],
    ['/data/*.csv', 'data/train.csv', true],
    ['/data/*.csv', 'x/data/train.csv', false],
    ['data/**/*.csv', 'data/a/b/c.csv', true],
    ['**/cache', 'a/b/cache', true],
    ['file?.txt', 'file1.txt', true],
    ['file?.txt', 'file/.txt', false],
    ['[!a]*.py', 'b.py', true],
    ['[!a]*.py', 'a.py', false],
    ['a.b', 'axb', false],
  ] as const)('%s against %s: %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });
});

/** What .gitignore rules used before globMatcher: the pattern's RegExp (backtracking), a folder prefix allowed. */
function regexTest(pattern: string, path: string, prefix: boolean): boolean {
  const {source, anchored} = wildmatchSource(pattern);
  return new RegExp(`${anchored ? '^' : '(?:^|/)'}${source}${prefix ? '(?:/.*)?' : ''}$`).test(path);
}

describe('globMatcher', () => {
  const patterns = [
    '*.bin',
    'data/**/*.csv',
    '**/cache',
    'a*b*c',
    '**/x/**',
    '*/*',
    '/a/**/b*c?d',
    '[!a]*[0-9]*.py',
    '**',
    'a/**',
    '**/**/x',
    '*a*a*',
    'x?*?y',
  ];
  const paths = [
    'a/b/c',
    'abc',
    'data/a/b/c.csv',
    'x/cache',
    'cache/y',
    'a/x/b',
    'aXbYc',
    'b1x.py',
    'a/q/b-c_d',
    'x',
    '',
  ];
  const more = ['x/y', 'xy', 'xaay', 'a/b', 'ab/cd/ef', 'aaa', 'q/x/r/s', 'd/x'];

  it('agrees with the RegExp it replaces, on patterns with several loops (simulated) and with one (a RegExp)', () => {
    for (const pattern of patterns)
      for (const path of [...paths, ...more])
        for (const prefix of [false, true])
          expect(globMatcher(pattern, prefix).test(path), `${pattern} ${path} prefix=${prefix}`).toBe(
            regexTest(pattern, path, prefix),
          );
  });

  it('answers at once where the RegExp backtracked for minutes: *a*a*…*b and **/**/… on long names', () => {
    const name = 'a'.repeat(4000);
    const deep = Array.from({length: 1500}, () => 'd').join('/');
    const started = Date.now();
    expect(globMatcher('*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', true).test(name)).toBe(false);
    expect(globMatcher('**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/x', true).test(deep)).toBe(false);
    expect(globMatcher('**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/d', true).test(deep)).toBe(true);
    // The RegExp for the first took over a minute in `check` (20 names of 200 characters); this is linear.
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
