// Log streaming benchmark: a sandbox job prints N lines (default 100,000); we time submit -> the last line
// received through @huggingface/hub's streamJobLogs (all lines checked, in order), against the floor: the same
// `node` program printing to /dev/null. Prints medians of several runs and their ratio (target: under 3x).
// The sandbox is the built app (`node dist/cli.mjs sandbox --json`) in its own process, as a person runs it.
// Usage: node scripts/bench-logs.mjs [--lines N] [--runs N]
import {spawn} from 'node:child_process';
import {openSync, closeSync} from 'node:fs';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';
import {runJob, streamJobLogs} from '@huggingface/hub';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const LINES = arg('--lines', 100_000);
const RUNS = arg('--runs', 5);
const PROGRAM = `for (let i = 0; i < ${LINES}; i++) console.log("line " + i + " of the log throughput benchmark")`;
const cli = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function startSandbox() {
  return new Promise((resolve, reject) => {
    const env = {...process.env};
    delete env.HF_TOKEN;
    const child = spawn(process.execPath, [cli, 'sandbox', '--json'], {stdio: ['ignore', 'pipe', 'inherit'], env});
    const rl = createInterface({input: child.stdout});
    rl.once('line', (line) => {
      try {
        resolve({child, ...JSON.parse(line)});
      } catch (error) {
        reject(new Error(`unexpected sandbox output: ${line}`));
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`sandbox exited (${code}) before printing its URL; run \`node scripts/build.mjs\` first`)),
    );
  });
}

/** ms for `node -e PROGRAM > /dev/null`. */
function baseline() {
  return new Promise((resolve, reject) => {
    const devnull = openSync('/dev/null', 'w');
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-e', PROGRAM], {stdio: ['ignore', devnull, 'inherit']});
    child.once('exit', (code) => {
      closeSync(devnull);
      code === 0 ? resolve(performance.now() - t0) : reject(new Error(`baseline exited ${code}`));
    });
  });
}

/** ms from runJob to the end of the log stream, checking every line arrived in order. */
async function throughSandbox(sb) {
  const hub = {hubUrl: sb.url, accessToken: sb.tokens.write};
  const t0 = performance.now();
  const job = await runJob({
    ...hub,
    namespace: 'practice-user',
    dockerImage: 'node:20-slim',
    command: ['node', '-e', PROGRAM],
    flavor: 'cpu-basic',
    timeoutSeconds: 300,
  });
  let next = 0;
  let firstAt = 0;
  let last = '';
  for await (const {message} of streamJobLogs({...hub, namespace: 'practice-user', jobId: job.id})) {
    last = message;
    if (!message.startsWith('line ')) continue;
    if (next === 0) firstAt = performance.now() - t0;
    const expected = `line ${next} of the log throughput benchmark`;
    if (message !== expected)
      throw new Error(`line ${next} out of order or damaged: got ${JSON.stringify(message.slice(0, 80))}`);
    next++;
  }
  const total = performance.now() - t0;
  if (next !== LINES) throw new Error(`received ${next} of ${LINES} lines`);
  if (last !== '===== Job finished: status=COMPLETED =====')
    throw new Error(`stream ended with ${JSON.stringify(last)}`);
  return {total, firstAt};
}

const sb = await startSandbox();
try {
  await throughSandbox(sb); // warm-up (interpreter lookup, first connections)
  await baseline();
  const base = [];
  const streamed = [];
  const first = [];
  for (let i = 0; i < RUNS; i++) {
    base.push(await baseline());
    const r = await throughSandbox(sb);
    streamed.push(r.total);
    first.push(r.firstAt);
  }
  const b = median(base);
  const s = median(streamed);
  console.log(`lines per job:                       ${LINES.toLocaleString('en-US')}`);
  console.log(`runs:                                ${RUNS}`);
  console.log(
    `node printing to /dev/null (median): ${b.toFixed(0)} ms   [${base.map((x) => x.toFixed(0)).join(', ')}]`,
  );
  console.log(
    `job -> streamJobLogs, all lines:     ${s.toFixed(0)} ms   [${streamed.map((x) => x.toFixed(0)).join(', ')}]`,
  );
  console.log(`first line seen after submit:        ${median(first).toFixed(0)} ms (median)`);
  console.log(`throughput:                          ${Math.round(LINES / (s / 1000)).toLocaleString('en-US')} lines/s`);
  console.log(`ratio:                               ${(s / b).toFixed(2)}x (target < 3x)`);
  process.exitCode = s / b < 3 ? 0 : 1;
} finally {
  sb.child.kill('SIGTERM');
}
