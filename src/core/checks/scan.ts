// Reads files (or in-memory text) into the ScanModel the static checks judge: submissions, scripts, token hits.
import {isAscii} from 'node:buffer';
import {closeSync, constants, existsSync, openSync, promises as fsp, readSync, statSync} from 'node:fs';
import {availableParallelism, loadavg} from 'node:os';
import {createRequire} from 'node:module';
import type {Worker} from 'node:worker_threads';
import {basename, dirname, isAbsolute, relative, resolve, sep} from 'node:path';
import {LineIndex, LiteralParser, type Lit} from '../jobspec/literal.js';
import {findTokenLike} from '../jobspec/placeholder.js';
import {scriptKind} from '../jobspec/spec.js';
import {configSubmission, findMcpCalls, looksLikeConfig} from './extract-mcp.js';
import {proseWrite} from './doc-prose.js';
import {listCommands} from './extract-list.js';
import {extractPython} from './extract-python.js';
import {embeddedCommands, extractShell, parseDotenv, SHOWN_COMMAND_HINT, type ShellScan} from './extract-shell.js';
import {scriptFacts} from './script-facts.js';
import {
  emptyModel,
  isModuleFile,
  mergeModel,
  moduleFiles,
  type ScanModel,
  type ScriptFacts,
  type Submission,
} from './types.js';
import {walkFilesSync, type SkippedDir} from './walk.js';
import {decodeText, hasUtf16Mark} from '../text/decode.js';
import {FREE, ReadAhead, READY, READY_RELEVANT, READY_TOKEN, SKIP_BINARY, SKIP_TEXT} from './read-ahead.js';
import {mayHoldToken} from '../tokens/hidden.js';
import {BINARY_EXT, extOf, mayBeRelevant, SNIFF_BYTES} from './relevance.js';

export {extOf};

/** A PEP 723 inline-metadata header: the file is a uv script. */
const PEP_723 = /^#\s*\/\/\/\s*script\s*$/m;

export type FileKind = 'python' | 'shell' | 'json' | 'markdown' | 'yaml' | 'notebook' | 'text';

/** Read at most this much of a file; the rest is not scanned (said in `skipped`). */
export const MAX_BYTES = 2 * 1024 * 1024;

/** Plain-text files that may hold command lines (not source code of other languages). */
const SHELLISH_TEXT = new Set(['', '.txt', '.cmd', '.bat', '.ps1', '.command']);

export function kindOf(file: string, ext = extOf(file)): FileKind {
  if (ext === '.py' || ext === '.pyw') return 'python';
  if (ext === '.sh' || ext === '.bash' || ext === '.zsh') return 'shell';
  if (ext === '') {
    const name = basename(file).toLowerCase();
    if (name === 'makefile' || name === 'justfile' || name === 'dockerfile') return 'shell';
  }
  if (ext === '.json' || ext === '.jsonc') return 'json';
  if (ext === '.md' || ext === '.mdx' || ext === '.markdown') return 'markdown';
  if (ext === '.ipynb') return 'notebook';
  if (ext === '.yml' || ext === '.yaml') return 'yaml';
  return 'text';
}

