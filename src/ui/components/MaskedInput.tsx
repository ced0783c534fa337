// Token input: shows one bullet per character and the count, never the text. A paste arrives as one input event,
// often ending in a newline: split on CR/LF and submit (stack.md §3, pitfall 4). ⌫ arrives as key.delete.
import {Text, useInput} from 'ink';
import {useRef, useState} from 'react';

export interface MaskedInputProps {
  onSubmit: (value: string) => void;
  onChange?: (length: number) => void;
  placeholder?: string;
  isActive?: boolean;
}

export function MaskedInput({
  onSubmit,
  onChange,
  placeholder = '(paste your token here)',
  isActive = true,
}: MaskedInputProps) {
  const [value, setValue] = useState('');
  const valueRef = useRef('');
  const update = (next: string) => {
    valueRef.current = next;
    setValue(next);
    onChange?.(next.length);
  };
  useInput(
    (input, key) => {
      if (key.return) {
        onSubmit(valueRef.current);
        return;
      }
      if (key.backspace || key.delete) {
        update(valueRef.current.slice(0, -1));
        return;
      }
      if (key.ctrl && input === 'u') {
        update('');
        return;
      }
      if (
        key.ctrl ||
        key.meta ||
        key.escape ||
        key.tab ||
        key.upArrow ||
        key.downArrow ||
        key.leftArrow ||
        key.rightArrow ||
        !input
      )
        return;
      const newline = input.search(/[\r\n]/);
      if (newline === -1) {
        update(valueRef.current + input);
        return;
      }
      const full = valueRef.current + input.slice(0, newline);
      update(full);
      onSubmit(full);
    },
    {isActive},
  );
  if (value.length === 0) return <Text dimColor>{placeholder}</Text>;
  const shown = Math.min(value.length, 40);
  return (
    <Text>
      {'•'.repeat(shown)}
      {value.length > shown ? '…' : ''}
      <Text dimColor>
        {' '}
        ({value.length} {value.length === 1 ? 'character' : 'characters'})
      </Text>
    </Text>
  );
}
