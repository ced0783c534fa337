// How the sandbox runs a container image without containers: it maps image families to local interpreters
// and says so in the job's opening log lines. Anything it cannot emulate fails the job with what to do instead.
import {execFile} from 'node:child_process';
import {which} from '../../core/which.js';
import {basename, isAbsolute} from 'node:path';
import {uvStandIn} from './uv-standin.js';

export type ImageFamily = 'uv' | 'python' | 'node';

export interface Interpreters {
  /** The real python3 binary (not a pyenv/asdf shim, which would need the user's HOME), if any. */
  python3?: string;
  uv?: string;
  node: string;
}

export type Launch =
  | {
      ok: true;
      family: ImageFamily;
      argv: string[];
      links: Record<string, string>;
      notes: string[];
      programs?: Record<string, string>;
    }
  | {ok: false; message: string};

export {which};

function realPython(shim: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    // pyenv's shim is a shell script that starts slowly: on a loaded machine (load 15) it took over 5 s.
    execFile(shim, ['-c', 'import sys; print(sys.executable)'], {timeout: 30_000}, (error, stdout) => {
      const path = String(stdout).trim();
      resolve(!error && path && isAbsolute(path) ? path : undefined);
    });
  });
}

let cached: Promise<Interpreters> | undefined;

/** Looks the interpreters up once per process (on the sandbox's own PATH). */
export function findInterpreters(): Promise<Interpreters> {
  cached ??= (async () => {
    const out: Interpreters = {node: process.execPath};
    const uv = which('uv', process.env.PATH);
    if (uv) out.uv = uv;
    const py = which('python3', process.env.PATH);
    const real = py ? await realPython(py) : undefined;
    if (real) out.python3 = real;
    // A python3 on PATH that did not answer is asked again by the next job rather than remembered as missing.
    if (py && !real) cached = undefined;
    return out;
  })();
  return cached;
}

export function imageFamily(image: string): ImageFamily | undefined {
  const name = image.replace(/^docker\.io\/(library\/)?/, '');
  if (/^(ghcr\.io\/)?astral-sh\/uv(:|@|$)/.test(name)) return 'uv';
  if (/^python(:|@|$)/.test(name)) return 'python';
  if (/^node(:|@|$)/.test(name)) return 'node';
  return undefined;
}

const PYTHON = /^python(3(\.\d+)?)?$/;
const SUPPORTED = '`python:*` (local python3), `node:*` (this Node) and `ghcr.io/astral-sh/uv:*` (local uv)';

/**
 * Where the job's command runs. `links` are the names put first on the job's PATH (e.g. `python` -> the real
 * python3), so shell commands inside the job find the same interpreters.
 */
/**
 * The opening note for an example job run as its Node twin (labels `runner: node-twin`, `script: NAME.py`, set by
 * src/examples/catalog.ts): say which Python example it stands for rather than the node: image it borrows.
 */
export function twinNote(labels: Record<string, string> | null | undefined, found: Interpreters): string | undefined {
  if (labels?.runner !== 'node-twin') return undefined;
  const what = labels.script ? `the Python example ${labels.script}` : 'the Python example';
  const why = found.uv ? 'the Node twin was asked for' : 'uv is not installed here';
  return `${what} runs as its Node twin (${why}; same steps and messages) on this machine's Node ${process.version}, not in a container`;
}

export function planLaunch(
  spec: {
    dockerImage: string | null;
    spaceId: string | null;
    command: string[];
    arguments: string[];
    labels?: Record<string, string> | null;
  },
  found: Interpreters,
  hostPath: string | undefined,
): Launch {
  if (!spec.dockerImage) {
    return {
      ok: false,
      message: `The sandbox cannot run Space images (spaceId "${spec.spaceId ?? ''}"): it has no containers. Use a dockerImage it emulates: ${SUPPORTED}.`,
    };
  }
  const image = spec.dockerImage;
  const family = imageFamily(image);
  if (!family) {
    return {
      ok: false,
      message: `The sandbox cannot emulate image "${image}": it has no containers and maps only ${SUPPORTED} to local interpreters. Use one of those images in the sandbox; on the real Hub your image runs as is.`,
    };
  }
  const links: Record<string, string> = {};
  const programs: Record<string, string> = {};
  const notes: string[] = [];
  if (family === 'node') {
    links.node = found.node;
    notes.push(
      twinNote(spec.labels, found) ??
        `image "${image}" runs as this machine's Node ${process.version} (${found.node}), not in a container`,
    );
  } else if (family === 'python') {
    if (!found.python3) {
      return {
        ok: false,
        message: `Image "${image}" needs python3, which is not on this machine's PATH. Install Python 3, or run the example's Node twin (a node: image) in the sandbox.`,
      };
    }
    links.python = links.python3 = found.python3;
    notes.push(`image "${image}" runs as this machine's python3 (${found.python3}), not in a container`);
  } else if (!found.uv) {
    if (!found.python3) {
      return {
        ok: false,
        message: `Image "${image}" needs uv (or at least python3), and this machine has neither on its PATH. Install uv (https://docs.astral.sh/uv/getting-started/installation/), or run the example's Node twin (a node: image) in the sandbox.`,
      };
    }
    // No uv: a stand-in `uv run` with python3 (uv-standin.ts), which checks the script's dependencies first.
    links.python = links.python3 = found.python3;
    programs.uv = uvStandIn(found.python3);
    notes.push(
      `image "${image}" runs as this machine's python3 (${found.python3}), not in a container; uv is not installed, so \`uv run\` runs scripts with that python3 when their dependencies are importable there`,
    );
  } else {
    links.uv = found.uv;
    const uvx = which('uvx', hostPath);
    if (uvx) links.uvx = uvx;
    if (found.python3) links.python = links.python3 = found.python3;
    notes.push(`image "${image}" runs as this machine's uv (${found.uv}), not in a container`);
  }

  const [first, ...rest] = spec.command;
  const name = basename(first!);
  let exe: string | undefined;
  if (PYTHON.test(name)) exe = links.python3;
  else if (programs[name])
    exe = name; // written into the job's bin folder, first on its PATH
  else exe = links[name] ?? which(name, hostPath);
  if (!exe) {
    const hint = PYTHON.test(name)
      ? `${image} has no python in the sandbox`
      : name === 'node' || name === 'uv' || name === 'uvx'
        ? `"${name}" belongs to another image family here (node:* has node, ghcr.io/astral-sh/uv:* has uv)`
        : `"${name}" is not on this machine's PATH`;
    return {ok: false, message: `Cannot start the command "${first}": ${hint}.`};
  }
  return {ok: true, family, argv: [exe, ...rest, ...spec.arguments], links, notes, programs};
}
