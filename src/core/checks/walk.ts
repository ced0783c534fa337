// Walks folders for `check`: honours .gitignore (simple patterns, our own matcher), skips hidden folders
// (.git, .cache, .venv, .state ...), dependency folders (node_modules, __pycache__, venv) and the app's own data
// (its cache/state folder, sandbox data dirs). A path the person names explicitly is always walked.
import {readdirSync, readFileSync, statSync, type Dirent} from 'node:fs';
import {readdir, readFile, stat} from 'node:fs/promises';
import {basename, join, relative, sep} from 'node:path';
import {globMatcher} from '../wildmatch.js';

/** Dependency and tool folders that are never the person's job files (hidden folders are skipped as well). */
export const ALWAYS_SKIPPED_DIRS = new Set(['node_modules', '__pycache__', 'venv', 'site-packages']);

/**
 * Hidden folders that do hold job lines worth checking: CI workflows running `hf jobs run`, and coding agents' skills,
 * commands and rules committed with a project (`.claude/skills/<name>/SKILL.md`, `.opencode/skills/...`): docs whose
 * `hf jobs` commands and `hf_jobs(...)` calls the agent runs as written.
 */
export const SCANNED_HIDDEN_DIRS = new Set([
  '.github',
  '.gitlab',
  '.circleci',
  '.claude',
  '.opencode',
  '.cursor',
  '.codex',
  '.agents',
  '.gemini',
]);

/** Folder names under which the app keeps its own data (`~/.cache/hf-jobs-wizard`, `~/.local/state/hf-jobs-wizard`). */
const APP_DATA_PARENTS = /^\.?(cache|state|share|data)$/i;

/** 'unreadable': a folder that could not be listed (no permission, a path longer than the system takes). */
export type SkippedDirReason = 'hidden' | 'dependencies' | 'app-data' | 'unreadable';

export interface SkippedDir {
  dir: string;
  reason: SkippedDirReason;
  /** For 'unreadable': the error's code (EACCES, ENAMETOOLONG). */
  code?: string;
}

/** The code of a path named to check that is neither a file nor a folder (a named pipe, a device, a socket). */
export const NOT_REGULAR = 'ENOTREG';

function unreadable(dir: string, error: unknown): SkippedDir {
  return {dir, reason: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? 'error'};
}

/** Why a folder (by its entries' names) is not walked, or undefined to walk it. */
export function skipReason(
  dir: string,
  entryNames: {files: Set<string>; dirs: Set<string>},
): SkippedDirReason | undefined {
  const name = basename(dir);
  if (name === 'hf-jobs-wizard' && APP_DATA_PARENTS.test(basename(join(dir, '..')))) return 'app-data';
  // A sandbox data dir (`hf-jobs-wizard sandbox --data DIR`, the wizard's sandbox): accounts.json next to hub/.
  if (entryNames.files.has('accounts.json') && entryNames.dirs.has('hub')) return 'app-data';
  if (name.startsWith('.') && !SCANNED_HIDDEN_DIRS.has(name)) return 'hidden';
  if (ALWAYS_SKIPPED_DIRS.has(name)) return 'dependencies';
  return undefined;
}

interface Rule {
  /** Whether the rule matches a path relative to the .gitignore's folder, or a folder that path is in. */
  test: (rel: string) => boolean;
  negate: boolean;
  dirOnly: boolean;
}

/** One .gitignore pattern as a regex over a path relative to the .gitignore's folder (with `/` separators). */
export function gitignoreRule(pattern: string): Rule | undefined {
  let p = pattern.replace(/\r$/, '');
  if (!p.trim() || p.startsWith('#')) return undefined;
  p = p.replace(/(?<!\\)\s+$/, '');
  let negate = false;
  if (p.startsWith('!')) {
    negate = true;
    p = p.slice(1);
  }
  if (p.startsWith('\\')) p = p.slice(1);
  let dirOnly = false;
  if (p.endsWith('/')) {
    dirOnly = true;
    p = p.slice(0, -1);
  }
  return {test: globMatcher(p, true).test, negate, dirOnly};
}

export class IgnoreStack {
  constructor(private readonly layers: {base: string; prefix: string; rules: Rule[]}[] = []) {}

  with(base: string, text: string): IgnoreStack {
    const rules = text
      .split('\n')
      .map(gitignoreRule)
      .filter((r): r is Rule => r !== undefined);
    return rules.length ? new IgnoreStack([...this.layers, {base, prefix: base + sep, rules}]) : this;
  }

  ignored(path: string, isDir: boolean): boolean {
    let result = false;
    // Index loops: this runs once for every file walked, in code that runs cold (for...of costs an iterator result).
    for (let l = 0; l < this.layers.length; l++) {
      const layer = this.layers[l]!;
      // Walked paths sit under the layer's folder: a slice, not path.relative (which resolves both sides each time).
      let rel = path.startsWith(layer.prefix) ? path.slice(layer.prefix.length) : relative(layer.base, path);
      if (sep !== '/') rel = rel.split(sep).join('/');
      if (rel.startsWith('..')) continue;
      for (let r = 0; r < layer.rules.length; r++) {
        const rule = layer.rules[r]!;
        // Ignored folders are never entered, so a folder-only rule never needs to match a file.
        if (rule.dirOnly && !isDir) continue;
        if (!rule.test(rel)) continue;
        result = !rule.negate;
      }
    }
    return result;
  }
}

