// hf-job.json: the job a person wants to run, in the words they know from `hf_jobs("uv", ...)` and `hf jobs uv run`.
// parseJobConfig never throws: it returns the config or errors that name the key and the line.
import {checkFlavor} from './flavors.js';
import {LiteralError, LiteralParser, type Lit} from './literal.js';
import {isTokenEnvName, isTokenPlaceholder, looksLikeRealToken} from './placeholder.js';
import {nearest} from './similar.js';
import {parseTimeout} from './timeout.js';
import {explainJsonError} from '../text/json-error.js';
import {sanitizeLine} from '../text/sanitize.js';
import {maskSecrets} from '../tokens/mask.js';

export const DEFAULT_CONFIG_FILE = 'hf-job.json';
export const UV_IMAGE = 'ghcr.io/astral-sh/uv:python3.12-bookworm';
/** The image for a `command` job without `image` (the MCP tool's `run` default). */
export const RUN_IMAGE = 'python:3.12';

export interface JobConfig {
  /** A local path, an http(s) URL, or inline Python code (multi-line). */
  script?: string;
  script_args?: string[];
  dependencies?: string[];
  python?: string;
  /** Docker image (or `hf.co/spaces/...`); with `script` it replaces the uv image. */
  image?: string;
  /** A command for a plain Docker job (instead of `script`). */
  command?: string[] | string;
  flavor?: string;
  /** "30s", "5m", "2h", "1.5h", "1d", or seconds (number or digit string). */
  timeout?: string | number;
  env?: Record<string, string>;
  secrets?: Record<string, string>;
  namespace?: string;
  labels?: Record<string, string>;
}

export const CONFIG_KEYS = [
  'script',
  'script_args',
  'dependencies',
  'python',
  'image',
  'command',
  'flavor',
  'timeout',
  'env',
  'secrets',
  'namespace',
  'labels',
] as const;

/** Names people bring from other tools, and what they are called here. */
const ALIASES: Record<string, {key: string; why: string}> = {
  with_deps: {key: 'dependencies', why: '"with_deps" is the MCP tool\'s name; in hf-job.json it is "dependencies"'},
  deps: {key: 'dependencies', why: 'use "dependencies"'},
  with: {key: 'dependencies', why: '`--with` on the command line is "dependencies" here'},
  docker_image: {key: 'image', why: 'use "image"'},
  dockerImage: {key: 'image', why: '"dockerImage" is the API field; in hf-job.json it is "image"'},
  hardware: {key: 'flavor', why: 'the hardware is called "flavor"'},
  timeoutSeconds: {key: 'timeout', why: 'use "timeout" (a number of seconds or "2h")'},
  environment: {key: 'env', why: '"environment" is the API field; in hf-job.json it is "env"'},
  args: {key: 'script_args', why: 'arguments for the script go in "script_args"'},
  arguments: {key: 'script_args', why: 'arguments for the script go in "script_args"'},
};

export interface ConfigIssue {
  file: string;
  line: number;
  /** The key the issue is about (dotted for nested: `secrets.TOKEN`). */
  key?: string;
  message: string;
}

export type ParseConfigResult =
  | {ok: true; config: JobConfig; warnings: ConfigIssue[]; lines: Record<string, number>}
  | {ok: false; errors: ConfigIssue[]; warnings: ConfigIssue[]};

const KEY_PATTERN = /^[a-zA-Z][_a-zA-Z0-9]*$/;

