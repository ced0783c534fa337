// What a Python job script does with the Hub and its token, by reading its code (no execution). Docstrings and
// comments are not code: a `get_token()` shown in a usage text is not a token read.
//
// Semantics (the checklist's help text says the same):
// - a *write* is a call that needs a write token: push_to_hub (method, unsloth's push_to_hub_merged/_gguf, or
//   `push_to_hub=True` in training args),
//   upload_file/upload_folder/upload_large_folder, create_repo/create_commit/create_branch/create_tag/
//   create_pull_request, delete_*, CommitScheduler, duplicate_space; Storage Buckets: create_bucket/delete_bucket/
//   move_bucket/batch_bucket_files, sync_bucket towards a bucket; HfFileSystem writes to an hf:// path (open for
//   writing, put/copy to it, rm/mkdir on it, a data frame's to_parquet/to_csv/write_parquet to it); `hf upload` and
//   `hf buckets cp|sync|create|rm|mv` run by the script towards the Hub. Downloads and reads are not writes, and
//   neither is writing under a job volume's mount path (hf jobs -v hf://buckets/...:/data): the Hub docs say volume
//   mounts are authorised with your identity when the job is created, so the script needs no token for them.
// - a *token read* is reading HF_TOKEN (os.environ / os.getenv / the name in code) or calling get_token(), login()
//   or whoami(). The name inside a message (`print("re-run with --secrets HF_TOKEN")`) reads nothing, and neither
//   does the name given no value (`HF_TOKEN = None`, `HF_TOKEN = ""`).
// - the token is *required* when the script writes, or reads HF_TOKEN in a way that fails without it
//   (os.environ["HF_TOKEN"], an assert/raise on it).

import type {RepoKind, ScriptFacts} from './types.js';

