// What a command may touch of the outside world. Tests pass their own streams, env and cwd.
import type {Readable, Writable} from 'node:stream';

export interface CommandIo {
  stdout: Writable & {isTTY?: boolean; columns?: number};
  stderr: Writable & {isTTY?: boolean};
  stdin: Readable & {isTTY?: boolean};
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIo(): CommandIo {
  return {stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd()};
}

/** Exit codes shared by every command (architecture.md). */
export const EXIT = {ok: 0, failed: 1, usage: 2, interrupted: 130} as const;

export function writeLine(stream: Writable, line = ''): void {
  stream.write(line + '\n');
}