export function parseJobConfig(text: string, file: string = DEFAULT_CONFIG_FILE): ParseConfigResult {
  const errors: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  // Messages quote keys and values from the file: shown on one line, escape codes visible, tokens masked.
  const shown = (message: string) => maskSecrets(sanitizeLine(message));
  const err = (line: number, message: string, key?: string) =>
    errors.push({file, line, message: shown(message), ...(key ? {key} : {})});
  const warn = (line: number, message: string, key?: string) =>
    warnings.push({file, line, message: shown(message), ...(key ? {key} : {})});

  try {
    JSON.parse(text);
  } catch (error) {
    // A sentence with the line, column and what to do; never the engine's message (its newer form quotes the text).
    const problem = explainJsonError(text, error, file);
    err(problem.line, problem.message);
    return {ok: false, errors, warnings};
  }
  let root: Lit;
  try {
    const p = new LiteralParser(text);
    root = p.value();
  } catch (error) {
    err(error instanceof LiteralError ? error.line : 1, `${file} could not be read: ${(error as Error).message}`);
    return {ok: false, errors, warnings};
  }
  if (root.t !== 'dict') {
    err(root.line, `${file} must contain one JSON object like {"script": "train.py", "flavor": "cpu-basic"}.`);
    return {ok: false, errors, warnings};
  }

  const config: JobConfig = {};
  const lines: Record<string, number> = {};
  const stringList = (lit: Lit, key: string): string[] | undefined => {
    if (lit.t !== 'list' || lit.items.some((i) => i.t !== 'str')) {
      err(lit.line, `"${key}" must be a list of strings, e.g. ["datasets", "huggingface_hub"].`, key);
      return undefined;
    }
    return lit.items.map((i) => (i as {v: string}).v);
  };
  const stringMap = (lit: Lit, key: 'env' | 'secrets' | 'labels'): Record<string, string> | undefined => {
    if (lit.t !== 'dict') {
      err(lit.line, `"${key}" must be an object of names to strings, e.g. {"HF_TOKEN": "$HF_TOKEN"}.`, key);
      return undefined;
    }
    const out: Record<string, string> = {};
    for (const e of lit.entries) {
      const name = e.key.t === 'str' ? e.key.v : '';
      lines[`${key}.${name}`] = e.line;
      if (key !== 'labels' && !KEY_PATTERN.test(name))
        err(
          e.line,
          `"${key}" name "${name}" is not a valid variable name (letters, digits and _; starting with a letter).`,
          `${key}.${name}`,
        );
      if (e.value.t !== 'str') {
        err(
          e.value.line,
          `"${key}.${name}" must be a string${e.value.t === 'num' ? ` (write "${(e.value as {raw: string}).raw}")` : ''}.`,
          `${key}.${name}`,
        );
        continue;
      }
      const value = e.value.v;
      if (looksLikeRealToken(value)) {
        err(
          e.value.line,
          `"${key}.${name}" holds a real-looking token: never put a token in a file. Use "$HF_TOKEN"; it is filled in from your login when the job is submitted.`,
          `${key}.${name}`,
        );
        continue;
      }
      if (key === 'env' && isTokenEnvName(name)) {
        warn(
          e.line,
          `HF_TOKEN is passed in "env": its value shows in the job's details. Move it to "secrets" (encrypted server side).`,
          `env.${name}`,
        );
      }
      if (key === 'secrets' && !isTokenEnvName(name) && isTokenPlaceholder(value) && !('HF_TOKEN' in out)) {
        warn(
          e.line,
          `The token is passed as secret "${name}", but huggingface_hub reads HF_TOKEN: name it "HF_TOKEN".`,
          `secrets.${name}`,
        );
      }
      out[name] = value;
    }
    return out;
  };

  for (const entry of root.entries) {
    if (entry.key.t !== 'str') continue;
    const key = entry.key.v;
    const v = entry.value;
    lines[key] = entry.line;
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      const alias = ALIASES[key];
      const guess = alias?.key ?? nearest(key, CONFIG_KEYS);
      const why = alias ? ` (${alias.why})` : '';
      err(
        entry.line,
        `Unknown key "${key}"${guess ? `: did you mean "${guess}"?` : '.'}${why} Known keys: ${CONFIG_KEYS.join(', ')}.`,
        key,
      );
      continue;
    }
    switch (key) {
      case 'script':
      case 'python':
      case 'image':
      case 'namespace':
      case 'flavor': {
        if (v.t !== 'str' || v.v.trim() === '') {
          const hint =
            key === 'python' && v.t === 'num' ? ` Write "${v.raw}" in quotes (3.10 as a number is 3.1).` : '';
          err(v.line, `"${key}" must be a non-empty string.${hint}`, key);
          break;
        }
        if (key === 'flavor') {
          const verdict = checkFlavor(v.v);
          if (!verdict.ok) {
            err(v.line, verdict.message!, key);
            break;
          }
        }
        config[key] = v.v;
        break;
      }
      case 'dependencies':
      case 'script_args': {
        const list = stringList(v, key);
        if (list) config[key] = list;
        break;
      }
      case 'command': {
        if (v.t === 'str' && v.v.trim() !== '') config.command = v.v;
        else {
          const list = stringList(v, key);
          if (list && list.length === 0) err(v.line, '"command" must not be empty.', key);
          else if (list) config.command = list;
        }
        break;
      }
      case 'timeout': {
        const raw = v.t === 'str' || v.t === 'num' ? v.v : undefined;
        const parsed = parseTimeout(raw);
        if (!parsed.ok) err(v.line, parsed.reason, key);
        else config.timeout = raw as string | number;
        break;
      }
      case 'env':
      case 'secrets':
      case 'labels': {
        const map = stringMap(v, key);
        if (map) config[key] = map;
        break;
      }
    }
  }

  if (
    config.script === undefined &&
    config.command === undefined &&
    !errors.some((e) => e.key === 'script' || e.key === 'command')
  ) {
    err(root.line, `${file} needs "script" (a .py path, URL or inline code) or "command" (for a Docker job).`);
  }
  if (config.script !== undefined && config.command !== undefined) {
    err(lines.command ?? root.line, 'Use either "script" (a uv job) or "command" (a Docker job), not both.', 'command');
  }
  if (config.command !== undefined && (config.dependencies || config.python)) {
    warn(
      lines.dependencies ?? lines.python ?? root.line,
      '"dependencies" and "python" apply only to "script" jobs; they are ignored for "command".',
    );
  }
  if (errors.length) return {ok: false, errors, warnings};
  return {ok: true, config, warnings, lines};
}
