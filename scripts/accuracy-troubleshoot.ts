// `npm run accuracy:troubleshoot`: the troubleshooter's accuracy on the corpus of real error texts, per problem id and
// per collection batch, with the confusions, on the tuning part and on the held-out part (never tuned on). The
// held-out confusions are printed as counts of "expected -> answered" only, never with their files, so that nobody
// reads a held-out miss to fix it. Read-only; prints a report.
import {BATCHES, batchOf, loadCorpus, score, type CorpusPart} from '../test/helpers/troubleshoot-corpus.js';

const pct = (r: number, t: number) => (t === 0 ? '—' : `${((100 * r) / t).toFixed(1)}%`);

for (const part of ['tune', 'held-out'] as CorpusPart[]) {
  const texts = loadCorpus(part);
  const s = score(texts);
  const verbatim = texts.filter((t) => t.kind === 'verbatim').length;
  console.log(
    `\n== ${part}: ${s.right}/${s.total} right (${pct(s.right, s.total)}); ${verbatim} verbatim, ${s.total - verbatim} reconstructed from client format strings`,
  );
  for (const b of BATCHES) {
    const bs = score(texts.filter((t) => batchOf(t.file) === b.name));
    console.log(`  batch ${b.name.padEnd(30)} ${bs.right}/${bs.total} ${pct(bs.right, bs.total)}`);
  }
  for (const [id, row] of [...s.perId.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(
      `  ${id.padEnd(22)} ${String(row.right).padStart(3)}/${String(row.total).padEnd(3)} ${pct(row.right, row.total)}`,
    );
  }
  if (!s.confusions.length) continue;
  console.log('  confusions (expected -> answered):');
  if (part === 'tune') {
    for (const c of s.confusions) console.log(`    ${c.expected} -> ${c.answered}   ${c.file}`);
    continue;
  }
  const counts = new Map<string, number>();
  for (const c of s.confusions) {
    const key = `${c.expected} -> ${c.answered}   (batch ${batchOf(c.file)})`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, n] of [...counts.entries()].sort()) console.log(`    ${n} x ${key}`);
}
