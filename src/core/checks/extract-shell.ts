// `hf jobs run | uv run | scheduled ...` command lines (and the legacy `hfjobs run`), and `--token hf_...` on any
// command line; also such commands shown inside other files (Python docstrings, usage strings, comments, YAML steps).
// Read as hf reads them: its own options count before `--` even after the script or image (click parses options
// interspersed), a command built in a bash array (`hf jobs uv run "${args[@]}"`) is read with the array's words,
// and `>>> ` console prompts continue on `... ` lines.
import {findTokenLike} from '../jobspec/placeholder.js';
import {
  argsHubWrite,
  newSubmission,
  runModule,
  type Entry,
  type Submission,
  type TokenHit,
  type TokenValue,
} from './types.js';

export interface Word {
  text: string;
  /** `$` appeared inside single quotes: the shell passes it on literally. */
  literalDollar: boolean;
  /** `$VAR` unquoted or in double quotes: the shell replaces it. */
  expanded: boolean;
  op?: boolean;
}

/** The index just after the `$(…)` or backquoted substitution that starts at `from` (quotes and nesting counted). */
function substitutionEnd(line: string, from: number): number {
  if (line[from] === '`') {
    const close = line.indexOf('`', from + 1);
    return close === -1 ? line.length : close + 1;
  }
  let depth = 0;
  let quote = '';
  for (let i = from + 1; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return line.length;
}

/** A run of characters that stand for themselves outside quotes (no quote, `$`, backslash, blank or operator). */
const PLAIN_RUN = /[^ \t'"\\`$;|&]+/y;
/** A run of characters that stand for themselves inside double quotes. */
const DQ_RUN = /[^"\\$]+/y;

/**
 * Splits one logical command line into words and operators (`;`, `&&`, `|`, ...), remembering quoting. Runs of plain
 * characters are taken a slice at a time (a native search), not a character at a time: this runs for every command
 * line of every file checked, in code that stays cold (see tuneForOneScan).
 */
export function shellWords(line: string): Word[] {
  const words: Word[] = [];
  let cur: Word | undefined;
  const start = () => (cur ??= {text: '', literalDollar: false, expanded: false});
  const end = () => {
    if (cur) words.push(cur);
    cur = undefined;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const w = start();
      const close = line.indexOf("'", i + 1);
      const body = close === -1 ? line.slice(i + 1) : line.slice(i + 1, close);
      if (body.includes('$')) w.literalDollar = true;
      w.text += body;
      i = close === -1 ? line.length : close;
    } else if (c === '"') {
      const w = start();
      i++;
      while (i < line.length && line[i] !== '"') {
        DQ_RUN.lastIndex = i;
        const run = DQ_RUN.exec(line);
        if (run) {
          w.text += run[0];
          i += run[0].length;
          continue;
        }
        if (line[i] === '\\' && i + 1 < line.length) {
          w.text += line[i + 1];
          i += 2;
          continue;
        }
        if (line[i] === '$') w.expanded = true;
        w.text += line[i];
        i++;
      }
    } else if ((c === '$' && line[i + 1] === '(') || c === '`') {
      // `$(…)` / `…`: a command substitution is one value the shell fills in (its spaces and `;` do not split).
      const w = start();
      const end = substitutionEnd(line, i);
      w.text += line.slice(i, end);
      w.expanded = true;
      i = end - 1;
    } else if (c === '\\' && i + 1 < line.length) {
      start().text += line[++i];
    } else if (c === '#' && !cur) {
      break;
    } else if (c === ' ' || c === '\t') {
      end();
    } else if (c === ';' || c === '|' || c === '&') {
      end();
      const two = line.slice(i, i + 2);
      const op = two === '&&' || two === '||' ? two : c;
      words.push({text: op, literalDollar: false, expanded: false, op: true});
      i += op.length - 1;
    } else if (c === '$') {
      const w = start();
      w.expanded = true;
      w.text += c;
    } else {
      // Plain characters up to the next one that means something to the shell (a `#` inside a word is plain; so is
      // a backslash that ends the line).
      PLAIN_RUN.lastIndex = i;
      const run = PLAIN_RUN.exec(line)?.[0] ?? c;
      start().text += run;
      i += run.length - 1;
    }
  }
  end();
  return words;
}

/** Logical lines: backslash-newline joined, `$ ` / `> ` prompts removed; each with its first physical line number. */
export function logicalLines(text: string, lineBase = 1): {text: string; line: number}[] {
  const physical = text.split('\n');
  const out: {text: string; line: number}[] = [];
  for (let i = 0; i < physical.length; i++) {
    const first = i;
    let acc = physical[i]!;
    if (acc.endsWith('\r')) acc = acc.slice(0, -1);
    // A `>>> ` prompt (as in the Hub's docs) continues on `... ` lines.
    const lead = acc.trimStart().charCodeAt(0);
    const prompt = lead === 36 || lead === 37 || lead === 62 || lead === 80; // $ % > P
    const console = prompt && /^\s*>>>\s/.test(acc);
    // Parts joined once (see logicalLineAt).
    let parts: string[] | undefined;
    let last = acc;
    while (last.endsWith('\\') && i + 1 < physical.length) {
      const next = physical[++i]!.replace(/\r$/, '');
      (parts ??= []).push(last.slice(0, -1));
      last = console ? next.replace(/^\s*\.\.\.(?=\s)/, '') : next;
    }
    // As the shell reads it: backslash-newline removed, nothing put in its place (`hf_abc\` then `def` is one word,
    // `hf_abcdef`, not the two that a space made: a token continued over two lines read as a cut-off one).
    if (parts) acc = [...parts, last].join('');
    if (prompt) acc = acc.replace(/^\s*(?:[$%>]|PS>|>>>)\s+/, '');
    out.push({text: acc, line: first + lineBase});
  }
  return out;
}

/** Options of `hf jobs run|uv run` that hf reads wherever they appear before `--` (click parses them interspersed). */
const HF_JOB_OPTS = new Set([
  '-e',
  '--env',
  '-s',
  '--secrets',
  '--env-file',
  '--secrets-file',
  '--flavor',
  '--timeout',
  '--namespace',
  '--image',
  '--with',
  '--python',
  '-l',
  '--label',
  '-v',
  '--volume',
  '-d',
  '--detach',
]);

const KEYWORD = /\bhf\b|hfjobs|huggingface-cli|--token|HF_TOKEN/g;

/** One logical line (continuations joined, prompt taken off) starting at `start`; `end` is where it stops. */
function logicalLineAt(text: string, start: number): {text: string; end: number} {
  let end = text.indexOf('\n', start);
  if (end === -1) end = text.length;
  let acc = text.slice(start, end);
  if (acc.endsWith('\r')) acc = acc.slice(0, -1);
  const lead = acc.trimStart().charCodeAt(0);
  const prompt = lead === 36 || lead === 37 || lead === 62 || lead === 80; // $ % > P
  const console = prompt && /^\s*>>>\s/.test(acc);
  // Parts joined once at the end: `acc.slice(0, -1) + next` a line copied the whole line each time (quadratic: a file
  // of 5,000 continued lines took 14 s, 10,000 over 100 s).
  let parts: string[] | undefined;
  let last = acc;
  while (last.endsWith('\\') && end < text.length) {
    const from = end + 1;
    end = text.indexOf('\n', from);
    if (end === -1) end = text.length;
    const next = text.slice(from, end).replace(/\r$/, '');
    (parts ??= []).push(last.slice(0, -1));
    last = console ? next.replace(/^\s*\.\.\.(?=\s)/, '') : next;
  }
  // As the shell reads it: backslash-newline removed, nothing put in its place (`hf_abc\` then `def` is one word,
  // `hf_abcdef`, not the two that a space made: a token continued over two lines read as a cut-off one).
  if (parts) acc = [...parts, last].join('');
  if (prompt) acc = acc.replace(/^\s*(?:[$%>]|PS>|>>>)\s+/, '');
  return {text: acc, end};
}

/**
 * The logical lines (as logicalLines gives them) that hold a word extractShell looks for, found from the words'
 * positions: most lines of a long file are never split out or joined.
 */
export function keywordLines(text: string, lineBase = 1): {text: string; line: number}[] {
  const out: {text: string; line: number}[] = [];
  let counted = 0;
  let line = lineBase;
  let covered = 0;
  KEYWORD.lastIndex = 0;
  for (let m = KEYWORD.exec(text); m; m = KEYWORD.exec(text)) {
    if (m.index < covered) continue;
    // Back to the start of the logical line: over physical lines that the one before continues with a backslash.
    let start = text.lastIndexOf('\n', m.index - 1) + 1;
    while (start > covered) {
      let e = start - 1;
      if (e > 0 && text[e - 1] === '\r') e--;
      if (text[e - 1] !== '\\') break;
      start = text.lastIndexOf('\n', start - 2) + 1;
    }
    for (let i = text.indexOf('\n', counted); i !== -1 && i < start; i = text.indexOf('\n', i + 1)) line++;
    counted = start;
    const logical = logicalLineAt(text, start);
    out.push({text: logical.text, line});
    covered = logical.end + 1;
    KEYWORD.lastIndex = Math.max(KEYWORD.lastIndex, covered);
  }
  return out;
}

const VALUE_OPTS = new Set([
  '--with-services',
  '--services-timeout',
  '-e',
  '--env',
  '-s',
  '--secrets',
  '--env-file',
  '--secrets-file',
  '--flavor',
  '--timeout',
  '--namespace',
  '--token',
  '--image',
  '--with',
  '-p',
  '--python',
  '--name',
  '-l',
  '--label',
  '-v',
  '--volume',
  '--expose',
  '--resource-group-id',
  '--arch',
  '--format',
]);

export interface ShellScan {
  submissions: Submission[];
  argvTokens: TokenHit[];
  tokenValues: TokenValue[];
  /** `--secrets-file` paths to read, per submission index. */
  files: {submission: number; kind: 'secrets' | 'env'; path: string}[];
}

function entryFrom(word: Word, line: number): Entry {
  const eq = word.text.indexOf('=');
  if (eq === -1) return {key: word.text, source: 'bare', line};
  const key = word.text.slice(0, eq);
  const value = word.text.slice(eq + 1);
  if (word.expanded && !word.literalDollar) return {key, source: 'shell-expanded', value, line};
  return {key, source: 'literal', value, line};
}

/**
 * Bash arrays a script builds its command in (`args=(--flavor x --secrets HF_TOKEN)`, over several lines, and
 * `args+=(…)`), so that `hf jobs uv run "${args[@]}"` is read with its words.
 */
export function shellArrays(text: string): Map<string, Word[]> {
  const arrays = new Map<string, Word[]>();
  if (!text.includes('=(')) return arrays;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(?:local\s+|declare\s+-a\s+)?([A-Za-z_]\w*)(\+?)=\((.*)$/.exec(lines[i]!);
    if (!m) continue;
    let body = m[3]!;
    while (!/\)\s*(?:#.*)?$/.test(body) && i + 1 < lines.length) body += '\n' + lines[++i]!;
    body = body.replace(/\)\s*(?:#.*)?$/, '');
    const words = body.split('\n').flatMap((l) => shellWords(l.replace(/\\$/, '')));
    arrays.set(m[1]!, m[2] ? [...(arrays.get(m[1]!) ?? []), ...words] : words);
  }
  return arrays;
}

/** `HF_TOKEN=VALUE` (or the old name) as one word, `export` before it or not. */
const TOKEN_ASSIGN = /^(?:export\s+)?(HF_TOKEN|HUGGING_FACE_HUB_TOKEN)=(.*)$/;

export function extractShell(text: string, file: string, lineBase = 1): ShellScan {
  const scan: ShellScan = {submissions: [], argvTokens: [], tokenValues: [], files: []};
  // keywordLines finds the lines in one pass (there is no need to ask first whether there are any).
  const lines = keywordLines(text, lineBase);
  if (!lines.length) return scan;
  const arrays = shellArrays(text);
  let vars: Map<string, string> | undefined;
  for (const {text: lineText, line} of lines) {
    if (!/\bhf\b|hfjobs|huggingface-cli|--token|HF_TOKEN/.test(lineText)) continue;
    let words = shellWords(lineText);
    if (arrays.size) words = words.flatMap((w) => arrays.get(/^\$\{(\w+)\[[@*]\]\}$/.exec(w.text)?.[1] ?? '') ?? [w]);
    // --token VALUE anywhere, and HF_TOKEN=VALUE assignments.
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      let value: Word | undefined;
      if (w.text === '--token' && words[i + 1] && !words[i + 1]!.op) value = words[i + 1];
      else if (w.text.startsWith('--token=')) value = {...w, text: w.text.slice('--token='.length)};
      if (value && !value.expanded) {
        for (const hit of findTokenLike(value.text)) scan.argvTokens.push({file, line, token: hit.token});
        if (/^(hf_|api_org_)/.test(value.text))
          scan.tokenValues.push({file, line, value: value.text, where: '--token'});
      }
      const assign = w.text.includes('TOKEN=') ? TOKEN_ASSIGN.exec(w.text) : null;
      if (assign && !w.expanded && assign[2] && /^[A-Za-z0-9_.<>…-]+$/.test(assign[2]))
        scan.tokenValues.push({file, line, value: assign[2], where: `${assign[1]}=`});
    }
    // Each submission reads the words after it to the line's end: a line of thousands of `hf jobs run` (a hostile or
    // generated file; 5,000 continued lines took 10 s) is read for its first MAX_SUBMISSIONS_PER_LINE only.
    let onThisLine = 0;
    for (let i = 0; i + 1 < words.length && onThisLine < MAX_SUBMISSIONS_PER_LINE; i++) {
      const cli = words[i]!.text;
      let j: number;
      let tool = 'hf jobs';
      const isHf = cli === 'hf' || cli.endsWith('/hf') || cli === 'huggingface-cli';
      if (isHf && words[i + 1]!.text === 'jobs') j = i + 2;
      else if (isHf && words[i + 1]!.text === 'jobs-services') {
        // The hf jobs-services extension (lhoestq/hf-jobs-services): `run` starts a uv script as a Job alongside
        // its service Jobs, with hf jobs's -e/-s/--flavor/--timeout/-v options.
        j = i + 2;
        tool = 'hf jobs-services';
      } else if (cli === 'hfjobs' || cli.endsWith('/hfjobs')) {
        // The legacy `hfjobs` CLI (before `hf jobs`): same -e/-s/--flavor/--timeout flags.
        j = i + 1;
        tool = 'hfjobs';
      } else continue;
      let scheduled = false;
      if (words[j]?.text === 'scheduled') {
        scheduled = true;
        j++;
      }
      let operation: 'uv' | 'run';
      if (tool === 'hf jobs-services' && words[j]?.text === 'run') {
        operation = 'uv';
        j += 1;
      } else if (words[j]?.text === 'uv' && words[j + 1]?.text === 'run') {
        operation = 'uv';
        j += 2;
      } else if (words[j]?.text === 'run') {
        operation = 'run';
        j += 1;
      } else continue;
      const api =
        tool === 'hf jobs-services'
          ? `${tool} run`
          : `${tool} ${scheduled ? 'scheduled ' : ''}${operation === 'uv' ? 'uv run' : 'run'}`;
      const sub = newSubmission('cli', api, operation, file, line);
      const index = scan.submissions.length;
      const positionals: string[] = [];
      let optionsDone = false;
      const lastWord = Math.min(words.length, j + MAX_WORDS_PER_SUBMISSION);
      for (; j < lastWord && !words[j]!.op; j++) {
        const w = words[j]!;
        if (!optionsDone && w.text === '--') {
          optionsDone = true;
          continue;
        }
        // Options come before the script (or image); a schedule comes first and options may follow it. `hf` (click)
        // also reads its own options after the script or image, up to `--` (`hf jobs uv run train.py --flavor
        // a10g-small --secrets HF_TOKEN` passes the secret); other options there are the script's. The legacy
        // `hfjobs` (argparse) hands everything after the image to the command.
        const eqAt = w.text.indexOf('=');
        const optName = w.text.startsWith('--') && eqAt !== -1 ? w.text.slice(0, eqAt) : w.text;
        const beforeTarget = positionals.length < (scheduled ? 2 : 1);
        if (
          !optionsDone &&
          w.text.startsWith('-') &&
          (beforeTarget || (tool !== 'hfjobs' && HF_JOB_OPTS.has(optName)))
        ) {
          let name = w.text;
          let value: Word | undefined;
          const eq = eqAt;
          if (w.text.startsWith('--') && eq !== -1) {
            name = w.text.slice(0, eq);
            value = {...w, text: w.text.slice(eq + 1)};
          } else if (VALUE_OPTS.has(name)) {
            value = words[j + 1] && !words[j + 1]!.op ? words[++j] : undefined;
          }
          if (!value) continue;
          switch (name) {
            case '-s':
            case '--secrets':
              sub.secrets.push(entryFrom(value, line));
              break;
            case '-e':
            case '--env':
              sub.env.push(entryFrom(value, line));
              break;
            case '--secrets-file':
              scan.files.push({submission: index, kind: 'secrets', path: value.text});
              sub.secretsOpaque = true;
              break;
            case '--env-file':
              scan.files.push({submission: index, kind: 'env', path: value.text});
              sub.envOpaque = true;
              break;
            // A Python format field (`--flavor {flavor}` in a printed f-string, a list's computed item) is filled
            // in by the script: like a shell variable, its value is unknown here.
            case '--flavor':
              if (!FORMAT_FIELD.test(value.text)) sub.flavor = {value: value.text, line};
              break;
            case '--timeout':
              if (!value.expanded && !FORMAT_FIELD.test(value.text)) sub.timeout = {value: value.text, line};
              break;
            case '--namespace':
              if (!value.expanded && !FORMAT_FIELD.test(value.text)) sub.namespace = {value: value.text, line};
              break;
            case '-v':
            case '--volume':
              if (value.text.startsWith('hf://')) sub.hubVolume = {value: value.text, line};
              break;
          }
          continue;
        }
        positionals.push(w.text);
      }
      // Scheduled commands take the schedule first.
      setTarget(
        sub,
        operation,
        scheduled ? positionals.slice(1) : positionals,
        line,
        () => (vars ??= shellPathVars(text)),
      );
      scan.submissions.push(sub);
      onThisLine++;
    }
  }
  return scan;
}

/**
 * What the words after the options say: a uv job's script (a `"$SCRIPT"` the file set to a path is that path, see
 * shellPathVars), a Docker job's `python -m` module, and what its arguments say it writes to the Hub.
 */
function setTarget(
  sub: Submission,
  operation: 'uv' | 'run',
  rest: string[],
  line: number,
  pathVars: () => Map<string, string>,
): void {
  if (operation === 'uv' && rest[0] !== undefined) {
    const variable = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(rest[0]);
    const path = variable ? pathVars().get(variable[1]!) : undefined;
    sub.script = {value: path ?? rest[0], line, literal: true};
  } else if (operation === 'run') {
    const module = runModule(rest.slice(1).join(' '));
    if (module) sub.module = {value: module, line};
  }
  const writes = argsHubWrite(rest.slice(1).join(' '));
  if (writes) sub.argsWrite = {value: writes, line};
}

/** `ROOT="$(cd "$(dirname "$0")/../.." && pwd)"`: the folder at that path from the shell file's own folder. */
const OWN_DIR =
  /^\$\(\s*cd\s+"?\$\(\s*dirname\s+"?\$(?:0|\{?BASH_SOURCE(?:\[0\])?\}?)"?\s*\)"?((?:\/[\w.-]+)*)\/?"?\s*(?:&&|;)\s*pwd(?:\s+-P)?\s*\)$/;

/**
 * Variables a shell file sets to a script's path, as the path from the file's folder or as written: `SCRIPT=train.py`,
 * `SCRIPT="$ROOT/train/scripts/x.py"` with `ROOT="$(cd "$(dirname "$0")/../.." && pwd)"` (the launcher idiom: from
 * train/remote/submit.sh that is `../../train/scripts/x.py`). A value with anything else the shell computes (another
 * command substitution, a variable not set in the file) is not a known path. The last assignment in the file wins.
 */
export function shellPathVars(text: string): Map<string, string> {
  const raw = new Map<string, string>();
  // Greedy to the line's end, blanks trimmed after (a lazy match before trailing blanks is quadratic on a long line).
  for (const m of text.matchAll(/^[ \t]*(?:export[ \t]+|local[ \t]+|readonly[ \t]+)?([A-Za-z_]\w*)=(\S.*)$/gm)) {
    let value = m[2]!.trimEnd();
    const comment = value.search(/[ \t]#/);
    if (comment !== -1) value = value.slice(0, comment).trimEnd();
    if (/^"[^]*"$|^'[^']*'$/.test(value)) value = value.slice(1, -1);
    raw.set(m[1]!, value);
  }
  const resolved = new Map<string, string | undefined>();
  const resolve = (name: string, depth: number): string | undefined => {
    if (resolved.has(name)) return resolved.get(name);
    const value = raw.get(name);
    let out: string | undefined;
    if (value !== undefined && depth < 4) {
      const own = OWN_DIR.exec(value);
      if (own) out = own[1] ? own[1].slice(1) : '.';
      else if (!/[`(]|\$\(/.test(value)) {
        let ok = true;
        out = value.replace(/\$\{?([A-Za-z_]\w*)\}?/g, (_, v: string) => {
          const sub = resolve(v, depth + 1);
          if (sub === undefined) ok = false;
          return sub ?? '';
        });
        if (!ok || /[$'"\s]/.test(out)) out = undefined;
      }
    }
    resolved.set(name, out);
    return out;
  };
  const paths = new Map<string, string>();
  for (const name of raw.keys()) {
    const value = resolve(name, 0);
    if (value && /\.py$/i.test(value)) paths.set(name, value.replace(/^\.\//, ''));
  }
  return paths;
}

/** A Python format field in a word (`{flavor}`, `{args.timeout}`): a value the script fills in. */
const FORMAT_FIELD = /\{[^{}]*\}/;

/** Far more than one command line holds (a job that itself runs `hf jobs run` is 2). */
const MAX_SUBMISSIONS_PER_LINE = 64;
/** Far more words than a real `hf jobs run` line has (dozens); the rest of a longer one is not read. */
const MAX_WORDS_PER_SUBMISSION = 4096;

/** A dotenv file as `hf --secrets-file` reads it: KEY=VALUE, `export`, quotes, comments, bare KEY; no $VAR expansion. */
export function parseDotenv(text: string, lineBase = 1): Entry[] {
  const out: Entry[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw || raw.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(?:=\s*(.*))?$/.exec(raw);
    if (!m) continue;
    if (m[2] === undefined) {
      out.push({key: m[1]!, source: 'bare', line: i + lineBase});
      continue;
    }
    let v = m[2].trim();
    if (/^(["']).*\1$/.test(v)) v = v.slice(1, -1);
    else v = v.replace(/\s+#.*$/, '');
    out.push({key: m[1]!, source: 'literal', value: v, line: i + lineBase});
  }
  return out;
}

const EMBEDDED_COMMAND =
  /(?:^|[^\w/.-])((?:[\w./-]*\/)?(?:hf|huggingface-cli)\s+jobs(?:-services)?\s|(?:[\w./-]*\/)?hfjobs\s+(?:run|uv)\b)/;

/** A line holding only the opening or closing of a call (`print(`, `)`, `),`) around a string of a shown command. */
const CALL_PUNCTUATION = /^\s*(?:[\w.]+\s*\(|\)\s*[,;]?)\s*$/;

/** A continuation line of a command shown in a string or comment: `# `, `print("`, quotes and `\\n` taken off. */
function cleanEmbedded(line: string, inQuote: string): string {
  let t = line.replace(/\r$/, '');
  let quote = inQuote;
  const lead = /^\s*(?:#+\s?|\/\/\s?|(print\s*\(\s*|[\w.]+\s*\+?=\s*|\+\s*)?[rRfFbBuU]{0,2}(["']))/.exec(t);
  // A line of a command shown outside any string (a docstring, a comment) that starts with a quoted word
  // (`"https://…/x.py" \\`) holds a shell-quoted argument, not a Python string: its quote closes before more of
  // the command. Only a quote that closes at the line's end (`"  --flavor x"`, `"…",`) opens a string piece.
  const close = lead?.[2] !== undefined && !lead[1] && !inQuote ? t.indexOf(lead[2], lead[0].length) : -1;
  const shellQuoted = close !== -1 && !/^\s*[),;+]*\s*(?:#.*)?$/.test(t.slice(close + 1));
  if (lead && !shellQuoted) {
    if (lead[2]) quote = lead[2];
    t = t.slice(lead[0].length);
  }
  if (quote) {
    const end = new RegExp(`(?:\\\\n)?${quote === '"' ? '"' : "'"}\\s*[),;+]*\\s*(?:#.*)?$`);
    t = t.replace(end, '');
  }
  // `\\` at the end of a line in a (non-raw) Python string is one backslash: the command continues.
  return t.replace(/\\\\\s*$/, '\\').replace(/\s+$/, '');
}

/**
 * Commands shown inside another file (a Python docstring or usage string, a comment, inline Markdown code, a notebook
 * `!hf jobs` line): the same text with only those command lines kept (cleaned), every other line blank, so
 * extractShell reads them at their own line numbers. A command the reader will copy is a submission like any other.
 */
/** What embeddedCommands needs to find in a text before looking at its lines (scanMarkdown tests it too). */
export const SHOWN_COMMAND_HINT = /\b(?:hf|huggingface-cli)\s+jobs(?:-services)?\s|hfjobs\s/;

export function embeddedCommands(text: string): string {
  // Both of the hint's forms hold `jobs`: a native substring search rules out most texts before the regex runs.
  if (!text.includes('jobs') || !SHOWN_COMMAND_HINT.test(text)) return '';
  const lines = text.split('\n');
  const out = lines.map(() => '');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const m = EMBEDDED_COMMAND.exec(raw);
    if (!m) continue;
    const at = m.index + m[0].length - m[1]!.length;
    const prefix = raw.slice(0, at);
    let cmd = raw.slice(at);
    let quote = '';
    if ((prefix.match(/`/g)?.length ?? 0) % 2 === 1) {
      const close = cmd.indexOf('`');
      if (close !== -1) cmd = cmd.slice(0, close);
    } else {
      // Inside a string literal on this line: the quote before the command closes it.
      const q = /([\"'])[^"']*$/.exec(prefix);
      if (q && !/^\s*#/.test(prefix)) quote = q[1]!;
    }
    out[i] = cleanEmbedded(cmd, quote);
    let last = i;
    while (out[last]!.endsWith('\\') && i + 1 < lines.length) {
      i++;
      // `print(` or `)` alone on its line, between the strings of a printed command (a formatter's layout): the
      // command goes on after it, so the line is kept as a bare continuation.
      if (CALL_PUNCTUATION.test(lines[i]!)) {
        out[i] = '\\';
        continue;
      }
      out[i] = cleanEmbedded(lines[i]!, quote);
      if (!out[i]!.trim()) break;
      last = i;
    }
  }
  return out.join('\n');
}
