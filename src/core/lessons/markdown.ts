// Terminal Markdown: turns the lessons' Markdown into styled lines (pure data), then into ANSI text or plain text.
// Covers what the lessons use: headings, paragraphs, lists, block quotes, tables, fenced code with a small
// highlighter (python, sh, json, js), inline code, bold, italic, links (OSC 8 where the terminal supports it).

export type Color = 'cyan' | 'green' | 'yellow' | 'magenta' | 'blue' | 'red' | 'gray';

export interface Style {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  dim?: boolean;
  color?: Color;
  /** Inline or block code. */
  code?: boolean;
  /** A link target: rendered as OSC 8 where supported, else as "text (url)". */
  href?: string;
}

export interface Span {
  text: string;
  style?: Style;
}

export type StyledLine = Span[];

export interface RenderOptions {
  /** Wrap width in columns (default 80, minimum 20). */
  width?: number;
}

// ---------- inline ----------

const INLINE =
  /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|(?<![\w])_([^_\s][^_]*)_(?![\w])|\[([^\]]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s)>\]]*[^\s)>\].,:;!?'"])/g;

/** Inline Markdown to spans. `base` is merged into every span's style. */
export function parseInline(text: string, base: Style = {}): Span[] {
  const out: Span[] = [];
  const push = (t: string, style: Style) => {
    if (t === '') return;
    const merged = {...base, ...style};
    out.push(Object.keys(merged).length ? {text: t, style: merged} : {text: t});
  };
  let last = 0;
  // A fresh regex per call: the bold/italic branches recurse, and a shared lastIndex would restart the outer scan.
  const re = new RegExp(INLINE.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(text.slice(last, m.index), {});
    if (m[2] !== undefined) push(m[2].replace(/^ (.*) $/, '$1'), {code: true, color: 'yellow'});
    else if (m[3] !== undefined || m[4] !== undefined)
      for (const s of parseInline((m[3] ?? m[4])!, {...base, bold: true})) out.push(s);
    else if (m[5] !== undefined || m[6] !== undefined)
      for (const s of parseInline((m[5] ?? m[6])!, {...base, italic: true})) out.push(s);
    else if (m[7] !== undefined) push(m[7], {href: m[8]!, underline: true, color: 'blue'});
    else if (m[9] !== undefined) push(m[9], {href: m[9], underline: true, color: 'blue'});
    last = m.index + m[0].length;
  }
  push(text.slice(last), {});
  return out;
}

export function spansText(spans: Span[]): string {
  return spans.map((s) => s.text).join('');
}

// ---------- code highlighting ----------

const KEYWORDS: Record<string, string[]> = {
  python: [
    'import',
    'from',
    'as',
    'def',
    'return',
    'if',
    'elif',
    'else',
    'not',
    'and',
    'or',
    'in',
    'is',
    'for',
    'while',
    'try',
    'except',
    'raise',
    'with',
    'class',
    'None',
    'True',
    'False',
    'assert',
    'print',
    'pass',
    'lambda',
  ],
  sh: ['export', 'echo', 'if', 'then', 'fi', 'for', 'do', 'done', 'unset', 'hf', 'cd'],
  js: [
    'import',
    'from',
    'const',
    'let',
    'await',
    'async',
    'function',
    'return',
    'if',
    'else',
    'new',
    'export',
    'true',
    'false',
    'null',
    'undefined',
  ],
  json: ['true', 'false', 'null'],
};
const ALIASES: Record<string, string> = {
  py: 'python',
  python: 'python',
  sh: 'sh',
  bash: 'sh',
  shell: 'sh',
  console: 'sh',
  json: 'json',
  js: 'js',
  javascript: 'js',
  ts: 'js',
  typescript: 'js',
};

