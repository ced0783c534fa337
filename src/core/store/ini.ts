// The INI dialect of Python's configparser (interpolation=None), enough to read and write `stored_tokens`
// byte for byte as huggingface_hub does: `[section]`, `key = value`, a blank line after each section.

export interface IniSection {
  name: string;
  /** Keys are lower-cased on read, like configparser's default optionxform. Insertion order is kept. */
  values: Map<string, string>;
}

export class IniParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'IniParseError';
  }
}

// `s`: like Python's re, `.` must match U+2028/U+2029 too (a JavaScript line terminator, not a line break in a file),
// or a separator inside a value moves the key/value split and what we write would not read back the same.
const SECTION = /^\[(.+)\]$/s;
const OPTION = /^(.*?)\s*[=:]\s*(.*)$/s;

/** Parses like configparser (strict): throws IniParseError on a key before any section, a duplicate section/key, or junk. */
export function parseIni(text: string): IniSection[] {
  const sections: IniSection[] = [];
  const seen = new Set<string>();
  let current: IniSection | undefined;
  let lastKey: string | undefined;
  let keyIndent = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const stripped = raw.trim();
    const indent = raw.length - raw.trimStart().length;
    if (stripped === '') {
      lastKey = undefined;
      return;
    }
    if (stripped.startsWith('#') || stripped.startsWith(';')) return;
    if (current && lastKey !== undefined && indent > keyIndent) {
      const prev = current.values.get(lastKey) ?? '';
      current.values.set(lastKey, prev === '' ? stripped : `${prev}\n${stripped}`);
      return;
    }
    const section = SECTION.exec(stripped);
    if (section) {
      const name = section[1] as string;
      if (seen.has(name)) throw new IniParseError(`section [${name}] appears twice`, lineNo);
      seen.add(name);
      current = {name, values: new Map()};
      sections.push(current);
      lastKey = undefined;
      return;
    }
    if (!current) throw new IniParseError('a line before any [section] header', lineNo);
    const option = OPTION.exec(stripped);
    if (!option || (option[1] as string) === '')
      throw new IniParseError('a line that is neither "key = value" nor a [section]', lineNo);
    const key = (option[1] as string).toLowerCase();
    if (current.values.has(key)) throw new IniParseError(`key "${key}" appears twice in [${current.name}]`, lineNo);
    current.values.set(key, (option[2] as string).trim());
    lastKey = key;
    keyIndent = indent;
  });
  return sections;
}

/** Writes like configparser.write(): `[name]\nkey = value\n` per key, then a blank line. Multi-line values indent with a tab. */
export function serializeIni(sections: IniSection[]): string {
  let out = '';
  for (const section of sections) {
    out += `[${section.name}]\n`;
    for (const [key, value] of section.values) out += `${key} = ${value.replace(/\n/g, '\n\t')}\n`;
    out += '\n';
  }
  return out;
}

/** configparser's default section: `[DEFAULT]` keys are inherited by every other section, so no token may be saved there. */
const DEFAULT_SECTION = 'DEFAULT';
const MAX_SECTION_NAME = 100;
// Line breaks and every other control or invisible formatting character (bidi overrides, zero-width marks, BOM):
// one of them in a name could start a new line (`[evil]` with its own hf_token) or drive the terminal when printed.
const UNSAFE_IN_NAME = /[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]+/g;

/**
 * A name that is safe as a stored_tokens section (`[name]`), for a token name a server sent (whoami's displayName):
 * controls and invisible characters become one space, the result is trimmed and capped at 100 characters; an empty
 * name becomes `token`, and `DEFAULT` becomes `DEFAULT token`. Every result reads back as exactly one section of that
 * name, here and in configparser (`]`, `[`, `=` inside a header are fine: the header regex is greedy), as
 * test/core/store/hardening.test.ts checks against python3 on 300 generated names.
 */
export function safeSectionName(name: string): string {
  // A lone surrogate cannot be written as UTF-8 (it would land on disk as U+FFFD): replace it here so the name we
  // report is the name in the file.
  let out = name
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(UNSAFE_IN_NAME, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (out.length > MAX_SECTION_NAME) out = Array.from(out).slice(0, MAX_SECTION_NAME).join('').trim();
  if (out === '') return 'token';
  if (out === DEFAULT_SECTION) return `${DEFAULT_SECTION} token`;
  return out;
}
