// A small, position-aware parser for JSON and Python literal syntax (dicts, lists, strings, numbers, names),
// so checks and the config parser can say *which line* a key or value is on. Anything that is not a literal
// (a call, a name, an f-string, arithmetic) becomes {t: 'expr', src} with its source text.

export type Lit =
  | {t: 'str'; v: string; line: number; quote: string; prefix: string}
  | {t: 'num'; v: number; raw: string; line: number}
  | {t: 'const'; v: boolean | null; raw: string; line: number}
  | {t: 'dict'; entries: DictEntry[]; line: number}
  | {t: 'list'; items: Lit[]; line: number}
  | {t: 'expr'; src: string; line: number};

export interface DictEntry {
  key: Lit;
  value: Lit;
  line: number;
}

export interface CallArg {
  /** Keyword name, or undefined for a positional argument. */
  name?: string;
  value: Lit;
  line: number;
}

export class LiteralError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'LiteralError';
  }
}

/** Offsets of line starts, for offset -> 1-based line by binary search. */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** Newlines before this index are in `starts`: the text is indexed only as far as a line is asked for. */
  private scanned = 0;
  constructor(
    private readonly text: string,
    readonly base = 1,
  ) {}
  lineOf(offset: number): number {
    while (this.scanned <= offset && this.scanned < this.text.length) {
      const i = this.text.indexOf('\n', this.scanned);
      if (i === -1) {
        this.scanned = this.text.length;
        break;
      }
      this.starts.push(i + 1);
      this.scanned = i + 1;
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + this.base;
  }
}

