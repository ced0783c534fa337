// Key bindings as data: which keys do what, and the labels the footer shows. Screens match actions, never raw keys.
import type {Key} from 'ink';

export type Action =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'select'
  | 'back'
  | 'quit'
  | 'help'
  | 'copy'
  | 'open'
  | 'rerun'
  | 'troubleshoot'
  | 'yes'
  | 'no'
  | 'interrupt'
  | 'tokens';

const MATCHERS: Record<Action, (input: string, key: Key) => boolean> = {
  up: (i, k) => k.upArrow || (i === 'k' && !k.ctrl),
  down: (i, k) => k.downArrow || (i === 'j' && !k.ctrl),
  left: (i, k) => k.leftArrow || (i === 'h' && !k.ctrl),
  right: (i, k) => k.rightArrow || k.tab || (i === 'l' && !k.ctrl),
  select: (_i, k) => k.return,
  back: (_i, k) => k.escape,
  quit: (i, k) => i === 'q' && !k.ctrl && !k.meta,
  help: (i) => i === '?',
  copy: (i, k) => i === 'c' && !k.ctrl,
  open: (i, k) => i === 'o' && !k.ctrl,
  rerun: (i, k) => i === 'r' && !k.ctrl,
  troubleshoot: (i, k) => i === 't' && !k.ctrl,
  yes: (i) => i === 'y' || i === 'Y',
  no: (i) => i === 'n' || i === 'N',
  // Also inside a chunk of several characters: keys typed fast (or on a busy machine) arrive as one chunk, and a Ctrl-C
  // behind a Ctrl-D or a letter must still stop the app (a pasted text never holds the byte).
  interrupt: (i, k) => (k.ctrl && i === 'c') || i.includes('\u0003'),
  tokens: (i, k) => i === 's' && !k.ctrl && !k.meta,
};

export function is(action: Action, input: string, key: Key): boolean {
  return MATCHERS[action](input, key);
}

export interface Hint {
  keys: string;
  label: string;
}

/** The footer's common part; screens put their own hints in front. */
export const COMMON_HINTS: Hint[] = [
  {keys: '↑↓/j k', label: 'move'},
  {keys: 'Enter', label: 'select'},
  {keys: 'Esc', label: 'back'},
  {keys: 'q', label: 'quit'},
  {keys: '?', label: 'help'},
];

/** While typing a token, letters are text: only Enter, Esc and Ctrl-C act. */
export const TYPING_HINTS: Hint[] = [
  {keys: 'Enter', label: 'check the token'},
  {keys: 'Ctrl-U', label: 'clear'},
  {keys: 'Esc', label: 'back'},
  {keys: 'Ctrl-C', label: 'quit'},
];

/** The paste-an-error box: Enter makes new lines. */
export const PASTE_HINTS: Hint[] = [
  {keys: 'Ctrl-D', label: 'done'},
  {keys: 'Enter on an empty line', label: 'done'},
  {keys: 'Esc', label: 'back'},
  {keys: 'Ctrl-C', label: 'quit'},
];

export const CONFIRM_HINTS: Hint[] = [
  {keys: 'y', label: 'yes'},
  {keys: 'n/Esc', label: 'no'},
];

export function footerText(hints: Hint[]): string {
  return hints.map((h) => `${h.keys} ${h.label}`).join(' · ');
}