export interface WalkEntry {
  path: string;
  size: number;
}

/**
 * Files under `root` (a file yields itself). Ignored folders are not entered; skipped folders (hidden,
 * dependencies, the app's own data) are listed in `skippedDirs` when given. `root` itself is never skipped.
 */
export async function* walkFiles(root: string, skippedDirs?: SkippedDir[]): AsyncGenerator<WalkEntry> {
  const st = await stat(root);
  if (st.isFile()) {
    yield {path: root, size: st.size};
    return;
  }
  if (!st.isDirectory()) {
    skippedDirs?.push({dir: root, reason: 'unreadable', code: NOT_REGULAR});
    return;
  }
  let ignore = new IgnoreStack();
  // .gitignore files of parent folders up to the repo root are not read: a scan of a subfolder uses its own.
  const stack: {dir: string; ignore: IgnoreStack}[] = [{dir: root, ignore}];
  while (stack.length) {
    const {dir, ignore: parentIgnore} = stack.pop()!;
    let entries;
    try {
      entries = await readdir(dir, {withFileTypes: true});
    } catch (error) {
      skippedDirs?.push(unreadable(dir, error));
      continue;
    }
    ignore = parentIgnore;
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try {
        ignore = ignore.with(dir, await readFile(join(dir, '.gitignore'), 'utf8'));
      } catch {
        // unreadable .gitignore: keep the parent's rules
      }
    }
    const subdirs: string[] = [];
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (ignore.ignored(full, true)) continue;
        const reason = await childSkipReason(full);
        if (reason) {
          skippedDirs?.push({dir: full, reason});
          continue;
        }
        subdirs.push(full);
      } else if (e.isFile()) {
        if (ignore.ignored(full, false)) continue;
        yield {path: full, size: -1};
      }
    }
    for (const d of subdirs.reverse()) stack.push({dir: d, ignore});
  }
}

async function childSkipReason(dir: string): Promise<SkippedDirReason | undefined> {
  const quick = skipReason(dir, {files: new Set(), dirs: new Set()});
  if (quick) return quick;
  let entries;
  try {
    entries = await readdir(dir, {withFileTypes: true});
  } catch {
    return undefined;
  }
  if (!entries.some((e) => e.name === 'accounts.json')) return undefined;
  return skipReason(dir, {
    files: new Set(entries.filter((e) => e.isFile()).map((e) => e.name)),
    dirs: new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name)),
  });
}

/**
 * walkFiles without promises, reading each folder once (the app-data test uses the entries read to walk it): what
 * `check` uses, since thousands of awaited readdir/stat round trips left the main thread idle.
 */
export function walkFilesSync(root: string, skippedDirs?: SkippedDir[], onFile?: () => void): WalkEntry[] {
  const out: WalkEntry[] = [];
  const st = statSync(root);
  if (st.isFile()) return [{path: root, size: st.size}];
  if (!st.isDirectory()) {
    skippedDirs?.push({dir: root, reason: 'unreadable', code: NOT_REGULAR});
    return [];
  }
  const stack: {dir: string; ignore: IgnoreStack; top: boolean}[] = [{dir: root, ignore: new IgnoreStack(), top: true}];
  while (stack.length) {
    const {dir, ignore: parentIgnore, top} = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, {withFileTypes: true});
    } catch (error) {
      skippedDirs?.push(unreadable(dir, error));
      continue;
    }
    if (!top && entries.some((e) => e.name === 'accounts.json')) {
      const reason = skipReason(dir, {
        files: new Set(entries.filter((e) => e.isFile()).map((e) => e.name)),
        dirs: new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name)),
      });
      if (reason) {
        skippedDirs?.push({dir, reason});
        continue;
      }
    }
    let ignore = parentIgnore;
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try {
        ignore = ignore.with(dir, readFileSync(join(dir, '.gitignore'), 'utf8'));
      } catch {
        // unreadable .gitignore: nothing ignored
      }
    }
    const subdirs: string[] = [];
    // `dir` is normalised and a name holds no separator: concatenating is what path.join (which normalises) gives.
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      const full = prefix + e.name;
      if (e.isDirectory()) {
        if (ignore.ignored(full, true)) continue;
        const reason = skipReason(full, {files: new Set(), dirs: new Set()});
        if (reason) {
          skippedDirs?.push({dir: full, reason});
          continue;
        }
        subdirs.push(full);
      } else if (e.isFile()) {
        if (ignore.ignored(full, false)) continue;
        out.push({path: full, size: -1});
        onFile?.();
      }
    }
    for (const d of subdirs.reverse()) stack.push({dir: d, ignore, top: false});
  }
  return out;
}
