// Job commands a Python script builds as a list and runs (subprocess.run(cmd)): `cmd = ["hf", "jobs", "run",
// "--flavor", args.hardware, ...]`, then grown in the same block by `cmd += [...]`, `cmd.extend([...])` and
// `cmd.append(x)` (under an `if` or in a `for` loop too: what the script may add counts). A list with another list
// unpacked into it (`[*base, "--flavor", f]`) is not read: its words are unknown. Each command is given to the
// shell reader as one line at the list's line, every other line blank, so that it is judged like the same command
// typed in a shell. Items are passed to hf as they are (no shell): a string's `$HF_TOKEN` stays literal. A value the
// script computes (a name, a call, an f-string's field) is written `{expr}`, as in an f-string: `--hub-model-id
// {args.hub_model_id}`.
import {LiteralParser, type Lit} from '../jobspec/literal.js';
import {pythonCode} from './script-facts.js';

/** A list whose first item is the hf CLI (`["hf", ...`, also the legacy `hfjobs`). */
const LIST_START = /\[\s{0,200}[rRuU]?(["'])(?:hf|hfjobs)\1\s*,/g;

/** Lines read after a list for the statements that grow it, at most, and for all the lists of a text. */
const MAX_GROW_LINES = 200;
const GROW_LINES_BUDGET = 20_000;
/** Characters read by lists that did not parse (an unclosed `["hf",` reads to the end), in all. */
const FAILED_PARSE_BUDGET = 4 * 1024 * 1024;

/** Work left for one text: a file of thousands of lists (or of unclosed ones) is read in bounded time. */
interface Budget {
  growLines: number;
  failedChars: number;
}

/** One item as the word hf would receive, quoted for the shell reader (single quotes: nothing is expanded). */
function word(item: Lit): string {
  let text: string;
  if (item.t === 'str') text = item.v;
  else if (item.t === 'num' || item.t === 'const') text = item.raw;
  else if (item.t === 'expr') text = `{${item.src.replace(/\s+/g, ' ')}}`;
  else text = '{…}';
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Parses the list (or one value, for `append`) at `pos` in `code`; its items and where it ends, or undefined. */
function parseAt(p: LiteralParser, pos: number, one: boolean, budget: Budget): {items: Lit[]; end: number} | undefined {
  p.pos = pos;
  try {
    if (one) return {items: [p.value()], end: p.pos};
    // list(), not value(): a list followed by more code (the next statement) is still the list.
    const lit = p.list();
    if (lit.t === 'list') return {items: lit.items, end: p.pos};
  } catch {
    // Counted below.
  }
  budget.failedChars -= p.pos - pos;
  return undefined;
}

const indentOf = (line: string) => /^[ \t]*/.exec(line)![0].length;

/**
 * The items the statements after a list's assignment add to it (`name += [...]`, `name.extend([...])`,
 * `name.append(x)`), read from the line after `from` while the block goes on (a line indented less than `indent`
 * ends it) and until the name is given another value.
 */
function grownItems(p: LiteralParser, name: string, from: number, indent: number, budget: Budget): Lit[] {
  const code = p.text;
  const items: Lit[] = [];
  // `name += [`, `name = name + [`, `name.extend([`, `name.append(`.
  const grow = new RegExp(`^[ \\t]*${name}\\s*(?:(\\+=|=\\s*${name}\\s*\\+)\\s*|\\.(extend|append)\\s*\\(\\s*)`);
  const reassign = new RegExp(`^[ \\t]*${name}\\s*(?::[^=\\n]*)?=(?!=)`);
  let at = code.indexOf('\n', from);
  for (let n = 0; at !== -1 && n < MAX_GROW_LINES && budget.growLines-- > 0; n++) {
    const start = at + 1;
    const nl = code.indexOf('\n', start);
    const line = code.slice(start, nl === -1 ? code.length : nl);
    at = nl;
    if (!line.trim()) continue;
    if (indentOf(line) < indent) break;
    const m = grow.exec(line);
    if (!m) {
      if (reassign.test(line)) break;
      continue;
    }
    const from = start + m[0].length;
    if (m[2] !== 'append' && code[from] !== '[') {
      // `cmd += extra` / `cmd.extend(extra)`: words we cannot see, as a `*extra` in the list would be.
      items.push({t: 'expr', src: '*', line: p.line(from)});
      continue;
    }
    const parsed = parseAt(p, from, m[2] === 'append', budget);
    if (!parsed) continue;
    items.push(...parsed.items);
    at = code.indexOf('\n', parsed.end);
  }
  return items;
}

/**
 * The text with each hf command built as a Python list written as a shell line at the list's line (other lines
 * blank), or '' when there is none.
 */
export function listCommands(text: string): string {
  // Plain searches first (a twentieth of a regex's time): most Python files name no hf command at all.
  if (!text.includes('"hf"') && !text.includes("'hf'") && !text.includes('hfjobs')) return '';
  const code = pythonCode(text);
  // One parser (and one index of its lines) for the whole text: a file of thousands of lists is read once.
  const p = new LiteralParser(code);
  const budget: Budget = {growLines: GROW_LINES_BUDGET, failedChars: FAILED_PARSE_BUDGET};
  const lines: string[] = [];
  LIST_START.lastIndex = 0;
  for (let m = LIST_START.exec(code); m && budget.failedChars > 0; m = LIST_START.exec(code)) {
    const parsed = parseAt(p, m.index, false, budget);
    if (!parsed) continue;
    // `cmd = [` / `cmd: list[str] = [` (a statement's start, not the middle of a long line): the name to follow.
    // Only the 200 characters before the list are looked at (a long line of lists is not searched back each time).
    const before = code.slice(Math.max(0, m.index - 200), m.index);
    const nl = before.lastIndexOf('\n');
    const assign =
      nl !== -1 || m.index <= 200 ? /^([ \t]*)([A-Za-z_]\w*)\s*(?::[^=\n]*)?=\s*$/.exec(before.slice(nl + 1)) : null;
    const items = assign
      ? [...parsed.items, ...grownItems(p, assign[2]!, parsed.end, assign[1]!.length, budget)]
      : parsed.items;
    // A list unpacked into it (`*extra`) may hold any words, options and secrets included: not read.
    if (items.some((i) => i.t === 'expr' && i.src.startsWith('*'))) {
      LIST_START.lastIndex = parsed.end;
      continue;
    }
    const line = p.line(m.index) - 1;
    lines[line] = (lines[line] ? `${lines[line]} ; ` : '') + items.map(word).join(' ');
    LIST_START.lastIndex = parsed.end;
  }
  if (!lines.length) return '';
  const out = text.split('\n').map(() => '');
  lines.forEach((l, i) => (out[i] = l));
  return out.join('\n');
}
