// A JSON syntax error as a sentence a person can act on: which file, which line and column, what is wrong there and
// what to do, never the engine's `Unexpected token } in JSON at position 57` alone (and never the engine's newer form,
// which quotes the file's text back, tokens included). Pure: no I/O.

export interface JsonProblem {
  /** 1-based. */
  line: number;
  /** 1-based, when known. */
  column?: number;
  /** What is wrong, as a clause: `a comma is missing between two entries`. */
  what: string;
  /** `<file> is not valid JSON (line L, column C): <what>. <fix>` */
  message: string;
}

const GENERAL_FIX =
  'Fix it in an editor, then try again (JSON wants "double quotes" around keys and strings, a comma between entries, and no comma after the last one).';

function lineColumn(text: string, position: number): {line: number; column: number} {
  const before = text.slice(0, Math.max(0, Math.min(position, text.length)));
  const lines = before.split(/\r\n|\n|\r/);
  return {line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1};
}

/** The previous character that is not white space, before `position`. */
function previousNonSpace(text: string, position: number): string | undefined {
  for (let i = Math.min(position, text.length) - 1; i >= 0; i--) if (!/\s/.test(text[i] as string)) return text[i];
  return undefined;
}

/**
 * Where the first syntax error is, for engine messages that give no position (`Unexpected token 'N', "…" is not valid
 * JSON`): a small strict scanner of the JSON grammar. Returns the offset of the first character that cannot continue
 * a JSON text (text.length when it ends too early), or undefined when the text is valid.
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  class Stop {
    constructor(readonly at: number) {}
  }
  const fail = (at = i): never => {
    throw new Stop(at);
  };
  const literal = (word: string) => {
    for (let k = 0; k < word.length; k++) if (text[i + k] !== word[k]) fail(i + k);
    i += word.length;
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= n) fail(n);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail();
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) fail(n);
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(i + 1);
          i += 6;
        } else if ('"\\/bfnrt'.includes(e as string)) i += 2;
        else fail(i + 1);
        continue;
      }
      i++;
    }
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += (m as RegExpExecArray)[0].length;
    if (i < n && /[0-9.eE+-]/.test(text[i] as string)) fail();
  };
  const value = (depth: number): void => {
    if (depth > 512) fail();
    ws();
    if (i >= n) fail(n);
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(i >= n ? n : i);
        string();
        ws();
        if (text[i] !== ':') fail(i >= n ? n : i);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(i >= n ? n : i);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(i >= n ? n : i);
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail();
  };
  try {
    const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    i = start;
    value(0);
    ws();
    if (i < n) fail();
    return undefined;
  } catch (stop) {
    if (stop instanceof Stop) return stop.at;
    return 0; // stack overflow on absurd nesting: point at the start
  }
}

function describe(text: string, engine: string, position: number): string {
  const at = text[position];
  if (text.trim() === '') return 'the file is empty (it needs one JSON object, like {"script": "train.py"})';
  if (/Unexpected end of JSON input/.test(engine) || position >= text.length)
    return 'the text ends too early: a closing }, ] or " is missing';
  if (at === '/' && (text[position + 1] === '/' || text[position + 1] === '*'))
    return 'JSON has no comments: remove the // or /* */ part';
  if (
    /Expected double-quoted property name/.test(engine) ||
    (/Unexpected token/.test(engine) && (at === '}' || at === ']') && previousNonSpace(text, position) === ',')
  ) {
    return previousNonSpace(text, position) === ','
      ? 'there is a comma after the last entry (JSON allows none): remove it'
      : 'a key must be in "double quotes", like "script"';
  }
  if (/Expected property name or '\}'/.test(engine)) return 'a key must be in "double quotes", like "script"';
  if (/after property value/.test(engine)) return 'a comma is missing between two entries (or a closing } at the end)';
  if (/after array element/.test(engine))
    return 'a comma is missing between two list items (or a closing ] at the end)';
  if (/Expected ':' after property name/.test(engine))
    return 'a colon is missing after the key, like "flavor": "cpu-basic"';
  if (/Unterminated string/.test(engine)) return 'a string is not closed: add the missing " (strings stay on one line)';
  if (/Bad control character/.test(engine))
    return 'a string holds a line break or a tab: keep it on one line, or write \\n or \\t';
  if (/Bad (escaped|Unicode escape)/.test(engine))
    return 'a backslash starts an escape JSON does not know: write \\\\ for a backslash (Windows paths: C:\\\\data)';
  if (/non-whitespace character after JSON/.test(engine))
    return 'there is more text after the end of the JSON value: keep one object in the file';
  if (/number|Exponent|minus sign|fractional/i.test(engine))
    return 'a number is written in a way JSON does not accept (numbers look like 3, 0.5 or 1e-3, with no leading zero)';
  if (at === "'") return "JSON strings use double quotes, not 'single quotes'";
  const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(position, position + 40))?.[0];
  // Name only the well-known non-JSON words (Python's True/None, JavaScript's NaN...): any other word could be a secret.
  if (word && /^(?:NaN|Infinity|True|False|None|TRUE|FALSE|NULL|undefined|nil)$/.test(word))
    return `${word} is not a JSON value: use a number, a "string", true, false or null`;
  if (word) return 'a word without quotes is not a JSON value: put strings (and keys) in "double quotes"';
  const shown =
    at !== undefined && /^[\x21-\x7e]$/.test(at)
      ? `"${at}"`
      : `U+${(at ?? '').codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0') ?? '?'}`;
  return `the character ${shown} cannot stand there`;
}

/**
 * Explains a JSON.parse failure of `text` (read from `file`). `fix` replaces the general advice, e.g. a way to have the
 * app rewrite the file. The engine's message is used only to classify, never shown (its newer form quotes the text).
 */
export function explainJsonError(text: string, error: unknown, file: string, fix: string = GENERAL_FIX): JsonProblem {
  const engine = String((error as Error | undefined)?.message ?? error);
  const m = /at position (\d+)/.exec(engine);
  const position = m ? Number(m[1]) : (jsonErrorOffset(text) ?? 0);
  const {line, column} = lineColumn(text, position);
  const what = describe(text, engine, position);
  const where =
    text.trim() === '' ? `${file} is not valid JSON` : `${file} is not valid JSON (line ${line}, column ${column})`;
  return {line, column, what, message: `${where}: ${what}. ${fix}`};
}
