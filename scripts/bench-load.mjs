#!/usr/bin/env node
// Load benchmark for the sandbox Hub (issue 10): many concurrent clients for a while, the server's memory and latency.
//
//   node scripts/bench-load.mjs [--clients 50] [--seconds 45] [--files N]
//
// Starts the sandbox as a child process (`node dist/cli.mjs sandbox --data DIR --json`, so its memory can be read from
// /proc/<pid>/status), optionally pre-fills one dataset with N files (a big tree: `--files 5000` is the case where every
// commit record used to hold the whole tree), then runs `--clients` loops for `--seconds`, each picking per request:
// whoami-v2 (50 %), a small one-file commit into that shared dataset (45 %) or a job submission (5 %, `node -e 0`).
// Every call goes through @huggingface/hub as the app makes it. Prints requests, errors, p50/p99 latency per kind,
// the server's peak RSS (VmHWM, and the highest VmRSS sampled every 100 ms), the commits made and found on main
// (lost commits), and the data folder's size. Target: peak RSS under 256 MB with 50 clients for 45 s.
import {spawn, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';
import {commit, createRepo, listFiles, runJob, whoAmI} from '@huggingface/hub';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist/cli.mjs');
const RSS_TARGET_MB = 256;

function parseArgs(argv) {
  const out = {clients: 50, seconds: 45, files: 0};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${a} takes a whole number`);
      return v;
    };
    if (a === '--clients') out.clients = num();
    else if (a === '--seconds') out.seconds = num();
    else if (a === '--files') out.files = num();
    else if (a === '-h' || a === '--help') {
      console.log('Usage: node scripts/bench-load.mjs [--clients 50] [--seconds 45] [--files N]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return out;
}

async function procStatus(pid) {
  try {
    const text = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
    return {rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024};
  } catch {
    return {rss: NaN, hwm: NaN};
  }
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const mb = (b) => (b / 1024 / 1024).toFixed(1);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(CLI)) spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], {stdio: 'inherit'});
  const dir = await mkdtemp(join(tmpdir(), 'hf-bench-load-'));
  const data = join(dir, 'data');
  const server = spawn(process.execPath, [CLI, 'sandbox', '--data', data, '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((r) => server.once('exit', r));
  try {
    const first = await new Promise((resolveLine, reject) => {
      const rl = createInterface({input: server.stdout});
      rl.once('line', resolveLine);
      server.once('exit', (code) => reject(new Error(`sandbox exited (${code}) before printing its URL`)));
    });
    server.stdout.resume();
    const {url, tokens} = JSON.parse(first);
    const hub = {hubUrl: url, accessToken: tokens.write};
    const repo = {type: 'dataset', name: 'practice-user/load-bench'};
    await createRepo({...hub, repo});
    if (opts.files > 0) {
      // The big tree, in commits of 500 files (not counted in the load figures).
      for (let start = 0; start < opts.files; start += 500) {
        const operations = [];
        for (let i = start; i < Math.min(opts.files, start + 500); i++)
          operations.push({operation: 'addOrUpdate', path: `prefill/${i}.txt`, content: new Blob([`prefill ${i}\n`])});
        await commit({...hub, repo, title: `prefill ${start}`, operations});
      }
    }
    const base = await procStatus(server.pid);
    let peakSampled = base.rss;
    const sampler = setInterval(async () => {
      const s = await procStatus(server.pid);
      if (s.rss > peakSampled) peakSampled = s.rss;
    }, 100);

    const stats = {whoami: [], commit: [], job: []};
    const errors = {whoami: 0, commit: 0, job: 0};
    const errorSamples = [];
    let committed = 0;
    const deadline = Date.now() + opts.seconds * 1000;
    let seq = 0;
    const client = async (c) => {
      while (Date.now() < deadline) {
        const r = Math.random();
        const kind = r < 0.5 ? 'whoami' : r < 0.95 ? 'commit' : 'job';
        const t0 = performance.now();
        try {
          if (kind === 'whoami') await whoAmI(hub);
          else if (kind === 'commit') {
            const n = seq++;
            await commit({
              ...hub,
              repo,
              title: `load ${c}/${n}`,
              operations: [
                {
                  operation: 'addOrUpdate',
                  path: `load/${c}/${n}.txt`,
                  content: new Blob([`client ${c} request ${n}\n`]),
                },
              ],
            });
            committed++;
          } else
            await runJob({
              ...hub,
              namespace: 'practice-user',
              dockerImage: 'node:20-slim',
              command: ['node', '-e', '0'],
              flavor: 'cpu-basic',
            });
          stats[kind].push(performance.now() - t0);
        } catch (error) {
          errors[kind]++;
          if (errorSamples.length < 5) errorSamples.push(`${kind}: ${String(error?.message ?? error).slice(0, 160)}`);
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({length: opts.clients}, (_, c) => client(c)));
    const elapsed = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const end = await procStatus(server.pid);

    const found = [];
    for await (const f of listFiles({...hub, repo, path: 'load', recursive: true}))
      if (f.type === 'file') found.push(f.path);
    const du = spawnSync('du', ['-sk', data], {encoding: 'utf8'});
    const dataKb = Number(du.stdout.split('\t')[0]);

    const all = [...stats.whoami, ...stats.commit, ...stats.job].sort((a, b) => a - b);
    const total = all.length + errors.whoami + errors.commit + errors.job;
    console.log(
      `sandbox load: ${opts.clients} clients for ${opts.seconds} s${opts.files ? `, dataset pre-filled with ${opts.files} files` : ''} (${elapsed.toFixed(1)} s measured)`,
    );
    console.log(
      `requests: ${total} (${(total / elapsed).toFixed(0)}/s), errors: ${errors.whoami + errors.commit + errors.job}`,
    );
    for (const kind of ['whoami', 'commit', 'job']) {
      const s = stats[kind].sort((a, b) => a - b);
      console.log(
        `  ${kind.padEnd(7)} ${String(s.length).padStart(6)} ok ${String(errors[kind]).padStart(4)} errors   p50 ${percentile(s, 50)?.toFixed(1)} ms   p99 ${percentile(s, 99)?.toFixed(1)} ms`,
      );
    }
    console.log(`latency (all): p50 ${percentile(all, 50).toFixed(1)} ms, p99 ${percentile(all, 99).toFixed(1)} ms`);
    console.log(`commits: ${committed} answered ok, ${found.length} files on main (${committed - found.length} lost)`);
    console.log(
      `server RSS: before load ${mb(base.rss)} MB, peak ${mb(Math.max(end.hwm, peakSampled))} MB (VmHWM ${mb(end.hwm)}), at end ${mb(end.rss)} MB; target < ${RSS_TARGET_MB} MB: ${Math.max(end.hwm, peakSampled) < RSS_TARGET_MB * 1024 * 1024 ? 'met' : 'MISSED'}`,
    );
    console.log(`data folder: ${(dataKb / 1024).toFixed(1)} MB`);
    for (const e of errorSamples) console.log(`  error sample: ${e}`);
  } finally {
    server.kill('SIGINT');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
    await rm(dir, {recursive: true, force: true});
  }
}

main().catch((error) => {
  console.error(`bench-load: ${error?.message ?? error}`);
  process.exit(1);
});
