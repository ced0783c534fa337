// Keyboard input before Ink reads it (core/text/key-input.ts): colour and control sequences in a pasted text are
// dropped, keys are kept; and, through the guard the app puts on stdin (ui/key-input.ts), a pasted coloured log no
// longer crashes Ink's key parser.
import {Text, useInput} from 'ink';
import {render} from 'ink-testing-library';
import {useState} from 'react';
import {describe, expect, it} from 'vitest';
import {dropNonKeySequences, JOIN_MS, KeyInputFilter} from '../../../src/core/text/key-input.js';
import {guardKeyInput} from '../../../src/ui/key-input.js';

describe('dropNonKeySequences', () => {
  it('drops colours, erases and reports from a pasted log line, keeping its text', () => {
    expect(dropNonKeySequences('\u001b[31mERROR\u001b[0m 401 \u001b[1;32mClient\u001b[39m\u001b[2K')).toBe(
      'ERROR 401 Client',
    );
    expect(dropNonKeySequences('x\u001b[5ny\u001b[?25lz\u001b[38;5;208mw')).toBe('xyzw');
  });

  it('keeps the sequences that are keys: arrows, Home/End, Shift-Tab, Delete, PageUp, F5, paste marks', () => {
    for (const k of [
      '\u001b[A',
      '\u001b[1;5C',
      '\u001b[H',
      '\u001b[F',
      '\u001b[Z',
      '\u001b[3~',
      '\u001b[5~',
      '\u001b[15~',
      '\u001b[200~',
    ])
      expect(dropNonKeySequences(`a${k}b`)).toBe(`a${k}b`);
    expect(dropNonKeySequences('plain text, no escape')).toBe('plain text, no escape');
  });
});

describe('KeyInputFilter: a sequence split across two reads', () => {
  const paste = 'a\u001b[31mKeyError: HF_TOKEN\u001b[0m \u001b[1;32mok\u001b[39m\u001b[2K\u001b[Ab\u001b[5~c';
  const whole = dropNonKeySequences(paste);

  it('gives at every split point what the whole paste gives (colours dropped, keys kept)', () => {
    for (let i = 0; i <= paste.length; i++) {
      const f = new KeyInputFilter();
      const [first, second] = [f.push(paste.slice(0, i), 0), f.push(paste.slice(i), 1)];
      const joined = first + second;
      // Nothing Ink would join into a sequence that is not a key.
      expect(dropNonKeySequences(joined), `split at ${i}`).toBe(joined);
      // The same text; a chunk that ended with ESC passed it on at once (it may be the Esc key), nothing else differs.
      const variants = first.endsWith('\u001b') ? [joined, first.slice(0, -1) + second] : [joined];
      expect(variants, `split at ${i}`).toContain(whole);
    }
    expect(whole).toBe('aKeyError: HF_TOKEN ok\u001b[Ab\u001b[5~c');
  });

  it('passes a lone Esc key on at once, and later text after it as typed', () => {
    const f = new KeyInputFilter();
    expect(f.push('\u001b', 0)).toBe('\u001b');
    expect(f.push('[x', JOIN_MS + 1)).toBe('[x');
  });
});

function Box({onKey}: {onKey: (s: string) => void}) {
  const [text, setText] = useState('');
  useInput((input) => {
    setText((t) => t + input);
    onKey(input);
  });
  return <Text>[{text}]</Text>;
}

describe('guardKeyInput', () => {
  it('lets Ink read a pasted coloured log without throwing, and gives the box its text', async () => {
    const tick = () => new Promise((r) => setTimeout(r, 20));
    const keys: string[] = [];
    const r = render(<Box onKey={(k) => keys.push(k)} />);
    const unguard = guardKeyInput(r.stdin as unknown as {read: () => unknown});
    await tick();
    // Ink 6.8 threw "Cannot read properties of undefined (reading 'startsWith')" on ESC[0m and ESC[31m.
    expect(() => r.stdin.write('\u001b[31mKeyError: HF_TOKEN\u001b[0m')).not.toThrow();
    await tick();
    expect(r.lastFrame()).toContain('[KeyError: HF_TOKEN]');
    unguard();
    r.unmount();
  });

  it('lets Ink read a colour code split across two reads without throwing (it threw before)', async () => {
    const tick = () => new Promise((r) => setTimeout(r, 20));
    const r = render(<Box onKey={() => {}} />);
    const unguard = guardKeyInput(r.stdin as unknown as {read: () => unknown});
    await tick();
    // Ink keeps `ESC[3` (and a lone ESC) unfinished and joins it to the next read.
    expect(() => {
      r.stdin.write('a\u001b[3');
      r.stdin.write('1mKeyError\u001b');
      r.stdin.write('[0m b');
    }).not.toThrow();
    await tick();
    expect(r.lastFrame()).toContain('[aKeyError b]');
    unguard();
    r.unmount();
  });

  it('is undone: the stream reads as before once Ink has unmounted', () => {
    const stream = {read: () => '\u001b[0mx'};
    const unguard = guardKeyInput(stream);
    expect(stream.read()).toBe('x');
    unguard();
    expect(stream.read()).toBe('\u001b[0mx');
  });
});