/** One line of code to spans, coloured by a tiny per-language tokenizer. Unknown languages stay plain. */
export function highlightCode(line: string, language: string): Span[] {
  const lang = ALIASES[language.toLowerCase()];
  const code: Style = {code: true};
  if (!lang) return [{text: line, style: code}];
  const keywords = new Set(KEYWORDS[lang]);
  const comment = lang === 'python' || lang === 'sh' ? /#.*$/y : lang === 'js' ? /\/\/.*$/y : undefined;
  const out: Span[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({text: plain, style: code});
    plain = '';
  };
  const emit = (text: string, color: Color) => {
    flush();
    out.push({text, style: {code: true, color}});
  };
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    if (comment) {
      comment.lastIndex = i;
      const m = comment.exec(line);
      if (m && (i === 0 || /\s/.test(line[i - 1]!) || lang !== 'sh')) {
        emit(m[0], 'gray');
        i = line.length;
        continue;
      }
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      while (j < line.length && line[j] !== ch) j += line[j] === '\\' ? 2 : 1;
      const text = line.slice(i, Math.min(j + 1, line.length));
      // JSON keys (a string followed by a colon) in cyan, values in green.
      const isKey = lang === 'json' && /^\s*:/.test(line.slice(j + 1));
      emit(text, isKey ? 'cyan' : 'green');
      i = j + 1;
      continue;
    }
    const word = /[A-Za-z_][\w]*/y;
    word.lastIndex = i;
    const w = word.exec(line);
    if (w && (i === 0 || !/[\w-]/.test(line[i - 1]!))) {
      if (keywords.has(w[0])) emit(w[0], 'magenta');
      else plain += w[0];
      i += w[0].length;
      continue;
    }
    if (lang === 'sh' && ch === '-' && (i === 0 || /\s/.test(line[i - 1]!))) {
      const flag = /--?[A-Za-z][\w-]*/y;
      flag.lastIndex = i;
      const f = flag.exec(line);
      if (f) {
        emit(f[0], 'cyan');
        i += f[0].length;
        continue;
      }
    }
    const num = /\d+(\.\d+)?/y;
    num.lastIndex = i;
    const n = num.exec(line);
    if (n && (i === 0 || !/[\w.]/.test(line[i - 1]!))) {
      emit(n[0], 'yellow');
      i += n[0].length;
      continue;
    }
    plain += ch;
    i++;
  }
  flush();
  return out.length ? out : [{text: '', style: code}];
}

// ---------- wrapping ----------

/** Wraps spans to `width` columns at spaces, keeping styles; `indent` prefixes continuation lines. */
export function wrapSpans(
  spans: Span[],
  width: number,
  firstPrefix: Span[] = [],
  nextPrefix: Span[] = firstPrefix,
): StyledLine[] {
  const lines: StyledLine[] = [];
  let line: Span[] = [...firstPrefix];
  let col = spansText(firstPrefix).length;
  const words: Span[] = [];
  for (const s of spans) {
    for (const part of s.text.split(/(\s+)/))
      if (part !== '') words.push(s.style ? {text: part, style: s.style} : {text: part});
  }
  const pushSpan = (s: Span) => {
    const prev = line[line.length - 1];
    if (prev && prev.style === s.style) line[line.length - 1] = {...prev, text: prev.text + s.text};
    else line.push(s);
    col += s.text.length;
  };
  for (const w of words) {
    const space = /^\s+$/.test(w.text);
    if (space) {
      if (col > spansText(nextPrefix).length && col < width) pushSpan({...w, text: ' '});
      continue;
    }
    if (col + w.text.length > width && col > spansText(nextPrefix).length) {
      const last = line[line.length - 1];
      if (last && /\s$/.test(last.text)) line[line.length - 1] = {...last, text: last.text.replace(/\s+$/, '')};
      lines.push(line);
      line = [...nextPrefix];
      col = spansText(nextPrefix).length;
    }
    pushSpan(w);
  }
  const last = line[line.length - 1];
  if (last && /\s$/.test(last.text)) line[line.length - 1] = {...last, text: last.text.replace(/\s+$/, '')};
  lines.push(line);
  return lines;
}

