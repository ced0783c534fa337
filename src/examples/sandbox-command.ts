// How an example runs inside the sandbox: the Python script under uv when uv is installed, or with python3 (the
// sandbox's `uv run` stand-in) when python3 can import huggingface_hub, else its Node twin.
// The twin lives in the app itself: the bundle's hidden `job-script NAME` command, or (from TypeScript source,
// e.g. under vitest) src/examples/twins/run.ts through tsx. Everything is absolute: a job's cwd is a temp dir
// and its environment is minimal.
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {which} from '../core/which.js';

export type ExampleRunner = 'python-uv' | 'node-twin';

export interface SandboxCommand {
  dockerImage: string;
  command: string[];
  runner: ExampleRunner;
  /** One line for the person: which of the two runs, and why. */
  note: string;
}

export const TWIN_IMAGE = 'node:20-slim';
export const SANDBOX_UV_IMAGE = 'ghcr.io/astral-sh/uv:python3.12-bookworm';

/** The Node twin command for this running app (bundle or source). */
export function twinCommand(name: string): string[] {
  const here = fileURLToPath(import.meta.url);
  if (/\.[cm]?ts$/.test(here)) {
    const root = resolve(dirname(here), '..', '..');
    const tsx = join(root, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs');
    if (!existsSync(tsx))
      throw new Error(`Cannot run the example twin from source: ${tsx} is missing (run npm install).`);
    return [
      process.execPath,
      '--import',
      pathToFileURL(tsx).href,
      join(root, 'src', 'examples', 'twins', 'run.ts'),
      name,
    ];
  }
  // Bundled: this module sits in dist/chunks/ (or is dist/cli.mjs itself); the entry is dist/cli.mjs.
  const entry = dirname(here).endsWith('chunks') ? join(dirname(here), '..', 'cli.mjs') : here;
  return ['node', entry, 'job-script', name];
}

/** The PEP 723 script written into the job's folder and run with `uv run` (uv reads the dependencies header). */
export function uvScriptCommand(scriptName: string, source: string): string[] {
  const encoded = Buffer.from(source, 'utf8').toString('base64');
  return ['/bin/sh', '-c', `echo '${encoded}' | base64 -d > ${scriptName} && exec uv run ${scriptName}`];
}

let hubImportable: boolean | undefined;

/** Whether this machine's python3 imports huggingface_hub (asked once, bounded): then the real script can run. */
export function python3HasHub(): boolean {
  if (hubImportable === undefined) {
    const python = which('python3', process.env.PATH);
    hubImportable =
      python !== undefined &&
      spawnSync(python, ['-c', 'import huggingface_hub'], {stdio: 'ignore', timeout: 10_000}).status === 0;
  }
  return hubImportable;
}

export function sandboxCommand(
  example: {id: string; scriptName: string; python: string},
  options: {prefer?: 'auto' | ExampleRunner; uvAvailable?: boolean; pythonHasHub?: boolean} = {},
): SandboxCommand {
  const uv = options.uvAvailable ?? which('uv', process.env.PATH) !== undefined;
  const pythonHub = !uv && (!options.prefer || options.prefer === 'auto') && (options.pythonHasHub ?? python3HasHub());
  const runner: ExampleRunner =
    options.prefer && options.prefer !== 'auto' ? options.prefer : uv || pythonHub ? 'python-uv' : 'node-twin';
  if (runner === 'python-uv') {
    const how = uv
      ? 'with uv'
      : pythonHub
        ? 'with python3 (uv is not installed here; python3 has huggingface_hub)'
        : "with the sandbox's uv stand-in (asked for; uv is not installed here: python3 runs it if it has the script's dependencies)";
    return {
      dockerImage: SANDBOX_UV_IMAGE,
      command: uvScriptCommand(example.scriptName, example.python),
      runner,
      note: `runs ${example.scriptName} ${how} (the Python script itself)`,
    };
  }
  return {
    dockerImage: TWIN_IMAGE,
    command: twinCommand(example.id),
    runner,
    note: uv
      ? `runs the Node twin of ${example.scriptName} (asked for)`
      : `runs the Node twin of ${example.scriptName} (uv is not installed here; same steps and messages)`,
  };
}
