// Reading the FILE a command was given (`troubleshoot FILE`, `revoke FILE`): a regular file only, and a bounded
// amount of it. The name may come from outside (a symlink in a cloned repo, `error.log -> /dev/zero`): before, /dev/zero
// ran the process to 616 MB and "cannot read (error)" after 8 s, /dev/urandom to 1.1 GB, and a FIFO waited forever.
import {constants} from 'node:fs';
import {open} from 'node:fs/promises';
import {sanitizeLine} from '../core/text/sanitize.js';

export class ReadTextError extends Error {}

/**
 * The file's text, or its last `limitBytes` (`truncated`) when it is bigger and `tail` is set; a bigger file without
 * `tail`, a device, a pipe or a folder is a ReadTextError with a one-line reason that names the file.
 */
export async function readTextFile(
  path: string,
  shownAs: string,
  options: {limitBytes: number; tail?: boolean},
): Promise<{text: string; truncated: boolean}> {
  const name = sanitizeLine(shownAs);
  let handle;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new ReadTextError(`cannot read ${name} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw new ReadTextError(
        `cannot read ${name}: it is ${info.isDirectory() ? 'a folder' : 'not a regular file (a device or a pipe: send its text through a pipe and give - instead)'}.`,
      );
    const megabytes = `${Math.round(options.limitBytes / 1024 / 1024)} MB`;
    if (info.size > options.limitBytes && !options.tail)
      throw new ReadTextError(
        `${name} is larger than ${megabytes}: pass the part that matters (e.g. through grep, then -).`,
      );
    const length = Math.min(info.size, options.limitBytes);
    const buffer = Buffer.alloc(length);
    const {bytesRead} = await handle.read(buffer, 0, length, info.size - length);
    return {text: buffer.subarray(0, bytesRead).toString('utf8'), truncated: info.size > length};
  } catch (error) {
    if (error instanceof ReadTextError) throw error;
    throw new ReadTextError(`cannot read ${name} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  } finally {
    await handle.close();
  }
}
