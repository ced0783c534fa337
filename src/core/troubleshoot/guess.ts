// The troubleshooter's second tier: a naive Bayes classifier over the words of a failure text (features.ts), asked
// only when the rules (classify.ts) answer `unknown`. Its model is generated from the tuning corpus by
// `npm run train:troubleshoot` (guess-model.ts); it answers only above the confidence threshold chosen there by
// cross-validation, never for the classes that cross-validation found it wrong about more often than right (`mute`),
// and its answer is a best guess, said so wherever the report is shown. Pure.
import type {ProblemId} from './catalog.js';
import {textFeatures} from './features.js';
import {GUESS_MODEL} from './guess-model.js';

/** A model as the trainer writes it: per feature, how many texts of each class have it. */
export interface GuessModel {
  classes: ProblemId[];
  /** Texts per class (the prior). */
  docs: number[];
  /** Laplace smoothing. */
  alpha: number;
  /** The least posterior probability the guess needs to be given. */
  threshold: number;
  /**
   * Classes it never answers: in the trainer's rule-blind cross-validation its guesses of them were wrong at least as
   * often as right (a text stripped of its telling line looks like any other failure of that kind).
   */
  mute?: ProblemId[];
  /** How the vocabulary was chosen (by the trainer): features in at least minDf texts, the top `vocab` (0: all). */
  minDf?: number;
  vocab?: number;
  /** The vocabulary, space-separated. */
  features: string;
  /** Per feature (same order), `class:count` pairs for the classes that have it, comma-separated; features `;`-separated. */
  counts: string;
}

interface Table {
  index: Map<string, number>;
  /** log P(feature | class), per feature a row over the classes. */
  logp: Float64Array[];
  prior: number[];
}

const tables = new WeakMap<GuessModel, Table>();

function table(model: GuessModel): Table {
  const known = tables.get(model);
  if (known) return known;
  const names = model.features.split(' ');
  const rows = model.counts.split(';');
  const k = model.classes.length;
  const counts = rows.map((row) => {
    const r = new Float64Array(k);
    if (row)
      for (const pair of row.split(',')) {
        const [c, n] = pair.split(':');
        r[Number(c)] = Number(n);
      }
    return r;
  });
  const totals = new Float64Array(k);
  for (const r of counts) for (let c = 0; c < k; c++) totals[c]! += r[c]!;
  const v = names.length;
  const logp = counts.map((r) => {
    const out = new Float64Array(k);
    for (let c = 0; c < k; c++) out[c] = Math.log((r[c]! + model.alpha) / (totals[c]! + model.alpha * v));
    return out;
  });
  const all = model.docs.reduce((a, b) => a + b, 0);
  const t: Table = {
    index: new Map(names.map((n, i) => [n, i])),
    logp,
    prior: model.docs.map((d) => Math.log((d + 1) / (all + k))),
  };
  tables.set(model, t);
  return t;
}

export interface Guess {
  problem: ProblemId;
  /** The posterior probability of that class under the model (0..1). */
  confidence: number;
  /** How many of the text's features the model knows. */
  known: number;
}

/** The model's best class for a text, whatever its confidence. */
export function predict(model: GuessModel, text: string): Guess {
  return predictFeatures(model, textFeatures(text));
}

/** The same from a text's features (textFeatures), for the trainer's cross-validation. */
export function predictFeatures(model: GuessModel, features: Iterable<string>): Guess {
  const t = table(model);
  const scores = [...t.prior];
  let known = 0;
  for (const f of features) {
    const i = t.index.get(f);
    if (i === undefined) continue;
    known++;
    const row = t.logp[i]!;
    for (let c = 0; c < scores.length; c++) scores[c]! += row[c]!;
  }
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[best]!) best = c;
  const max = scores[best]!;
  const sum = scores.reduce((a, s) => a + Math.exp(s - max), 0);
  return {problem: model.classes[best]!, confidence: 1 / sum, known};
}

/** The second tier's answer for a text the rules left `unknown`: a problem id, or undefined below the threshold. */
export function guessProblem(text: string, model: GuessModel = GUESS_MODEL): Guess | undefined {
  const g = predict(model, text);
  if (g.problem === 'unknown' || g.known === 0 || g.confidence < model.threshold) return undefined;
  if (model.mute?.includes(g.problem)) return undefined;
  return g;
}
