// `npm run accuracy:troubleshoot [-- --tune-only]`: the troubleshooter's accuracy on the corpus of real error texts,
// per problem id and per collection batch, with the confusions, on the tuning part and on the held-out part (never
// tuned on), by the rules alone and with the second tier (guess.ts) answering what the rules leave unknown; then the
// second tier's 10-fold cross-validation figures on the tuning part. The held-out confusions are printed as counts of
// "expected -> answered" only, never with their files, so that nobody reads a held-out miss to fix it.
// `--tune-only` leaves the held-out part out (the held-out part is to be measured only when a model is final).
// Read-only; prints a report.
import {BATCHES, batchOf, loadCorpus, score, type CorpusPart} from '../test/helpers/troubleshoot-corpus.js';
import {choose, examplesOf, figures, leaveBatchOut} from './troubleshoot-model.js';

const pct = (r: number, t: number) => (t === 0 ? '—' : `${((100 * r) / t).toFixed(1)}%`);
const parts: CorpusPart[] = process.argv.includes('--tune-only') ? ['tune'] : ['tune', 'held-out'];

for (const part of parts) {
  const texts = loadCorpus(part);
  const rules = score(texts, {guess: false});
  const s = score(texts);
  const verbatim = texts.filter((t) => t.kind === 'verbatim').length;
  console.log(
    `\n== ${part}: ${s.right}/${s.total} right (${pct(s.right, s.total)}) with the second tier; rules alone ${rules.right}/${rules.total} (${pct(rules.right, rules.total)}); the tier answered ${s.guessed}, ${s.guessedRight} right${part === 'tune' ? ' (in-sample: it was trained on this part; see the CV below)' : ''}; ${verbatim} verbatim, ${s.total - verbatim} reconstructed from client format strings`,
  );
  for (const b of BATCHES) {
    const inBatch = texts.filter((t) => batchOf(t.file) === b.name);
    const bs = score(inBatch);
    const br = score(inBatch, {guess: false});
    console.log(
      `  batch ${b.name.padEnd(30)} ${bs.right}/${bs.total} ${pct(bs.right, bs.total)} (rules alone ${br.right})`,
    );
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

// The second tier's cross-validation on the tuning part (the same choice `npm run train:troubleshoot` makes).
const examples = examplesOf(loadCorpus('tune'));
const {cfg, threshold, mute, cv, blind} = choose(examples);
console.log(
  `\n== second tier, chosen by rule-blind 10-fold CV on tune (minDf ${cfg.minDf}, vocab ${cfg.vocab || 'all'}, alpha ${cfg.alpha}, threshold ${threshold}, silent on ${mute.join(', ') || 'none'})`,
);
console.log(`  always answering: ${cv.rightAlways}/${cv.total} right (${pct(cv.rightAlways, cv.total)})`);
console.log(
  `  at the threshold: ${cv.answered} answered, ${cv.right} right, ${cv.wrong} wrong (precision ${pct(cv.right, cv.answered)})`,
);
console.log(`  texts labelled unknown it would turn into a wrong answer: ${cv.unknownTurnedWrong}/${cv.unknownTotal}`);
const lbo = figures(leaveBatchOut(examples, cfg), threshold, mute);
console.log(
  `  leave-one-batch-out (a batch it never saw): always ${lbo.rightAlways}/${lbo.total} (${pct(lbo.rightAlways, lbo.total)}); at the threshold ${lbo.answered} answered, ${lbo.right} right, ${lbo.wrong} wrong (precision ${pct(lbo.right, lbo.answered)})`,
);
console.log(
  `  rule-blind (each asked text without the lines a rule's signal matches, as a text whose telling line no rule knows; ${examples.length - blind.total} texts had nothing else): always ${blind.rightAlways}/${blind.total} (${pct(blind.rightAlways, blind.total)}); at the threshold ${blind.answered} answered, ${blind.right} right, ${blind.wrong} wrong (precision ${pct(blind.right, blind.answered)}); labelled unknown turned wrong ${blind.unknownTurnedWrong}/${blind.unknownTotal}`,
);
const lboBlind = figures(
  leaveBatchOut(examples, cfg, undefined, {blind: true}).filter((p) => p.known > 0),
  threshold,
  mute,
);
console.log(
  `  rule-blind leave-one-batch-out (a batch it never saw, as the rules leave it): always ${lboBlind.rightAlways}/${lboBlind.total}; at the threshold ${lboBlind.answered} answered, ${lboBlind.right} right, ${lboBlind.wrong} wrong (precision ${pct(lboBlind.right, lboBlind.answered)})`,
);
