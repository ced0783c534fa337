// The token checks on real job scripts and docs (and one-change variants): precision and recall per id stay at or
// above the floor on both the tuning part and the held-out part. `npm run accuracy:check` prints the table.
import {describe, expect, it} from 'vitest';
import {loadCorpus, score} from '../../helpers/check-corpus.js';

const FLOOR = 0.95;
const {scored, cases} = loadCorpus();

describe('the checklist on the corpus', () => {
  it('has real files with their source and variants in both parts', () => {
    expect(cases.filter((c) => c.split === 'held').length).toBeGreaterThanOrEqual(Math.floor(cases.length / 3));
    for (const id of scored) expect(cases.some((c) => c.labels.includes(id))).toBe(true);
  });

  for (const split of ['tune', 'held'] as const) {
    it(`scores at least ${FLOOR} precision and recall on the ${split} part`, () => {
      const r = score(cases.filter((c) => c.split === split), scored);
      expect(r.misses).toEqual([]);
      expect(r.overall.precision).toBeGreaterThanOrEqual(FLOOR);
      expect(r.overall.recall).toBeGreaterThanOrEqual(FLOOR);
      for (const s of r.perId) {
        expect(s.precision, s.id).toBeGreaterThanOrEqual(FLOOR);
        expect(s.recall, s.id).toBeGreaterThanOrEqual(FLOOR);
      }
    });
  }
});