// ---------- blocks ----------

function splitRow(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));
}

function renderTable(rows: string[], width: number): StyledLine[] {
  const header = splitRow(rows[0]!);
  const body = rows.slice(2).map(splitRow);
  const cells = [header, ...body].map((r) => header.map((_, i) => parseInline(r[i] ?? '')));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => spansText(r[i]!).length)));
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1) + 2;
  const out: StyledLine[] = [];
  if (total <= width) {
    cells.forEach((row, r) => {
      const line: Span[] = [{text: '  '}];
      row.forEach((cell, i) => {
        const style: Style | undefined = r === 0 ? {bold: true} : undefined;
        for (const s of cell) line.push(style ? {text: s.text, style: {...s.style, ...style}} : s);
        if (i < row.length - 1) line.push({text: ' '.repeat(widths[i]! - spansText(cell).length + 2)});
      });
      out.push(line);
      if (r === 0) out.push([{text: '  ' + widths.map((w) => '─'.repeat(w)).join('  '), style: {dim: true}}]);
    });
    return out;
  }
  // Too wide: one block per row, "header: value" lines.
  for (const row of cells.slice(1)) {
    row.forEach((cell, i) => {
      const label: Span = {text: `${spansText(cells[0]![i]!)}: `, style: {bold: true}};
      out.push(...wrapSpans(cell, width, [{text: i === 0 ? '  • ' : '    '}, label], [{text: '      '}]));
    });
  }
  return out;
}

