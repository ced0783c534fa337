// useInput for screens where every character is a key (menus, not text boxes). Ink splits escape sequences into
// separate input events, but plain characters that arrive together ("jj\r" from a fast typist or tmux send-keys)
// come as ONE event: they are split here and applied in order (stack.md §3, pitfalls 2 and 4).
import {useInput, type Key} from 'ink';
import {useRef} from 'react';

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** One character as Ink would have reported it had it arrived alone. */
export function keyOf(ch: string): [string, Key] {
  if (ch === '\r' || ch === '\n') return ['', {...NO_KEY, return: true}];
  if (ch === '\t') return ['', {...NO_KEY, tab: true}];
  if (ch === '\u007F') return ['', {...NO_KEY, delete: true}];
  if (ch === '\b') return ['', {...NO_KEY, backspace: true}];
  if (ch === '\u001B') return ['', {...NO_KEY, escape: true, meta: true}];
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), {...NO_KEY, ctrl: true}];
  return [ch, {...NO_KEY, shift: /^[A-Z]$/.test(ch)}];
}

/** The keys in one Ink input event: one, unless several plain characters arrived together. */
export function splitKeys(input: string, key: Key): Array<[string, Key]> {
  const chars = [...input];
  if (chars.length <= 1 || key.ctrl || key.meta) return [[input, key]];
  return chars.map(keyOf);
}

/**
 * Like useInput, with each key of a multi-key chunk delivered separately. The handler may return 'stop' to drop
 * the rest of the chunk (after a submit: those keys were meant for the next screen, which is not listening yet).
 */
export function useKeys(handler: (input: string, key: Key) => void | 'stop', options: {isActive?: boolean} = {}): void {
  const ref = useRef(handler);
  ref.current = handler;
  useInput((input, key) => {
    for (const [i, k] of splitKeys(input, key)) if (ref.current(i, k) === 'stop') return;
  }, options);
}
