// Reads files (or in-memory text) into the ScanModel the static checks judge: submissions, scripts, token hits.
import {closeSync, fstatSync, openSync, readSync} from 'node:fs';
import {open, stat} from 'node:fs/promises';
import {basename, dirname, extname, isAbsolute, relative, resolve} from 'node:path';
import {LineIndex, LiteralParser, type Lit} from '../jobspec/literal.js';
import {findTokenLike} from '../jobspec/placeholder.js';
import {scriptKind} from '../jobspec/spec.js';
import {configSubmission, findMcpCalls, looksLikeConfig} from './extract-mcp.js';
import {extractPython} from './extract-python.js';
import {embeddedCommands, extractShell, parseDotenv, type ShellScan} from './extract-shell.js';
import {scriptFacts} from './script-facts.js';
import {emptyModel, type ScanModel, type ScriptFacts, type Submission} from './types.js';
import {walkFiles, type SkippedDir} from './walk.js';

export type FileKind = 'python' | 'shell' | 'json' | 'markdown' | 'yaml' | 'notebook' | 'text';

/** Read at most this much of a file; the rest is not scanned (said in `skipped`). */
export const MAX_BYTES = 2 * 1024 * 1024;
const SNIFF_BYTES = 8192;

const BINARY_EXT = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.ico', '.pdf', '.zip', '.gz', '.tgz', '.bz2', '.xz', '.zst', '.7z', '.tar', '.whl', '.so', '.dylib', '.dll', '.exe', '.bin', '.pt', '.pth', '.ckpt', '.safetensors', '.onnx', '.gguf', '.parquet', '.arrow', '.npy', '.npz', '.pkl', '.h5', '.mp3', '.mp4', '.wav', '.mov', '.woff', '.woff2', '.ttf', '.otf', '.pyc', '.class', '.jar', '.db', '.sqlite']);

/** Plain-text files that may hold command lines (not source code of other languages). */
const SHELLISH_TEXT = new Set(['', '.txt', '.cmd', '.bat', '.ps1', '.command']);

export function kindOf(file: string): FileKind {
  const ext = extname(file).toLowerCase();
  const name = basename(file).toLowerCase();
  if (ext === '.py' || ext === '.pyw') return 'python';
  if (ext === '.sh' || ext === '.bash' || ext === '.zsh' || name === 'makefile' || name === 'justfile' || name === 'dockerfile') return 'shell';
  if (ext === '.json' || ext === '.jsonc') return 'json';
  if (ext === '.md' || ext === '.mdx' || ext === '.markdown') return 'markdown';
  if (ext === '.ipynb') return 'notebook';
  if (ext === '.yml' || ext === '.yaml') return 'yaml';
  return 'text';
}

