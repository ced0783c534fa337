// Package benchmark: what a person downloads and how long the first `npx hf-jobs-wizard --version` takes.
// 1. `npm pack` (prepack builds the minified bundle): packed and unpacked size, file count, the largest files.
// 2. `npx --yes --package <tarball> hf-jobs-wizard --version` on a cold npm cache (a new empty cache per run, offline: the package has no
//    runtime dependencies), median of several runs, next to `node dist/cli.mjs --version` and a bare `node -e`.
//    npm's own floor is measured in the same run: npx of a trivial one-file package (a bin that prints its version),
//    interleaved run by run with ours so a change in the machine's load hits both alike.
// Targets (issue 11): packed <= 250 KB, npx from the tarball to --version < 1 s.
// Usage: node scripts/bench-pack.mjs [--runs N] [--json]
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {loadavg, tmpdir} from 'node:os';
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

const loadBefore = loadavg()[0];
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
  // npm's floor: a one-file package with a bin, packed the same way.
  const trivialDir = join(work, 'trivial');
  mkdirSync(trivialDir);
  writeFileSync(
    join(trivialDir, 'package.json'),
    JSON.stringify({name: 'npx-floor', version: '1.0.0', bin: {'npx-floor': 'cli.mjs'}, files: ['cli.mjs']}),
  );
  writeFileSync(join(trivialDir, 'cli.mjs'), '#!/usr/bin/env node\nconsole.log("1.0.0");\n', {mode: 0o755});
  const trivialPacked = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: trivialDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  )[0];
  const trivialTarball = join(work, trivialPacked.filename);

  const coldNpx = (tgz, bin) => {
    const cache = mkdtempSync(join(work, 'cache-'));
    try {
      return timed('npx', ['--yes', '--offline', '--cache', cache, '--package', tgz, bin, '--version'], {
        ...baseEnv,
        npm_config_cache: cache,
      });
    } finally {
      rmSync(cache, {recursive: true, force: true});
    }
  };
  const npxRuns = [];
  const floorRuns = [];
  let version = '';
  for (let i = 0; i < runs; i++) {
    floorRuns.push(coldNpx(trivialTarball, 'npx-floor').ms);
    const r = coldNpx(tarball, 'hf-jobs-wizard');
    npxRuns.push(r.ms);
    version = r.out;
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
      npmFloorMs: Math.round(median(floorRuns)),
      ratioToNpmFloor: +(median(npxRuns) / median(floorRuns)).toFixed(2),
    },
    nodeVersion: {medianMs: Math.round(median(direct)), ratioToBareNode: +(median(direct) / median(bare)).toFixed(2)},
    bareNodeMs: Math.round(median(bare)),
    loadAverage: {before: +loadBefore.toFixed(2), after: +loadavg()[0].toFixed(2)},
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
      `  npm's floor, npx of a one-file package: median ${result.npxColdVersion.npmFloorMs} ms; ours is ${result.npxColdVersion.ratioToNpmFloor}x that`,
    );
    console.log(
      `node dist/cli.mjs --version: median ${result.nodeVersion.medianMs} ms (${result.nodeVersion.ratioToBareNode}x a bare node at ${result.bareNodeMs} ms)`,
    );
    console.log(`load average (1 min): ${result.loadAverage.before} before, ${result.loadAverage.after} after`);
  }
} finally {
  rmSync(work, {recursive: true, force: true});
}
