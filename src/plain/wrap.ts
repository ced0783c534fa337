// Plain mode's lines on a terminal: broken at spaces to its width (core/text/wrap.ts). Not on a pipe: scripts read whole
// lines.
import {wrapAtSpaces, wrapLine} from '../core/text/wrap.js';

export {wrapLine};

/** Plain mode's print on a terminal: wraps to its width (read at each line: a resized window is followed). */
export function wrappingPrint(stream: NodeJS.WritableStream & {isTTY?: boolean; columns?: number}) {
  return (line = '') => {
    stream.write((stream.isTTY && stream.columns ? wrapAtSpaces(line, stream.columns) : line) + '\n');
  };
}
