// `npm run accuracy:troubleshoot`: the troubleshooter's accuracy on the corpus of real error texts, per problem id,
// with the confusions, on the tuning part and on the held-out part (never tuned on). Read-only; prints a report.
import {loadCorpus, score, type CorpusPart} from '../test/helpers/troubleshoot-corpus.js';

const pct = (r: number, t: number) => (t === 0 ? '—' : `${((100 * r) / t).toFixed(1)}%`);

for (const part of ['tune', 'held-out'] as CorpusPart[]) {
  const texts = loadCorpus(part);
  const s = score(texts);
  const verbatim = texts.filter((t) => t.kind === 'verbatim').length;
  console.log(
    `\n== ${part}: ${s.right}/${s.total} right (${pct(s.right, s.total)}); ${verbatim} verbatim, ${s.total - verbatim} reconstructed from client format strings`,
  );
  for (const [id, row] of [...s.perId.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(
      `  ${id.padEnd(22)} ${String(row.right).padStart(3)}/${String(row.total).padEnd(3)} ${pct(row.right, row.total)}`,
    );
  }
  if (s.confusions.length) {
    console.log('  confusions (expected -> answered):');
    for (const c of s.confusions) console.log(`    ${c.expected} -> ${c.answered}   ${c.file}`);
  }
}