function blockKind(info: string, body: string): FileKind | undefined {
  const lang = info.trim().split(/[\s{]/)[0]!.toLowerCase();
  if (['python', 'py', 'python3', 'ipython', 'pycon'].includes(lang)) return 'python';
  if (['bash', 'sh', 'shell', 'console', 'zsh', 'shell-session', 'terminal', 'shellsession'].includes(lang))
    return 'shell';
  if (['json', 'jsonc', 'json5'].includes(lang)) return 'json';
  if (['yaml', 'yml'].includes(lang)) return 'yaml';
  if (lang) return 'text';
  const t = body.trimStart();
  if (/\b(hf_jobs|run_uv_job|run_job)\s*\(|^(import|from)\s/m.test(t)) return 'python';
  if (/^(\$\s+)?hf\s/m.test(t)) return 'shell';
  if (t.startsWith('{') || t.startsWith('[')) return 'json';
  return undefined;
}

interface MarkdownBlock {
  kind: FileKind | undefined;
  body: string;
  /** The line (1-based) of the first code line. */
  line: number;
  /** Where the block starts (its opening fence line) and ends (after its closing fence line, or the text's end). */
  from: number;
  to: number;
}

/**
 * Where the next run of three backquotes or tildes starts at or after `from` (-1 when none): the first match of
 * /`{3,}|~{3,}/g from there, found with two native substring searches instead of a regex tried at every position.
 */
export function nextFenceRun(text: string, from: number): number {
  const ticks = text.indexOf('```', from);
  const tildes = text.indexOf('~~~', from);
  return ticks === -1 ? tildes : tildes === -1 ? ticks : Math.min(ticks, tildes);
}

/**
 * Fenced code blocks of a Markdown text, with the line of their first code line. Only lines holding a run of three
 * backquotes or tildes are looked at (a long document is not split into lines).
 */
export function markdownBlocks(text: string): MarkdownBlock[] {
  const out: MarkdownBlock[] = [];
  let lineNo = 0;
  let counted = 0;
  const lineIndexAt = (at: number) => {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) lineNo++;
    counted = at;
    return lineNo;
  };
  const lineEnd = (from: number) => {
    const e = text.indexOf('\n', from);
    return e === -1 ? text.length : e;
  };
  for (let at = nextFenceRun(text, 0); at !== -1;) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const end = lineEnd(lineStart);
    const open = /^\s{0,3}(`{3,}|~{3,})(.*)$/.exec(text.slice(lineStart, end));
    if (!open) {
      at = nextFenceRun(text, end);
      continue;
    }
    const fence = open[1]!;
    const close = new RegExp(`^\\s{0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    const bodyFrom = end + 1;
    const openLine = lineIndexAt(lineStart);
    // The closing fence: the first later line that is only a run of the same character, at least as long.
    let closeStart = -1;
    const run = new RegExp(`${fence[0] === '`' ? '`' : '~'}{${fence.length},}`, 'g');
    run.lastIndex = bodyFrom;
    for (let c = run.exec(text); c; c = run.exec(text)) {
      const ls = text.lastIndexOf('\n', c.index - 1) + 1;
      if (ls < bodyFrom) continue;
      const le = lineEnd(ls);
      if (close.test(text.slice(ls, le))) {
        closeStart = ls;
        break;
      }
      run.lastIndex = le;
    }
    const body = closeStart === -1 ? text.slice(bodyFrom) : text.slice(bodyFrom, Math.max(bodyFrom, closeStart - 1));
    const to = closeStart === -1 ? text.length : lineEnd(closeStart);
    out.push({kind: blockKind(open[2]!, body), body, line: openLine + 2, from: lineStart, to});
    at = nextFenceRun(text, to);
  }
  return out;
}

function attachInlineFacts(subs: Submission[], file: string): ScriptFacts[] {
  const facts: ScriptFacts[] = [];
  for (const sub of subs) {
    if (sub.script && sub.script.literal && scriptKind(sub.script.value) === 'inline') {
      const f = scriptFacts(sub.script.value, file, sub.script.line);
      f.isJobScript = true;
      sub.scriptFacts = f;
      facts.push(f);
    }
  }
  return facts;
}

function scanJson(text: string, file: string, lineBase: number, model: ScanModel): void {
  if (!/"operation"|"script"|"command"|"secrets"|hf-job/.test(text) && !JOB_CONFIG_NAME.test(file)) return;
  // A whole .json file must be JSON: the native parser says so at once, before the line-keeping parser (which would
  // otherwise read trailing non-JSON text as one long expression). Code blocks and .jsonc may hold comments.
  if (lineBase === 1 && /\.json$/i.test(file)) {
    // Only an object or an array holds a job config or MCP calls: a text that does not start and end like one is not
    // parsed at all (a failing JSON.parse builds an error message; thousands of them add up).
    const body = text.trim();
    const first = body[0];
    const last = body[body.length - 1];
    if (!((first === '{' && last === '}') || (first === '[' && last === ']'))) return;
    // Without a stack trace a failing parse costs a fraction.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      JSON.parse(text);
    } catch {
      return;
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
  let root: Lit;
  try {
    const p = new LiteralParser(text, {lineBase});
    root = p.value();
  } catch {
    return;
  }
  const subs: Submission[] = [];
  if (looksLikeConfig(root, file)) subs.push(configSubmission(root, file));
  else findMcpCalls(root, file, subs);
  model.submissions.push(...subs);
  model.scripts.push(...attachInlineFacts(subs, file));
}

function pushShell(s: ShellScan, model: ScanModel, pending: PendingFile[]): Submission[] {
  const offset = model.submissions.length;
  model.submissions.push(...s.submissions);
  model.argvTokens.push(...s.argvTokens);
  model.tokenValues.push(...s.tokenValues);
  for (const f of s.files)
    pending.push({submission: model.submissions[offset + f.submission]!, kind: f.kind, path: f.path});
  return s.submissions;
}

/** Commands shown in strings, comments or prose of a non-shell text (see embeddedCommands). */
function scanEmbedded(
  text: string,
  file: string,
  lineBase: number,
  model: ScanModel,
  pending: PendingFile[],
): Submission[] {
  const shown = embeddedCommands(text);
  return shown ? pushShell(extractShell(shown, file, lineBase), model, pending) : [];
}

function scanCode(
  kind: FileKind | undefined,
  text: string,
  file: string,
  lineBase: number,
  model: ScanModel,
  pending: PendingFile[],
): Submission[] {
  if (kind === 'python') {
    const subs = extractPython(text, file, lineBase);
    model.submissions.push(...subs);
    model.scripts.push(...attachInlineFacts(subs, file));
    // Commands built as a list and run (`cmd = ["hf", "jobs", "run", ...]`): read as the shell line they make.
    const listed = listCommands(text);
    const built = listed ? pushShell(extractShell(listed, file, lineBase), model, pending) : [];
    return [...subs, ...scanEmbedded(text, file, lineBase, model, pending), ...built];
  }
  if (kind === 'shell' || kind === 'yaml') return pushShell(extractShell(text, file, lineBase), model, pending);
  if (kind === 'json') {
    const before = model.submissions.length;
    scanJson(text, file, lineBase, model);
    return model.submissions.slice(before);
  }
  return scanEmbedded(text, file, lineBase, model, pending);
}

/** A notebook's cells: code cells as Python (with `!hf jobs …` lines), Markdown cells as Markdown; lines of the .ipynb. */
function scanNotebook(text: string, file: string, model: ScanModel, pending: PendingFile[]): void {
  let nb: {cells?: {cell_type?: string; source?: string | string[]}[]};
  try {
    nb = JSON.parse(text) as typeof nb;
  } catch {
    return;
  }
  if (!Array.isArray(nb.cells)) return;
  const lines = text.split('\n');
  let at = 0;
  for (const cell of nb.cells) {
    const src = Array.isArray(cell.source) ? cell.source.join('') : typeof cell.source === 'string' ? cell.source : '';
    // The cell's first source line in the file: the line after `"source": [` (nbformat writes one string a line).
    while (at < lines.length && !/^\s*"source"\s*:/.test(lines[at]!)) at++;
    const lineBase = at < lines.length ? (/\[\s*$/.test(lines[at]!) ? at + 2 : at + 1) : 1;
    at++;
    if (!src.trim()) continue;
    if (cell.cell_type === 'markdown') scanMarkdown(src, file, lineBase, model, pending);
    else if (cell.cell_type === 'code') {
      const facts = scriptFacts(src, file, lineBase);
      if (facts.hubLine !== undefined) model.scripts.push(facts);
      scanCode('python', src.replace(/^(\s*)[!%]/gm, '$1'), file, lineBase, model, pending);
    }
  }
}

/** A Python console block (`>>> ` / `... ` prompts): the code with its prompts taken off, output lines blanked. */
export function withoutPrompts(body: string): string {
  if (!/^\s*>>>(?:\s|$)/m.test(body)) return body;
  return body
    .split('\n')
    .map((l) => (/^\s*(?:>>>|\.\.\.)(?:\s|$)/.test(l) ? l.replace(/^\s*(?:>>>|\.\.\.) ?/, '') : ''))
    .join('\n');
}

/**
 * The file name a Markdown code block is given: a first-line comment (`# train.py`), or prose right after it
 * ("Save this script as `train.py`").
 */
function blockName(body: string, after: string[]): string | undefined {
  const first = /^\s*#\s*([\w.-]+\.py)\b/.exec(body.split('\n').find((l) => l.trim()) ?? '');
  if (first) return first[1];
  for (const l of after) {
    const m = /\b(?:save|saved|call|name|named|as)\b[^`]*`([\w./-]+\.py)`/i.exec(l);
    if (m) return basename(m[1]!);
  }
  return undefined;
}

function scanMarkdown(text: string, file: string, lineBase: number, model: ScanModel, pending: PendingFile[]): void {
  const named: {name: string; facts: ScriptFacts}[] = [];
  const firstSub = model.submissions.length;
  const blocks = markdownBlocks(text);
  for (const [i, block] of blocks.entries()) {
    const at = block.line + lineBase - 1;
    const before = model.submissions.length;
    if (block.kind === 'python') {
      const code = withoutPrompts(block.body);
      scanCode('python', code, file, at, model, pending);
      // A job script shown in the doc (PEP 723 header, or named and run by a submission here) is judged too.
      const name = blockName(code, text.slice(block.to + 1).split('\n', 3));
      if (name || /^#\s*\/\/\/\s*script\s*$/m.test(code)) {
        const facts = scriptFacts(code, file, at);
        if (facts.isJobScript) model.scripts.push(facts);
        if (name) named.push({name, facts});
      }
    } else scanCode(block.kind, block.body, file, at, model, pending);
    if (model.submissions.length > before) docWrites(model.submissions.slice(before), text, blocks, i, lineBase);
  }
  // The prose (blocks blanked, lines kept) for commands shown inline; only when the text mentions one at all, and
  // outside its code blocks (most docs show their commands in blocks only: no copy of the text is made for them).
  // Both of the hint's forms hold `jobs`: a native search rules out most docs before the regex runs.
  if (text.includes('jobs') && EMBEDDED_HINT.test(text) && hintInProse(text, blocks)) {
    let prose = '';
    let last = 0;
    for (const b of blocks) {
      prose += text.slice(last, b.from) + text.slice(b.from, b.to).replace(/[^\n]/g, '');
      last = b.to;
    }
    scanEmbedded(prose + text.slice(last), file, lineBase, model, pending);
  }
  for (const sub of model.submissions.slice(firstSub)) {
    if (sub.scriptFacts || !sub.script?.literal || scriptKind(sub.script.value) !== 'path') continue;
    const hit = named.find((n) => n.name === basename(sub.script!.value));
    if (!hit) continue;
    if (!hit.facts.isJobScript) model.scripts.push(hit.facts);
    hit.facts.isJobScript = true;
    sub.scriptFacts = hit.facts;
  }
}

/** What the prose around block `i` says its jobs write to the Hub (doc-prose.ts), for missing-secrets. */
function docWrites(subs: Submission[], text: string, blocks: MarkdownBlock[], i: number, lineBase: number): void {
  // A job that passes a secret (or a file of them) is not missing one: most docs' commands, not read further.
  if (subs.every((s) => s.secrets.length || s.secretsOpaque || s.envOpaque)) return;
  const b = blocks[i]!;
  const said = proseWrite(text, b.body, b.to, blocks[i + 1]?.from ?? text.length);
  if (!said) return;
  const line = new LineIndex(text, lineBase).lineOf(said.at);
  for (const sub of subs) sub.docWrite = {value: said.what, line};
}

/** What embeddedCommands looks for first: without it a text shows no command. */
const EMBEDDED_HINT = /\b(?:hf|huggingface-cli)\s+jobs\s|hfjobs\s/;
const SHOWN_HINT_ALL = new RegExp(SHOWN_COMMAND_HINT.source, 'g');
/** Text that ends with the word `hf` or `huggingface-cli` and blank space only. */
const HINT_START_AT_END = /\b(?:hf|huggingface-cli)\s*$/;

/**
 * Whether the prose of a Markdown text (its blocks blanked, see scanMarkdown) holds what embeddedCommands looks for,
 * without building that prose: a hint in the text that starts outside every block, or prose that ends with `hf` right
 * before a block (the blanked block would join it to words after the block). When false, the prose shows no command.
 */
function hintInProse(text: string, blocks: MarkdownBlock[]): boolean {
  if (!blocks.length) return true;
  SHOWN_HINT_ALL.lastIndex = 0;
  let b = 0;
  for (let m = SHOWN_HINT_ALL.exec(text); m; m = SHOWN_HINT_ALL.exec(text)) {
    while (b < blocks.length && blocks[b]!.to <= m.index) b++;
    if (b === blocks.length || m.index < blocks[b]!.from) return true;
    SHOWN_HINT_ALL.lastIndex = Math.max(blocks[b]!.to, m.index + 1);
  }
  let last = 0;
  for (const block of blocks) {
    if (HINT_START_AT_END.test(text.slice(last, block.from))) return true;
    last = block.to;
  }
  return false;
}

/** A submission that runs this very file (its docstring shows how to submit it, by name or URL) judges its facts. */
function linkOwnScript(subs: Submission[], facts: ScriptFacts, file: string): void {
  const own = basename(file);
  for (const sub of subs) {
    if (sub.scriptFacts) continue;
    // `python -m pkg.mod` shown in pkg/mod.py's own docstring or README runs this file.
    if (sub.module && isModuleFile(sub.module.value, file)) {
      facts.isJobScript = true;
      sub.scriptFacts = facts;
      continue;
    }
    if (!sub.script?.literal) continue;
    const name = basename(sub.script.value.split(/[?#]/)[0]!);
    if (name === own) {
      facts.isJobScript = true;
      sub.scriptFacts = facts;
    }
  }
}

interface PendingFile {
  submission: Submission;
  kind: 'secrets' | 'env';
  path: string;
}

/** Scans one text (no file system): what `check` does for each file, and what lessons use on an answer. */
export function scanText(text: string, file: string, kind: FileKind = kindOf(file)): ScanModel {
  const model = emptyModel();
  scanInto(text, file, kind, model, []);
  return model;
}

/** A job config file's name: read whatever its text holds. */
const JOB_CONFIG_NAME = /hf-jobs?\.json$/i;

/**
 * `known`: what check's reader found (read-ahead.ts): the text may hold a RELEVANT word (mayBeRelevant), and whether it may hold a token
 * in some form (mayHoldToken; a base64 token holds no `hf_`).
 */
function scanInto(
  text: string,
  file: string,
  kind: FileKind,
  model: ScanModel,
  pending: PendingFile[],
  known?: 'relevant' | 'token',
): void {
  model.files.push(file);
  if (!known && !mayBeRelevant(text) && !JOB_CONFIG_NAME.test(file)) return;
  if (known ? known === 'token' : mayHoldToken(text)) {
    const hits = findTokenLike(text);
    if (hits.length) {
      const lines = new LineIndex(text);
      for (const h of hits) model.tokens.push({file, line: lines.lineOf(h.index), token: h.token});
    }
  }
  if (kind === 'markdown') {
    scanMarkdown(text, file, 1, model, pending);
    return;
  }
  if (kind === 'notebook') {
    scanNotebook(text, file, model, pending);
    return;
  }
  if (kind === 'python') {
    const at = model.scripts.length;
    const subs = scanCode(kind, text, file, 1, model, pending);
    // Its facts matter when it is a job script: a PEP 723 header, or a submission here running this file. A script
    // that a submission elsewhere runs is read again when that submission is linked (scanPaths).
    const own = basename(file);
    if (
      (text.includes('///') && PEP_723.test(text)) ||
      subs.some(
        (s) =>
          (s.script?.literal && basename(s.script.value.split(/[?#]/)[0]!) === own) ||
          (s.module && isModuleFile(s.module.value, file)),
      )
    ) {
      const facts = scriptFacts(text, file);
      model.scripts.splice(at, 0, facts);
      linkOwnScript(subs, facts, file);
    }
    return;
  }
  scanCode(kind, text, file, 1, model, pending);
  // Shell lines inside Python/YAML/text (subprocess calls, CI steps) are found by the shell scanner too.
  if (kind === 'text' && SHELLISH_TEXT.has(extOf(file)) && /\bhf\s+jobs\b|--token/.test(text))
    scanCode('shell', text, file, 1, model, pending);
}

async function readCapped(path: string, size: number): Promise<{text: string; truncated: boolean} | {binary: true}> {
  const handle = await fsp.open(path, 'r');
  try {
    const total = size >= 0 ? size : (await handle.stat()).size;
    const length = Math.min(total, MAX_BYTES);
    const buf = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const r = await handle.read(buf, read, length - read, read);
      if (r.bytesRead === 0) break;
      read += r.bytesRead;
    }
    const head = buf.subarray(0, Math.min(read, SNIFF_BYTES));
    if (hasUtf16Mark(buf)) return {text: decodeText(buf.subarray(0, read)), truncated: total > MAX_BYTES};
    if (head.includes(0)) return {binary: true};
    return {text: buf.subarray(0, read).toString('utf8'), truncated: total > MAX_BYTES};
  } finally {
    await handle.close();
  }
}

let shared = Buffer.allocUnsafe(256 * 1024);

/**
 * The same as readCapped, synchronously into one reused buffer: for many small files this is several times faster
 * than promise-based reads (no per-file handle objects, no thread-pool round trips, little garbage). No fstat: a
 * regular file's read comes back short only at its end, so one read does for a file smaller than the buffer.
 */
function readCappedSync(path: string): {text: string; truncated: boolean} | {binary: true} {
  // Non-blocking: a job's script named in a cloned repo's README as /proc/kmsg (a regular file that blocks until the
  // kernel logs something; readable by root, as in many containers) hung check. Regular files ignore the flag.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    let read = 0;
    for (;;) {
      if (read === shared.length) {
        if (shared.length > MAX_BYTES) break;
        const bigger = Buffer.allocUnsafe(Math.min(shared.length * 2, MAX_BYTES + 1));
        shared.copy(bigger, 0, 0, read);
        shared = bigger;
      }
      const want = shared.length - read;
      const n = readSync(fd, shared, read, want, read);
      read += n;
      if (n < want) break;
    }
    return decodeBytes(shared, 0, Math.min(read, MAX_BYTES), read > MAX_BYTES);
  } finally {
    closeSync(fd);
  }
}

/** A file's bytes (`buf` from `from` to `to`) as text, or binary. */
function decodeBytes(
  buf: Buffer,
  from: number,
  to: number,
  truncated: boolean,
): {text: string; truncated: boolean} | {binary: true} {
  // Most files are ASCII: checked with one vector pass, they are copied as one-byte text instead of UTF-8 decoded,
  // and a NUL in their first SNIFF_BYTES (a binary file) is looked for in that text (the same bytes, one native
  // search) rather than in the buffer (one more call into C++ a file).
  const bytes = buf.subarray(from, to);
  if (isAscii(bytes)) {
    const text = buf.toString('latin1', from, to);
    const nul = text.indexOf('\0');
    return nul !== -1 && nul < SNIFF_BYTES ? {binary: true} : {text, truncated};
  }
  // A UTF-16 text (its byte order mark first: PowerShell scripts and .env files saved on Windows) is text, not binary.
  if (hasUtf16Mark(bytes)) return {text: decodeText(bytes), truncated};
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return {binary: true};
  return {text: buf.toString('utf8', from, to), truncated};
}

export interface ScanPathsOptions {
  cwd: string;
  /** Threads scanning at once (main thread included); default: HF_WIZARD_SCAN_THREADS, else see scanThreads. */
  threads?: number;
}

export interface FileToScan {
  abs: string;
  shown: string;
}

export interface ScanPart {
  model: ScanModel;
  pending: {submission: number; kind: PendingFile['kind']; path: string}[];
}

/**
 * HF_WIZARD_SCAN_DEBUG set: scanPaths writes to stderr where its time went (walk, read, scan, link; what `npm run
 * bench:check` reports). The read time is the main thread's (reading and decoding, summed per file).
 */
const PHASES = Boolean(process.env.HF_WIZARD_SCAN_DEBUG);
let readMs = 0;
let readAheadTaken = 0;
/** ms on a monotonic clock (not nowMs(): its first use loads perf_hooks and 9 more modules). */
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * Reads and scans files one after the other into a model of their own (in a worker or in the main thread). With
 * `ahead`, the files the reading thread has read are taken from it (read-ahead.ts), the others read here.
 */
export function scanFiles(list: FileToScan[], ahead?: ReadAhead, offset = 0): ScanPart {
  const model = emptyModel();
  const pending: PendingFile[] = [];
  // An index loop: this code runs cold (see tuneForOneScan), where for...of costs an iterator result per file.
  for (let i = 0; i < list.length; i++) {
    const {abs, shown} = list[i]!;
    const ext = extOf(abs);
    if (BINARY_EXT.has(ext)) {
      model.skipped.push({file: shown, reason: 'binary'});
      continue;
    }
    let got;
    const readFrom = PHASES ? nowMs() : 0;
    try {
      const taken = ahead ? ahead.take(offset + i) : FREE;
      if (taken !== FREE) readAheadTaken++;
      // An ASCII text the reader found to hold no relevant word: counted, as scanInto counts it, and not decoded. A job
      // config by its name is read whatever it holds (scanInto).
      if (taken === SKIP_TEXT && !JOB_CONFIG_NAME.test(shown)) {
        model.files.push(shown);
        if (PHASES) readMs += nowMs() - readFrom;
        continue;
      }
      if (taken === SKIP_BINARY) {
        model.skipped.push({file: shown, reason: 'binary'});
        if (PHASES) readMs += nowMs() - readFrom;
        continue;
      }
      if (taken === READY_RELEVANT || taken === READY_TOKEN) {
        // An ASCII text with a relevant word (the reader looked): sliced from its run's one-byte text, and not
        // searched again.
        const text = ahead!.text(offset + i);
        if (PHASES) readMs += nowMs() - readFrom;
        scanInto(text, shown, kindOf(abs, ext), model, pending, taken === READY_TOKEN ? 'token' : 'relevant');
        continue;
      }
      got = taken === READY ? decodeBytes(ahead!.bytes, ahead!.from, ahead!.to, false) : readCappedSync(abs);
      if (PHASES) readMs += nowMs() - readFrom;
    } catch (error) {
      model.skipped.push({file: shown, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})`});
      continue;
    }
    if ('binary' in got) {
      model.skipped.push({file: shown, reason: 'binary'});
      continue;
    }
    if (got.truncated)
      model.skipped.push({file: shown, reason: `only the first ${MAX_BYTES / 1024 / 1024} MB scanned`});
    scanInto(got.text, shown, kindOf(abs, ext), model, pending);
  }
  return {
    model,
    pending: pending.map((p) => ({submission: model.submissions.indexOf(p.submission), kind: p.kind, path: p.path})),
  };
}

/** Below this many files one thread is faster than starting others. */
const PARALLEL_MIN_FILES = 1500;

/**
 * Threads to scan with: the option, else HF_WIZARD_SCAN_THREADS, else, on a machine of 3 cores or more, the cores (at
 * most 4) when one is free. A worker costs its start-up and its own warm-up: on a machine whose cores are busy with
 * other work (load average at or above cores - 1) it only adds CPU time, so one thread scans (measured on the 2-core
 * machine at load 4: wall 0.7-1.3 s with one thread, 0.95-1.6 s with two). On 2 cores it loses even when both are
 * idle: bench:check at load 1, medians of 5, one thread 546-576 ms wall and 560-590 ms CPU, two threads 592-601 ms
 * wall and 900-920 ms CPU.
 */
function scanThreads(requested: number | undefined): number {
  const fromEnv = Number(process.env.HF_WIZARD_SCAN_THREADS);
  if (requested === undefined && Number.isInteger(fromEnv) && fromEnv > 0) requested = fromEnv;
  if (requested !== undefined) return Math.max(1, Math.min(requested, 8));
  const cores = availableParallelism();
  return cores <= 2 || (loadavg()[0] ?? 0) >= cores - 1 ? 1 : Math.min(cores, 4);
}

/**
 * The workers run dist/check/scan-worker.cjs (scan-worker.ts and the scanner, in one module: a worker loading the
 * app's 11 chunks took 15-20 ms more CPU to start), next to check's own dist/check/main.cjs and one folder over from
 * the app's chunks: only the build has it; the TypeScript sources (tests, tsx) scan in one thread.
 */
const WORKER_URL = [
  new URL('./scan-worker.cjs', import.meta.url),
  new URL('../check/scan-worker.cjs', import.meta.url),
].find((u) => u.protocol === 'file:' && existsSync(u));
const CAN_SPAWN = WORKER_URL !== undefined;
/** The reading thread's entry (read-ahead.ts), in the build only, as the scan workers'. */
const READER_URL = [
  new URL('./read-worker.cjs', import.meta.url),
  new URL('../check/read-worker.cjs', import.meta.url),
].find((u) => u.protocol === 'file:' && existsSync(u));

/** Files a thread takes at a time from the shared counter (small, so no thread waits long for another's last one). */
export const SCAN_CHUNK = 64;

/** One chunk's part of the model, with the chunk's number (parts are merged in chunk order, whoever scanned them). */
export interface ChunkPart {
  chunk: number;
  part: ScanPart;
}

/**
 * Scans chunks of `list` taken from a shared counter until none is left: what the main thread and each worker run, so
 * a thread that starts late or is given less CPU simply takes fewer chunks (no thread waits on a part cut for another).
 */
export function scanChunks(list: FileToScan[], next: Int32Array): ChunkPart[] {
  const chunks = Math.ceil(list.length / SCAN_CHUNK);
  const out: ChunkPart[] = [];
  for (let c = Atomics.add(next, 0, 1); c < chunks; c = Atomics.add(next, 0, 1))
    out.push({chunk: c, part: scanFiles(list.slice(c * SCAN_CHUNK, (c + 1) * SCAN_CHUNK))});
  return out;
}

/** A reading thread started during the walk; `begin` sends it the list. */
interface Reader {
  begin(list: FileToScan[]): ReadAhead;
  /** The chunks it scanned from the back of the list (none when it does not scan, or failed). */
  parts(): Promise<ChunkPart[]>;
  stop(): void;
}

/**
 * Starts the reading thread (read-ahead.ts), or undefined when it cannot start. It reads only the files the main
 * thread would read (not those named binary by their extension). When it fails after starting, the files it has not
 * read are read by the main thread (a file it was reading, after a bounded wait).
 */
function startReader(): Reader | undefined {
  try {
    const {Worker: WorkerThread} = createRequire(import.meta.url)(
      'node:worker_threads',
    ) as typeof import('node:worker_threads');
    const worker = new WorkerThread(READER_URL!);
    worker.unref();
    // Its parts, or none when it fails or ends without answering (its chunks are then scanned here).
    const answered = new Promise<ChunkPart[]>((done) => {
      worker.once('message', (m: ChunkPart[]) => done(m));
      worker.once('error', () => done([]));
      worker.once('exit', () => done([]));
    });
    let ahead: ReadAhead | undefined;
    return {
      begin(list) {
        const debug = process.env.HF_WIZARD_SCAN_DEBUG;
        ahead = new ReadAhead(
          list.map((f) => f.abs),
          {
            // HF_WIZARD_SCAN_RING: the ring's size in bytes (tests make it small so that it wraps and fills).
            ringBytes: Number(process.env.HF_WIZARD_SCAN_RING) || undefined,
            // reader-only: the main thread waits for the reader (a test of its path); the reader then only reads.
            mainReads: debug !== 'reader-only',
            chunk: SCAN_CHUNK,
            // The reader scans chunks from the back when it has nothing to read (HF_WIZARD_SCAN_READER=read: only reads).
            shown:
              debug === 'reader-only' || process.env.HF_WIZARD_SCAN_READER === 'read'
                ? undefined
                : list.map((f) => f.shown),
          },
        );
        worker.postMessage(ahead.job);
        return ahead;
      },
      parts: () => answered,
      stop() {
        ahead?.stop();
        void worker.terminate();
      },
    };
  } catch {
    return undefined;
  }
}

/**
 * Whether to read ahead in a thread while the main thread scans: a one-thread scan of a big tree, on a machine with a
 * second core that is not busy (HF_WIZARD_SCAN_READER=0 turns it off, =1 on whatever the tree and the load, =read on
 * with a reader that only reads and scans no chunk).
 */
function useReader(threads: number): boolean {
  const env = process.env.HF_WIZARD_SCAN_READER;
  if (env === '0' || READER_URL === undefined || threads > 1) return false;
  if (env === '1' || env === 'read') return true;
  // The reader costs its thread's start (~35 ms of CPU) and gives back only where a core is free for it: on a busy
  // machine it only adds CPU time.
  const cores = availableParallelism();
  return cores >= 2 && (loadavg()[0] ?? 0) < cores - 0.5;
}

interface ScanWorker {
  /** Scans chunks of the list in the worker; rejects if the worker cannot (its chunks are then scanned here). */
  scan(list: FileToScan[], next: Int32Array): Promise<ChunkPart[]>;
  stop(): void;
}

function startWorker(): ScanWorker {
  let worker: Worker;
  try {
    // Loaded here, not at the top: node:worker_threads brings 8 internal modules a one-thread scan does not need.
    const {Worker: WorkerThread} = createRequire(import.meta.url)(
      'node:worker_threads',
    ) as typeof import('node:worker_threads');
    worker = new WorkerThread(WORKER_URL!);
  } catch (error) {
    return {scan: () => Promise.reject(error as Error), stop: () => undefined};
  }
  const done = new Promise<ChunkPart[]>((resolveDone, reject) => {
    worker.once('message', (m: ChunkPart[]) => resolveDone(m));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`scan worker exited with ${code}`)));
  }).finally(() => void worker.terminate());
  done.catch(() => undefined);
  return {
    scan(list, next) {
      worker.postMessage({list, next});
      return done;
    },
    stop: () => void worker.terminate(),
  };
}

