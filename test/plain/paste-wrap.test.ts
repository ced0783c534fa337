// A multi-line paste into plain mode's line reader: a token a wrap cut over its lines (a terminal's wrap at 40/60/80
// columns, a log prefix on every line, a percent-encoded URL or base64 block cut by a wrap) must leave no 8 consecutive
// characters of its secret part on screen (test/helpers/wrap-leak.ts, as mask.ts's other paths). Before session 12 the
// echo masked each line on its own: on seeds 1-3, 27-34 of 40 cases a seed left the token readable.
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {createLineReader} from '../../src/plain/line-reader.js';
import {rng} from '../helpers/fuzz.js';
import {survivors, wrapCases, type WrapCase} from '../helpers/wrap-leak.js';

/** What the terminal shows of `text` pasted in one read (its line breaks as a terminal sends them: CR), and the lines. */
async function pasted(text: string, chunks = 1): Promise<{echo: string; lines: string[]}> {
  const stdin = new PassThrough() as PassThrough & {isTTY?: boolean; setRawMode?: (on: boolean) => unknown};
  stdin.isTTY = true;
  stdin.setRawMode = () => stdin;
  const stdout = new PassThrough();
  let echo = '';
  stdout.on('data', (c: Buffer) => (echo += c.toString()));
  const reader = createLineReader({stdin, stdout}, () => {});
  const all = `${text.replace(/\n/g, '\r')}\r`;
  const size = Math.ceil(all.length / chunks);
  for (let i = 0; i < all.length; i += size) stdin.write(all.slice(i, i + size));
  const lines: string[] = [];
  for (;;) {
    const line = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), 20))]);
    if (line === null) break;
    lines.push(line);
  }
  reader.close();
  return {echo, lines};
}

describe('a token wrapped over the lines of a paste, in plain mode', () => {
  for (const seed of [1, 2, 3]) {
    it(`is not readable on screen (seed ${seed}, 5 tokens x 8 forms), and the lines read are the paste's`, async () => {
      const r = rng(seed);
      const leaks: string[] = [];
      const cases: WrapCase[] = [];
      for (let i = 0; i < 5; i++) cases.push(...wrapCases(r));
      for (const c of cases) {
        const {echo, lines} = await pasted(c.text);
        expect(lines.join('\n')).toBe(c.text);
        if (survivors(echo, c).length) leaks.push(`${c.kind}: ${JSON.stringify(c.text)} -> ${JSON.stringify(echo)}`);
      }
      expect(leaks.length, leaks.slice(0, 2).join('\n')).toBe(0);
    });
  }

  it('shows the lines that hold no token as pasted, each once, in order', async () => {
    const {echo} = await pasted('first line\nsecond hf_hub line\nthird');
    expect(echo).toBe('first line\nsecond hf_hub line\nthird\n');
  });

  it('shows a wrapped token masked where it started, the lines after it kept', async () => {
    const token = 'hf_FAKE7qLm2xR9vT4wZ8kP3nB6cD1eF5gH0jS'; // fake test token (34 after hf_)
    const text = `export HF_TOKEN=${token.slice(0, 20)}\n${token.slice(20)} # mine\nnext`;
    const {echo, lines} = await pasted(text);
    expect(lines).toEqual(text.split('\n'));
    expect(echo).not.toContain(token.slice(20, 28));
    expect(echo).toContain('hf_…H0jS');
    expect(echo.endsWith('# mine\nnext\n')).toBe(true);
  });

  it('a paste arriving in pieces shows every line once it has come', async () => {
    const {echo} = await pasted('alpha beta\ngamma hf_FAKEabcdefghij\nklmnop done', 3);
    expect(echo.replace(/hf_…\w*/, 'MASK')).toMatch(/^alpha beta\ngamma (MASK|hf_…)[^\n]*\n[^\n]*done\n$/);
    expect(echo).not.toContain('abcdefghij');
  });

  it('never holds a hidden line (a token pasted at a hidden prompt) to show it with the next', async () => {
    const stdin = new PassThrough() as PassThrough & {isTTY?: boolean; setRawMode?: (on: boolean) => unknown};
    stdin.isTTY = true;
    stdin.setRawMode = () => stdin;
    const stdout = new PassThrough();
    let echo = '';
    stdout.on('data', (c: Buffer) => (echo += c.toString()));
    const reader = createLineReader({stdin, stdout}, () => {});
    const secret = reader.read({hidden: true});
    stdin.write('hf_FAKE7qLm2xR9vT4wZ8kP3nB6cD1eF5gH0jS\rnext');
    expect(await secret).toBe('hf_FAKE7qLm2xR9vT4wZ8kP3nB6cD1eF5gH0jS');
    const next = reader.read();
    stdin.write('\r');
    expect(await next).toBe('next');
    // Held with `next`, the hidden line was shown (masked) once the read was no longer hidden: `hf_…H0jS\nnext\n`.
    expect(echo).toBe('next\n');
    reader.close();
  });
});
