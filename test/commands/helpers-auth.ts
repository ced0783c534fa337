// Streams and a temp HF_HOME for driving login/logout/status in-process.
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import type {CommandIo} from '../../src/io.js';

export interface TestIo extends CommandIo {
  out(): string;
  err(): string;
  stdin: PassThrough & {isTTY?: boolean};
}

export function makeIo(env: Record<string, string>, opts: {stdinText?: string; tty?: boolean} = {}): TestIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough() as PassThrough & {isTTY?: boolean};
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  // A terminal session: stdin and stderr are both the terminal (the prompt facade needs both).
  if (opts.tty) {
    stdin.isTTY = true;
    (stderr as PassThrough & {isTTY?: boolean}).isTTY = true;
  }
  if (opts.stdinText !== undefined) stdin.end(opts.stdinText);
  return {stdout, stderr, stdin, env, cwd: process.cwd(), out: () => out, err: () => err};
}

export async function tempHome(): Promise<{dir: string; env: Record<string, string>; cleanup: () => Promise<void>}> {
  const dir = await mkdtemp(join(tmpdir(), 'hfjw-cmd-'));
  // HOME and XDG_CACHE_HOME both point inside the temp dir: nothing touches the real login.
  return {
    dir,
    env: {HOME: dir, XDG_CACHE_HOME: join(dir, 'cache'), PATH: process.env.PATH ?? ''},
    cleanup: () => rm(dir, {recursive: true, force: true}),
  };
}