/**
 * With a reader that scans too: the main thread scans chunks from the front until it meets the reader's, then takes
 * the reader's parts (a chunk it did not answer for is scanned here).
 */
async function scanWithReader(list: FileToScan[], ahead: ReadAhead, reader: Reader): Promise<ScanPart[]> {
  const chunks = Math.ceil(list.length / SCAN_CHUNK);
  const parts: ChunkPart[] = [];
  // HF_WIZARD_SCAN_DEBUG=reader-scans: the main thread takes no chunk (a test of the reader's scanning path).
  const mine = process.env.HF_WIZARD_SCAN_DEBUG === 'reader-scans' ? 0 : chunks;
  for (let c = 0; c < mine && ahead.claimChunk(c); c++)
    parts.push({chunk: c, part: scanFiles(list.slice(c * SCAN_CHUNK, (c + 1) * SCAN_CHUNK), ahead, c * SCAN_CHUNK)});
  ahead.finish();
  const own = parts.length;
  if (own < chunks) parts.push(...(await reader.parts()));
  return inChunkOrder(list, parts, own, 'the reader');
}

/**
 * The parts of every chunk of `list` in chunk order: a chunk no other thread answered for (it failed after taking it)
 * is scanned here. HF_WIZARD_SCAN_DEBUG says who scanned how many (`own` by the main thread, the rest by `others`).
 */