/** Markdown to styled lines. Blank lines separate blocks. */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): StyledLine[] {
  const width = Math.max(20, options.width ?? 80);
  const src = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: StyledLine[] = [];
  const blank = () => {
    if (out.length && out[out.length - 1]!.length) out.push([]);
  };
  let i = 0;
  while (i < src.length) {
    const line = src[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = /^(\s*)(```|~~~)\s*([\w+-]*)/.exec(line);
    if (fence) {
      const lang = fence[3] ?? '';
      const body: string[] = [];
      i++;
      while (i < src.length && !src[i]!.trimStart().startsWith(fence[2]!)) body.push(src[i++]!);
      i++;
      blank();
      for (const l of body) out.push([{text: '  │ ', style: {dim: true}}, ...highlightCode(l, lang)]);
      out.push([]);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*$/.exec(line);
    if (heading) {
      blank();
      const level = heading[1]!.length;
      const style: Style =
        level === 1
          ? {bold: true, color: 'cyan', underline: true}
          : level === 2
            ? {bold: true, color: 'cyan'}
            : {bold: true};
      out.push(...wrapSpans(parseInline(heading[2]!, style), width));
      out.push([]);
      i++;
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      blank();
      out.push([{text: '─'.repeat(Math.min(width, 60)), style: {dim: true}}], []);
      i++;
      continue;
    }
    if (/^\s*\|/.test(line) && i + 1 < src.length && /^\s*\|?\s*:?-{2,}/.test(src[i + 1]!)) {
      const rows: string[] = [];
      while (i < src.length && /^\s*\|/.test(src[i]!)) rows.push(src[i++]!);
      blank();
      out.push(...renderTable(rows, width), []);
      continue;
    }
    if (/^\s*>/.test(line)) {
      const text: string[] = [];
      while (i < src.length && /^\s*>/.test(src[i]!)) text.push(src[i++]!.replace(/^\s*>\s?/, ''));
      blank();
      const bar: Span = {text: '  ┃ ', style: {color: 'gray'}};
      out.push(...wrapSpans(parseInline(text.join(' '), {italic: true}), width, [bar]), []);
      continue;
    }
    const item = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      blank();
      while (i < src.length) {
        const m = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/.exec(src[i]!);
        if (!m) break;
        const depth = Math.min(3, Math.floor(m[1]!.length / 2));
        let text = m[3]!;
        i++;
        // Continuation lines: indented, not a new item, not blank.
        while (i < src.length && /^\s{2,}\S/.test(src[i]!) && !/^\s*([-*+]|\d+[.)])\s+/.test(src[i]!))
          text += ' ' + src[i++]!.trim();
        const indent = '  ' + '  '.repeat(depth);
        const bullet = /\d/.test(m[2]!) ? `${m[2]!.replace(')', '.')} ` : '• ';
        out.push(
          ...wrapSpans(
            parseInline(text),
            width,
            [{text: indent}, {text: bullet, style: {color: 'cyan'}}],
            [{text: indent + ' '.repeat(bullet.length)}],
          ),
        );
      }
      out.push([]);
      continue;
    }
    // Paragraph: consecutive lines up to a blank line or another block.
    const para: string[] = [];
    while (
      i < src.length &&
      src[i]!.trim() !== '' &&
      !/^(#{1,6}\s|\s*(```|~~~)|\s*>|\s*([-*+]|\d+[.)])\s+|\s*\|)/.test(src[i]!)
    )
      para.push(src[i++]!.trim());
    if (para.length === 0) para.push(src[i++]!.trim());
    blank();
    out.push(...wrapSpans(parseInline(para.join(' ')), width), []);
  }
  while (out.length && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

// ---------- output ----------

const SGR: Record<Color, number> = {red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90};

export interface AnsiOptions {
  color: boolean;
  /** Emit OSC 8 hyperlinks (only when color is on too). */
  hyperlinks: boolean;
}

function spanToAnsi(s: Span, o: AnsiOptions): string {
  const st = s.style ?? {};
  let text = s.text;
  if (st.href && (!o.color || !o.hyperlinks) && st.href !== s.text) text = `${text} (${st.href})`;
  if (!o.color) return text;
  const codes: number[] = [];
  if (st.bold) codes.push(1);
  if (st.dim) codes.push(2);
  if (st.italic) codes.push(3);
  if (st.underline) codes.push(4);
  if (st.color) codes.push(SGR[st.color]);
  let out = codes.length ? `\x1b[${codes.join(';')}m${text}\x1b[0m` : text;
  if (st.href && o.hyperlinks) out = `\x1b]8;;${st.href}\x1b\\${out}\x1b]8;;\x1b\\`;
  return out;
}

export function lineToAnsi(line: StyledLine, options: AnsiOptions): string {
  return line.map((s) => spanToAnsi(s, options)).join('');
}

export function linesToAnsi(lines: StyledLine[], options: AnsiOptions): string {
  return lines.map((l) => lineToAnsi(l, options)).join('\n');
}

/** Plain text, links as "text (url)". */
export function linesToPlain(lines: StyledLine[]): string {
  return linesToAnsi(lines, {color: false, hyperlinks: false});
}

/** Whether the terminal shows OSC 8 links (known terminals only; FORCE_HYPERLINK=1/0 overrides). */
export function supportsHyperlinks(env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
  if (env.FORCE_HYPERLINK !== undefined) return env.FORCE_HYPERLINK !== '0' && env.FORCE_HYPERLINK !== 'false';
  if (!isTTY || env.CI || env.TERM === 'dumb') return false;
  if (env.TERM_PROGRAM && ['iTerm.app', 'WezTerm', 'vscode', 'ghostty', 'Hyper'].includes(env.TERM_PROGRAM))
    return true;
  if (env.WT_SESSION || env.KITTY_WINDOW_ID || env.VTE_VERSION || env.KONSOLE_VERSION) return true;
  return /^(xterm-kitty|alacritty|foot|wezterm|xterm-ghostty)/.test(env.TERM ?? '');
}

/** Whether to colour output (NO_COLOR wins, FORCE_COLOR=0 turns it off). */
export function supportsColor(env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(isTTY) && env.TERM !== 'dumb';
}
