// Which code the built CLI loads: `check --offline` must not load the Hub client (@huggingface/hub), which only the
// live paths need, and the Ink wizard's first frame must not wait for it. A module hook registered with --import records every file Node loads; the chunks holding the
// library are found by the path comments esbuild leaves in the (unminified) test build.
import {spawnSync} from 'node:child_process';
import * as nodeModule from 'node:module';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startCli} from '../e2e/pty.js';

const DIST = join(process.cwd(), 'dist');
const CLI = join(DIST, 'cli.mjs');
const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake34';
let dir = '';
let register = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hfjw-lazy-'));
  writeFileSync(
    join(dir, 'hook.mjs'),
    // To stderr, or to the file LOAD_LOG names (in a pty, stderr is the screen).
    "import {appendFileSync} from 'node:fs';\nexport async function load(url, context, next) {\n  if (url.startsWith('file:')) {\n    const line = `LOADED ${url}\\n`;\n    if (process.env.LOAD_LOG) appendFileSync(process.env.LOAD_LOG, line);\n    else process.stderr.write(line);\n  }\n  return next(url, context);\n}\n",
  );
  register = join(dir, 'register.mjs');
  writeFileSync(
    register,
    `import {register} from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hook.mjs')).href)});\n`,
  );
  writeFileSync(join(dir, 'train.py'), 'from huggingface_hub import whoami\nprint(whoami())\n');
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** The dist files holding @huggingface/hub's code (check's own build, dist/check/cli.cjs, leaves it out). */
function hubChunks(): string[] {
  const chunks = [
    ...readdirSync(join(DIST, 'chunks')).map((f) => join(DIST, 'chunks', f)),
    join(DIST, 'check', 'cli.cjs'),
  ];
  return chunks.filter((f) => /^\/\/ \S*node_modules\/@huggingface\/hub\//m.test(readFileSync(f, 'utf8')));
}

/** Runs the built CLI and returns the dist files it loaded. */
function loadedBy(
  args: string[],
  extraEnv: Record<string, string> = {},
): {status: number | null; loaded: string[]; stderr: string} {
  const res = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, CLI, ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      ...process.env,
      ...extraEnv,
      HF_TOKEN: FAKE,
      HOME: dir,
      XDG_CACHE_HOME: join(dir, '.cache'),
      HF_HOME: join(dir, '.hf'),
      HF_WIZARD_RETRY_BASE_MS: '1',
      HF_WIZARD_RESPONSE_TIMEOUT_MS: '2000',
    },
  });
  const loaded = [...res.stderr.matchAll(/^LOADED file:\/\/(.+)$/gm)].map((m) => decodeURIComponent(m[1]!));
  return {status: res.status, loaded, stderr: res.stderr.replace(/^LOADED .*\n/gm, '')};
}

describe('lazy loading in the built CLI', () => {
  it('finds the Hub client in the build, so the checks below can see it load', () => {
    expect(hubChunks().length).toBeGreaterThan(0);
  });

  it('check --offline runs the static checks without loading @huggingface/hub', () => {
    const run = loadedBy(['check', join(dir, 'train.py'), '--offline']);
    expect(run.stderr).not.toMatch(/Error|at .*\.mjs/);
    expect(run.loaded).toContain(CLI);
    const hub = new Set(hubChunks());
    expect(run.loaded.filter((f) => hub.has(f))).toEqual([]);
  });

  it("check --offline runs from its own build (dist/check/cli.cjs): no module but the entry, none of the app's chunks", () => {
    // The build is compiled by check's loader (src/check-loader.ts, with V8's code cache), not loaded as a module: the
    // hook sees only the entry, and check's debug line says what the loader did with the cache.
    const run = loadedBy(['check', join(dir, 'train.py'), '--offline'], {HF_WIZARD_SCAN_DEBUG: '1'});
    expect(run.stderr).not.toMatch(/Error|at .*\.mjs/);
    expect(run.stderr).toMatch(/; code cache (none|used|rejected)$/m);
    // Node 20 spends ~1.7 ms of CPU on each module it loads: the app's build loaded 30 for this run.
    expect(run.loaded.filter((f) => f.startsWith(DIST + '/')).sort()).toEqual([CLI]);
  });

  // esbuild leaves non-ASCII characters in regex literals and comments; scripts/build.mjs escapes them as \uXXXX.
  it("check's build is ASCII only, so V8 holds its source as one-byte text", () => {
    const files = readdirSync(join(DIST, 'check')).filter((f) => f.endsWith('.cjs'));
    expect(files).toEqual(expect.arrayContaining(['cli.cjs', 'main.cjs', 'read-worker.cjs', 'scan-worker.cjs']));
    for (const f of files) {
      const bytes = readFileSync(join(DIST, 'check', f));
      expect([f, bytes.findIndex((b) => b > 0x7f)]).toEqual([f, -1]);
    }
  });
  // enableCompileCache exists from Node 22.1; on older Node the CLI skips it (the other tests here run it there).
  const hasCompileCache = 'enableCompileCache' in nodeModule;
  it.skipIf(!hasCompileCache)('keeps V8 compile cache entries for the chunks a command loads (Node >= 22.1)', () => {
    const cache = join(dir, 'compile-cache');
    const res = spawnSync(process.execPath, [CLI, 'check', join(dir, 'train.py'), '--offline'], {
      encoding: 'utf8',
      env: {...process.env, HF_TOKEN: '', HOME: dir, NODE_COMPILE_CACHE: cache},
    });
    expect(res.stderr).not.toMatch(/at .*\.mjs/);
    expect(readdirSync(cache, {recursive: true}).length).toBeGreaterThan(0);
  });

  it('the Ink wizard draws its first frame without loading @huggingface/hub', async () => {
    const log = join(dir, 'wizard-loads.txt');
    const cli = startCli(['--import', pathToFileURL(register).href, CLI, '--sandbox'], {
      cols: 100,
      rows: 30,
      env: {HOME: dir, XDG_CACHE_HOME: join(dir, '.cache'), HF_HOME: join(dir, '.hf'), HF_TOKEN: '', LOAD_LOG: log},
    });
    try {
      await cli.waitFor(/Step \d\/\d/, 30_000);
      const loaded = [...readFileSync(log, 'utf8').matchAll(/^LOADED file:\/\/(.+)$/gm)].map((m) =>
        decodeURIComponent(m[1]!),
      );
      expect(loaded.some((f) => f.endsWith('/render.mjs') || /[\\/]render-[A-Z0-9]+\.mjs$/.test(f))).toBe(true);
      const hub = new Set(hubChunks());
      expect(loaded.filter((f) => hub.has(f))).toEqual([]);
    } finally {
      cli.pty.kill();
    }
  });

  it('check with a token and a live endpoint does load it (the detector works)', () => {
    const run = loadedBy(['check', join(dir, 'train.py'), '--endpoint', 'http://127.0.0.1:9']);
    const hub = new Set(hubChunks());
    expect(run.loaded.filter((f) => hub.has(f)).length).toBeGreaterThan(0);
  });
});