function inChunkOrder(list: FileToScan[], parts: ChunkPart[], own: number, others: string): ScanPart[] {
  const chunks = Math.ceil(list.length / SCAN_CHUNK);
  if (parts.length < chunks) {
    const have = new Set(parts.map((p) => p.chunk));
    for (let c = 0; c < chunks; c++)
      if (!have.has(c)) parts.push({chunk: c, part: scanFiles(list.slice(c * SCAN_CHUNK, (c + 1) * SCAN_CHUNK))});
  }
  parts.sort((x, y) => x.chunk - y.chunk);
  if (process.env.HF_WIZARD_SCAN_DEBUG)
    process.stderr.write(
      `scan: ${list.length} files, ${chunks} chunks, ${own} scanned by the main thread, ${chunks - own} by ${others}\n`,
    );
  return parts.map((p) => p.part);
}

async function scanAll(
  list: FileToScan[],
  workers: ScanWorker[],
  ahead?: ReadAhead,
  reader?: Reader,
): Promise<ScanPart[]> {
  if (ahead && reader && ahead.scans) return scanWithReader(list, ahead, reader);
  if (!workers.length) return [scanFiles(list, ahead)];
  const next = new Int32Array(new SharedArrayBuffer(4));
  const chunks = Math.ceil(list.length / SCAN_CHUNK);
  const theirs = workers.map((w) => w.scan(list, next));
  // HF_WIZARD_SCAN_DEBUG=workers-only: the main thread takes no chunk (a test of the workers' path).
  const parts = process.env.HF_WIZARD_SCAN_DEBUG === 'workers-only' ? [] : scanChunks(list, next);
  const own = parts.length;
  // The chunks the main thread did not take were taken by workers: wait until they are all back (a worker that took
  // none, or has not even started, is not waited for), then stop the workers.
  if (own < chunks)
    await new Promise<void>((done) => {
      let left = theirs.length;
      for (const answer of theirs)
        answer
          .then((got) => {
            parts.push(...got);
            if (parts.length >= chunks) done();
          })
          .catch(() => undefined)
          .finally(() => {
            if (--left === 0) done();
          });
    });
  for (const w of workers) w.stop();
  // A worker that failed after taking chunks: those are scanned here.
  return inChunkOrder(list, parts, own, `${workers.length} worker(s)`);
}