const WRITES: [RegExp, string][] = [
  // push_to_hub, and unsloth's push_to_hub_merged / push_to_hub_gguf (a merged model or a GGUF file pushed).
  [/\.push_to_hub(?:_merged|_gguf)?\s*\(|\bpush_to_hub\s*=\s*True\b/, 'pushes to the Hub (push_to_hub)'],
  [/\b(?:upload_file|upload_folder|upload_large_folder)\s*\(/, 'uploads to the Hub'],
  [
    /\b(?:create_repo|create_commit|create_branch|create_tag|create_pull_request|delete_file|delete_files|delete_folder|delete_repo|duplicate_space|CommitScheduler)\s*\(/,
    'writes to the Hub',
  ],
  // Storage Buckets (huggingface_hub's bucket API): creating, changing or deleting a bucket or its files.
  [/\b(?:create_bucket|delete_bucket|move_bucket|batch_bucket_files)\s*\(/, 'writes to a Storage Bucket'],
];

/**
 * Writes that depend on their direction: `sync_bucket(src, dest)`, `HfFileSystem` writes and `hf buckets cp|sync`
 * or `hf upload` run from the script (subprocess lists, os.system strings). Each hit's call (or line) decides.
 */
// `needs`: words without which `re` cannot match, each its own pattern (a literal's search skips ahead; the rule's own
// pattern tries every position of the text).
const DIRECTED_WRITES: {re: RegExp; what: string; needs: RegExp[]; writes: (call: string) => boolean}[] = [
  // sync_bucket(source, dest): a download when the source is a literal hf:// path and the destination is not.
  {
    re: /\bsync_bucket\s*\(/g,
    needs: [/sync_bucket/],
    what: 'writes to a Storage Bucket (sync_bucket)',
    writes: (call) => !hubToLocal(callArgs(call)),
  },
  // HfFileSystem (and pandas/polars/datasets through it): opening an hf:// path to write, put/copy/remove on one,
  // a data frame written to an hf:// path.
  {
    re: /\b(?:open|put|put_file|write_text|write_bytes|pipe|pipe_file|rm|rm_file|mv|cp_file|copy|mkdir|makedirs|to_parquet|to_csv|to_json|write_parquet|write_csv|write_ndjson|sink_parquet|save_to_disk)\s*\(/g,
    what: 'writes to the Hub through an hf:// path',
    needs: [/hf:\/\//],
    writes: (call) => {
      const name = /^(\w+)/.exec(call)?.[1] ?? '';
      if (!call.includes('hf://')) return false;
      if (name === 'open')
        return /,\s*(?:mode\s*=\s*)?[rfb]?["'][^"']*[wax]/.test(call) && /^open\s*\(\s*[rfb]?["']hf:\/\//.test(call);
      if (name === 'put' || name === 'put_file' || name === 'copy') return !hubToLocal(callArgs(call));
      return true;
    },
  },
  // The hf CLI from the script: `hf upload`, `hf buckets cp|sync` towards the Hub, `hf buckets create|rm|mv`.
  {
    re: /\bhf["']?\s*,?\s*["']?(?:upload(?:-large-folder)?|buckets["']?\s*,?\s*["']?(?:cp|sync|create|rm|delete|mv|move))\b[^\n]*/g,
    needs: [/upload/, /buckets/],
    what: 'writes to the Hub (hf upload / hf buckets)',
    writes: (line) => {
      // A command printed or logged for the reader is not run.
      if (/\b(?:print|echo|log|info|warning|help|description|epilog|usage)\s*[(=]/.test(line)) return false;
      const m = /\b(cp|sync)\b(.*)$/.exec(line);
      return (
        !m ||
        !hubToLocal(
          m[2]!
            .split(/[\s,\])]+/)
            .map((w) => w.replace(/^[\[(]?[fr]?["']|["']$/g, ''))
            .filter((w) => w && !w.startsWith('-')),
        )
      );
    },
  },
];

/** The top-level arguments of a call's text (`f(a, "b", c=d)` gives `a`, `"b"`, `c=d`), keyword names kept. */
function callArgs(call: string): string[] {
  const open = call.indexOf('(');
  const body = call.slice(open + 1, call.lastIndexOf(')') === -1 ? undefined : call.lastIndexOf(')'));
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (body.slice(start).trim()) out.push(body.slice(start).trim());
  return out;
}

/** A copy from a literal hf:// source to a destination that is not one: a download, not a write. */
function hubToLocal(args: string[]): boolean {
  const positional = args.filter((a) => !/^\w+\s*=(?!=)/.test(a));
  const named = (k: string) => args.find((a) => new RegExp(`^${k}\\s*=`).test(a))?.replace(/^\w+\s*=\s*/, '');
  const src = named('source') ?? named('lpath') ?? named('path1') ?? positional[0];
  const dest = named('dest') ?? named('rpath') ?? named('path2') ?? positional[1];
  const isHub = (a: string | undefined) => a !== undefined && /^[rfb]?["']?hf:\/\//.test(a.trim());
  return isHub(src) && !isHub(dest);
}

const TOKEN_NAME = /\bHF_TOKEN\b|\bHUGGING_FACE_HUB_TOKEN\b/g;
/** After a name: `= None`, `= ""`, `: str | None = None` (given no value, not `==`), to the line's end. */
const EMPTY_BINDING = /^\s*(?::[^=\n]*)?=(?!=)\s*(?:None|""|'')\s*$/;

/**
 * Where the code first reads the token by its name: the name as code (`HF_TOKEN = os.getenv(...)`, `assert HF_TOKEN`),
 * as a whole string (`os.environ["HF_TOKEN"]`, `getenv('HF_TOKEN')`) or inside an f-string's braces; not the name
 * mentioned in a message (`print("re-run with --secrets HF_TOKEN")`), which reads nothing. -1 when there is none.
 */
function firstNameRead(code: string): number {
  TOKEN_NAME.lastIndex = 0;
  for (let m = TOKEN_NAME.exec(code); m; m = TOKEN_NAME.exec(code)) {
    const start = code.lastIndexOf('\n', m.index - 1) + 1;
    // The one-line string the name is in, if any (triple-quoted strings are blanked already).
    let quote = '';
    let from = 0;
    for (let i = start; i < m.index; i++) {
      const c = code[i]!;
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") {
        quote = c;
        from = i;
      }
    }
    const end = m.index + m[0].length;
    if (!quote) {
      // The name given no value (`HF_TOKEN = None`, `HF_TOKEN: str = ""`) reads nothing; what a line puts in it
      // from the environment is read on the right (`os.environ.get("HF_TOKEN")`, `get_token()`), and a later use
      // of the name (`login(token=HF_TOKEN)`, `if HF_TOKEN:`) still counts.
      const eol = code.indexOf('\n', end);
      if (EMPTY_BINDING.test(code.slice(end, eol === -1 ? undefined : eol))) continue;
      return m.index;
    }
    if (from === m.index - 1 && code[end] === quote) return m.index;
    const inside = code.slice(from + 1, m.index);
    if (/[fF]/.test(code.slice(Math.max(start, from - 2), from)) && inside.lastIndexOf('{') > inside.lastIndexOf('}'))
      return m.index;
  }
  return -1;
}

const TOKEN_READS: RegExp[] = [/\bget_token\s*\(/, /\blogin\s*\(/, /\bwhoami\s*\(/];

/** Reads that fail at once without the token: a KeyError, an assert, a raise. */
const STRICT_READS: RegExp[] = [
  /os\.environ\s*\[\s*["'](?:HF_TOKEN|HUGGING_FACE_HUB_TOKEN)["']\s*\]/,
  /\bassert\b[^\n]*\b(?:HF_TOKEN|token)\b/i,
  /\bwhoami\s*\(/,
];

const PUSH_TARGET =
  /\b(?:push_to_hub|create_repo)\s*\(\s*(?:repo_id\s*=\s*)?["']([A-Za-z0-9][\w.-]*\/[\w.-]+)["']|\brepo_id\s*=\s*["']([A-Za-z0-9][\w.-]*\/[\w.-]+)["']/g;

const REPO_TYPE = /\brepo_type\s*=\s*["'](model|dataset|space)["']/;

/**
 * A string that does not share the text it was cut from. V8 makes a substring of 13 characters or more a view into
 * its parent, which then stays alive as long as the substring does; concatenating then slicing gives a copy.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** The text of the call that starts at `from` (up to its closing parenthesis, strings not counted). */
function callText(text: string, from: number): string {
  const open = text.indexOf('(', from);
  if (open === -1) return text.slice(from, from + 200);
  let depth = 0;
  let quote = '';
  for (let i = open; i < text.length && i < open + 4000; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text.slice(from, i + 1);
  }
  return text.slice(from, open + 4000);
}

/** Where the call around `at` opens (the unmatched `(` before it), or `at` when there is none near. */
function enclosingCall(text: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0 && i > at - 4000; i--) {
    const c = text[i]!;
    if (c === ')') depth++;
    else if (c === '(' && depth-- === 0) return i;
  }
  return at;
}

/** The repo type a call names (`repo_type="dataset"`), else model (huggingface_hub's default). */
function repoTypeOf(call: string): RepoKind {
  return (REPO_TYPE.exec(call)?.[1] as RepoKind | undefined) ?? 'model';
}

/**
 * Python source with comments and triple-quoted strings (docstrings, usage texts) blanked out, newlines kept, so
 * line numbers stay right. One-line strings stay: `os.environ["HF_TOKEN"]` is code.
 */
const END_DQ3 = /"""|\\/g;
const END_SQ3 = /'''|\\/g;
const END_DQ = /["\\\n]/g;
const END_SQ = /['\\\n]/g;

/** Spaces to blank with: slices of one long run instead of a regex replace per comment or string. */
let SPACES = ' '.repeat(256);
function spaces(n: number): string {
  while (SPACES.length < n) SPACES += SPACES;
  return SPACES.slice(0, n);
}

/** The text from `from` to `to` with every character but newlines made a space (a comment or a docstring blanked). */
function blankRange(text: string, from: number, to: number, out: string[]): void {
  for (let nl = text.indexOf('\n', from); nl !== -1 && nl < to; nl = text.indexOf('\n', from)) {
    out.push(spaces(nl - from), '\n');
    from = nl + 1;
  }
  out.push(spaces(to - from));
}

export function pythonCode(text: string): string {
  // Jumps from one `#`, `"` or `'` to the next with native searches instead of walking every character: one indexOf
  // per character kind (a memchr), each searched again only once passed. A /[#"']/g regex tried every position of the
  // text (~50,000 instructions for 4 KB of code, against ~2,000). The pieces are joined once at the end: one flat
  // string, not a chain of concatenations the first regex would have to copy.
  const n = text.length;
  let hash = text.indexOf('#');
  let dq = text.indexOf('"');
  let sq = text.indexOf("'");
  /** The first `#`, `"` or `'` at or after `from`, or -1. */
  const next = (from: number): number => {
    if (hash !== -1 && hash < from) hash = text.indexOf('#', from);
    if (dq !== -1 && dq < from) dq = text.indexOf('"', from);
    if (sq !== -1 && sq < from) sq = text.indexOf("'", from);
    let first = hash;
    if (dq !== -1 && (first === -1 || dq < first)) first = dq;
    if (sq !== -1 && (first === -1 || sq < first)) first = sq;
    return first;
  };
  const out: string[] = [];
  let last = 0;
  for (let i = next(0); i !== -1;) {
    const c = text[i]!;
    if (c === '#') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      out.push(text.slice(last, i), spaces(stop - i));
      last = stop;
      i = next(stop);
      continue;
    }
    const triple = text.startsWith(c.repeat(3), i);
    const q = triple ? c.repeat(3) : c;
    // The string's end: its quote(s), a backslash escape skips one character, a newline ends a one-line string.
    const stopAt = triple ? (c === '"' ? END_DQ3 : END_SQ3) : c === '"' ? END_DQ : END_SQ;
    let j = i + q.length;
    for (;;) {
      stopAt.lastIndex = j;
      const hit = stopAt.exec(text);
      if (!hit) {
        j = n;
        break;
      }
      if (hit[0] === '\\') {
        j = hit.index + 2;
        if (j >= n) break;
        continue;
      }
      j = hit.index;
      break;
    }
    const end = Math.min(n, j + (text.startsWith(q, j) ? q.length : 0));
    if (triple) {
      out.push(text.slice(last, i));
      blankRange(text, i, end, out);
      last = end;
    }
    i = next(Math.max(end, i + 1));
  }
  if (!out.length) return text;
  out.push(text.slice(last));
  return out.join('');
}

/** The 1-based line of `index` in `text`, counted with native searches (no copy of the text before it, no array). */
function lineOfText(text: string, index: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function scriptFacts(text: string, file: string, lineBase = 1): ScriptFacts {
  const facts: ScriptFacts = {
    file,
    checksToken: false,
    needsToken: false,
    isJobScript: /^#\s*\/\/\/\s*script\s*$/m.test(text),
    pushTargets: [],
  };
  // Whole-text searches (one pass per pattern), then the line of the first hit: much faster than per-line tests.
  const code = pythonCode(text);
  const lineAt = (index: number) => lineOfText(code, index) + lineBase - 1;
  let firstWrite = -1;
  for (const [re, what] of WRITES) {
    const at = code.search(re);
    if (at !== -1 && (firstWrite === -1 || at < firstWrite)) {
      firstWrite = at;
      facts.hubWhat = what;
    }
  }
  for (const w of DIRECTED_WRITES) {
    // Most scripts name no hf:// path and no bucket: skip the rules that could only match one.
    if (!w.needs.some((word) => word.test(code))) continue;
    w.re.lastIndex = 0;
    for (let m = w.re.exec(code); m; m = w.re.exec(code)) {
      if (firstWrite !== -1 && m.index > firstWrite) break;
      // Calls are read in the text (their strings are blanked in the code only when triple-quoted).
      const call = m[0].endsWith('(')
        ? callText(code, m.index)
        : code.slice(code.lastIndexOf('\n', m.index) + 1, m.index + m[0].length);
      if (w.writes(call)) {
        firstWrite = m.index;
        facts.hubWhat = w.what;
        break;
      }
    }
  }
  if (firstWrite !== -1) facts.hubLine = lineAt(firstWrite);
  let firstRead = firstNameRead(code);
  for (const re of TOKEN_READS) {
    const at = code.search(re);
    if (at !== -1 && (firstRead === -1 || at < firstRead)) firstRead = at;
  }
  if (firstRead !== -1) facts.tokenLine = lineAt(firstRead);
  facts.needsToken = STRICT_READS.some((re) => re.test(code));
  // Order of execution is not visible in the text (helpers are defined above main): a read anywhere counts.
  facts.checksToken = facts.tokenLine !== undefined;
  if (facts.hubLine !== undefined) facts.needsToken = true;
  PUSH_TARGET.lastIndex = 0;
  const targets: ScriptFacts['pushTargets'] = [];
  for (let m = PUSH_TARGET.exec(text); m; m = PUSH_TARGET.exec(text)) {
    // A copy, not a slice: a matched substring keeps the whole file's text alive for as long as the model lives
    // (on the bench tree, 1,225 texts, 5.4 MB, promoted and kept by the young-generation GC).
    const repo = ownCopy(m[1] ?? m[2]!);
    // `repo_id=` alone is an argument of some call (upload_file, snapshot_download...): read that whole call.
    const type = repoTypeOf(callText(text, m[1] !== undefined ? m.index : enclosingCall(text, m.index)));
    if (!targets.some((t) => t.value === repo && t.type === type))
      targets.push({value: repo, type, line: lineOfText(text, m.index) + lineBase - 1});
  }
  facts.pushTargets = targets;
  return facts;
}
