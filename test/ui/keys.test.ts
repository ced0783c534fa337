// Key matching: Ctrl-C stops the app even when it arrives in one chunk with other keys (fast typing, a busy machine).
import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {is} from '../../src/ui/keys.js';

const plain = {ctrl: false} as Key;

describe('key matching', () => {
  it('Ctrl-C on its own is an interrupt', () => {
    expect(is('interrupt', 'c', {...plain, ctrl: true})).toBe(true);
  });

  it('a Ctrl-C that arrives in one chunk behind a Ctrl-D or typed letters is still an interrupt', () => {
    expect(is('interrupt', '\u0004\u0003', plain)).toBe(true);
    expect(is('interrupt', 'abc\u0003', plain)).toBe(true);
  });

  it('a letter c, typed or pasted, is not an interrupt', () => {
    expect(is('interrupt', 'c', plain)).toBe(false);
    expect(is('interrupt', 'token c', plain)).toBe(false);
  });
});
