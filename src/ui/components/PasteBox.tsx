// Multi-line text input for pasting an error: a paste (one input event, newlines inside) is kept whole, blank
// lines included; a typed Enter on an empty line, or Ctrl-D, finishes. Shows the last lines, tokens masked.
import {Box, Text, useInput} from 'ink';
import {useRef, useState} from 'react';
import {redactSecrets} from '../../core/tokens/mask.js';
import {clipLine} from '../../core/text/clip.js';
import {maskSplitTokens} from '../../core/tokens/split.js';
import {linesToShow, moreLines} from '../format.js';

export interface PasteBoxProps {
  onSubmit: (text: string) => void;
  /** Every change of the text (so leaving the box keeps it). */
  onChange?: (text: string) => void;
  /** Text already in the box (from the last time). */
  initial?: string;
  isActive?: boolean;
  /** Lines shown (the last ones). */
  tail?: number;
}

export function PasteBox({onSubmit, onChange, initial = '', isActive = true, tail = 8}: PasteBoxProps) {
  const [text, setText] = useState(initial);
  const ref = useRef(initial);
  const update = (next: string) => {
    ref.current = next;
    setText(next);
    onChange?.(next);
  };
  useInput(
    (input, key) => {
      if (key.ctrl && input === 'd') return onSubmit(ref.current);
      if (key.ctrl && input === 'u') return update('');
      if (key.return && (input === '' || input === '\r' || input === '\n')) {
        // A typed Enter: an empty line finishes, otherwise it starts a new line.
        if (ref.current === '' || ref.current.endsWith('\n')) return onSubmit(ref.current);
        return update(ref.current + '\n');
      }
      if (key.backspace || key.delete) return update(ref.current.slice(0, -1));
      if (
        key.ctrl ||
        key.meta ||
        key.escape ||
        key.upArrow ||
        key.downArrow ||
        key.leftArrow ||
        key.rightArrow ||
        !input
      )
        return;
      // Keys typed while the app was still loading arrive as one chunk: a Ctrl-D in it finishes with the text before it.
      const eot = input.indexOf('\u0004');
      if (eot >= 0) {
        update(ref.current + input.slice(0, eot).replace(/\r\n?/g, '\n'));
        return onSubmit(ref.current);
      }
      update(ref.current + input.replace(/\r\n?/g, '\n'));
    },
    {isActive},
  );
  // A token a line break cuts in two is masked as the token it spells (each line is masked on its own below).
  const lines = text === '' ? [] : maskSplitTokens(text).replace(/\n$/, '').split('\n');
  const shown = lines.slice(-linesToShow(lines.length, tail));
  return (
    <Box flexDirection="column" borderStyle="round" borderDimColor paddingX={1}>
      {lines.length === 0 ? <Text dimColor>(paste the error here: a traceback, an HTTP error, a job log)</Text> : null}
      {lines.length > shown.length ? <Text dimColor>{moreLines(lines.length - shown.length, 'above')}</Text> : null}
      {shown.map((line, i) => (
        <Text key={i}>{clipLine(redactSecrets(line), MAX_SHOWN_CHARS, ' on this line') || ' '}</Text>
      ))}
      <Text dimColor>
        {lines.length} line{lines.length === 1 ? '' : 's'} · Ctrl-D or Enter on an empty line when done
      </Text>
    </Box>
  );
}

/** Characters of a line shown at most (a few rows): a pasted line of megabytes took Ink minutes to lay out. */
export const MAX_SHOWN_CHARS = 600;
