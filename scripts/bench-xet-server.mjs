#!/usr/bin/env node
// Focused Xet server benchmark: the sandbox's side of an upload alone, without @huggingface/hub's JS chunking in the
// way (which makes `bench:xet` take minutes on a loaded machine). Generates xorbs as a client would send them (random
// 64 KiB chunks, stored uncompressed, and one xorb LZ4-compressed), posts them to a sandbox child process over HTTP,
// and reads the server's CPU seconds (user and system) from /proc/<pid>/stat and its peak RSS (VmHWM); compares with
// `sha256sum` on the same bytes two ways: CPU seconds against CPU seconds, and wall throughput (the uploads' wall time,
// first request to last answer, against sha256sum's wall time). Wall time on a shared machine depends on the load:
// the load average is printed.
//
//   node scripts/bench-xet-server.mjs [--mib 256] [--runs 5] [--against <another build's cli.mjs>]
//
// --against measures a baseline build too (e.g. main's dist copied aside), alternating with this one on the same xorbs,
// so before/after compare under the same load. BENCH_XET_CLI=<cli.mjs> replaces this build.
import {spawn, spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {request} from 'node:http';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {loadavg, tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';
import {createRepo} from '@huggingface/hub';
import {hashToHex, xorbHash} from '@huggingface/xetchunk-wasm';
import {createBLAKE3} from 'hash-wasm';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = process.env.BENCH_XET_CLI ? resolve(process.env.BENCH_XET_CLI) : join(ROOT, 'dist/cli.mjs');
const DATA_KEY = new Uint8Array([
  102, 151, 245, 119, 91, 149, 80, 222, 49, 53, 203, 172, 165, 151, 24, 28, 157, 228, 33, 16, 155, 235, 43, 88, 180,
  208, 176, 75, 147, 173, 242, 41,
]);
const CHUNK = 64 * 1024;
const XORB_CHUNKS = 1023; // 64 MiB - 1 chunk: under MAX_XORB_BYTES with headers

function args(argv) {
  const out = {mib: 256, runs: 5, against: undefined};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--mib') out.mib = Number(argv[++i]);
    else if (argv[i] === '--runs') out.runs = Number(argv[++i]);
    else if (argv[i] === '--against') out.against = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function makeXorbs(mib) {
  const hasher = await createBLAKE3(256, DATA_KEY);
  const totalChunks = Math.ceil((mib * 1024 * 1024) / CHUNK);
  const xorbs = [];
  for (let done = 0; done < totalChunks;) {
    const n = Math.min(XORB_CHUNKS, totalChunks - done);
    const body = Buffer.allocUnsafe(n * (8 + CHUNK));
    const chunks = [];
    for (let i = 0; i < n; i++) {
      const at = i * (8 + CHUNK);
      body.set(
        [
          0,
          CHUNK & 255,
          (CHUNK >> 8) & 255,
          (CHUNK >> 16) & 255,
          0,
          CHUNK & 255,
          (CHUNK >> 8) & 255,
          (CHUNK >> 16) & 255,
        ],
        at,
      );
      const data = randomBytes(CHUNK);
      body.set(data, at + 8);
      hasher.init();
      hasher.update(data);
      chunks.push({hash: hasher.digest('binary'), length: CHUNK});
    }
    xorbs.push({hash: hashToHex(xorbHash(chunks)), body});
    done += n;
  }
  return xorbs;
}

function startSandbox(cli) {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_XET_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_XET_CPU_PROF] : []),
      cli,
      'sandbox',
      '--json',
    ],
    {stdio: ['ignore', 'pipe', 'ignore']},
  );
  return new Promise((ok, fail) => {
    createInterface({input: child.stdout}).once('line', (line) => ok({child, ...JSON.parse(line)}));
    child.once('exit', (code) => fail(new Error(`sandbox exited (code ${code})`)));
  });
}

/** User and system CPU seconds of a process (/proc/<pid>/stat fields 14 and 15, clock ticks of 1/100 s). */
async function cpuTimes(pid) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {user: Number(f[11]) / 100, sys: Number(f[12]) / 100};
}

async function peakRssMb(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024;
}

function post(url, token, body) {
  return new Promise((ok, fail) => {
    const req = request(
      url,
      {method: 'POST', headers: {authorization: `Bearer ${token}`, 'content-length': body.length}},
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => (res.statusCode === 200 ? ok(text) : fail(new Error(`${res.statusCode} ${text}`))));
      },
    );
    req.on('error', fail);
    // Like undici: the body in pieces of at most 1 MiB.
    for (let at = 0; at < body.length; at += 1024 * 1024) req.write(body.subarray(at, at + 1024 * 1024));
    req.end();
  });
}

/** sha256sum's CPU seconds (user + system, from bash's `times`) and wall seconds on the file. */
function sha256sum(file) {
  const t = performance.now();
  const run = spawnSync('bash', ['-c', 'sha256sum -- "$1" >/dev/null || exit 1; times', 'bench', file], {
    encoding: 'utf8',
  });
  const last = run.stdout.trim().split('\n').pop().trim().split(/\s+/);
  const sec = (t) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t);
    return Number(m[1]) * 60 + Number(m[2]);
  };
  return {cpu: sec(last[0]) + sec(last[1]), wall: (performance.now() - t) / 1000};
}

