// The checklist's corpus (test/fixtures/checks/corpus): real job scripts and docs plus one-change variants, scored
// per check id (precision/recall) on the tuning part and on the held-out part.
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {checkText, runStaticChecks} from '../../src/core/checks/runner.js';
import {scanPaths} from '../../src/core/checks/scan.js';

export const CORPUS_DIR = join(import.meta.dirname, '../fixtures/checks/corpus');

interface Manifest {
  scored: string[];
  cases: {
    id: string;
    file: string;
    checkedAs?: string;
    labels: string[];
    split: 'tune' | 'held';
    set?: string;
    tree?: {path: string; files: Record<string, string>};
  }[];
  variants: {
    id: string;
    base: string;
    replace?: [string, string];
    prepend?: string;
    labels: string[];
    split: 'tune' | 'held';
    set?: string;
  }[];
}

export interface CorpusCase {
  id: string;
  /** The name the checker is given: the file's own name in its repository (`checkedAs`), else the fixture's name. */
  file: string;
  text: string;
  labels: string[];
  split: 'tune' | 'held';
  /** Which batch of the corpus the case came with: 'first' (the corpus the checker was tuned on before), 's4', 's5', 's6', 's11', 's12' or 's12b'. */
  set: string;
  /**
   * A case whose label rests on another file of its repository (the script a README runs, at its path there): the
   * case is checked as `check` checks a folder, with that file beside it. `path` is where the case's own file is.
   */
  tree?: {path: string; files: Record<string, string>};
  /** For a tree case, the scored ids reported on the case's own file (filled by predictTrees). */
  treePredicted?: string[];
}

/**
 * The corpus's parts, each scored on its own: the first corpus and the s4, s5, s6, s11 and s12 batches, each with its
 * tuning and held-out split, and all tuning cases and all held-out cases together (`set: 'all'`).
 */
export const PARTS = [
  {name: 'old tuning', set: 'first', split: 'tune'},
  {name: 'new tuning', set: 's4', split: 'tune'},
  {name: 's5 tuning', set: 's5', split: 'tune'},
  {name: 's6 tuning', set: 's6', split: 'tune'},
  {name: 's11 tuning', set: 's11', split: 'tune'},
  {name: 's12 tuning', set: 's12', split: 'tune'},
  {name: 'all tuning', set: 'all', split: 'tune'},
  {name: 'old held-out', set: 'first', split: 'held'},
  {name: 'new held-out', set: 's4', split: 'held'},
  {name: 's5 held-out', set: 's5', split: 'held'},
  {name: 's6 held-out', set: 's6', split: 'held'},
  {name: 's11 held-out', set: 's11', split: 'held'},
  {name: 's12 held-out', set: 's12', split: 'held'},
  // s12b: collected after session 12's rules, all held out, to measure them on files they were not made from.
  {name: 's12b held-out', set: 's12b', split: 'held'},
  {name: 'all held-out', set: 'all', split: 'held'},
] as const;

export function inPart(c: CorpusCase, part: (typeof PARTS)[number]): boolean {
  return (part.set === 'all' || c.set === part.set) && c.split === part.split;
}

export function loadCorpus(): {scored: string[]; cases: CorpusCase[]} {
  const m = JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')) as Manifest;
  const cases: CorpusCase[] = m.cases.map((c) => ({
    id: c.id,
    // A script's docstring that shows how to submit it names the script as it is named in its repository: the s6
    // batch's fixtures carry a prefix, so they are checked under their own names.
    file: c.checkedAs ?? c.file,
    text: readFileSync(join(CORPUS_DIR, 'files', c.file), 'utf8'),
    labels: c.labels,
    split: c.split,
    set: c.set ?? 'first',
    ...(c.tree
      ? {
          tree: {
            path: c.tree.path,
            files: Object.fromEntries(
              Object.entries(c.tree.files).map(([at, fixture]) => [
                at,
                readFileSync(join(CORPUS_DIR, 'files', fixture), 'utf8'),
              ]),
            ),
          },
        }
      : {}),
  }));
  for (const v of m.variants) {
    const base = cases.find((c) => c.id === v.base);
    if (!base) throw new Error(`variant ${v.id}: no case ${v.base}`);
    let text = base.text;
    if (v.replace) {
      if (!text.includes(v.replace[0])) throw new Error(`variant ${v.id}: the text to replace is not in ${base.file}`);
      text = text.replace(v.replace[0], v.replace[1]);
    }
    if (v.prepend) text = v.prepend + text;
    cases.push({
      id: v.id,
      file: base.file,
      text,
      labels: v.labels,
      split: v.split,
      set: v.set ?? base.set,
      ...(base.tree ? {tree: base.tree} : {}),
    });
  }
  return {scored: m.scored, cases};
}

/**
 * Checks the tree cases as `check DIR --offline` does (scanPaths on a folder holding the case's file and the files it
 * rests on, at their paths in the repository), keeping what is reported on the case's own file.
 */
export async function predictTrees(cases: CorpusCase[], scored: string[]): Promise<void> {
  for (const c of cases) {
    if (!c.tree) continue;
    const dir = mkdtempSync(join(tmpdir(), 'hfjw-corpus-'));
    try {
      for (const [at, text] of [[c.tree.path, c.text] as const, ...Object.entries(c.tree.files)]) {
        mkdirSync(dirname(join(dir, at)), {recursive: true});
        writeFileSync(join(dir, at), text);
      }
      const model = await scanPaths([dir], {cwd: dir, threads: 1});
      const ids = runStaticChecks(model)
        .filter((r) => (r.status === 'warn' || r.status === 'fail') && r.file === c.tree!.path)
        .map((r) => r.id as string);
      c.treePredicted = [...new Set(ids)].filter((id) => scored.includes(id)).sort();
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  }
}

/** The scored ids that warn or fail on a case (what `check` would show). */
export function predicted(c: CorpusCase, scored: string[]): string[] {
  if (c.tree) {
    if (!c.treePredicted) throw new Error(`${c.id}: a tree case, checked by predictTrees first`);
    return c.treePredicted;
  }
  const ids = checkText(c.text, c.file)
    .checks.filter((r) => r.status === 'warn' || r.status === 'fail')
    .map((r) => r.id as string);
  return [...new Set(ids)].filter((id) => scored.includes(id)).sort();
}

export interface Score {
  id: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export function score(cases: CorpusCase[], scored: string[]): {perId: Score[]; overall: Score; misses: string[]} {
  const perId: Score[] = scored.map((id) => ({id, tp: 0, fp: 0, fn: 0, precision: 1, recall: 1}));
  const misses: string[] = [];
  for (const c of cases) {
    const got = predicted(c, scored);
    for (const s of perId) {
      const want = c.labels.includes(s.id);
      const has = got.includes(s.id);
      if (want && has) s.tp++;
      else if (has) {
        s.fp++;
        misses.push(`${c.id}: ${s.id} reported, not expected`);
      } else if (want) {
        s.fn++;
        misses.push(`${c.id}: ${s.id} expected, not reported`);
      }
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  for (const s of perId) {
    s.precision = ratio(s.tp, s.tp + s.fp);
    s.recall = ratio(s.tp, s.tp + s.fn);
  }
  const tp = perId.reduce((n, s) => n + s.tp, 0);
  const fp = perId.reduce((n, s) => n + s.fp, 0);
  const fn = perId.reduce((n, s) => n + s.fn, 0);
  return {perId, overall: {id: 'all', tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn)}, misses};
}
