// Plain mode on an 80-column terminal cut words in two (the terminal folded its long lines anywhere): lines are now
// broken at spaces, continuations indented under their text (newcomer s10 fresh pass).
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {wrapLine, wrappingPrint} from '../../src/plain/wrap.js';

describe('wrapLine', () => {
  it('breaks at spaces within the width and indents continuations under the text after the mark', () => {
    const line = '  1) Token check — Needs run Jobs in your namespace (a write token, or fine-grained with job.write).';
    const rows = wrapLine(line, 80);
    expect(rows).toEqual([
      '  1) Token check — Needs run Jobs in your namespace (a write token, or',
      '     fine-grained with job.write).',
    ]);
    for (const r of rows) expect(r.length).toBeLessThanOrEqual(80);
    // No word is cut, and the words are the same in the same order.
    expect(rows.join(' ').trim().split(/ +/)).toEqual(line.trim().split(/ +/));
  });

  it("keeps a job log's bar on every row, a long URL whole, and leaves short, escaped or unknown-width lines alone", () => {
    const log = `  | ${'word '.repeat(30).trim()}`;
    for (const r of wrapLine(log, 40)) {
      expect(r.startsWith('  | ')).toBe(true);
      expect(r.length).toBeLessThanOrEqual(40);
    }
    const url = `Open http://127.0.0.1:8765/${'x'.repeat(90)} to see it`;
    expect(wrapLine(url, 80)).toEqual(['Open', `http://127.0.0.1:8765/${'x'.repeat(90)}`, 'to see it']);
    expect(wrapLine('short', 80)).toEqual(['short']);
    const coloured = `\x1b[31m${'red '.repeat(40)}\x1b[0m`;
    expect(wrapLine(coloured, 80)).toEqual([coloured]);
    expect(wrapLine('x '.repeat(100), undefined)).toEqual(['x '.repeat(100)]);
  });

  it('wraps only on a terminal: a pipe gets whole lines (scripts read one answer per line)', () => {
    const long = 'a '.repeat(60).trim();
    const collect = (tty: boolean) => {
      const s = Object.assign(new PassThrough(), {isTTY: tty, columns: 80});
      let out = '';
      s.on('data', (c: Buffer) => (out += c.toString()));
      wrappingPrint(s)(long);
      return out;
    };
    expect(collect(false)).toBe(`${long}\n`);
    expect(collect(true).split('\n').length).toBe(3);
  });
});
