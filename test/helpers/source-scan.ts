// A small TypeScript source scanner for the architecture test (no parser dependency: the repo's TypeScript is the
// native compiler, which has no JS API). It blanks comments, string/template text and regex literals while keeping
// every offset and line, then finds the relative imports and the function bodies (with their line counts).

/** The source with comments, string contents, template text and regex bodies replaced by spaces (newlines kept). */
export function blankNonCode(src: string): string {
  const out = src.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  /** Template nesting: each entry is the brace depth at which a `${` opened. */
  const templates: number[] = [];
  let depth = 0;
  let i = 0;
  let lastSignificant = '';
  let lastWord = '';
  const n = src.length;
  const scanTemplateText = (start: number): number => {
    // From just after a backtick or a closing `}` of `${`: until the closing backtick or the next `${`.
    let k = start;
    while (k < n) {
      const c = src[k];
      if (c === '\\') k += 2;
      else if (c === '`') {
        blank(start, k);
        return k + 1;
      } else if (c === '$' && src[k + 1] === '{') {
        blank(start, k);
        templates.push(depth);
        depth++;
        return k + 2;
      } else k++;
    }
    blank(start, n);
    return n;
  };
  while (i < n) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      const end = src.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === "'" || c === '"') {
      // A quoted string closes on its line; a lone quote (an apostrophe in JSX text) is plain text.
      let k = i + 1;
      while (k < n && src[k] !== c && src[k] !== '\n') k += src[k] === '\\' ? 2 : 1;
      if (k < n && src[k] === c) {
        blank(i + 1, k);
        i = k + 1;
        lastSignificant = c;
        lastWord = '';
        continue;
      }
      i++;
      continue;
    }
    if (c === '`') {
      i = scanTemplateText(i + 1);
      lastSignificant = '`';
      lastWord = '';
      continue;
    }
    if (c === '/') {
      const regexAllowed =
        lastSignificant === '' ||
        '(,=:[!&|?{};+-*%<>~^'.includes(lastSignificant) ||
        /^(return|typeof|case|in|of|void|yield|await|delete|throw|else)$/.test(lastWord);
      if (regexAllowed) {
        let k = i + 1;
        let inClass = false;
        while (k < n && src[k] !== '\n') {
          const ch = src[k];
          if (ch === '\\') k += 2;
          else if (ch === '[') ((inClass = true), k++);
          else if (ch === ']') ((inClass = false), k++);
          else if (ch === '/' && !inClass) break;
          else k++;
        }
        if (k < n && src[k] === '/') {
          blank(i + 1, k);
          i = k + 1;
          while (i < n && /[a-z]/.test(src[i]!)) i++;
          lastSignificant = '/';
          lastWord = '';
          continue;
        }
      }
    }
    if (c === '{') depth++;
    if (c === '}') {
      depth--;
      if (templates.length && templates[templates.length - 1] === depth) {
        templates.pop();
        i = scanTemplateText(i + 1);
        lastSignificant = '`';
        lastWord = '';
        continue;
      }
    }
    if (/[A-Za-z_$0-9]/.test(c)) {
      let k = i;
      while (k < n && /[A-Za-z_$0-9]/.test(src[k]!)) k++;
      lastWord = src.slice(i, k);
      lastSignificant = 'a';
      i = k;
      continue;
    }
    if (!/\s/.test(c)) {
      lastSignificant = c;
      lastWord = '';
    }
    i++;
  }
  return out.join('');
}

/** Every module specifier the file imports: static imports, `export … from`, side-effect and dynamic imports. */
export function importSpecifiers(src: string): string[] {
  const code = blankNonCode(src);
  const specs: string[] = [];
  const at = (quote: number) => {
    const q = src[quote]!;
    const end = src.indexOf(q, quote + 1);
    if (end > quote) specs.push(src.slice(quote + 1, end));
  };
  for (const re of [
    /^[ \t]*(?:import|export)\b[^;]*?\bfrom\s*(['"])/gm,
    /^[ \t]*import\s*(['"])/gm,
    /\bimport\s*\(\s*(['"])/g,
  ]) {
    for (const m of code.matchAll(re)) at(m.index! + m[0].length - 1);
  }
  return specs;
}

export interface FunctionBody {
  /** 1-based line of the body's `{`. */
  line: number;
  /** Lines from the `{` to the matching `}`, both included. */
  lines: number;
  /** What comes before the body on its line, trimmed (for the message). */
  head: string;
}

const CONTROL = /\b(if|for|while|switch|catch|with)\s*$/;

/** Function, method and arrow-function bodies; throws when the braces do not balance (the scan could not read it). */
export function functionBodies(src: string): FunctionBody[] {
  const code = blankNonCode(src);
  const lineAt: number[] = [];
  let line = 1;
  for (let k = 0; k < code.length; k++) {
    lineAt.push(line);
    if (code[k] === '\n') line++;
  }
  const stack: {pos: number; fn: boolean}[] = [];
  const out: FunctionBody[] = [];
  for (let k = 0; k < code.length; k++) {
    const c = code[k];
    if (c === '{') stack.push({pos: k, fn: opensFunction(code, k)});
    else if (c === '}') {
      const open = stack.pop();
      if (!open) throw new Error(`unbalanced } at line ${lineAt[k]}`);
      if (open.fn) {
        const start = code.lastIndexOf('\n', open.pos) + 1;
        out.push({
          line: lineAt[open.pos]!,
          lines: lineAt[k]! - lineAt[open.pos]! + 1,
          head: src.slice(start, open.pos).trim(),
        });
      }
    }
  }
  if (stack.length) throw new Error(`unbalanced { at line ${lineAt[stack[stack.length - 1]!.pos]}`);
  return out;
}

function opensFunction(code: string, brace: number): boolean {
  const before = code.slice(Math.max(0, brace - 400), brace).replace(/\s+$/, '');
  if (before.endsWith('=>')) return true;
  // `(…) {` or `(…): Type {` (a return type without braces in it).
  const m = /\)\s*(?::\s*[^{};()]*)?$/.exec(before);
  if (!m) return false;
  let close = before.length - m[0].length;
  let depth = 0;
  for (let k = close; k >= 0; k--) {
    if (before[k] === ')') depth++;
    else if (before[k] === '(') {
      depth--;
      if (depth === 0) {
        close = k;
        break;
      }
    }
  }
  return !CONTROL.test(before.slice(0, close));
}