const CLOSERS = new Set([',', '}', ']', ')']);
const NAME_START = /[A-Za-z_]/;
const STRING_PREFIX = new Set(['r', 'R', 'b', 'B', 'u', 'U', 'f', 'F']);
const CONSTS: Record<string, boolean | null> = {
  true: true,
  True: true,
  false: false,
  False: false,
  null: null,
  None: null,
};
/** What a backslash followed by this character stands for in a (non-raw) string. */
const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  "'": "'",
  '/': '/',
  b: '\b',
  f: '\f',
  '0': '\0',
  '\n': '',
};
/** Where a string's body stops being plain characters: its quote, a backslash, a newline. */
const BODY_STOP_DQ = /["\\\n]/g;
const BODY_STOP_SQ = /['\\\n]/g;

/** Whether a character code is a name's (A-Z, a-z, _, and with `digits` 0-9). */
function isNameCode(c: number, digits: boolean): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (digits && c >= 48 && c <= 57);
}

export class LiteralParser {
  pos = 0;
  readonly lines: LineIndex;
  constructor(
    readonly text: string,
    opts: {lineBase?: number; lines?: LineIndex} = {},
  ) {
    this.lines = opts.lines ?? new LineIndex(text, opts.lineBase ?? 1);
  }

  line(offset = this.pos): number {
    return this.lines.lineOf(offset);
  }

  fail(message: string): never {
    throw new LiteralError(message, this.line());
  }

  skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos]!;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\\') this.pos++;
      else if (c === '#') {
        const nl = t.indexOf('\n', this.pos);
        this.pos = nl === -1 ? t.length : nl;
      } else if (c === '/' && t[this.pos + 1] === '/') {
        const nl = t.indexOf('\n', this.pos);
        this.pos = nl === -1 ? t.length : nl;
      } else break;
    }
  }

  peek(): string {
    return this.text[this.pos] ?? '';
  }

  /** Parses one value; `stopAtColon` ends bare expressions at a top-level `:` (dict keys). */
  value(stopAtColon = false): Lit {
    this.skipSpace();
    const start = this.pos;
    const c = this.peek();
    let lit: Lit | undefined;
    if (c === '{') lit = this.dict();
    else if (c === '[' || c === '(') lit = this.list();
    else if (this.atString()) lit = this.string();
    else if (/[-+0-9.]/.test(c) && /^[-+]?(\d|\.\d)/.test(this.text.slice(this.pos, this.pos + 3))) lit = this.number();
    else if (NAME_START.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos, this.pos + 64))!;
      const word = m[0];
      if (Object.hasOwn(CONSTS, word)) {
        this.pos += word.length;
        lit = {t: 'const', v: CONSTS[word]!, raw: word, line: this.line(start)};
      }
    }
    if (lit) {
      // A literal followed by more expression ("a" + b, x.strip(), 3 * 60) is an expression.
      const save = this.pos;
      this.skipSpace();
      const next = this.peek();
      if (next === '' || CLOSERS.has(next) || (next === ':' && stopAtColon)) {
        this.pos = save;
        return lit;
      }
      this.pos = start;
    }
    return this.expr(stopAtColon);
  }

  /** A string starts here (up to two prefix letters of rRbBuUfF, then a quote); no slicing: called per character. */
  atString(): boolean {
    const t = this.text;
    let i = this.pos;
    for (let k = 0; k < 2 && STRING_PREFIX.has(t[i] ?? ''); k++) i++;
    const c = t[i];
    return c === '"' || c === "'";
  }

  string(): Lit {
    const start = this.pos;
    let value = '';
    let quote = '';
    let prefix = '';
    // Adjacent string literals concatenate ("a" "b"), as in Python.
    for (;;) {
      const m = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(this.text.slice(this.pos, this.pos + 5))!;
      prefix = prefix || m[1]!;
      quote = quote || m[2]!;
      this.pos += m[0].length;
      value += this.stringBody(m[2]!, /r/i.test(m[1]!));
      const save = this.pos;
      this.skipSpace();
      if (!this.atString()) {
        this.pos = save;
        break;
      }
    }
    return {t: 'str', v: value, line: this.line(start), quote, prefix};
  }

  private stringBody(q: string, raw: boolean): string {
    const t = this.text;
    // Runs of plain characters are sliced whole: the body is searched for its next quote, backslash or newline.
    const stop = q[0] === '"' ? BODY_STOP_DQ : BODY_STOP_SQ;
    let out = '';
    for (;;) {
      stop.lastIndex = this.pos;
      const hit = stop.exec(t);
      if (!hit) {
        this.pos = t.length;
        this.fail('unterminated string');
      }
      out += t.slice(this.pos, hit.index);
      this.pos = hit.index;
      const c = hit[0];
      if (c === q[0]) {
        if (t.startsWith(q, this.pos)) {
          this.pos += q.length;
          // A copy, not a slice: V8 makes a slice of 13 characters or more a view that keeps the whole text it was
          // cut from alive (check decodes up to 2 MB of files as one text) for as long as the value lives.
          return out.length < 13 ? out : (' ' + out).slice(1);
        }
        // One quote inside a triple-quoted string.
        out += c;
        this.pos++;
        continue;
      }
      if (c === '\n') {
        if (q.length === 1) this.fail('unterminated string');
        out += c;
        this.pos++;
        continue;
      }
      // A backslash: at the very end of the text it is kept as it is (the string is then unterminated).
      if (this.pos + 1 >= t.length) {
        out += c;
        this.pos++;
        continue;
      }
      const n = t[this.pos + 1]!;
      if (raw) {
        out += c + n;
        this.pos += 2;
        continue;
      }
      if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(this.pos + 2, this.pos + 6))) {
        out += String.fromCharCode(parseInt(t.slice(this.pos + 2, this.pos + 6), 16));
        this.pos += 6;
        continue;
      }
      if (Object.hasOwn(ESCAPES, n)) {
        out += ESCAPES[n];
        this.pos += 2;
        continue;
      }
      out += c + n;
      this.pos += 2;
    }
  }

  number(): Lit {
    const start = this.pos;
    const m = /^[-+]?(?:\d[\d_]*)?(?:\.\d+)?(?:[eE][-+]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 40))!;
    this.pos += m[0].length;
    return {t: 'num', v: Number(m[0].replace(/_/g, '')), raw: m[0], line: this.line(start)};
  }

  dict(): Lit {
    const start = this.pos;
    this.pos++; // {
    const entries: DictEntry[] = [];
    for (;;) {
      this.skipSpace();
      if (this.peek() === '}') {
        this.pos++;
        return {t: 'dict', entries, line: this.line(start)};
      }
      if (this.pos >= this.text.length) this.fail('unterminated {');
      if (this.text.startsWith('**', this.pos)) {
        const e = this.expr(false);
        entries.push({key: {t: 'expr', src: '**', line: e.line}, value: e, line: e.line});
      } else {
        const key = this.value(true);
        this.skipSpace();
        if (this.peek() !== ':') {
          // A set literal or a comprehension: keep it as an expression.
          this.pos = start;
          return this.expr(false);
        }
        this.pos++;
        const value = this.value(false);
        entries.push({key, value, line: key.line});
      }
      this.skipSpace();
      const c = this.peek();
      if (c === ',') this.pos++;
      else if (c === '}') continue;
      else {
        // `for` in a comprehension, or garbage: fall back to an expression over the whole brace.
        this.pos = start;
        return this.expr(false);
      }
    }
  }

  list(): Lit {
    const start = this.pos;
    const close = this.peek() === '[' ? ']' : ')';
    this.pos++;
    const items: Lit[] = [];
    for (;;) {
      this.skipSpace();
      if (this.peek() === close) {
        this.pos++;
        return {t: 'list', items, line: this.line(start)};
      }
      if (this.pos >= this.text.length) this.fail(`unterminated ${close === ']' ? '[' : '('}`);
      items.push(this.value(false));
      this.skipSpace();
      const c = this.peek();
      if (c === ',') this.pos++;
      else if (c !== close) {
        this.pos = start;
        return this.expr(false);
      }
    }
  }

  /** A bare expression up to a top-level `,`, closer, or (if asked) `:`; brackets and strings balanced. */
  expr(stopAtColon: boolean): Lit {
    const start = this.pos;
    const t = this.text;
    let depth = 0;
    while (this.pos < t.length) {
      const c = t[this.pos]!;
      const code = t.charCodeAt(this.pos);
      // A string: a quote, or one or two prefix letters then a quote (only then is atString asked).
      if ((c === '"' || c === "'" || STRING_PREFIX.has(c)) && this.atString()) {
        const m = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(t.slice(this.pos, this.pos + 5))!;
        this.pos += m[0].length;
        this.stringBody(m[2]!, /r/i.test(m[1]!));
        continue;
      }
      if (isNameCode(code, false)) {
        this.pos++;
        while (this.pos < t.length && isNameCode(t.charCodeAt(this.pos), true)) this.pos++;
        continue;
      }
      if (c === '#') {
        const nl = t.indexOf('\n', this.pos);
        this.pos = nl === -1 ? t.length : nl;
        continue;
      }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (c === ',' || (c === ':' && stopAtColon))) break;
      this.pos++;
    }
    const src = t.slice(start, this.pos).trim();
    if (src === '') this.fail('expected a value');
    return {t: 'expr', src, line: this.line(start)};
  }

  /** Arguments of a call whose `(` is at `this.pos`; leaves pos after the `)`. */
  callArgs(): CallArg[] {
    if (this.peek() !== '(') this.fail('expected (');
    this.pos++;
    const args: CallArg[] = [];
    for (;;) {
      this.skipSpace();
      if (this.peek() === ')') {
        this.pos++;
        return args;
      }
      if (this.pos >= this.text.length) this.fail('unterminated call');
      const kw = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/.exec(this.text.slice(this.pos, this.pos + 80));
      const line = this.line();
      if (kw) {
        this.pos += kw[0].length;
        args.push({name: kw[1]!, value: this.value(false), line});
      } else {
        args.push({value: this.value(false), line});
      }
      this.skipSpace();
      const c = this.peek();
      if (c === ',') this.pos++;
      else if (c !== ')') this.fail('expected , or )');
    }
  }
}

/** Parses exactly one literal value from `text` (JSON or Python literal syntax). */
export function parseLiteral(text: string, opts: {lineBase?: number} = {}): Lit {
  const p = new LiteralParser(text, opts);
  const v = p.value();
  p.skipSpace();
  if (p.pos < text.length) p.fail('unexpected text after the value');
  return v;
}

/** Plain JS value of a literal (expressions become undefined). */
export function toPlain(lit: Lit): unknown {
  switch (lit.t) {
    case 'str':
    case 'num':
    case 'const':
      return lit.v;
    case 'list':
      return lit.items.map(toPlain);
    case 'dict': {
      const out: Record<string, unknown> = {};
      for (const e of lit.entries) if (e.key.t === 'str') out[e.key.v] = toPlain(e.value);
      return out;
    }
    default:
      return undefined;
  }
}

/** The dict entry for a string key. */
export function dictGet(lit: Lit | undefined, key: string): DictEntry | undefined {
  if (!lit || lit.t !== 'dict') return undefined;
  return lit.entries.find((e) => e.key.t === 'str' && e.key.v === key);
}

export function strOf(lit: Lit | undefined): string | undefined {
  return lit && lit.t === 'str' ? lit.v : undefined;
}