function blockKind(info: string, body: string): FileKind | undefined {
  const lang = info.trim().split(/[\s{]/)[0]!.toLowerCase();
  if (['python', 'py', 'python3', 'ipython', 'pycon'].includes(lang)) return 'python';
  if (['bash', 'sh', 'shell', 'console', 'zsh', 'shell-session', 'terminal', 'shellsession'].includes(lang)) return 'shell';
  if (['json', 'jsonc', 'json5'].includes(lang)) return 'json';
  if (['yaml', 'yml'].includes(lang)) return 'yaml';
  if (lang) return 'text';
  const t = body.trimStart();
  if (/\b(hf_jobs|run_uv_job|run_job)\s*\(|^(import|from)\s/m.test(t)) return 'python';
  if (/^(\$\s+)?hf\s/m.test(t)) return 'shell';
  if (t.startsWith('{') || t.startsWith('[')) return 'json';
  return undefined;
}

/** Fenced code blocks of a Markdown text, with the line of their first code line. */
export function markdownBlocks(text: string): {kind: FileKind | undefined; body: string; line: number}[] {
  const out: {kind: FileKind | undefined; body: string; line: number}[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s{0,3}(`{3,}|~{3,})(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const info = open[2]!;
    const start = i + 1;
    let j = start;
    while (j < lines.length && !new RegExp(`^\\s{0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(lines[j]!)) j++;
    const body = lines.slice(start, j).join('\n');
    out.push({kind: blockKind(info, body), body, line: start + 1});
    i = j;
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
  if (!/"operation"|"script"|"command"|"secrets"|hf-job/.test(text) && !/hf-jobs?\.json$/i.test(file)) return;
  // A whole .json file must be JSON: the native parser says so at once, before the line-keeping parser (which would
  // otherwise read trailing non-JSON text as one long expression). Code blocks and .jsonc may hold comments.
  if (lineBase === 1 && /\.json$/i.test(file)) {
    try {
      JSON.parse(text);
    } catch {
      return;
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
  for (const f of s.files) pending.push({submission: model.submissions[offset + f.submission]!, kind: f.kind, path: f.path});
  return s.submissions;
}

/** Commands shown in strings, comments or prose of a non-shell text (see embeddedCommands). */
function scanEmbedded(text: string, file: string, lineBase: number, model: ScanModel, pending: PendingFile[]): Submission[] {
  const shown = embeddedCommands(text);
  return shown ? pushShell(extractShell(shown, file, lineBase), model, pending) : [];
}

function scanCode(kind: FileKind | undefined, text: string, file: string, lineBase: number, model: ScanModel, pending: PendingFile[]): Submission[] {
  if (kind === 'python') {
    const subs = extractPython(text, file, lineBase);
    model.submissions.push(...subs);
    model.scripts.push(...attachInlineFacts(subs, file));
    return [...subs, ...scanEmbedded(text, file, lineBase, model, pending)];
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
  const lines = text.split('\n');
  const named: {name: string; facts: ScriptFacts}[] = [];
  const firstSub = model.submissions.length;
  for (const block of markdownBlocks(text)) {
    const at = block.line + lineBase - 1;
    if (block.kind === 'python') {
      const code = withoutPrompts(block.body);
      scanCode('python', code, file, at, model, pending);
      // A job script shown in the doc (PEP 723 header, or named and run by a submission here) is judged too.
      const end = block.line - 1 + block.body.split('\n').length;
      const name = blockName(code, lines.slice(end + 1, end + 4));
      if (name || /^#\s*\/\/\/\s*script\s*$/m.test(code)) {
        const facts = scriptFacts(code, file, at);
        if (facts.isJobScript) model.scripts.push(facts);
        if (name) named.push({name, facts});
      }
    } else scanCode(block.kind, block.body, file, at, model, pending);
    // Blank the block (and its fences) so the prose pass below does not read it twice.
    for (let i = block.line - 2; i < block.line - 1 + block.body.split('\n').length + 1 && i < lines.length; i++) if (i >= 0) lines[i] = '';
  }
  scanEmbedded(lines.join('\n'), file, lineBase, model, pending);
  for (const sub of model.submissions.slice(firstSub)) {
    if (sub.scriptFacts || !sub.script?.literal || scriptKind(sub.script.value) !== 'path') continue;
    const hit = named.find((n) => n.name === basename(sub.script!.value));
    if (!hit) continue;
    if (!hit.facts.isJobScript) model.scripts.push(hit.facts);
    hit.facts.isJobScript = true;
    sub.scriptFacts = hit.facts;
  }
}

/** A submission that runs this very file (its docstring shows how to submit it, by name or URL) judges its facts. */
function linkOwnScript(subs: Submission[], facts: ScriptFacts, file: string): void {
  const own = basename(file);
  for (const sub of subs) {
    if (sub.scriptFacts || !sub.script?.literal) continue;
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

/**
 * Words without which a file holds nothing any check reads: no token, no job submission, no Hub call, no job config.
 * Files without any of them are counted but not parsed (most of a real project).
 */
const RELEVANT = /hf_|api_org_|TOKEN|[Tt]oken|jobs|run_job|run_uv_job|scheduled|push_to_hub|upload_|create_|delete_|login|whoami|repo_id|"operation"|"script"|CommitScheduler|duplicate_space/;

function scanInto(text: string, file: string, kind: FileKind, model: ScanModel, pending: PendingFile[]): void {
  model.files.push(file);
  if (!RELEVANT.test(text) && !/hf-jobs?\.json$/i.test(file)) return;
  if (text.includes('hf_') || text.includes('api_org_')) {
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
    const facts = scriptFacts(text, file);
    model.scripts.push(facts);
    linkOwnScript(scanCode(kind, text, file, 1, model, pending), facts, file);
    return;
  }
  scanCode(kind, text, file, 1, model, pending);
  // Shell lines inside Python/YAML/text (subprocess calls, CI steps) are found by the shell scanner too.
  if (kind === 'text' && SHELLISH_TEXT.has(extname(file).toLowerCase()) && /\bhf\s+jobs\b|--token/.test(text)) scanCode('shell', text, file, 1, model, pending);
}

async function readCapped(path: string, size: number): Promise<{text: string; truncated: boolean} | {binary: true}> {
  const handle = await open(path, 'r');
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
    if (head.includes(0)) return {binary: true};
    return {text: buf.subarray(0, read).toString('utf8'), truncated: total > MAX_BYTES};
  } finally {
    await handle.close();
  }
}

let shared = Buffer.allocUnsafe(256 * 1024);

/**
 * The same as readCapped, synchronously into one reused buffer: for many small files this is several times faster
 * than promise-based reads (no per-file handle objects, no thread-pool round trips, little garbage).
 */
function readCappedSync(path: string): {text: string; truncated: boolean} | {binary: true} {
  const fd = openSync(path, 'r');
  try {
    const total = fstatSync(fd).size;
    const length = Math.min(total, MAX_BYTES);
    if (shared.length < length) shared = Buffer.allocUnsafe(Math.max(length, shared.length * 2));
    let read = 0;
    while (read < length) {
      const n = readSync(fd, shared, read, length - read, read);
      if (n === 0) break;
      read += n;
    }
    if (shared.subarray(0, Math.min(read, SNIFF_BYTES)).includes(0)) return {binary: true};
    return {text: shared.toString('utf8', 0, read), truncated: total > MAX_BYTES};
  } finally {
    closeSync(fd);
  }
}

export interface ScanPathsOptions {
  cwd: string;
}

/** Walks the paths (files or folders), scans every text file, then links local scripts and secrets files. */
export async function scanPaths(paths: string[], options: ScanPathsOptions): Promise<ScanModel> {
  const model = emptyModel();
  const pending: PendingFile[] = [];
  const display = (p: string) => {
    const rel = relative(options.cwd, p);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
  };
  const queue: {path: string; size: number}[] = [];
  const skippedDirs: SkippedDir[] = [];
  for (const raw of paths.length ? paths : ['.']) {
    const abs = resolve(options.cwd, raw);
    for await (const entry of walkFiles(abs, skippedDirs)) queue.push(entry);
  }
  model.skippedDirs.push(...skippedDirs.map((d) => ({dir: display(d.dir), reason: d.reason})));
  const absByDisplay = new Map<string, string>();
  for (const entry of queue) {
    const shown = display(entry.path);
    absByDisplay.set(shown, entry.path);
    if (BINARY_EXT.has(extname(entry.path).toLowerCase())) {
      model.skipped.push({file: shown, reason: 'binary'});
      continue;
    }
    let got;
    try {
      got = readCappedSync(entry.path);
    } catch (error) {
      model.skipped.push({file: shown, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})`});
      continue;
    }
    if ('binary' in got) {
      model.skipped.push({file: shown, reason: 'binary'});
      continue;
    }
    if (got.truncated) model.skipped.push({file: shown, reason: `only the first ${MAX_BYTES / 1024 / 1024} MB scanned`});
    scanInto(got.text, shown, kindOf(entry.path), model, pending);
  }
  model.files.sort();

  // Local scripts the jobs run: use their facts (scanned above, or read now).
  const factsByFile = new Map(model.scripts.map((f) => [f.file, f]));
  for (const sub of model.submissions) {
    if (!sub.script?.literal || sub.scriptFacts || scriptKind(sub.script.value) !== 'path') continue;
    const base = dirname(absByDisplay.get(sub.file) ?? resolve(options.cwd, sub.file));
    for (const candidate of [resolve(base, sub.script.value), resolve(options.cwd, sub.script.value)]) {
      const known = factsByFile.get(display(candidate));
      if (known) {
        known.isJobScript = true;
        sub.scriptFacts = known;
        break;
      }
      try {
        const st = await stat(candidate);
        if (!st.isFile() || st.size > MAX_BYTES) continue;
        const got = await readCapped(candidate, st.size);
        if ('binary' in got) continue;
        const f = scriptFacts(got.text, display(candidate));
        f.isJobScript = true;
        sub.scriptFacts = f;
        model.scripts.push(f);
        factsByFile.set(f.file, f);
        break;
      } catch {
        // not there: nothing known about the script
      }
    }
  }
  // --secrets-file / --env-file: read them when they exist, so their entries are judged too.
  for (const p of pending) {
    const base = dirname(absByDisplay.get(p.submission.file) ?? resolve(options.cwd, p.submission.file));
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
  return model;
}
