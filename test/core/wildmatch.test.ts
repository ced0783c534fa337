import {describe, expect, it} from 'vitest';
import {wildmatchSource} from '../../src/core/wildmatch.js';

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
