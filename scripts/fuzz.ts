// `npm run fuzz [-- --n 10000 --seed 1]`: property tests over every path that turns outside text into output
// (test/helpers/fuzz.ts: masking, sanitising, token normalisation, the stored_tokens INI reader, the hf-job.json parser
// and its JSON error sentences, troubleshoot, check). Prints per target: inputs, violations, crashes, slowest input;
// the first violations of each kind with the input that broke it (tokens are fake). Exit 1 on any violation.
import {TARGETS, fuzzTarget, type Violation} from '../test/helpers/fuzz.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}

const n = arg('n', 10_000);
const seed = arg('seed', Date.now() % 2 ** 31);
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

console.log(`fuzz: ${n} generated inputs a target, seed ${seed} (rerun with --seed ${seed} to get the same inputs)`);
let total = 0;
let failed = 0;
const shown: Violation[] = [];
for (const target of TARGETS.filter((t) => !only || t.name === only)) {
  const run = fuzzTarget(target, n, seed);
  total += run.inputs;
  failed += run.violations.length;
  const avg = run.totalMs / Math.max(1, run.inputs);
  console.log(
    `  ${target.name.padEnd(20)} ${String(run.inputs).padStart(6)} inputs  ${String(run.violations.length).padStart(5)} violations  ${String(run.crashes).padStart(4)} crashes  avg ${avg.toFixed(2)} ms  slowest ${run.maxMs.toFixed(1)} ms`,
  );
  const kinds = new Set<string>();
  for (const v of run.violations) {
    const kind = v.property.replace(/U\+[0-9a-f]{4}/, 'U+…').replace(/token \S+/, 'token');
    if (kinds.has(kind) || kinds.size >= 5) continue;
    kinds.add(kind);
    shown.push(v);
  }
}
for (const v of shown)
  console.log(
    `\n[${v.target}] ${v.property}\n  input (${v.input.file}): ${JSON.stringify(v.input.text).slice(0, 400)}`,
  );
console.log(`\nfuzz: ${total} inputs in all, ${failed} violations`);
process.exitCode = failed ? 1 : 0;
