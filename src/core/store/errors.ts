// File-system failures of the login files, as one clear line that names the file and what to do (never an errno dump).

export class StoreError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

const WHY: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOENT: 'a part of the path does not exist and cannot be created there',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'something else already exists there',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
  EBUSY: 'the file is busy',
  EIO: 'an input/output error',
  ENOTREG: 'a named pipe, a device or a socket, not a regular file',
  EFBIG: 'it is too large to be a login file',
};

const FIX: Record<string, string> = {
  EACCES: 'check its owner and permissions (ls -l), or move it away, then try again',
  EPERM: 'check its owner and permissions (ls -l), or move it away, then try again',
  ENOSPC: 'free some space, then try again',
  EDQUOT: 'free some space, then try again',
  EROFS: 'use a folder on a writable disk (for the login files: set HF_HOME to one), then try again',
  ENOENT: 'use a folder you can write to (for the login files: set HF_HOME to one), then try again',
};

/** An errno error from `fs` -> StoreError (`Could not <action> <path> (<why>): <fix>.`); anything else is returned as is. */
export function storeError(error: unknown, action: string, path: string): unknown {
  if (error instanceof StoreError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error;
  const why = WHY[code] ?? code;
  const fix = FIX[code] ?? 'move it away (or fix it), then try again';
  return new StoreError(`Could not ${action} ${path} (${why}): ${fix}.`, path, code);
}
