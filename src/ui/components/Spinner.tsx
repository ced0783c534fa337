// A spinner with a label and, optionally, the elapsed time. Screen readers get a static line instead of frames.
import {Text, useIsScreenReaderEnabled} from 'ink';
import {useEffect, useState} from 'react';
import {formatElapsed} from '../format.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function Spinner({label, since}: {label: string; since?: number}) {
  const reader = useIsScreenReaderEnabled();
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    if (reader) return;
    const timer = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), 100);
    return () => clearInterval(timer);
  }, [reader]);
  const elapsed = since !== undefined ? ` (${formatElapsed(Date.now() - since)})` : '';
  if (reader) return <Text>{`Working: ${label}${elapsed}`}</Text>;
  return (
    <Text>
      <Text color="cyan">{FRAMES[frame]}</Text> {label}…{elapsed}
    </Text>
  );
}
