// `npm run fidelity:real-tools -- <path of a huggingface_hub checkout>`: the wizard's step to the real tools against
// the real `hf` CLI instead of the stand-in the tests use. Runs the built app as a person would script it
// (`printf … | hf-jobs-wizard --plain --sandbox`, a fresh HOME): Enter at every question up to the first COMPLETED
// sandbox job, then "Next: the same job with the real hf CLI", with an `hf` on PATH that is the checkout's own CLI
// (`python -m huggingface_hub.cli.hf`, the checkout's src/ on PYTHONPATH). Prints the app's output as it comes, then
// one line: whether hf ran, its exit code, whether the dataset got the new commit, and how long it took. Exit 0 only
// when the job landed. Not part of npm test (it needs Python and the checkout).
//
// The checkout is never part of this repository: extract one yourself, e.g.
//   git --git-dir=<a clone of huggingface/huggingface_hub> archive HEAD | tar -x -C /tmp/hfhub
// Python and its Debian packages: as for `npm run fidelity:python` (scripts/fidelity-python.ts says which). Without
// hf_xet (not packaged by Debian) `hf jobs uv run <local script>` cannot upload the script and says so: that failure
// is reported as it is, with hf's own last lines.
import {spawn, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {chmod, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const CLI = join(ROOT, 'dist', 'cli.mjs');
/** Enter at each question up to COMPLETED (practice write token, push a dataset, write the files, run), then 2. */
const ANSWERS = ['', '', '', '', '', '', '', '2'];
/** The whole run (the sandbox job, then hf following its own job) is stopped after this long. */
const LIMIT_MS = 15 * 60_000;

function usage(message: string): never {
  process.stderr.write(
    `fidelity:real-tools: ${message}\nUsage: npm run fidelity:real-tools -- <huggingface_hub checkout> [--keep]\n`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
const positional = args.filter((a) => !a.startsWith('--'));
const checkout = positional[0] ? resolve(positional[0]) : usage('name the path of a huggingface_hub checkout');
const clientSrc = join(checkout, 'src');
if (!existsSync(join(clientSrc, 'huggingface_hub', 'cli', 'hf.py')))
  usage(`${checkout} has no src/huggingface_hub/cli/hf.py (the hf CLI)`);
// The shims adapt Debian's older filelock and click (scripts/fidelity-python/shims/sitecustomize.py).
const pythonPath = `${clientSrc}:${join(HERE, 'fidelity-python', 'shims')}`;

function pickPython(): {python: string; version: string} {
  const candidates = [process.env.FID_PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => Boolean(c));
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import huggingface_hub, httpx, yaml; print(huggingface_hub.__version__)'], {
      env: {...process.env, PYTHONPATH: pythonPath},
      encoding: 'utf8',
    });
    if (probe.status === 0) return {python, version: probe.stdout.trim()};
  }
  usage('no python3 can import the checkout with its dependencies (httpx, yaml, ...): see scripts/fidelity-python.ts');
}

/** Single-quoted for sh. */
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

async function main(): Promise<void> {
  const {python, version} = pickPython();
  const xet = spawnSync(python, ['-c', 'import hf_xet'], {encoding: 'utf8'}).status === 0;
  if (!existsSync(CLI)) spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], {stdio: 'inherit'});
  const work = await mkdtemp(join(tmpdir(), 'fidelity-real-tools-'));
  const bin = join(work, 'bin');
  await mkdir(bin);
  // The `hf` a learner would have: the checkout's CLI, run by the interpreter that has its dependencies.
  await writeFile(
    join(bin, 'hf'),
    `#!/bin/sh\nPYTHONPATH=${q(pythonPath)} HF_HUB_DISABLE_TELEMETRY=1 exec ${q(python)} -m huggingface_hub.cli.hf "$@"\n`,
  );
  await chmod(join(bin, 'hf'), 0o755);
  const pythonDir = dirname(spawnSync(python, ['-c', 'import sys; print(sys.executable)'], {encoding: 'utf8'}).stdout);
  console.log(
    `hf from huggingface_hub ${version} (${checkout}) with ${python}; hf_xet ${xet ? 'installed' : 'not installed (hf cannot upload a local script with Xet)'}`,
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: work,
    XDG_CACHE_HOME: join(work, 'cache'),
    HF_HOME: join(work, 'real-hf-home'),
    PATH: `${bin}:${pythonDir.trim()}:${process.env.PATH ?? ''}`,
    NO_COLOR: '1',
  };
  delete env.HF_TOKEN;
  delete env.HF_ENDPOINT;
  const started = Date.now();
  const child = spawn(process.execPath, [CLI, '--plain', '--sandbox'], {cwd: work, env, stdio: 'pipe'});
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    process.stdout.write(d);
  });
  child.stderr.on('data', (d: Buffer) => process.stderr.write(d));
  child.stdin.end(ANSWERS.map((a) => a + '\n').join(''));
  const killer = setTimeout(() => child.kill('SIGINT'), LIMIT_MS);
  const code = await new Promise<number | null>((done) => child.once('close', done));
  clearTimeout(killer);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!args.includes('--keep')) await rm(work, {recursive: true, force: true});
  else console.log(`kept ${work}`);
  const verdict = /^([✓✗]) hf .*$|^hf ended without an error.*$/m.exec(out)?.[0];
  const ranHf = out.includes('  | ') && /Next: the same job with the real hf CLI/.test(out);
  const landed = Boolean(verdict?.startsWith('✓'));
  console.log();
  console.log(
    `fidelity:real-tools: huggingface_hub ${version}: ${
      verdict
        ? `hf ran (${landed ? 'the job landed' : 'the job did not land'})`
        : ranHf
          ? 'hf ran, no verdict'
          : 'hf did not run'
    }; the app exited ${code}; ${seconds} s`,
  );
  if (verdict) console.log(`  ${verdict}`);
  process.exitCode = landed && code === 0 ? 0 : 1;
}

await main();
