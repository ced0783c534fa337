// The token checks on real job scripts and docs (and one-change variants): precision and recall stay at or above
// the measured figures on four parts (the first corpus and the s4 batch, each with its tuning and held-out split), and the misses are exactly the known ones (each
// with its reason), so a new miss fails and a fixed one must be taken off the list. `npm run accuracy:check` prints
// the table. The held-out part is never tuned on: its misses are reported, not fixed case by case.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {CORPUS_DIR, inPart, loadCorpus, PARTS, score} from '../../helpers/check-corpus.js';

const {scored, cases} = loadCorpus();

/** Overall floors per part: the target (0.95) where it is met, the measured figure where it is not yet. */
const FLOORS: Record<(typeof PARTS)[number]['name'], {precision: number; recall: number}> = {
  'old tuning': {precision: 0.95, recall: 0.95},
  'new tuning': {precision: 0.93, recall: 0.93},
  'old held-out': {precision: 0.95, recall: 0.9},
  'new held-out': {precision: 0.95, recall: 0.95},
};

const KNOWN_MISSES: Record<(typeof PARTS)[number]['name'], string[]> = {
  'old tuning': [
    // The README runs tile_iiif.py, which is not in the file: whether it needs the token cannot be read here.
    'uvs-iiif-tiles-readme: missing-secrets expected, not reported',
  ],
  'new tuning': [
    // The job's script is a URL (classify-dataset.py on the Hub): not readable here.
    'uvs-vllm-readme: missing-secrets expected, not reported',
    // `--secrets HF_TOKEN=$HF_TOKEN` in a docstring: the shell-filled warning; the label did not expect it.
    'lakehouse-train-xg-v3: literal-placeholder reported, not expected',
  ],
  'old held-out': [
    // Its own docstring's `python -m submission.training.merge_sft_hf` links it now (s5); its push is a call we do not
    // count as a write (push_to_hub_merged, per the label's note).
    'printfarm-merge-script: no-token-check expected, not reported',
    // The script is a URL (nanonets-ocr.py on the Hub): not readable here.
    'uvs-ocr-readme: missing-secrets expected, not reported',
    // `-e HF_TOKEN=$HF_TOKEN`: the shell-filled warning applies to env as well; the label did not expect it.
    'printfarm-run-sft/env: literal-placeholder reported, not expected',
  ],
  'new held-out': [],
};

describe('the checklist on the corpus', () => {
  it('has at least 130 real files with their source, a held-out third with a missing-secrets case, and a new held-out set', () => {
    expect(cases.filter((c) => !c.id.includes('/')).length).toBeGreaterThanOrEqual(130);
    expect(cases.filter((c) => c.set === 's4' && c.split === 'held').length).toBeGreaterThanOrEqual(14);
    expect(cases.filter((c) => c.split === 'held').length).toBeGreaterThanOrEqual(Math.floor(cases.length / 3));
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
