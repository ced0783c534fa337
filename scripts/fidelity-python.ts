// `npm run fidelity:python -- <path of a huggingface_hub checkout>`: how faithfully the sandbox Hub serves the real
// Python client. Starts a fresh sandbox, then runs scripts/fidelity-python/driver.py (this repo's own code) with the
// checkout's src/ on PYTHONPATH: every HfApi call and `hf` CLI command a learner uses (auth, repos, upload/download,
// LFS, jobs, uv, scheduled jobs, stats, labels, errors) plus the four example scripts as sandbox jobs with the real
// client inside. Prints `N passed, M failed` alone on a line, then each failure with the client's own error.
//
// The checkout is never part of this repository: extract one yourself, e.g.
//   git --git-dir=<a clone of huggingface/huggingface_hub> archive HEAD | tar -x -C /tmp/hfhub
// Python: $FID_PYTHON, else /usr/bin/python3, else python3 on PATH; it needs the client's dependencies (on Debian:
// apt-get install python3-httpx python3-yaml python3-tqdm python3-filelock python3-packaging python3-typer
// python3-requests python3-fsspec python3-typing-extensions); the shims in scripts/fidelity-python/shims adapt Debian's older filelock and click. hf_xet (a Rust wheel) is not packaged by Debian: without it, the operations that
// upload with Xet (`hf jobs uv run <local script>`, buckets) fail with the client's own "hf_xet" message.
// Options: --only TEXT (operations whose name contains TEXT), --verbose (every result), --json (one JSON line each).
import {spawn, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';
import {EXAMPLES} from '../src/examples/catalog.js';
import {startSandbox} from '../src/sandbox/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--only');

function usage(message: string): never {
  process.stderr.write(
    `fidelity:python: ${message}\nUsage: npm run fidelity:python -- <huggingface_hub checkout> [--only TEXT] [--verbose] [--json]\n`,
  );
  process.exit(2);
}

const checkout = positional[0] ? resolve(positional[0]) : usage('name the path of a huggingface_hub checkout');
const clientSrc = join(checkout, 'src');
// Shims for Debian's older filelock and click (scripts/fidelity-python/shims/sitecustomize.py says which and why).
const pythonPath = `${clientSrc}:${join(HERE, 'fidelity-python', 'shims')}`;
if (!existsSync(join(clientSrc, 'huggingface_hub', 'hf_api.py')))
  usage(`${checkout} has no src/huggingface_hub/hf_api.py`);

function pickPython(): string {
  const candidates = [process.env.FID_PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => Boolean(c));
  let missing = '';
  for (const python of candidates) {
    // typing_extensions: the `hf` CLI imports it (through the inference types) where `import huggingface_hub` does not;
    // without it every CLI operation fails with the same ModuleNotFoundError.
    const probe = spawnSync(
      python,
      ['-c', 'import huggingface_hub, httpx, yaml, typing_extensions; print(huggingface_hub.__version__)'],
      {env: {...process.env, PYTHONPATH: pythonPath}, encoding: 'utf8'},
    );
    if (probe.status === 0) return python;
    missing ||= /No module named '([\w.]+)'/.exec(probe.stderr ?? '')?.[1] ?? '';
  }
  const pkg = missing ? `python3-${missing.split('.')[0]!.replace(/_/g, '-')}` : '';
  usage(
    `no python3 can import the checkout with its dependencies (httpx, yaml, typing_extensions, ...)${missing ? `: the module ${missing} is missing (on Debian: apt-get install ${pkg})` : ''}; see the header of scripts/fidelity-python.ts`,
  );
}

interface Result {
  name: string;
  ok: boolean;
  detail: string;
  seconds: number;
}

async function main(): Promise<void> {
  const python = pickPython();
  const pythonDir = dirname(
    spawnSync(python, ['-c', 'import sys; print(sys.executable)'], {encoding: 'utf8'}).stdout.trim(),
  );
  const work = await mkdtemp(join(tmpdir(), 'fidelity-python-'));
  // Jobs run `python` from the sandbox's PATH: the interpreter that has the client's dependencies comes first.
  process.env.PATH = `${pythonDir}:${process.env.PATH ?? ''}`;
  const sandbox = await startSandbox({});
  const examples: Record<string, string> = {};
  for (const example of EXAMPLES) {
    const file = join(work, example.scriptName);
    await writeFile(file, example.python);
    examples[
      `FID_EXAMPLE_${example.scriptName.replace(/\.py$/, '').replace('read_private_dataset', 'read_private').replace('check_token', 'token_check').toUpperCase()}`
    ] = file;
  }
  const version = spawnSync(python, ['-c', 'import huggingface_hub; print(huggingface_hub.__version__)'], {
    env: {...process.env, PYTHONPATH: pythonPath},
    encoding: 'utf8',
  }).stdout.trim();
  const xet = spawnSync(python, ['-c', 'import hf_xet'], {encoding: 'utf8'}).status === 0;
  if (!flag('--json')) {
    console.log(
      `huggingface_hub ${version} (${checkout}) with ${python} against the sandbox Hub at ${sandbox.url}; hf_xet ${xet ? 'installed' : 'not installed (Xet uploads fail)'}`,
    );
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...examples,
    PYTHONPATH: pythonPath,
    FID_CLIENT_SRC: pythonPath,
    HF_ENDPOINT: sandbox.url,
    HF_HOME: join(work, 'hf-home'),
    HF_HUB_DISABLE_TELEMETRY: '1',
    PYTHONDONTWRITEBYTECODE: '1',
    HF_HUB_DISABLE_PROGRESS_BARS: '1',
    NO_COLOR: '1',
    FID_TOKEN_WRITE: sandbox.tokens.write,
    FID_TOKEN_READ: sandbox.tokens.read,
    FID_TOKEN_FINE: sandbox.tokens['fine-grained'],
    FID_TOKEN_EXPIRED: sandbox.tokens.expired,
    FID_USER: sandbox.users[0],
    FID_FRIEND: sandbox.users[1],
    FID_ONLY: option('--only') ?? '',
  };
  delete env.HF_TOKEN;
  const results: Result[] = [];
  const child = spawn(python, [join(HERE, 'fidelity-python', 'driver.py')], {env, stdio: ['ignore', 'pipe', 'pipe']});
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
  });
  for await (const line of createInterface({input: child.stdout})) {
    let result: Result;
    try {
      result = JSON.parse(line) as Result;
    } catch {
      continue;
    }
    results.push(result);
    if (flag('--json')) console.log(JSON.stringify(result));
    else if (flag('--verbose'))
      console.log(
        `${result.ok ? 'pass' : 'FAIL'} ${result.name}${result.ok ? '' : `: ${result.detail}`} (${result.seconds} s)`,
      );
  }
  const code = await new Promise<number | null>((done) =>
    child.exitCode !== null ? done(child.exitCode) : child.once('exit', done),
  );
  await sandbox.close();
  await rm(work, {recursive: true, force: true});
  const failed = results.filter((r) => !r.ok);
  if (code !== 0) console.log(`driver exited with ${code}: ${stderr.trim().split('\n').slice(-5).join('\n')}`);
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
  for (const f of failed) console.log(`  FAIL ${f.name}: ${f.detail}`);
  process.exitCode = failed.length === 0 && code === 0 ? 0 : 1;
}

await main();
