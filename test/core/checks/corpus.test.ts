// The token checks on real job scripts and docs (and one-change variants): precision and recall stay at or above
// the measured figures on each part (the first corpus, the s4 and s5 batches, each with its tuning and held-out split,
// and all tuning and all held-out cases together), and the misses are exactly the known ones (each
// with its reason), so a new miss fails and a fixed one must be taken off the list. `npm run accuracy:check` prints
// the table. The held-out part is never tuned on: its misses are reported, not fixed case by case.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {CORPUS_DIR, inPart, loadCorpus, PARTS, predictTrees, score} from '../../helpers/check-corpus.js';

const {scored, cases} = loadCorpus();
await predictTrees(cases, scored);

/** Overall floors per part: the target (0.95) where it is met, the measured figure where it is not yet. */
const FLOORS: Record<(typeof PARTS)[number]['name'], {precision: number; recall: number}> = {
  'old tuning': {precision: 0.95, recall: 0.95},
  'new tuning': {precision: 0.95, recall: 0.95},
  's5 tuning': {precision: 0.95, recall: 0.85},
  's6 tuning': {precision: 0.95, recall: 0.95},
  's11 tuning': {precision: 0.95, recall: 0.95},
  's12 tuning': {precision: 0.95, recall: 0.95},
  'all tuning': {precision: 0.95, recall: 0.95},
  'old held-out': {precision: 0.95, recall: 0.95},
  'new held-out': {precision: 0.95, recall: 0.95},
  's5 held-out': {precision: 0.95, recall: 0.95},
  's6 held-out': {precision: 0.95, recall: 0.95},
  's11 held-out': {precision: 0.95, recall: 0.95},
  's12 held-out': {precision: 0.8, recall: 0.8},
  's12b held-out': {precision: 0.95, recall: 0.66},
  'all held-out': {precision: 0.95, recall: 0.92},
};

const KNOWN_MISSES: Record<(typeof PARTS)[number]['name'], string[]> = {
  'old tuning': [],
  'new tuning': [],
  's5 tuning': [
    // `hf jobs scheduled uv run ... ingest.py` with no arguments: the doc says it ingests into the Hub, the command
    // does not, and the script is not in the file.
    'hubdocs-datasets-ingesting: missing-secrets expected, not reported',
  ],
  // sakthai-cost-skill (missing-secrets) is found since session 12: checked as a tree, the skill doc's bare
  // `train-sakthai-1.5b-v2.py` is the repository's one file of that name (scan.ts uniqueInTree).
  's6 tuning': [],
  's11 tuning': [],
  's12 tuning': [],
  'all tuning': ['hubdocs-datasets-ingesting: missing-secrets expected, not reported'],
  'old held-out': [
    // The script is a URL (nanonets-ocr.py on the Hub): not readable here.
    'uvs-ocr-readme: missing-secrets expected, not reported',
  ],
  'new held-out': [],
  's5 held-out': [],
  's6 held-out': [],
  's11 held-out': [],
  's12 held-out': [
    // s12's first run; held out, so reported and never tuned on.
    'gridops-sft-qwen25: wrong-secret-key reported, not expected',
    'sakfamily-datasets-upload-skill: missing-secrets expected, not reported',
  ],
  's12b held-out': [
    // s12b's one run, after session 12's rules (held out: reported, not fixed): a token in an --env-file given as
    // a process substitution (not readable); wandb.login() taken for the token's login().
    'solana-launch-jobs: token-in-env expected, not reported',
    'solana-train-lora: no-token-check expected, not reported',
  ],
  'all held-out': [
    'uvs-ocr-readme: missing-secrets expected, not reported',
    'gridops-sft-qwen25: wrong-secret-key reported, not expected',
    'sakfamily-datasets-upload-skill: missing-secrets expected, not reported',
    'solana-launch-jobs: token-in-env expected, not reported',
    'solana-train-lora: no-token-check expected, not reported',
  ],
};

describe('the checklist on the corpus', () => {
  it('has at least 210 real files with their source, a held-out third with a missing-secrets case, and new held-out sets', () => {
    expect(cases.filter((c) => !c.id.includes('/')).length).toBeGreaterThanOrEqual(210);
    expect(cases.filter((c) => c.set === 's4' && c.split === 'held').length).toBeGreaterThanOrEqual(14);
    expect(cases.filter((c) => c.set === 's5' && c.split === 'held').length).toBeGreaterThanOrEqual(15);
    expect(cases.filter((c) => c.set === 's6' && c.split === 'held').length).toBeGreaterThanOrEqual(11);
    expect(cases.filter((c) => c.set === 's11' && c.split === 'held').length).toBeGreaterThanOrEqual(9);
    expect(cases.filter((c) => c.set === 's12' && c.split === 'held').length).toBeGreaterThanOrEqual(8);
    // Every third real file of each batch is held out (variants are mostly tuning).
    for (const set of ['first', 's4', 's5', 's6', 's11', 's12']) {
      const real = cases.filter((c) => c.set === set && !c.id.includes('/'));
      expect(real.filter((c) => c.split === 'held').length, set).toBeGreaterThanOrEqual(Math.floor(real.length / 3));
    }
    expect(cases.some((c) => c.split === 'held' && c.labels.includes('missing-secrets'))).toBe(true);
    for (const id of scored) expect(cases.some((c) => c.labels.includes(id))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')) as {
      cases: {id: string; source?: {repo?: string; commit?: string; path?: string}}[];
    };
    for (const c of manifest.cases) {
      expect(c.source?.repo, c.id).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(c.source?.commit, c.id).toMatch(/^[0-9a-f]{40}$/);
      expect(c.source?.path, c.id).toBeTruthy();
    }
  });

  for (const part of PARTS) {
    it(`misses only the known cases and keeps its precision and recall on the ${part.name} part`, () => {
      const r = score(
        cases.filter((c) => inPart(c, part)),
        scored,
      );
      expect(r.misses).toEqual(KNOWN_MISSES[part.name]);
      expect(r.overall.precision).toBeGreaterThanOrEqual(FLOORS[part.name].precision);
      expect(r.overall.recall).toBeGreaterThanOrEqual(FLOORS[part.name].recall);
    });
  }
});
