// A tiny front-matter parser for lesson files: a `---` block of `key: value` lines at the top of a Markdown file.
// Values: a bare or quoted string, an integer, or an inline list `[a, b]`. Nothing else (no nesting, no YAML).

export type FrontValue = string | number | string[];

export interface FrontMatter {
  data: Record<string, FrontValue>;
  body: string;
  /** 1-based line where the body starts, for error messages. */
  bodyLine: number;
}

export class FrontMatterError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'FrontMatterError';
  }
}

function unquote(raw: string, line: number): string {
  const q = raw[0];
  if ((q === '"' || q === "'") && raw.length >= 2 && raw.endsWith(q)) {
    const inner = raw.slice(1, -1);
    return q === '"' ? inner.replace(/\\(["\\])/g, '$1') : inner.replace(/''/g, "'");
  }
  if (q === '"' || q === "'") throw new FrontMatterError(`unterminated quote in ${raw}`, line);
  return raw;
}

function parseValue(raw: string, line: number): FrontValue {
  const v = raw.trim();
  if (v.startsWith('[')) {
    if (!v.endsWith(']')) throw new FrontMatterError(`a list must end with "]": ${v}`, line);
    const inner = v.slice(1, -1).trim();
    if (inner === '') return [];
    return inner.split(',').map((item) => {
      const s = unquote(item.trim(), line);
      if (s === '') throw new FrontMatterError(`empty item in list ${v}`, line);
      return s;
    });
  }
  if (/^-?\d+$/.test(v)) return Number(v);
  return unquote(v, line);
}

/** Splits `---\nkey: value\n---\nbody`. A file without front matter gives empty data and the whole text as body. */
export function parseFrontMatter(text: string): FrontMatter {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = normalized.split('\n');
  if (lines[0]?.trim() !== '---') return {data: {}, body: normalized, bodyLine: 1};
  const data: Record<string, FrontValue> = {};
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    if (line.trim() === '---') {
      return {data, body: lines.slice(i + 1).join('\n'), bodyLine: i + 2};
    }
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const m = /^([A-Za-z_][\w-]*)\s*:(.*)$/.exec(line);
    if (!m) throw new FrontMatterError(`expected "key: value", got "${line.trim()}"`, lineNo);
    const key = m[1]!;
    if (key in data) throw new FrontMatterError(`"${key}" is given twice`, lineNo);
    data[key] = parseValue(m[2]!, lineNo);
  }
  throw new FrontMatterError('the front matter is not closed with "---"', 1);
}
