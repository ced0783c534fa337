// `npm run accuracy:check`: precision and recall per token check id on the checklist's corpus of real job scripts
// and docs (test/fixtures/checks/corpus), on the tuning part and on the held-out part, with every miss listed.
import {loadCorpus, score} from '../test/helpers/check-corpus.js';

const {scored, cases} = loadCorpus();
const pct = (x: number) => x.toFixed(2);
for (const split of ['tune', 'held'] as const) {
  const part = cases.filter((c) => c.split === split);
  const r = score(part, scored);
  console.log(
    `\n${split === 'tune' ? 'Tuning' : 'Held-out'} part: ${part.length} cases (${part.filter((c) => !c.id.includes('/')).length} real files, the rest one-change variants)`,
  );
  console.log('  id                     tp  fp  fn  precision  recall');
  for (const s of [...r.perId, r.overall])
    console.log(
      `  ${s.id.padEnd(22)} ${String(s.tp).padStart(2)}  ${String(s.fp).padStart(2)}  ${String(s.fn).padStart(2)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}`,
    );
  for (const m of r.misses) console.log(`  miss: ${m}`);
}