/**
 * The file name of a script given as a Hub or GitHub URL (`https://huggingface.co/datasets/ORG/REPO/raw/main/x.py`,
 * `https://raw.githubusercontent.com/OWNER/REPO/REF/x.py`, github.com blob/raw links): when a file of that name sits
 * next to the file giving the URL (a repository mirrored to the Hub, its README pointing at its own scripts), that
 * local copy is the script the job runs.
 */
export function mirroredScript(url: string): string | undefined {
  const m =
    /^https?:\/\/(?:huggingface\.co|hf\.co|raw\.githubusercontent\.com|github\.com)\/[^?#\s]*\/([\w.-]+\.py)(?:[?#]\S*)?$/i.exec(
      url.trim(),
    );
  return m?.[1];
}

/**
 * The places in the checked tree where a script given by URL may be, as paths relative to the tree's root: its path in
 * its repository (`raw.githubusercontent.com/OWNER/REPO/REF/scripts/train.py` and github.com blob/raw links:
 * `scripts/train.py`, for a tree that is that repository), and for a Hub repo also under a folder named as the repo
 * (`huggingface.co/datasets/uv-scripts/ocr/raw/main/glm-ocr.py`: `glm-ocr.py`, `ocr/glm-ocr.py`, for a collection
 * that keeps each Hub repo in its own folder). Branch names with `/` (`refs/heads/main`) are read as GitHub writes them.
 */
