// Puts core/text/key-input.ts between the terminal and Ink: what Ink reads from stdin (stdin.read(), after its
// setEncoding('utf8')) has the colour and control sequences that are not keys dropped, also when one is split across
// two reads, so a pasted coloured log cannot crash Ink's key parser. Returns the undo, called when Ink has unmounted.
import {KeyInputFilter} from '../core/text/key-input.js';

type Readable = {read: (size?: number) => unknown};

export function guardKeyInput(stdin: Partial<Readable>): () => void {
  if (typeof stdin.read !== 'function') return () => {};
  const own = Object.prototype.hasOwnProperty.call(stdin, 'read');
  const original = stdin.read;
  const read = original.bind(stdin);
  // Across reads: a sequence split between two chunks is filtered whole (key-input.ts).
  const filter = new KeyInputFilter();
  stdin.read = (size?: number) => {
    const chunk = read(size);
    return typeof chunk === 'string' ? filter.push(chunk, Date.now()) : chunk;
  };
  return () => {
    if (own) stdin.read = original;
    else delete (stdin as Partial<Readable>).read;
  };
}
