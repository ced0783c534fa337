// A hand-rolled select list (shared/design/stack.md §3): arrows or j/k, Enter. The highlighted item is kept by VALUE
// in a ref updated inside the key handler, so keys that arrive together (Down Down Enter in one chunk) apply in
// order, and a list that re-renders with other items (a resize folds passed checks) keeps the same item selected.
import {Box, Text} from 'ink';
import {useEffect, useRef, useState} from 'react';
import {useKeys} from '../hooks/use-keys.js';
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

/** The index of `value` in `items`, else of `fallback`, else 0. */
export function indexOfValue<T extends string>(items: SelectItem<T>[], value: T | undefined, fallback?: T): number {
  const at = items.findIndex((i) => i.value === value);
  if (at !== -1) return at;
  return Math.max(
    0,
    items.findIndex((i) => i.value === fallback),
  );
}

export function SelectList<T extends string>({
  items,
  onSubmit,
  onHighlight,
  initial,
  isActive = true,
}: SelectListProps<T>) {
  const [selected, setSelected] = useState<T | undefined>(() => items[indexOfValue(items, initial)]?.value);
  // The truth for the key handler: updated synchronously, so the next key of the same chunk sees it.
  const selectedRef = useRef(selected);
  const index = indexOfValue(items, selectedRef.current, initial);
  const highlightRef = useRef(onHighlight);
  highlightRef.current = onHighlight;
  const current = items[index]?.value;

  // onHighlight runs in the key handler itself (so an Enter in the same chunk sees it), and once for the first item
  // or when the items change under the selection; never twice for the same value.
  const lastHighlighted = useRef<T | undefined>(undefined);
  const highlight = (value: T | undefined) => {
    if (value === undefined || value === lastHighlighted.current) return;
    lastHighlighted.current = value;
    highlightRef.current?.(value);
  };
  useEffect(() => {
    highlight(current);
  }, [current]); // eslint-disable-line react-hooks/exhaustive-deps

  // After a submit, the rest of that chunk (delivered synchronously, in one loop) is dropped: it was typed for the
  // next screen, which is not listening yet. Unlocked on the next turn of the event loop.
  const submitted = useRef(false);

  const move = (delta: number) => {
    const at = indexOfValue(items, selectedRef.current, initial);
    const next = items[(at + delta + items.length) % items.length]!.value;
    selectedRef.current = next;
    setSelected(next);
    highlight(next);
  };

  useKeys(
    (input, key) => {
      if (items.length === 0 || submitted.current) return 'stop';
      if (is('down', input, key)) move(1);
      else if (is('up', input, key)) move(-1);
      else if (is('select', input, key)) {
        const item = items[indexOfValue(items, selectedRef.current, initial)];
        if (!item) return;
        submitted.current = true;
        setTimeout(() => (submitted.current = false), 0);
        onSubmit(item.value);
        return 'stop';
      }
      return;
    },
    {isActive},
  );

  return (
    <Box flexDirection="column">
      {items.map((item, i) => {
        const isSelected = i === index;
        return (
          <Box key={item.value} flexDirection="column">
            <Text color={isSelected ? 'cyan' : item.tone ? TONES[item.tone] : undefined} bold={isSelected}>
              {isSelected ? '❯ ' : '  '}
              {item.label}
            </Text>
            {item.hint && isSelected ? (
              // Indented as a block, so a wrapped description stays under its item instead of going back to column 0.
              <Box paddingLeft={4}>
                <Text dimColor>{item.hint}</Text>
              </Box>
            ) : null}
          </Box>
        );
      })}
    </Box>
  );
}
