// `npm run accuracy:check`: precision and recall per token check id on the checklist's corpus of real job scripts
// and docs (test/fixtures/checks/corpus), on the tuning and held-out splits of the first corpus and of the s4, s5, s6, s11 and s12
// batches, and on all tuning and all held-out cases together, with every miss listed.
import {inPart, loadCorpus, PARTS, predictTrees, score} from '../test/helpers/check-corpus.js';

const {scored, cases} = loadCorpus();
await predictTrees(cases, scored);
const pct = (x: number) => x.toFixed(2);
for (const p of PARTS) {
  const part = cases.filter((c) => inPart(c, p));
  const r = score(part, scored);
  console.log(
    `\n${p.name.charAt(0).toUpperCase()}${p.name.slice(1)} part: ${part.length} cases (${part.filter((c) => !c.id.includes('/')).length} real files, the rest one-change variants)`,
  );
  console.log('  id                     tp  fp  fn  precision  recall');
  for (const s of [...r.perId, r.overall])
    console.log(
      `  ${s.id.padEnd(22)} ${String(s.tp).padStart(2)}  ${String(s.fp).padStart(2)}  ${String(s.fn).padStart(2)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}`,
    );
  // The misses of the all-held-out part are the held-out parts' misses above.
  if (p.set !== 'all') for (const m of r.misses) console.log(`  miss: ${m}`);
}
