#!/usr/bin/env node
// Xet benchmark: a big generated file through @huggingface/hub's own Xet code (bucket commit: chunking, xorbs,
// shards, batch) into the sandbox's CAS and back (XetBlob: reconstruction + ranged xorb reads).
//
//   node scripts/bench-xet.mjs [--size 1GiB|512MiB|200MB|<bytes>] [--runs 3] [--keep]
//
// Starts the sandbox as a child process (so its memory and CPU time can be read from /proc/<pid>), generates the
// file, times `sha256sum` on it, commits it to a bucket from a file: URL (streamed), downloads it back, compares
// sha256, and prints: the server's peak RSS (VmHWM; target < 256 MB), end-to-end upload and download throughput (the
// client's JS chunking/hashing/LZ4 dominates these), and the server's own throughput: bytes / server CPU seconds
// spent on the upload (every chunk decompressed and blake3-hashed), compared with sha256sum's CPU seconds on the same
// file (target >= half of its rate). Each of --runs rounds starts a fresh sandbox; the summary gives medians.
import {spawn, spawnSync} from 'node:child_process';
import {createHash, randomBytes} from 'node:crypto';
import {createWriteStream, existsSync} from 'node:fs';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {loadavg, tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {createInterface} from 'node:readline';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {commit, createRepo, downloadFile} from '@huggingface/hub';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_XET_CLI=<path to another build's cli.mjs> measures that build instead (a baseline, e.g. main's).
const CLI = process.env.BENCH_XET_CLI ? resolve(process.env.BENCH_XET_CLI) : join(ROOT, 'dist/cli.mjs');
const RSS_TARGET_MB = 256;

function parseSize(text) {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?$/i.exec(text.trim());
  if (!m) throw new Error(`--size: cannot read "${text}" (try 1GiB, 512MiB, 200MB or a byte count)`);
  const units = {b: 1, kb: 1e3, kib: 1024, mb: 1e6, mib: 1024 ** 2, gb: 1e9, gib: 1024 ** 3};
  return Math.round(Number(m[1]) * units[(m[2] ?? 'b').toLowerCase()]);
}

