// Reading the FILE a command was given (`troubleshoot FILE`, `revoke FILE`): a regular file or a pipe, and a bounded
// amount of it. The name may come from outside (a symlink in a cloned repo, `error.log -> /dev/zero`): before, /dev/zero
// ran the process to 616 MB and "cannot read (error)" after 8 s, /dev/urandom to 1.1 GB, and a FIFO waited forever.
// A pipe (`troubleshoot <(python job.py 2>&1)`, whose name is /dev/fd/63, or a named FIFO) is read until its writer
// closes it, at most `limitBytes`, and never longer than `pipeIdleMs` without new text (nothing at all: an error).
import {constants} from 'node:fs';
import {open} from 'node:fs/promises';
import {sanitizeLine} from '../core/text/sanitize.js';
import {writeLine, type CommandIo} from '../io.js';
import {decodeText} from '../core/text/decode.js';

export class ReadTextError extends Error {}

/** How long a pipe may stay silent (before its first text, and between pieces) before reading stops. */
export const PIPE_IDLE_MS = 30_000;
/** How often a slow pipe is reported. */
const PIPE_FEEDBACK_MS = 5_000;

/** A command's pipe options: the wait from HF_WIZARD_PIPE_WAIT_MS (ms; tests), progress on stderr. */
export function pipeOptions(io: CommandIo): {pipeIdleMs: number; onWait: (text: string) => void} {
  const v = io.env.HF_WIZARD_PIPE_WAIT_MS;
  return {
    pipeIdleMs: v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : PIPE_IDLE_MS,
    onWait: (text) => writeLine(io.stderr, text),
  };
}

type Handle = Awaited<ReturnType<typeof open>>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A pipe opened non-blocking: read until its writer closes it (end of file after some text), `limitBytes` (the rest
 * is left unread: `truncated`), or `pipeIdleMs` without new text. A pipe with no writer yet reads as end of file: it
 * is waited for like silence.
 */
async function readPipe(
  handle: Handle,
  name: string,
  options: {limitBytes: number; pipeIdleMs?: number; onWait?: (text: string) => void},
): Promise<{text: string; truncated: boolean}> {
  const idleMs = options.pipeIdleMs ?? PIPE_IDLE_MS;
  const chunks: Buffer[] = [];
  let size = 0;
  let lastText = Date.now();
  let lastSaid = Date.now();
  const buffer = Buffer.alloc(64 * 1024);
  for (;;) {
    let read = 0;
    try {
      ({bytesRead: read} = await handle.read(buffer, 0, Math.min(buffer.length, options.limitBytes - size + 1), null));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK') throw error;
      read = -1; // nothing yet
    }
    if (read > 0) {
      chunks.push(Buffer.from(buffer.subarray(0, read)));
      size += read;
      lastText = Date.now();
      if (size > options.limitBytes) {
        const text = decodeText(Buffer.concat(chunks).subarray(0, options.limitBytes));
        return {text, truncated: true};
      }
      continue;
    }
    // End of file after some text: the writer is done.
    if (read === 0 && size > 0) break;
    const silent = Date.now() - lastText;
    if (silent >= idleMs) {
      if (size === 0)
        throw new ReadTextError(
          `nothing arrived from ${name} (a pipe) within ${Math.round(idleMs / 1000)} s: start what writes to it first, or pipe its text in and give - instead.`,
        );
      // Text came, then silence: what came is the answer.
      return {text: decodeText(Buffer.concat(chunks)), truncated: true};
    }
    if (options.onWait && Date.now() - lastSaid >= PIPE_FEEDBACK_MS) {
      lastSaid = Date.now();
      options.onWait(
        `Reading ${name} (a pipe): ${size ? `${Math.round(size / 1024)} KB so far` : 'nothing yet'}; it stops after ${Math.round(idleMs / 1000)} s without new text.`,
      );
    }
    await sleep(Math.min(50, idleMs));
  }
  return {text: decodeText(Buffer.concat(chunks)), truncated: false};
}

/** Why a file could not be opened, in words (`no such file`), not an errno code. */
const OPEN_WHY: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
  EIO: 'an input/output error',
};

function openFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code && OPEN_WHY[code]) ?? `it could not be opened (${code ?? 'error'})`;
}

/**
 * The file's text, or its last `limitBytes` (`truncated`) when it is bigger and `tail` is set; a bigger file without
 * `tail`, a device, a pipe or a folder is a ReadTextError with a one-line reason that names the file.
 */
export async function readTextFile(
  path: string,
  shownAs: string,
  options: {
    limitBytes: number;
    tail?: boolean;
    /** A pipe: how long to wait for text, first and then between pieces (default PIPE_IDLE_MS). */
    pipeIdleMs?: number;
    /** A pipe: said while reading it takes long (every few seconds). */
    onWait?: (text: string) => void;
  },
): Promise<{text: string; truncated: boolean}> {
  const name = sanitizeLine(shownAs);
  let handle;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new ReadTextError(`cannot read ${name}: ${openFailure(error)}.`);
  }
  try {
    const info = await handle.stat();
    if (info.isFIFO()) return await readPipe(handle, name, options);
    if (!info.isFile())
      throw new ReadTextError(
        `cannot read ${name}: it is ${info.isDirectory() ? 'a folder' : 'not a regular file or a pipe (a device, a socket: send its text through a pipe and give - instead)'}.`,
      );
    const megabytes = `${Math.round(options.limitBytes / 1024 / 1024)} MB`;
    if (info.size > options.limitBytes && !options.tail)
      throw new ReadTextError(
        `${name} is larger than ${megabytes}: pass the part that matters (e.g. through grep, then -).`,
      );
    const length = Math.min(info.size, options.limitBytes);
    const buffer = Buffer.alloc(length);
    const {bytesRead} = await handle.read(buffer, 0, length, info.size - length);
    return {text: decodeText(buffer.subarray(0, bytesRead)), truncated: info.size > length};
  } catch (error) {
    if (error instanceof ReadTextError) throw error;
    throw new ReadTextError(`cannot read ${name} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  } finally {
    await handle.close();
  }
}
