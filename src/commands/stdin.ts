// Reading piped text from stdin for the commands that take a text (`troubleshoot -`, `revoke -`): bounded in size,
// and, when asked, bounded in time for a pipe that never sends anything (an inherited, idle stdin must not hang us).
import type {CommandIo} from '../io.js';
import {decodeText} from '../core/text/decode.js';

export interface ReadPipedOptions {
  /** Give up (resolve undefined) when nothing arrives within this many ms; no bound when absent. */
  idleMs?: number;
  /** Stop reading after this many bytes (what came so far is kept). */
  limitBytes?: number;
}

/** The whole piped text, or undefined when nothing arrived. */
export function readPipedText(stream: CommandIo['stdin'], options: ReadPipedOptions = {}): Promise<string | undefined> {
  return new Promise((resolveText) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const idle = options.idleMs === undefined ? undefined : setTimeout(() => finish(), options.idleMs);
    const finish = () => {
      if (idle) clearTimeout(idle);
      stream.off('data', onData);
      stream.off('end', finish);
      stream.off('error', finish);
      stream.pause();
      resolveText(chunks.length ? decodeText(Buffer.concat(chunks)) : undefined);
    };
    const onData = (c: Buffer | string) => {
      if (idle) clearTimeout(idle);
      const b = typeof c === 'string' ? Buffer.from(c) : c;
      size += b.length;
      if (options.limitBytes !== undefined && size > options.limitBytes) return finish();
      chunks.push(b);
    };
    stream.on('data', onData);
    stream.once('end', finish);
    stream.once('error', finish);
    stream.resume();
  });
}
