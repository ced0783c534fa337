// Plain mode's line reader echoes what is typed or pasted on a terminal. A paste with a C1 CSI (U+009B, which some
// terminals obey as ESC [) or a bidi override was echoed as it came (fresh attack, session 7); an escape sequence
// split across two reads must not be echoed either. The line keeps what the app needs to judge (a bidi or zero-width
// character inside a pasted token), the screen gets none of it.
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {createLineReader} from '../../src/plain/line-reader.js';

function terminal() {
  const stdin = new PassThrough() as PassThrough & {isTTY?: boolean; setRawMode?: (on: boolean) => unknown};
  stdin.isTTY = true;
  stdin.setRawMode = () => stdin;
  const stdout = new PassThrough();
  let echoed = '';
  stdout.on('data', (c: Buffer) => (echoed += c.toString()));
  const reader = createLineReader({stdin, stdout}, () => {});
  return {stdin, reader, echoed: () => echoed};
}

describe('plain line reader on a terminal', () => {
  it('echoes no escape sequence, C1 control or bidi override of a paste arriving in pieces', async () => {
    const t = terminal();
    const line = t.reader.read();
    for (const chunk of ['a\u009b2J', 'b\u001b', ']0;PWN\u0007c', 'x\u202ey\u200bz', '\r']) t.stdin.write(chunk);
    expect(await line).toBe('a2Jb0;PWNcx\u202ey\u200bz');
    expect(t.echoed()).toBe('a2Jb0;PWNcxyz\n');
    expect(t.echoed()).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e]/);
    t.reader.close();
  });

  it('erases on screen only what it showed', async () => {
    const t = terminal();
    const line = t.reader.read();
    for (const chunk of ['ab\u202e', '\u007f', '\u007f', '\r']) t.stdin.write(chunk);
    expect(await line).toBe('a');
    // The override was never shown: one ⌫ on screen, for the b.
    expect(t.echoed()).toBe('ab\b \b\n');
    t.reader.close();
  });
});
