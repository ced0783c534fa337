// A hand-rolled select list (shared/design/stack.md §3): arrows or j/k, Enter. The index lives in a ref so a
// handler one render stale still submits the item shown.
import {Box, Text, useInput} from 'ink';
import React, {useEffect, useRef, useState} from 'react';
import {is} from '../keys.js';

export interface SelectItem<T extends string> {
  label: string;
  value: T;
  hint?: string;
  tone?: 'ok' | 'warn' | 'bad';
}

export interface SelectListProps<T extends string> {
  items: SelectItem<T>[];
  onSubmit: (value: T) => void;
  onHighlight?: (value: T) => void;
  initial?: T;
  isActive?: boolean;
}

const TONES = {ok: 'green', warn: 'yellow', bad: 'red'} as const;

export function SelectList<T extends string>({items, onSubmit, onHighlight, initial, isActive = true}: SelectListProps<T>) {
  const start = Math.max(0, items.findIndex((i) => i.value === initial));
  const [index, setIndex] = useState(start);
  const indexRef = useRef(index);
  indexRef.current = Math.min(index, items.length - 1);
  const highlightRef = useRef(onHighlight);
  highlightRef.current = onHighlight;

  useEffect(() => {
    const item = items[indexRef.current];
    if (item) highlightRef.current?.(item.value);
    // Only when the highlighted item changes.
  }, [index]); // eslint-disable-line react-hooks/exhaustive-deps

  useInput(
    (input, key) => {
      if (items.length === 0) return;
      if (is('down', input, key)) setIndex((i) => (i + 1) % items.length);
      else if (is('up', input, key)) setIndex((i) => (i - 1 + items.length) % items.length);
      else if (is('select', input, key)) {
        const item = items[indexRef.current];
        if (item) onSubmit(item.value);
      }
    },
    {isActive},
  );

  return (
    <Box flexDirection="column">
      {items.map((item, i) => {
        const selected = i === indexRef.current;
        return (
          <Box key={item.value} flexDirection="column">
            <Text color={selected ? 'cyan' : item.tone ? TONES[item.tone] : undefined} bold={selected}>
              {selected ? '❯ ' : '  '}
              {item.label}
            </Text>
            {item.hint && selected ? <Text dimColor>{'    '}{item.hint}</Text> : null}
          </Box>
        );
      })}
    </Box>
  );
}