function parseArgs(argv) {
  const out = {size: 1024 ** 3, keep: false, runs: 3};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--size') out.size = parseSize(argv[++i] ?? '');
    else if (a.startsWith('--size=')) out.size = parseSize(a.slice(7));
    else if (a === '--keep') out.keep = true;
    else if (a === '--runs') out.runs = Math.max(1, Number.parseInt(argv[++i] ?? '', 10) || 1);
    else if (a === '-h' || a === '--help') {
      console.log('Usage: node scripts/bench-xet.mjs [--size 1GiB] [--runs 3] [--keep]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return out;
}

const mb = (bytes) => bytes / 1024 / 1024;
const fmt = (n, d = 1) => n.toFixed(d);

function procStatus(pid) {
  return readFile(`/proc/${pid}/status`, 'utf8').then(
    (text) => {
      const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
      return {rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024};
    },
    () => ({rss: NaN, hwm: NaN}),
  );
}

async function generate(file, size) {
  const hash = createHash('sha256');
  const out = createWriteStream(file);
  const block = 4 * 1024 * 1024;
  // Random throughout: Xet deduplicates repeated content, so repeated blocks would measure almost nothing.
  for (let written = 0; written < size;) {
    const len = Math.min(block, size - written);
    const chunk = randomBytes(len);
    hash.update(chunk);
    if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
    written += len;
  }
  await new Promise((resolveEnd, reject) => out.end((e) => (e ? reject(e) : resolveEnd())));
  return hash.digest('hex');
}

function startSandbox() {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_XET_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_XET_CPU_PROF] : []),
      CLI,
      'sandbox',
      '--json',
    ],
    {stdio: ['ignore', 'pipe', 'inherit']},
  );
  return new Promise((resolveStart, reject) => {
    createInterface({input: child.stdout}).once('line', (line) => {
      try {
        resolveStart({child, ...JSON.parse(line)});
      } catch (error) {
        reject(error);
      }
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited (code ${code})`)));
  });
}

/** User + system CPU seconds the process has used (/proc/<pid>/stat fields 14 and 15, in clock ticks). */
async function cpuSeconds(pid) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(spawnSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).stdout.trim()) || 100;
  return (Number(fields[11]) + Number(fields[12])) / ticks;
}

/**
 * CPU seconds `sha256sum` spends on the file (user + system of the child, read from bash's `times`), so the ratio
 * compares CPU with CPU and holds on a loaded machine, where wall time would flatter the server. Null when missing.
 */
function sha256sumCpu(file) {
  const run = spawnSync('bash', ['-c', 'sha256sum -- "$1" || exit 1; times', 'bench', file], {encoding: 'utf8'});
  if (run.status !== 0) return null;
  const lines = run.stdout.trim().split('\n');
  const seconds = (t) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  };
  const [user, sys] = lines[lines.length - 1].trim().split(/\s+/).map(seconds);
  return {sha: lines[0].split(/\s+/)[0], cpu: user + sys};
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One round: a fresh sandbox, the upload with sha256sum 3 times before and after it (median CPU), the download. */
async function round(file, size, localSha) {
  const sandbox = await startSandbox();
  const pid = sandbox.child.pid;
  let peakSeen = 0;
  const sampler = setInterval(async () => {
    const {rss} = await procStatus(pid);
    if (rss > peakSeen) peakSeen = rss;
  }, 100);
  try {
    const idle = await procStatus(pid);
    // sha256sum 3 times before the upload and 3 after (below): the load on a shared machine changes over a round.
    const sums = [0, 1, 2].map(() => sha256sumCpu(file));

    const hub = {hubUrl: sandbox.url, accessToken: sandbox.tokens.write};
    const repo = `buckets/practice-user/bench-${Date.now().toString(36)}`;
    await createRepo({...hub, repo});

    const cpuBefore = await cpuSeconds(pid);
    let t = performance.now();
    await commit({
      ...hub,
      repo,
      title: 'bench',
      operations: [{operation: 'addOrUpdate', path: 'bench.bin', content: pathToFileURL(file)}],
    });
    const upSeconds = (performance.now() - t) / 1000;
    const serverCpu = (await cpuSeconds(pid)) - cpuBefore;
    const afterUpload = await procStatus(pid);
    sums.push(...[0, 1, 2].map(() => sha256sumCpu(file)));
    if (sums.some((r) => r && r.sha !== localSha)) throw new Error('sha256sum disagrees with the generator');
    const sumCpu = sums[0] ? median(sums.map((r) => r.cpu)) : NaN;

    t = performance.now();
    const blob = await downloadFile({...hub, repo, path: 'bench.bin'});
    if (!blob) throw new Error('the uploaded file is missing');
    const back = createHash('sha256');
    let got = 0;
    for await (const piece of blob.stream()) {
      back.update(piece);
      got += piece.length;
    }
    const downSeconds = (performance.now() - t) / 1000;
    const final = await procStatus(pid);
    const serverRate = mb(size) / serverCpu;
    const sumRate = mb(size) / sumCpu;
    return {
      idle: idle.rss,
      afterUpload: afterUpload.rss,
      peak: Math.max(final.hwm, peakSeen),
      sumCpu,
      sumRate,
      upSeconds,
      serverCpu,
      serverRate,
      ratio: serverRate / sumRate,
      downSeconds,
      ok: back.digest('hex') === localSha && got === size,
    };
  } finally {
    clearInterval(sampler);
    sandbox.child.kill('SIGTERM');
    await new Promise((r) => (sandbox.child.exitCode === null ? sandbox.child.once('exit', r) : r()));
  }
}

async function main() {
  const {size, keep, runs} = parseArgs(process.argv.slice(2));
  if (!existsSync(CLI))
    throw new Error('dist/cli.mjs is missing: run `node scripts/build.mjs` first (npm run bench:xet does)');
  const dir = await mkdtemp(join(tmpdir(), 'hf-bench-xet-'));
  const file = join(dir, 'bench.bin');
  try {
    let t = performance.now();
    const localSha = await generate(file, size);
    console.log(`generated ${fmt(mb(size))} MiB in ${fmt((performance.now() - t) / 1000, 2)} s; ${runs} rounds`);
    const results = [];
    for (let i = 0; i < runs; i++) {
      const r = await round(file, size, localSha);
      results.push(r);
      console.log(
        `round ${i + 1}: server ${fmt(r.serverCpu, 2)} CPU s (${fmt(r.serverRate, 0)} MiB/s), sha256sum ${fmt(r.sumCpu, 2)} CPU s (${fmt(r.sumRate, 0)} MiB/s), ${fmt(r.ratio, 2)}x; up ${fmt(r.upSeconds, 1)} s, down ${fmt(r.downSeconds, 1)} s, peak RSS ${fmt(mb(r.peak))} MB, ${r.ok ? 'bytes match' : 'MISMATCH'}`,
      );
    }
    const m = (key) => median(results.map((r) => r[key]));
    const ok = results.every((r) => r.ok);
    const peak = Math.max(...results.map((r) => r.peak));
    console.log('');
    console.log(
      `size                   ${fmt(mb(size))} MiB, median of ${runs} rounds, load average ${loadavg()
        .map((l) => fmt(l, 2))
        .join(' ')}`,
    );
    console.log(
      `sha256sum              ${Number.isFinite(m('sumCpu')) ? `${fmt(m('sumCpu'), 2)} CPU s (${fmt(m('sumRate'), 0)} MiB/s)` : 'not available'}`,
    );
    console.log(
      `upload (Xet commit)    ${fmt(m('upSeconds'), 2)} s (${fmt(mb(size) / m('upSeconds'), 0)} MiB/s end to end; client chunking + hashing + LZ4 in JS included)`,
    );
    console.log(
      `server upload work     ${fmt(m('serverCpu'), 2)} CPU s (${fmt(m('serverRate'), 0)} MiB/s: decompress + blake3 every chunk, write, verify shard)${Number.isFinite(m('ratio')) ? `, ${fmt(m('ratio'), 2)}x sha256sum's CPU rate (target >= 0.5)` : ''}`,
    );
    console.log(
      `download (XetBlob)     ${fmt(m('downSeconds'), 2)} s (${fmt(mb(size) / m('downSeconds'), 0)} MiB/s, with sha256)`,
    );
    console.log(`sha256 round trip      ${ok ? 'match' : 'MISMATCH'}`);
    console.log(
      `server RSS             idle ${fmt(mb(m('idle')))} MB, after upload ${fmt(mb(m('afterUpload')))} MB, peak (VmHWM) ${fmt(mb(peak))} MB over all rounds (target < ${RSS_TARGET_MB} MB)`,
    );
    process.exitCode = ok && mb(peak) < RSS_TARGET_MB ? 0 : 1;
  } finally {
    if (!keep) await rm(dir, {recursive: true, force: true});
  }
}

main().catch((error) => {
  console.error(`bench-xet: ${error.message}`);
  process.exitCode = 1;
});
