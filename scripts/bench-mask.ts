// Masking benchmark: redactSecrets (what every printed job log line, pasted text and error goes through) on a 1 MB
// job log made here (timestamped training lines, pip output, URLs, a few fake tokens whole, wrapped, encoded), as one
// text and line by line; maskSecrets as one text (the guarded stdout's write of a whole chunk). Prints the median of
// several runs of each, in ms. Deterministic (a seeded generator): the same log on every run and machine.
// Usage: npx tsx scripts/bench-mask.ts [--runs N] [--mb N]
import {maskSecrets, redactSecrets} from '../src/core/tokens/mask.js';
import {rng} from '../test/helpers/fuzz.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 9);
const BYTES = arg('--mb', 1) * 1024 * 1024;

const r = rng(20261208);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const fake = () => `hf_FAKE${Array.from({length: 30}, () => pick([...ALNUM])).join('')}`;
const LINES = [
  () =>
    `{'loss': ${(r() * 3).toFixed(4)}, 'grad_norm': ${(r() * 9).toFixed(3)}, 'learning_rate': 1.9e-05, 'epoch': 0.${Math.floor(r() * 99)}}`,
  () =>
    ` ${Math.floor(r() * 100)}%|████████▌         | ${Math.floor(r() * 500)}/500 [00:${Math.floor(r() * 60)}<01:12,  6.91it/s]`,
  () => 'Downloading https://files.pythonhosted.org/packages/torch-2.5.1-cp312-cp312-manylinux1_x86_64.whl (906.4 MB)',
  () => `Uploading shard model-0000${Math.floor(r() * 9)}-of-00004.safetensors to acme/llama-ft (hf_transfer enabled)`,
  () => 'INFO:     127.0.0.1:53422 - "GET /api/whoami-v2 HTTP/1.1" 200 OK',
  () =>
    `  File "/usr/local/lib/python3.12/site-packages/huggingface_hub/utils/_http.py", line ${Math.floor(r() * 900)}, in hf_raise_for_status`,
  () => `sha256:${Array.from({length: 64}, () => pick([...'0123456789abcdef'])).join('')}`,
  () => `data: ${Buffer.from(Array.from({length: 45}, () => pick([...ALNUM])).join('')).toString('base64')}`,
];
let log = '';
let i = 0;
while (log.length < BYTES) {
  const at = `2026-12-08T00:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.${String(i).padStart(6, '0')}Z `;
  let line = pick(LINES)();
  // About one line in 2,000 holds a token: whole, wrapped at 80 columns, percent-encoded, base64.
  if (r() < 0.0005) {
    const token = fake();
    line = pick([
      `HF_TOKEN=${token}`,
      `Authorization: Bearer ${token}`.padStart(70).slice(0, 80) + `\n${at}` + token.slice(80 - 62),
      `GET /api/whoami-v2?access_token=${token.replace('_', '%5F')}`,
      `Authorization: Basic ${Buffer.from(`user:${token}`).toString('base64')}`,
    ]);
  }
  log += `${at}${line}\n`;
  i++;
}
const lines = log.split('\n');

function median(f: () => void): number {
  const times: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const start = performance.now();
    f();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

redactSecrets(log); // warm up
console.log(`${(log.length / 1024 / 1024).toFixed(2)} MB, ${lines.length} lines, median of ${RUNS} runs:`);
console.log(`  redactSecrets, one text     ${median(() => redactSecrets(log)).toFixed(1)} ms`);
console.log(`  redactSecrets, line by line ${median(() => lines.forEach((l) => redactSecrets(l))).toFixed(1)} ms`);
console.log(`  maskSecrets, one text       ${median(() => maskSecrets(log)).toFixed(1)} ms`);