/** Posts the xorbs to a fresh sandbox of this build; answers the server's CPU seconds, wall seconds and peak RSS. */
async function measure(cli, xorbs) {
  const sb = await startSandbox(cli);
  try {
    const hub = {hubUrl: sb.url, accessToken: sb.tokens.write};
    const repo = `buckets/practice-user/bench-${Date.now().toString(36)}`;
    await createRepo({...hub, repo});
    const token = await (
      await fetch(`${sb.url}/api/${repo}/xet-write-token/main`, {headers: {authorization: `Bearer ${sb.tokens.write}`}})
    ).json();
    const url = (hash) => `${token.casUrl}/v1/xorbs/default/${hash}`;
    // A one-chunk xorb first, not counted: loading the Xet code and compiling its WebAssembly happen once per server.
    await post(url(xorbs.warmup.hash), token.accessToken, xorbs.warmup.body);
    const before = await cpuTimes(sb.child.pid);
    const t = performance.now();
    for (const x of xorbs.list) await post(url(x.hash), token.accessToken, x.body);
    const wall = (performance.now() - t) / 1000;
    const after = await cpuTimes(sb.child.pid);
    const user = after.user - before.user;
    const sys = after.sys - before.sys;
    return {cpu: user + sys, user, sys, wall, rss: await peakRssMb(sb.child.pid)};
  } finally {
    sb.child.kill('SIGTERM');
    await new Promise((r) => (sb.child.exitCode === null ? sb.child.once('exit', r) : r()));
  }
}

const {mib, runs, against} = args(process.argv.slice(2));
const builds = [{name: 'this build', cli: CLI}, ...(against ? [{name: 'baseline', cli: resolve(against)}] : [])];
const dir = await mkdtemp(join(tmpdir(), 'hf-bench-xet-server-'));
try {
  const results = new Map(builds.map((b) => [b.name, []]));
  for (let r = 0; r < runs; r++) {
    const list = await makeXorbs(mib);
    const [warmup] = await makeXorbs(1 / 16);
    const bytes = list.reduce((n, x) => n + x.body.length, 0);
    const mb = bytes / 1024 / 1024;
    const file = join(dir, 'xorbs.bin');
    await writeFile(file, Buffer.concat(list.map((x) => x.body)));
    // Builds alternate which goes first; sha256sum runs 3 times before and 3 after each (the load changes).
    for (const build of r % 2 ? [...builds].reverse() : builds) {
      const sums = [0, 1, 2].map(() => sha256sum(file));
      const server = await measure(build.cli, {list, warmup});
      sums.push(...[0, 1, 2].map(() => sha256sum(file)));
      const sum = {cpu: median(sums.map((x) => x.cpu)), wall: median(sums.map((x) => x.wall))};
      const row = {
        ...server,
        sumCpu: sum.cpu,
        sumWall: sum.wall,
        ratio: sum.cpu / server.cpu,
        wallRatio: sum.wall / server.wall,
      };
      results.get(build.name).push(row);
      console.log(
        `run ${r + 1}, ${build.name}: ${mb.toFixed(0)} MiB of xorbs, server ${server.cpu.toFixed(2)} CPU s ` +
          `(user ${server.user.toFixed(2)}, sys ${server.sys.toFixed(2)}; ${(mb / server.cpu).toFixed(0)} MiB/s) ` +
          `in ${server.wall.toFixed(2)} s wall (${(mb / server.wall).toFixed(0)} MiB/s), peak RSS ${server.rss.toFixed(0)} MB; ` +
          `sha256sum ${sum.cpu.toFixed(2)} CPU s (${(mb / sum.cpu).toFixed(0)} MiB/s), ${sum.wall.toFixed(2)} s wall: ` +
          `CPU ratio ${row.ratio.toFixed(2)}x, wall ratio ${row.wallRatio.toFixed(2)}x; load ${loadavg()[0].toFixed(2)}`,
      );
    }
  }
  const m = (name, key) => median(results.get(name).map((x) => x[key]));
  for (const {name} of builds)
    console.log(
      `${name}, median of ${runs} (${mib} MiB): server ${m(name, 'cpu').toFixed(2)} CPU s (user ${m(name, 'user').toFixed(2)}, ` +
        `sys ${m(name, 'sys').toFixed(2)}), ${m(name, 'wall').toFixed(2)} s wall, peak RSS ${m(name, 'rss').toFixed(0)} MB; ` +
        `sha256sum ${m(name, 'sumCpu').toFixed(2)} CPU s, ${m(name, 'sumWall').toFixed(2)} s wall; ` +
        `CPU ratio ${m(name, 'ratio').toFixed(2)}x, wall ratio ${m(name, 'wallRatio').toFixed(2)}x`,
    );
  if (against)
    console.log(`this build / baseline server CPU: ${(m('this build', 'cpu') / m('baseline', 'cpu')).toFixed(2)}`);
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await rm(dir, {recursive: true, force: true});
}
