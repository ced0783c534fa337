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
    // Typed, one key a read.
    for (const chunk of ['a', 'b', '\u202e', '\u007f', '\u007f', '\r']) t.stdin.write(chunk);
    expect(await line).toBe('a');
    // The override was never shown: one ⌫ on screen, for the b.
    expect(t.echoed()).toBe('ab\b \b\n');
    // Pasted, a word is held until it ends: ⌫ takes held characters back unseen.
    const pasted = t.reader.read();
    for (const chunk of ['ab\u202e', '\u007f', '\u007f', '\r']) t.stdin.write(chunk);
    expect(await pasted).toBe('a');
    expect(t.echoed()).toBe('ab\b \b\na\n');
    t.reader.close();
  });
});

describe('a token in what is typed or pasted', () => {
  const TOKEN = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12';

  it('is shown masked, never whole; the line keeps it whole for the classifier', async () => {
    const t = terminal();
    const line = t.reader.read();
    // A paste arriving in pieces, the token cut in two.
    for (const chunk of ['export HF_TOKEN=hf_FAKEfakeFAKE', 'fakeFAKEfakeFAKEfake12 # mine\r']) t.stdin.write(chunk);
    expect(await line).toBe(`export HF_TOKEN=${TOKEN} # mine`);
    expect(t.echoed()).toBe('export HF_TOKEN=hf_…ke12 # mine\n');
    expect(t.echoed()).not.toContain('FAKEfake');
    t.reader.close();
  });

  it('a token at the end of a line is masked at Enter; words that only start like one are shown as they are', async () => {
    const t = terminal();
    const first = t.reader.read();
    t.stdin.write(`token ${TOKEN}\r`);
    expect(await first).toBe(`token ${TOKEN}`);
    const second = t.reader.read();
    t.stdin.write(`hello hf_hub_download(api_org) hf_xxx ${TOKEN}_v2\r`);
    expect(await second).toBe(`hello hf_hub_download(api_org) hf_xxx ${TOKEN}_v2`);
    expect(t.echoed()).toBe('token hf_…ke12\nhello hf_hub_download(api_org) hf_xxx hf_…ke12_v2\n');
    t.reader.close();
  });

  it('⌫ takes a masked token back whole (on screen and in the line), and a held one unseen', async () => {
    const t = terminal();
    const line = t.reader.read();
    t.stdin.write(`a ${TOKEN} `);
    t.stdin.write('\u007f\u007f'); // the space, then the whole masked token
    t.stdin.write('hf_ab\u007fc\r'); // held, never shown: ⌫ takes it back unseen
    expect(await line).toBe('a hf_ac');
    expect(t.echoed()).toBe(`a hf_…ke12 \b \b${'\b \b'.repeat('hf_…ke12'.length)}hf_ac\n`);
    t.reader.close();
  });

  it('a token glued to a word, typed or pasted, is shown masked (newcomer review item 4)', async () => {
    const t = terminal();
    const typed = t.reader.read();
    for (const c of `token${TOKEN} ok\r`) t.stdin.write(c);
    expect(await typed).toBe(`token${TOKEN} ok`);
    const pasted = t.reader.read();
    t.stdin.write(`x=token${TOKEN}\r`);
    expect(await pasted).toBe(`x=token${TOKEN}`);
    expect(t.echoed()).not.toContain('FAKEfake');
    expect(t.echoed()).toContain('token');
    t.reader.close();
  });

  it('a base64-encoded token, typed or pasted, is not echoed as written', async () => {
    const b64 = Buffer.from(`user:${TOKEN}`).toString('base64');
    const t = terminal();
    const typed = t.reader.read();
    for (const c of `Basic ${b64}\r`) t.stdin.write(c);
    expect(await typed).toBe(`Basic ${b64}`);
    const pasted = t.reader.read();
    t.stdin.write(`Authorization: Basic ${b64}\r`);
    expect(await pasted).toBe(`Authorization: Basic ${b64}`);
    expect(t.echoed()).not.toContain(b64);
    // What was shown of the typed word before it was held is taken back whole: the screen shows the mask.
    expect(t.echoed()).toMatch(/^Basic \S{24}(\x08 \x08){24}\[base64 holding hf_…ke12\]\n/);
    t.reader.close();
  });

  it('a typed word that is no token is shown as typed, a long one whole when it ends', async () => {
    const t = terminal();
    const line = t.reader.read();
    for (const c of 'yes hello my-organization/my-dataset-name\r') t.stdin.write(c);
    expect(await line).toBe('yes hello my-organization/my-dataset-name');
    expect(t.echoed()).toBe('yes hello my-organization/my-dataset-name\n');
    t.reader.close();
  });
});
