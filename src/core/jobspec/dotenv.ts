// `-e K=V` and `--secrets K` as the hf CLI reads them: huggingface_hub parses each value as a .env text
// (utils/_dotenv.py: one variable a line, a bare name takes its value from the environment or the login, `#` starts a
// comment, quotes and their escapes), so a value is written in the form that reads back as exactly itself. Pure.

/** A name hf's -e and --secrets read as one variable (huggingface_hub's dotenv reader: letters, digits, '_'). */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Line breaks Python's splitlines() cuts at (hf reads `-e K=V` as dotenv lines); \n and \t have escapes. */
const LINE_BREAK = /[\r\v\f\x1c-\x1e\x85\u2028\u2029]/;

/**
 * `K=V` as hf's `-e` gives the job K with exactly V, or undefined. hf reads each `-e` value as a dotenv text: a value
 * with a line break is two lines, and a second line naming a variable bare (`HF_TOKEN`) takes its value from the
 * user's environment or login, so `{"A": "1\nHF_TOKEN"}` in a job's env put the user's token in the new job's
 * visible env; `#` starts a comment and spaces at either end are cut. Such a value is written double-quoted with
 * the reader's escapes (\\ \" \n \t); a break that has no escape is undefined (no -e can pass it).
 */
export function dotenvAssignment(key: string, value: string): string | undefined {
  if (!ENV_NAME.test(key) || LINE_BREAK.test(value)) return undefined;
  // Plain: no quote first, no '#', no space (Python's, \x1f included) at either end, no \n or \t.
  if (value === '' || /^[^\s\x1f'"#]([^\n\t#]*[^\s\x1f#])?$/.test(value)) return `${key}=${value}`;
  return `${key}="${value
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')}"`;
}
