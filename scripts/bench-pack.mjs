// Package benchmark: what a person downloads and how long the first `npx hf-jobs-wizard --version` takes.
// 1. `npm pack` (prepack builds the minified bundle): packed and unpacked size, file count, the largest files.
// 2. `npx --yes --package <tarball> hf-jobs-wizard --version` on a cold npm cache (a new empty cache per run, offline: the package has no
//    runtime dependencies), median of several runs, next to `node dist/cli.mjs --version` and a bare `node -e`.
// Targets (issue 11): packed <= 250 KB, npx from the tarball to --version < 1 s.
// Usage: node scripts/bench-pack.mjs [--runs N] [--json]
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const asJson = process.argv.includes('--json');
const PACK_TARGET_KB = 250;
const NPX_TARGET_MS = 1000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function timed(cmd, args, env) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, {env, encoding: 'utf8', timeout: 60_000});
  const ms = performance.now() - t0;
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${(r.stderr || r.stdout || '').slice(0, 400)}`);
  return {ms, out: r.stdout.trim()};
}

const work = mkdtempSync(join(tmpdir(), 'bench-pack-'));
try {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  )[0];
  const tarball = join(work, packed.filename);
  const largest = [...packed.files]
    .sort((a, b) => b.size - a.size)
    .slice(0, 5)
    .map((f) => ({path: f.path, kb: +(f.size / 1024).toFixed(1)}));

  const baseEnv = {
    ...process.env,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  delete baseEnv.npm_config_cache;
  const npxRuns = [];
  let version = '';
  for (let i = 0; i < runs; i++) {
    const cache = mkdtempSync(join(work, 'cache-'));
    const r = timed(
      'npx',
      ['--yes', '--offline', '--cache', cache, '--package', tarball, 'hf-jobs-wizard', '--version'],
      {...baseEnv, npm_config_cache: cache},
    );
    npxRuns.push(r.ms);
    version = r.out;
    rmSync(cache, {recursive: true, force: true});
  }
  const direct = [];
  const bare = [];
  for (let i = 0; i < runs; i++) {
    direct.push(timed(process.execPath, [join(ROOT, 'dist/cli.mjs'), '--version'], baseEnv).ms);
    bare.push(timed(process.execPath, ['-e', 'process.stdout.write("0\\n")'], baseEnv).ms);
  }

  const result = {
    pack: {
      packedKB: +(packed.size / 1024).toFixed(1),
      unpackedKB: +(packed.unpackedSize / 1024).toFixed(1),
      files: packed.entryCount,
      largest,
      targetKB: PACK_TARGET_KB,
      ok: packed.size / 1024 <= PACK_TARGET_KB,
    },
    npxColdVersion: {
      medianMs: Math.round(median(npxRuns)),
      runs: npxRuns.map(Math.round),
      version,
      targetMs: NPX_TARGET_MS,
      ok: median(npxRuns) < NPX_TARGET_MS,
    },
    nodeVersion: {medianMs: Math.round(median(direct)), ratioToBareNode: +(median(direct) / median(bare)).toFixed(2)},
    bareNodeMs: Math.round(median(bare)),
  };
  if (asJson) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } else {
    const mark = (ok) => (ok ? 'ok' : 'OVER TARGET');
    console.log(
      `npm pack: ${result.pack.packedKB} KB packed, ${result.pack.unpackedKB} KB unpacked, ${result.pack.files} files (target <= ${PACK_TARGET_KB} KB: ${mark(result.pack.ok)})`,
    );
    for (const f of largest) console.log(`  ${String(f.kb).padStart(7)} KB  ${f.path}`);
    console.log(
      `npx <tarball> --version, cold cache: median ${result.npxColdVersion.medianMs} ms of ${runs} (${result.npxColdVersion.runs.join(', ')}) -> ${version} (target < ${NPX_TARGET_MS} ms: ${mark(result.npxColdVersion.ok)})`,
    );
    console.log(
      `node dist/cli.mjs --version: median ${result.nodeVersion.medianMs} ms (${result.nodeVersion.ratioToBareNode}x a bare node at ${result.bareNodeMs} ms)`,
    );
  }
} finally {
  rmSync(work, {recursive: true, force: true});
}