export function urlScriptPaths(url: string): string[] {
  const u = url.trim().split(/[?#]/)[0]!;
  if (!/\.py$/i.test(u)) return [];
  const gh =
    /^https?:\/\/raw\.githubusercontent\.com\/[^/]+\/[^/]+\/(?:refs\/(?:heads|tags)\/)?[^/]+\/(.+)$/i.exec(u) ??
    /^https?:\/\/github\.com\/[^/]+\/[^/]+\/(?:blob|raw)\/(?:refs\/(?:heads|tags)\/)?[^/]+\/(.+)$/i.exec(u);
  if (gh) return [gh[1]!];
  const hub =
    /^https?:\/\/(?:huggingface\.co|hf\.co)\/(?:(?:datasets|spaces)\/)?[^/]+\/([^/]+)\/(?:raw|resolve|blob)\/[^/]+\/(.+)$/i.exec(
      u,
    );
  return hub ? [hub[2]!, `${hub[1]}/${hub[2]}`] : [];
}

/**
 * Where the script a submission runs may be: its path from the submitting file's folder, the checked folder it is in
 * (`root`) or the current one, the local copy of a script given by URL (next to the submitting file, or at its path in
 * the repository from `root` or the current folder, see urlScriptPaths), or a `python -m pkg.mod` module's file from the submitting file's folder or any folder above it up
 * to the current one (the job's command runs from the repository's root).
 */
function scriptCandidates(sub: Submission, base: string, cwd: string, root: string = cwd): string[] {
  if (sub.module) {
    const dirs = [base];
    for (let d = base; d.startsWith(cwd) && d !== cwd && dirname(d) !== d;) dirs.push((d = dirname(d)));
    if (!dirs.includes(cwd)) dirs.push(cwd);
    return dirs.flatMap((d) => moduleFiles(sub.module!.value).map((f) => resolve(d, f)));
  }
  if (!sub.script?.literal) return [];
  const kind = scriptKind(sub.script.value);
  const mirrored = kind === 'url' ? mirroredScript(sub.script.value) : undefined;
  // The repository's root is the folder given to check (`check path/to/repo`), else the current one.
  const tops = root === cwd ? [cwd] : [root, cwd];
  if (mirrored)
    return [
      resolve(base, mirrored),
      ...tops.flatMap((t) => urlScriptPaths(sub.script!.value).map((p) => resolve(t, p))),
    ];
  return kind === 'path' ? [resolve(base, sub.script.value), ...tops.map((t) => resolve(t, sub.script!.value))] : [];
}

/** The deepest checked folder that holds `dir` (the repository a file is in), else the current folder. */
function rootOf(roots: string[], dir: string, cwd: string): string {
  let best: string | undefined;
  for (const r of roots)
    if ((dir === r || dir.startsWith(r.endsWith(sep) ? r : r + sep)) && r.length > (best?.length ?? -1)) best = r;
  return best ?? cwd;
}

/** Walks the paths (files or folders), scans every text file, then links local scripts and secrets files. */
export async function scanPaths(paths: string[], options: ScanPathsOptions): Promise<ScanModel> {
  const model = emptyModel();
  const pending: PendingFile[] = [];
  const cwdPrefix = options.cwd.endsWith(sep) ? options.cwd : options.cwd + sep;
  const display = (p: string) => {
    // Walked paths are absolute and normalised: under the current folder a slice is the relative path, elsewhere the
    // path is shown as it is (what path.relative, which resolves both sides each time, came to).
    if (p.startsWith(cwdPrefix)) return p.slice(cwdPrefix.length);
    if (sep === '/' && p !== options.cwd) return p;
    const rel = relative(options.cwd, p);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
  };
  const skippedDirs: SkippedDir[] = [];
  const list: FileToScan[] = [];
  // Worker threads start as soon as the walk has found enough files, so their start-up overlaps the rest of it.
  const threads = CAN_SPAWN ? scanThreads(options.threads) : 1;
  const workers: ScanWorker[] = [];
  const reading = useReader(threads);
  let reader: Reader | undefined;
  let found = 0;
  const onFile = () => {
    if (++found !== (reading && process.env.HF_WIZARD_SCAN_READER === '1' ? 1 : PARALLEL_MIN_FILES)) return;
    if (reading) reader = startReader();
    else for (let i = 1; i < threads; i++) workers.push(startWorker());
  };
  const walkFrom = nowMs();
  readMs = 0;
  // The folders given to check (a file's folder for a file): the roots that scripts given by URL are looked up from.
  const roots: string[] = [];
  for (const raw of paths.length ? paths : ['.']) {
    const abs = resolve(options.cwd, raw);
    roots.push(statSync(abs, {throwIfNoEntry: false})?.isDirectory() === false ? dirname(abs) : abs);
    for (const entry of walkFilesSync(abs, skippedDirs, threads > 1 || reading ? onFile : undefined))
      list.push({abs: entry.path, shown: display(entry.path)});
  }
  model.skippedDirs.push(...skippedDirs.map((d) => ({dir: display(d.dir), reason: d.reason, code: d.code})));
  // A shown name resolves back to its walked path (a slice of it under the current folder, else the path itself): no
  // map of all 10,000 is built for the few files that hold jobs.
  // display's inverse without path.resolve (a loop over the whole path, once for each of thousands of jobs): under the
  // current folder the shown path is the rest of the walked one, elsewhere (on POSIX) it is the walked path itself.
  const absOf = (shown: string) =>
    sep !== '/' ? resolve(options.cwd, shown) : shown.startsWith('/') ? shown : cwdPrefix + shown;
  const scanFrom = nowMs();
  const ahead = reader?.begin(list);
  let parts: ScanPart[];
  try {
    parts = await scanAll(list, workers, ahead, reader);
  } finally {
    reader?.stop();
  }
  const linkFrom = nowMs();
  for (const part of parts) {
    const offset = model.submissions.length;
    mergeModel(model, part.model);
    for (const p of part.pending)
      pending.push({submission: model.submissions[offset + p.submission]!, kind: p.kind, path: p.path});
  }
  model.files.sort();

  linkScripts(model, list, {cwd: options.cwd, roots, absOf, display});
  // --secrets-file / --env-file: read them when they exist, so their entries are judged too.
  for (const p of pending) {
    const base = dirname(absOf(p.submission.file));
    for (const candidate of [resolve(options.cwd, p.path), resolve(base, p.path)]) {
      try {
        const got = await readCapped(candidate, -1);
        if ('binary' in got) continue;
        const entries = parseDotenv(got.text).map((e) => ({...e, line: p.submission.line}));
        if (p.kind === 'secrets') {
          p.submission.secrets.push(...entries);
          p.submission.secretsOpaque = false;
        } else {
          p.submission.env.push(...entries);
          p.submission.envOpaque = false;
        }
        break;
      } catch {
        // unreadable: stays opaque
      }
    }
  }
  if (PHASES)
    process.stderr.write(
      `scan phases: walk ${(scanFrom - walkFrom).toFixed(0)} ms, read ${readMs.toFixed(0)} ms${ahead ? ` (${readAheadTaken} files read ahead)` : ''}, scan ${(linkFrom - scanFrom - readMs).toFixed(0)} ms (read excluded), link ${(nowMs() - linkFrom).toFixed(0)} ms; ${list.length} files\n`,
    );
  return model;
}

/** What scanPaths knows of the tree, for linking jobs to the scripts they run. */
interface TreeInfo {
  cwd: string;
  roots: string[];
  absOf: (shown: string) => string;
  display: (abs: string) => string;
}

/**
 * The facts of the script at `candidate` (shown as `shown`), read now; undefined when it is not a readable text. `st`:
 * its stat when the caller has it (a missing file is told apart from an unreadable one there).
 */
function readScriptFacts(candidate: string, shown: string, st = statSync(candidate, {throwIfNoEntry: false})) {
  if (!st || !st.isFile() || st.size > MAX_BYTES) return undefined;
  const got = readCappedSync(candidate);
  return 'binary' in got ? undefined : scriptFacts(got.text, shown);
}

/**
 * The one Python file of the checked tree whose path ends with a job's relative script path (`train.py`,
 * `scripts/train.py`), when it is not where the job's file or the root would find it: a skill doc in
 * `.opencode/skills/x/` showing `hf jobs uv run ... train-v2.py` for the repository's `sft/train-v2.py`. Two or more
 * such files: none (no guess). Each script path is looked for once (`found`), in one index loop over the walked paths
 * (this code runs cold: an index of every name cost 1,700 instructions a file of the bench tree, this loop ~300).
 */
function uniqueInTree(list: FileToScan[], value: string, found: Map<string, string | undefined>): string | undefined {
  if (found.has(value)) return found.get(value);
  let only: string | undefined;
  const rel = value.replace(/^(?:\.\/)+/, '');
  if (rel.endsWith('.py') && !isAbsolute(rel) && !rel.split('/').includes('..')) {
    const tail = sep + rel.split('/').join(sep);
    let count = 0;
    for (let i = 0; i < list.length && count < 2; i++) {
      const abs = list[i]!.abs;
      if (abs.endsWith(tail)) {
        only = abs;
        count++;
      }
    }
    if (count !== 1) only = undefined;
  }
  found.set(value, only);
  return only;
}

/** Links each job to the facts of the local script it runs (scanned already, or read now). */
function linkScripts(model: ScanModel, list: FileToScan[], tree: TreeInfo): void {
  const {cwd, roots, absOf, display} = tree;
  // Local scripts the jobs run: use their facts (scanned above, or read now).
  const factsByFile = new Map(model.scripts.map((f) => [f.file, f]));
  const missing = new Set<string>();
  // Thousands of jobs in a tree name few scripts from few folders: where each may be, and how it is shown, is worked
  // out once per folder and script (path.resolve and dirname are loops over the whole path).
  const baseOf = new Map<string, string>();
  const candidatesOf = new Map<string, {abs: string; shown: string}[]>();
  const foundInTree = new Map<string, string | undefined>();
  // Facts known already (scanned, or read for an earlier job) are used; facts read now are added to the model.
  const use = (sub: Submission, f: ScriptFacts) => {
    f.isJobScript = true;
    sub.scriptFacts = f;
    if (factsByFile.get(f.file) !== f) {
      model.scripts.push(f);
      factsByFile.set(f.file, f);
    }
  };
  for (const sub of model.submissions) {
    if (sub.scriptFacts || !(sub.module || sub.script?.literal)) continue;
    let base = baseOf.get(sub.file);
    if (base === undefined) {
      base = dirname(absOf(sub.file));
      baseOf.set(sub.file, base);
    }
    const key = `${base}\0${sub.module ? `m\0${sub.module.value}` : `s\0${sub.script!.value}`}`;
    let candidates = candidatesOf.get(key);
    if (!candidates) {
      candidates = scriptCandidates(sub, base, cwd, rootOf(roots, base, cwd)).map((abs) => ({
        abs,
        shown: display(abs),
      }));
      candidatesOf.set(key, candidates);
    }
    for (const {abs: candidate, shown} of candidates) {
      const known = factsByFile.get(shown);
      if (known) {
        use(sub, known);
        break;
      }
      // Known missing: a tree of jobs all running the same absent `train.py` asks the disk once.
      if (missing.has(candidate)) continue;
      try {
        const st = statSync(candidate, {throwIfNoEntry: false});
        if (!st) {
          missing.add(candidate);
          continue;
        }
        const f = readScriptFacts(candidate, shown, st);
        if (!f) continue;
        use(sub, f);
        break;
      } catch {
        // not there: nothing known about the script
      }
    }
    // Not where the job's file or the root would find it: the one file of that path in the tree.
    if (!sub.scriptFacts && sub.script?.literal && scriptKind(sub.script.value) === 'path') {
      const only = uniqueInTree(list, sub.script.value, foundInTree);
      const shown = only === undefined ? undefined : display(only);
      const f =
        only === undefined ? undefined : (factsByFile.get(shown!) ?? safely(() => readScriptFacts(only, shown!)));
      if (f) use(sub, f);
    }
  }
}

/** f(), or undefined when it throws (a file gone or unreadable between the walk and now). */
function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
