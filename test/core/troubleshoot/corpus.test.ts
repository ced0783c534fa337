// The troubleshooter against real error texts (test/fixtures/troubleshoot-corpus): a floor on the tuning part, and an
// answer (no throw, a known id, no token echoed) for every text of both parts. The held-out part's accuracy is
// reported by `npm run accuracy:troubleshoot`, never asserted, so it is never tuned on.
import {describe, expect, it} from 'vitest';
import {PROBLEM_IDS} from '../../../src/core/troubleshoot/catalog.js';
import {classifyText} from '../../../src/core/troubleshoot/classify.js';
import {loadCorpus, score} from '../../helpers/troubleshoot-corpus.js';

const tune = loadCorpus('tune');
const heldOut = loadCorpus('held-out');

describe('troubleshooting corpus', () => {
  it('holds real texts with a source and a label, a third of them held out', () => {
    expect(tune.length + heldOut.length).toBeGreaterThanOrEqual(200);
    // Every problem id has real texts (the job failures too), not only the token errors.
    const labels = new Set([...tune, ...heldOut].map((t) => t.label));
    for (const id of PROBLEM_IDS) expect(labels, id).toContain(id);
    expect(heldOut.length / (tune.length + heldOut.length)).toBeGreaterThan(0.3);
    // Public issues and client sources on GitHub, a thread on the Hugging Face forum, or a public page of the Hub (a
    // Space's runtime-error page, a repo's discussion).
    for (const t of [...tune, ...heldOut])
      expect(t.source).toMatch(/^https:\/\/(?:github\.com|discuss\.huggingface\.co|huggingface\.co)\//);
  });

  it('is right on at least 95% of the tuning part', () => {
    const s = score(tune);
    expect(
      s.right / s.total,
      s.confusions.map((c) => `${c.expected} -> ${c.answered} ${c.file}`).join('\n'),
    ).toBeGreaterThanOrEqual(0.95);
  });

  it('answers every text of both parts with a known id, whatever it contains', () => {
    for (const t of [...tune, ...heldOut]) {
      const c = classifyText(t.text);
      expect(PROBLEM_IDS).toContain(c.problem);
      expect(c.title.length).toBeGreaterThan(0);
    }
  });

  it('answers hostile input too: control characters, a huge log, JSON, a token', () => {
    const fake = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12';
    for (const text of [
      '',
      '\u0000\u001b]52;c;AAAA\u0007',
      '{"stage": "ERROR"}',
      'x'.repeat(3_000_000),
      `Traceback\n${'  File "a.py", line 1\n'.repeat(50_000)}KeyError: 'HF_TOKEN'`,
      `token=${fake} 401 Client Error`,
    ]) {
      const c = classifyText(text);
      expect(PROBLEM_IDS).toContain(c.problem);
      expect(JSON.stringify(c)).not.toContain(fake);
    }
  });
});
