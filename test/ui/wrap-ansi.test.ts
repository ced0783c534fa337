// The word wrap the build gives Ink (src/ui/wrap-ansi.ts): wrap-ansi as Ink calls it, without the stray space that
// started a row after a row ending exactly at the edge; a line's own indentation and styles are kept.
import wrapAnsi from 'wrap-ansi';
import {describe, expect, it} from 'vitest';
import wrapWords from '../../src/ui/wrap-ansi.js';

const INK = {trim: false, hard: true} as const;
const DIM = (s: string) => `\u001B[2m${s}\u001B[22m`;
const plain = (s: string) => s.replace(/\u001B\[[0-9;]*m/g, '');

describe("Ink's word wrap", () => {
  it('a row that ends at the edge no longer pushes a space to the start of the next row', () => {
    const text = 'A classic Write token works too, but can do much more.';
    const width = 'A classic Write token works too, but can'.length;
    expect(wrapAnsi(text, width, INK).split('\n')[1]).toBe(' do much more.'); // what Ink did
    // Wrapped one column narrower: the last word moves down, so no row ends exactly at the edge before a space.
    expect(wrapWords(text, width, INK)).toBe('A classic Write token works too, but \ncan do much more.');
  });

  it('styles are kept and the space after their codes goes too', () => {
    const text = DIM('Four kinds of token: read, write, fine-grained, org token (a taller terminal shows it).');
    const rows = wrapWords(text, 60, INK).split('\n');
    expect(plain(rows[1]!)).toBe('(a taller terminal shows it).');
    expect(rows[1]!.startsWith('\u001B[2m')).toBe(true);
  });

  it("a line's own indentation, line breaks and deliberate double spaces are kept; trim on is wrap-ansi's", () => {
    const text = '  indented first row that wraps at ten\nsecond  line';
    const rows = wrapWords(text, 10, INK).split('\n');
    expect(rows[0]).toBe('  indented');
    expect(rows.at(-1)).toBe('line');
    expect(wrapWords('a  b', 10, INK)).toBe('a  b');
    expect(wrapWords('x y z', 1, {trim: true, hard: true})).toBe(wrapAnsi('x y z', 1, {trim: true, hard: true}));
  });

  it('the text is what wrap-ansi gave, in rows that fit, none starting with a stray space', () => {
    const words = 'the token is read only so pushing fails with a 403 a write token fits'.split(' ');
    for (let width = 8; width <= 40; width++) {
      const text = Array.from({length: 30}, (_, i) => words[(i * 7 + width) % words.length]).join(' ');
      const ours = wrapWords(text, width, INK);
      const theirs = wrapAnsi(text, width, INK);
      expect(ours.replace(/\s/g, '')).toBe(theirs.replace(/\s/g, ''));
      for (const row of ours.split('\n').slice(1)) expect(row, `width ${width}`).not.toMatch(/^ \S/);
      for (const row of ours.split('\n')) expect(row.length).toBeLessThanOrEqual(width);
      // No word is cut in two (here every word fits a row): the rows hold the text's words, whole and in order.
      expect(ours.split(/\s+/).filter(Boolean)).toEqual(text.split(' '));
    }
  });
});
