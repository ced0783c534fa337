// Job submissions in Python: run_job / run_uv_job / HfApi().run_* / scheduled variants, and `hf_jobs("uv", {...})`.
import {dictGet, LiteralParser, LineIndex, type CallArg, type Lit} from '../jobspec/literal.js';
import {mcpSubmission} from './extract-mcp.js';
import {argsHubWrite, newSubmission, runModule, type Entry, type Submission} from './types.js';

const CALL_AT = /\b(hf_jobs|run_uv_job|run_job|create_scheduled_uv_job|create_scheduled_job)\s*\(/y;
/** What every name CALL_AT reads holds: found first, with a search that skips ahead, the name then read around it. */
const JOB_WORD = /_job/g;

/** Whether a character code is a regex word character (`\w`: A-Z, a-z, 0-9, _). */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * The first job call at or after `from`, as /\b(hf_jobs|run_uv_job|...)\s*\(/g would find it from there: each `_job`
 * is read back to the start of its name and the call tried there only. The regex alone tried its five names at every
 * position of the text (~35,000 instructions for 4 KB of code, against ~7,000).
 */
export function nextCall(text: string, from: number): RegExpExecArray | null {
  JOB_WORD.lastIndex = from;
  for (let hit = JOB_WORD.exec(text); hit; hit = JOB_WORD.exec(text)) {
    let start = hit.index;
    while (start > from && isWordCode(text.charCodeAt(start - 1))) start--;
    CALL_AT.lastIndex = start;
    const m = CALL_AT.exec(text);
    if (m) return m;
  }
  return null;
}

/** The running file's own path, and nothing derived from it (no `.parent`, no `/ "other.py"`, no join). */
const SELF_PATH =
  /^(?:str\s*\(\s*)?(?:os\.path\.(?:abspath|realpath)\s*\(\s*)?(?:(?:pathlib\.|__import__\(\s*["']pathlib["']\s*\)\.)?Path\s*\(\s*)?__file__\s*\)?(?:\s*\.\s*(?:resolve|absolute)\s*\(\s*\))*\s*\)?$/;

/** Names people bring from the MCP tool or other APIs into huggingface_hub's run_* functions. */
const PY_CONFUSIONS: Record<string, string> = {
  with_deps: '"with_deps" is the MCP tool\'s name; huggingface_hub\'s run_uv_job takes "dependencies"',
  deps: 'run_uv_job takes "dependencies"',
  docker_image: 'the argument is "image"',
  hardware: 'the hardware is "flavor"',
  timeout_seconds: 'the argument is "timeout" ("2h" or seconds)',
  environment: 'the argument is "env"',
};

function entriesOf(lit: Lit | undefined): {entries: Entry[]; opaque: boolean} {
  if (!lit) return {entries: [], opaque: false};
  if (lit.t !== 'dict') {
    // dict(HF_TOKEN=get_token()) or a variable: we cannot see inside reliably.
    const m = lit.t === 'expr' ? /^dict\s*\(([\s\S]*)\)$/.exec(lit.src) : null;
    if (m) {
      const out: Entry[] = [];
      for (const kv of m[1]!.split(',')) {
        const p = /^\s*([A-Za-z_]\w*)\s*=\s*([\s\S]+?)\s*$/.exec(kv);
        if (p)
          out.push({
            key: p[1]!,
            source: /^["']/.test(p[2]!) ? 'literal' : 'expr',
            value: p[2]!.replace(/^["']|["']$/g, ''),
            line: lit.line,
          });
      }
      return {entries: out, opaque: false};
    }
    return {entries: [], opaque: true};
  }
  const out: Entry[] = [];
  for (const e of lit.entries) {
    if (e.key.t !== 'str') continue;
    if (e.value.t === 'str')
      out.push({
        key: e.key.v,
        source: e.value.prefix.toLowerCase().includes('f') ? 'expr' : 'literal',
        value: e.value.v,
        line: e.value.line,
      });
    else out.push({key: e.key.v, source: 'expr', value: e.value.t === 'expr' ? e.value.src : '', line: e.value.line});
  }
  return {entries: out, opaque: false};
}

/**
 * The dict a name (or `self.name`) stands for when this file gives it exactly one value, a dict literal: `NAME = {...}`,
 * `NAME: dict = {...}`, a dataclass field's `field(default_factory=lambda: {...})`. A name assigned twice, changed in
 * place (`NAME[...] =`, `.update(`) or given something else stays unknown.
 */
function assignedDict(text: string, p: LiteralParser, lit: Lit | undefined): Lit | undefined {
  if (lit?.t !== 'expr') return lit;
  const name = /^(?:self\.)?([A-Za-z_]\w*)$/.exec(lit.src.trim())?.[1];
  if (!name) return lit;
  const assign = new RegExp(`(?:^|[\\n;])[ \\t]*(?:self\\.)?${name}[ \\t]*(?::[^=\\n]*)?=(?!=)`, 'g');
  // A keyword argument (`secrets=secrets,` in a call) is not an assignment: its line goes on with a comma.
  const at = [...text.matchAll(assign)].filter((m) => {
    const from = m.index! + m[0].length;
    const end = text.indexOf('\n', from);
    return !/,\s*(?:#.*)?$/.test(text.slice(from, end === -1 ? text.length : end));
  });
  if (at.length !== 1 || new RegExp(`\\b${name}\\s*(?:\\[|\\.update\\s*\\(|\\.setdefault\\s*\\(|\\|=)`).test(text))
    return lit;
  const rest = /^[ \t]*(?:field\s*\(\s*default_factory\s*=\s*lambda\s*:\s*)?(?=\{)/.exec(
    text.slice(at[0]!.index! + at[0]![0].length),
  );
  if (!rest) return lit;
  const save = p.pos;
  try {
    p.pos = at[0]!.index! + at[0]![0].length + rest[0].length;
    const dict = p.dict();
    return dict.t === 'dict' ? dict : lit;
  } catch {
    return lit;
  } finally {
    p.pos = save;
  }
}

function pythonSubmission(
  fn: string,
  args: CallArg[],
  file: string,
  line: number,
  resolve: (lit: Lit | undefined) => Lit | undefined = (lit) => lit,
): Submission {
  const uv = fn.includes('uv');
  const sub = newSubmission('python', fn, uv ? 'uv' : 'run', file, line);
  const kw = (name: string) => args.find((a) => a.name === name);
  const positional = args.filter((a) => a.name === undefined);
  const script = uv ? (kw('script') ?? positional[0]) : undefined;
  if (script) {
    // A script that submits itself: `script=str(Path(__file__).resolve())`, `__file__`, `os.path.abspath(__file__)`.
    const self = script.value.t === 'expr' && SELF_PATH.test(script.value.src);
    sub.script = {
      value: script.value.t === 'str' ? script.value.v : self ? (file.split(/[\\/]/).pop() ?? file) : '',
      line: script.value.line,
      literal: script.value.t === 'str' || self,
    };
  }
  const jobArgs = uv ? kw('script_args')?.value : undefined;
  if (jobArgs?.t === 'list') {
    const writes = argsHubWrite(jobArgs.items.map((i) => (i.t === 'str' ? i.v : '')).join(' '));
    if (writes) sub.argsWrite = {value: writes, line: jobArgs.line};
  }
  const command = uv ? undefined : (kw('command') ?? positional[1])?.value;
  if (command?.t === 'list') {
    const words = command.items.map((i) => (i.t === 'str' ? i.v : ''));
    const module = runModule(words.join(' '));
    if (module) sub.module = {value: module, line: command.line};
  }
  const secrets = entriesOf(resolve(kw('secrets')?.value));
  sub.secrets = secrets.entries;
  sub.secretsOpaque = secrets.opaque;
  const env = entriesOf(resolve(kw('env')?.value));
  sub.env = env.entries;
  sub.envOpaque = env.opaque;
  const flavor = kw('flavor');
  if (flavor?.value.t === 'str') sub.flavor = {value: flavor.value.v, line: flavor.value.line};
  const timeout = kw('timeout');
  if (timeout && (timeout.value.t === 'str' || timeout.value.t === 'num'))
    sub.timeout = {value: timeout.value.v, line: timeout.value.line};
  const ns = kw('namespace');
  if (ns?.value.t === 'str') sub.namespace = {value: ns.value.v, line: ns.value.line};
  for (const a of args) {
    if (a.name && PY_CONFUSIONS[a.name])
      sub.unknownArgs.push({
        name: a.name,
        line: a.line,
        message: `${fn}() has no "${a.name}" argument: ${PY_CONFUSIONS[a.name]}.`,
      });
    if (a.name === 'dependencies' && !uv)
      sub.unknownArgs.push({
        name: a.name,
        line: a.line,
        message: `${fn}() has no "dependencies" argument: use run_uv_job for a script with dependencies.`,
      });
  }
  return sub;
}

/** The longest call read (a job's arguments with an inline script are kilobytes). */
const MAX_CALL_CHARS = 256 * 1024;
/** Characters read by calls that did not parse, in all, before the rest of a text is left alone. */
const FAILED_PARSE_BUDGET = 4 * 1024 * 1024;

/** Finds every job submission in Python source. `lineBase` is the line of `text`'s first line in its file. */
export function extractPython(text: string, file: string, lineBase = 1): Submission[] {
  const out: Submission[] = [];
  // Every name CALL_AT reads holds `_job`: two native substring searches, not a regex pass.
  if (!text.includes('_job') && !text.includes('create_scheduled')) return out;
  const lines = new LineIndex(text, lineBase);
  // A call is parsed within a window of the text, and failed parses share a budget: an unclosed `run_job(` was read
  // to the end of the file, once for every `run_job(` after it (quadratic: 4,000 of them took 2.5 s, a 2 MB file of
  // them never ended). Past the budget, the rest of a file is not parsed for calls.
  let failedChars = 0;
  // Where the search for the next call starts: after this one's `(`, or after its arguments once they are read.
  let next = 0;
  const whole = new LiteralParser(text, {lines});
  // A name's assignment is looked up once a file: each lookup reads the whole text (8,000 calls passing
  // `secrets=s` took 2.5 s).
  const assignments = new Map<string, Lit | undefined>();
  const assigned = (lit: Lit | undefined): Lit | undefined => {
    if (lit?.t !== 'expr') return lit;
    const key = lit.src.trim();
    if (!assignments.has(key)) {
      const found = assignedDict(text, whole, lit);
      assignments.set(key, found === lit ? undefined : found);
    }
    return assignments.get(key) ?? lit;
  };
  for (let m = nextCall(text, 0); m; m = nextCall(text, next)) {
    next = m.index + m[0].length;
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    if (/def\s$/.test(before)) continue;
    const window = m.index + MAX_CALL_CHARS < text.length ? text.slice(0, m.index + MAX_CALL_CHARS) : text;
    const p = new LiteralParser(window, {lines});
    p.pos = m.index + m[0].length - 1;
    let args: CallArg[];
    try {
      args = p.callArgs();
    } catch {
      failedChars += p.pos - m.index;
      if (failedChars > FAILED_PARSE_BUDGET) break;
      continue;
    }
    const fn = m[1]!;
    const line = lines.lineOf(m.index);
    if (fn === 'hf_jobs') {
      const opArg = args.find((a) => a.name === 'operation') ?? args.find((a) => a.name === undefined);
      const argsArg = args.find((a) => a.name === 'args') ?? args.filter((a) => a.name === undefined)[1];
      if (opArg?.value.t === 'str') {
        const sub = mcpSubmission(opArg.value.v, argsArg?.value, file, line);
        // Inside a Python code block, `"$HF_TOKEN"` is still the MCP tool's placeholder (pseudo-syntax for the tool call).
        out.push(sub);
      }
    } else {
      out.push(pythonSubmission(fn, args, file, line, assigned));
    }
    next = p.pos;
  }
  return out;
}

export {dictGet};
