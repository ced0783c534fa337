// Names and paths the sandbox Hub accepts: repo names as the Hub validates them, and file paths inside a repo
// that can never reach outside it (no `..`, no absolute paths, no backslashes, no NUL).
import {HttpError} from '../http.js';
import type {RepoType} from '../permissions.js';

export const REPO_TYPES: readonly RepoType[] = ['model', 'dataset', 'space'];

/** `models` -> `model` (API paths use the plural). */
export function typeFromPlural(plural: string): RepoType | undefined {
  const t = plural.replace(/s$/, '');
  return (REPO_TYPES as readonly string[]).includes(t) ? (t as RepoType) : undefined;
}

/** The prefix of git-style paths (`resolve`, `raw`, `.git/...`): none for models. */
export function gitPrefix(type: RepoType): string {
  return type === 'model' ? '' : `${type}s/`;
}

const NAME_RE = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,94}[A-Za-z0-9])?$/;

export const INVALID_REPO_NAME =
  "Repo id must use alphanumeric chars or '-', '_', '.', '--' and '..' are forbidden, '-' and '.' cannot start or end the name, max length is 96.";

/** A namespace or repo name as the Hub allows it (also what makes it safe as a directory name). */
export function isValidName(name: string): boolean {
  return NAME_RE.test(name) && !name.includes('--') && !name.includes('..');
}

/**
 * Validates a file path inside a repo and returns it normalised (no leading `./`); throws the Hub-style 400 otherwise.
 * Refuses: empty, absolute, `..` or `.` segments, empty segments, backslashes, control characters (NUL), `.git/`.
 */
export function checkRepoPath(path: unknown, what = 'path'): string {
  if (typeof path !== 'string' || path.length === 0)
    throw new HttpError(400, `Invalid ${what}: expected a non-empty string`);
  if (path.length > 1000) throw new HttpError(400, `Invalid ${what}: longer than 1000 characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(path))
    throw new HttpError(400, `Invalid ${what} "${printable(path)}": control characters are not allowed`);
  if (path.includes('\\'))
    throw new HttpError(400, `Invalid ${what} "${printable(path)}": backslashes are not allowed`);
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path))
    throw new HttpError(400, `Invalid ${what} "${printable(path)}": must be relative to the repo root`);
  const segments = path.replace(/^(\.\/)+/, '').split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') {
      throw new HttpError(400, `Invalid ${what} "${printable(path)}": empty, '.' or '..' segments are not allowed`);
    }
  }
  if (segments[0] === '.git') throw new HttpError(400, `Invalid ${what} "${printable(path)}": .git is reserved`);
  return segments.join('/');
}

function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\x00-\x1f\x7f]/g, '?').slice(0, 200);
}
