// Reading a login file (`token`, `stored_tokens`, their backups): a regular file only, of a login file's size. A named
// pipe in its place (or HF_TOKEN_PATH=/dev/stdin) made `status`, `check` and `logout` wait forever for a writer: the
// file is opened without blocking and refused when it is not a regular file, with the store's one-line error.
import {constants, promises as fsp} from 'node:fs';

/** A token file is some 40 bytes, stored_tokens a few hundred a token: anything past this is not a login file. */
export const MAX_LOGIN_FILE_BYTES = 1024 * 1024;

function failure(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), {code});
}

/** The file's text; throws an errno-coded error (ENOENT, EISDIR, ENOTREG, EFBIG ...) for storeError to word. */
export async function readLoginFile(path: string): Promise<string> {
  // O_NONBLOCK: opening a named pipe does not wait for a writer (regular files ignore the flag).
  const handle = await fsp.open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw failure('EISDIR', 'is a directory');
    if (!st.isFile()) throw failure('ENOTREG', 'not a regular file');
    if (st.size > MAX_LOGIN_FILE_BYTES) throw failure('EFBIG', 'too large');
    return (await handle.readFile()).toString('utf8');
  } finally {
    await handle.close();
  }
}
