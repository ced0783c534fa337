// The token checks on real job scripts and docs (and one-change variants): precision and recall stay at or above
// the measured figures on the tuning part and on the held-out part, and the misses are exactly the known ones (each
// with its reason), so a new miss fails and a fixed one must be taken off the list. `npm run accuracy:check` prints
// the table. The held-out part is never tuned on: its misses are reported, not fixed case by case.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {CORPUS_DIR, loadCorpus, score} from '../../helpers/check-corpus.js';

const {scored, cases} = loadCorpus();

/** Overall floors: the target (0.95) where it is met, the measured figure where it is not yet. */
const FLOORS = {tune: {precision: 0.95, recall: 0.95}, held: {precision: 0.95, recall: 0.8}};

const KNOWN_MISSES: Record<'tune' | 'held', string[]> = {
  tune: [
    // The README runs tile_iiif.py, which is not in the file: whether it needs the token cannot be read here.
    'uvs-iiif-tiles-readme: missing-secrets expected, not reported',
  ],
  held: [
    // The job runs `python -m submission.training.merge_sft_hf` (a module name, not the file name): not linked.
    'printfarm-merge-script: no-token-check expected, not reported',
    // The script is a URL (nanonets-ocr.py on the Hub): not readable here.
    'uvs-ocr-readme: missing-secrets expected, not reported',
    // Bucket writes (batch_bucket_files, sync_bucket) are not counted as Hub writes yet.
    'uvs-tile-iiif: missing-secrets expected, not reported',
    'uvs-tile-iiif: no-token-check expected, not reported',
    // `-e HF_TOKEN=$HF_TOKEN`: the shell-filled warning applies to env as well; the label did not expect it.
    'printfarm-run-sft/env: literal-placeholder reported, not expected',
  ],
};

describe('the checklist on the corpus', () => {
  it('has at least 80 real files with their source, and a held-out third with a missing-secrets case', () => {
    expect(cases.filter((c) => !c.id.includes('/')).length).toBeGreaterThanOrEqual(80);
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

  for (const split of ['tune', 'held'] as const) {
    it(`misses only the known cases and keeps its precision and recall on the ${split} part`, () => {
      const r = score(
        cases.filter((c) => c.split === split),
        scored,
      );
      expect(r.misses).toEqual(KNOWN_MISSES[split]);
      expect(r.overall.precision).toBeGreaterThanOrEqual(FLOORS[split].precision);
      expect(r.overall.recall).toBeGreaterThanOrEqual(FLOORS[split].recall);
    });
  }
});
