// The troubleshooting corpus (test/fixtures/troubleshoot-corpus): real error texts with their source and label,
// read from disk and scored against classifyText. Shared by the corpus test and `npm run accuracy:troubleshoot`.
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {classifyText} from '../../src/core/troubleshoot/classify.js';
import {PROBLEM_IDS, type ProblemId} from '../../src/core/troubleshoot/catalog.js';

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'troubleshoot-corpus');
export type CorpusPart = 'tune' | 'held-out';

/**
 * The batches the corpus was collected in, by file number (each labelled and split, every third text held out, and
 * committed before the classifier ever ran on it), so a figure can be given per batch: a rule tuned on one batch is
 * then measured on the batches it never saw.
 */
export const BATCHES: {name: string; first: number; last: number}[] = [
  {name: '1-281 (sessions 1-4)', first: 1, last: 281},
  {name: '282-332 (session 5, batch A)', first: 282, last: 332},
  {name: '333-371 (session 5, batch B)', first: 333, last: 371},
  {name: '372-411 (session 5, batch C)', first: 372, last: 411},
  {name: '412-436 (session 5, batch D)', first: 412, last: 436},
  {name: '437-451 (session 5, batch E)', first: 437, last: 451},
  {name: '452-459 (session 5, batch F)', first: 452, last: 459},
  {name: '460-466 (session 5, batch G)', first: 460, last: 466},
  {name: '467-485 (session 6, batch H)', first: 467, last: 485},
  {name: '486-532 (session 7, batch I)', first: 486, last: 532},
  {name: '533-552 (session 7, batch J)', first: 533, last: 552},
  {name: '553-597 (session 8, batch K)', first: 553, last: 597},
  {name: '598-643 (session 9, batch L)', first: 598, last: 643},
  {name: '644-662 (session 9, batch M)', first: 644, last: 662},
  {name: '663-683 (session 9, batch N)', first: 663, last: 683},
  {name: '684-730 (session 10, batch O)', first: 684, last: 730},
  {name: '731-752 (session 10, batch P)', first: 731, last: 752},
  {name: '753-798 (session 11, batch Q)', first: 753, last: 798},
  {name: '799-848 (session 12, batch R)', first: 799, last: 848},
];

/** The batch a corpus file belongs to, from the number its name starts with. */
export function batchOf(file: string): string {
  const n = Number.parseInt(file, 10);
  return BATCHES.find((b) => n >= b.first && n <= b.last)?.name ?? 'unbatched';
}

export interface CorpusText {
  file: string;
  source: string;
  label: ProblemId;
  /** verbatim: as pasted in the source; reconstructed: the client's format string filled with the Hub's words. */
  kind: 'verbatim' | 'reconstructed';
  text: string;
}

export function loadCorpus(part: CorpusPart): CorpusText[] {
  const dir = join(CORPUS_DIR, part);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const raw = readFileSync(join(dir, file), 'utf8');
      const cut = raw.indexOf('\n---\n');
      if (cut < 0) throw new Error(`${file}: no --- line`);
      const head = Object.fromEntries(
        raw
          .slice(0, cut)
          .split('\n')
          .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
      );
      const label = head.label as ProblemId;
      if (!PROBLEM_IDS.includes(label)) throw new Error(`${file}: unknown label ${head.label}`);
      if (!/^https:\/\//.test(head.source ?? '')) throw new Error(`${file}: no source URL`);
      return {
        file,
        source: head.source!,
        label,
        kind: head.kind === 'reconstructed' ? 'reconstructed' : 'verbatim',
        text: raw.slice(cut + 5).replace(/\n$/, ''),
      };
    });
}

export interface Score {
  total: number;
  right: number;
  /** Texts the second tier answered (the rules found nothing), and how many of those were right. */
  guessed: number;
  guessedRight: number;
  perId: Map<ProblemId, {total: number; right: number}>;
  /** expected -> answered, with the files. */
  confusions: {expected: ProblemId; answered: ProblemId; file: string}[];
}

/** `guess: false` scores the rules alone (the second tier, guess.ts, off). */
export function score(texts: CorpusText[], options: {guess?: boolean} = {}): Score {
  const s: Score = {total: 0, right: 0, guessed: 0, guessedRight: 0, perId: new Map(), confusions: []};
  for (const t of texts) {
    const c = classifyText(t.text, options.guess === false ? {guess: false} : {});
    const answered = c.problem;
    if (c.guess) {
      s.guessed++;
      if (answered === t.label) s.guessedRight++;
    }
    const row = s.perId.get(t.label) ?? {total: 0, right: 0};
    row.total++;
    s.total++;
    if (answered === t.label) {
      row.right++;
      s.right++;
    } else s.confusions.push({expected: t.label, answered, file: t.file});
    s.perId.set(t.label, row);
  }
  return s;
}
