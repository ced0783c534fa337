// hf-job.json: the job a person wants to run, in the words they know from `hf_jobs("uv", ...)` and `hf jobs uv run`.
// parseJobConfig never throws: it returns the config or errors that name the key and the line.
import {checkFlavor} from './flavors.js';
import {LiteralError, LiteralParser, type Lit} from './literal.js';
import {isTokenEnvName, isTokenPlaceholder, looksLikeRealToken} from './placeholder.js';
import {nearest} from './similar.js';
import {parseTimeout} from './timeout.js';
import {explainJsonError} from '../text/json-error.js';
import {redactLine} from '../tokens/mask.js';

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

/** Where parseJobConfig collects what it finds: issues worded for the terminal, and the line of each key. */
interface ConfigReader {
  file: string;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
  lines: Record<string, number>;
  err(line: number, message: string, key?: string): void;
  warn(line: number, message: string, key?: string): void;
}

function configReader(file: string): ConfigReader {
  const errors: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  // Messages quote keys and values from the file: shown on one line, escape codes visible, tokens masked.
  // Masked before it is made one line: a value's token cut by a \n was two words, the second shown whole.
  const shown = (message: string) => redactLine(message);
  return {
    file,
    errors,
    warnings,
    lines: {},
    err: (line, message, key) => errors.push({file, line, message: shown(message), ...(key ? {key} : {})}),
    warn: (line, message, key) => warnings.push({file, line, message: shown(message), ...(key ? {key} : {})}),
  };
}

export function parseJobConfig(text: string, file: string = DEFAULT_CONFIG_FILE): ParseConfigResult {
  const r = configReader(file);
  const root = readRoot(r, text);
  if (!root) return {ok: false, errors: r.errors, warnings: r.warnings};
  const config: JobConfig = {};
  for (const entry of root.entries) {
    if (entry.key.t !== 'str') continue;
    r.lines[entry.key.v] = entry.line;
    readEntry(r, config, entry.key.v, entry.value, entry.line);
  }
  checkJobKind(r, config, root.line);
  if (r.errors.length) return {ok: false, errors: r.errors, warnings: r.warnings};
  return {ok: true, config, warnings: r.warnings, lines: r.lines};
}

/** The file's top-level object, or undefined with the error: not JSON, unreadable, or not an object. */
function readRoot(r: ConfigReader, text: string): Extract<Lit, {t: 'dict'}> | undefined {
  try {
    JSON.parse(text);
  } catch (error) {
    // A sentence with the line, column and what to do; never the engine's message (its newer form quotes the text).
    const problem = explainJsonError(text, error, r.file);
    r.err(problem.line, problem.message);
    return undefined;
  }
  let root: Lit;
  try {
    root = new LiteralParser(text).value();
  } catch (error) {
    r.err(error instanceof LiteralError ? error.line : 1, `${r.file} could not be read: ${(error as Error).message}`);
    return undefined;
  }
  if (root.t !== 'dict') {
    r.err(root.line, `${r.file} must contain one JSON object like {"script": "train.py", "flavor": "cpu-basic"}.`);
    return undefined;
  }
  return root;
}

/** One top-level key: an unknown one gets the nearest known name, a known one its section's reader. */
function readEntry(r: ConfigReader, config: JobConfig, key: string, v: Lit, line: number): void {
  if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
    const alias = ALIASES[key];
    const guess = alias?.key ?? nearest(key, CONFIG_KEYS);
    const why = alias ? ` (${alias.why})` : '';
    r.err(
      line,
      `Unknown key "${key}"${guess ? `: did you mean "${guess}"?` : '.'}${why} Known keys: ${CONFIG_KEYS.join(', ')}.`,
      key,
    );
    return;
  }
  switch (key as (typeof CONFIG_KEYS)[number]) {
    case 'script':
    case 'python':
    case 'image':
    case 'namespace':
    case 'flavor':
      return readText(r, config, key as 'script' | 'python' | 'image' | 'namespace' | 'flavor', v);
    case 'dependencies':
    case 'script_args': {
      const list = readStringList(r, v, key);
      if (list) config[key as 'dependencies' | 'script_args'] = list;
      return;
    }
    case 'command':
      return readCommand(r, config, v);
    case 'timeout': {
      const raw = v.t === 'str' || v.t === 'num' ? v.v : undefined;
      const parsed = parseTimeout(raw);
      if (!parsed.ok) r.err(v.line, parsed.reason, key);
      else config.timeout = raw as string | number;
      return;
    }
    case 'env':
    case 'secrets':
    case 'labels': {
      const map = readStringMap(r, v, key as 'env' | 'secrets' | 'labels');
      if (map) config[key as 'env' | 'secrets' | 'labels'] = map;
      return;
    }
  }
}

/** A non-empty string key; a flavor must also be one the Hub has. */
function readText(
  r: ConfigReader,
  config: JobConfig,
  key: 'script' | 'python' | 'image' | 'namespace' | 'flavor',
  v: Lit,
): void {
  if (v.t !== 'str' || v.v.trim() === '') {
    const hint = key === 'python' && v.t === 'num' ? ` Write "${v.raw}" in quotes (3.10 as a number is 3.1).` : '';
    r.err(v.line, `"${key}" must be a non-empty string.${hint}`, key);
    return;
  }
  if (key === 'flavor') {
    const verdict = checkFlavor(v.v);
    if (!verdict.ok) {
      r.err(v.line, verdict.message!, key);
      return;
    }
  }
  config[key] = v.v;
}

/** "command": a non-empty string or a non-empty list of strings. */
function readCommand(r: ConfigReader, config: JobConfig, v: Lit): void {
  if (v.t === 'str' && v.v.trim() !== '') {
    config.command = v.v;
    return;
  }
  const list = readStringList(r, v, 'command');
  if (list && list.length === 0) r.err(v.line, '"command" must not be empty.', 'command');
  else if (list) config.command = list;
}

function readStringList(r: ConfigReader, lit: Lit, key: string): string[] | undefined {
  if (lit.t !== 'list' || lit.items.some((i) => i.t !== 'str')) {
    r.err(lit.line, `"${key}" must be a list of strings, e.g. ["datasets", "huggingface_hub"].`, key);
    return undefined;
  }
  return lit.items.map((i) => (i as {v: string}).v);
}

/** "env", "secrets", "labels": names to strings; a real token is refused, HF_TOKEN in env or under another name warned. */
function readStringMap(
  r: ConfigReader,
  lit: Lit,
  key: 'env' | 'secrets' | 'labels',
): Record<string, string> | undefined {
  if (lit.t !== 'dict') {
    r.err(lit.line, `"${key}" must be an object of names to strings, e.g. {"HF_TOKEN": "$HF_TOKEN"}.`, key);
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const e of lit.entries) {
    const name = e.key.t === 'str' ? e.key.v : '';
    const at = `${key}.${name}`;
    r.lines[at] = e.line;
    if (key !== 'labels' && !KEY_PATTERN.test(name))
      r.err(
        e.line,
        `"${key}" name "${name}" is not a valid variable name (letters, digits and _; starting with a letter).`,
        at,
      );
    if (e.value.t !== 'str') {
      const hint = e.value.t === 'num' ? ` (write "${(e.value as {raw: string}).raw}")` : '';
      r.err(e.value.line, `"${at}" must be a string${hint}.`, at);
      continue;
    }
    const value = e.value.v;
    if (looksLikeRealToken(value)) {
      r.err(
        e.value.line,
        `"${at}" holds a real-looking token: never put a token in a file. Use "$HF_TOKEN"; it is filled in from your login when the job is submitted.`,
        at,
      );
      continue;
    }
    if (key === 'env' && isTokenEnvName(name)) {
      r.warn(
        e.line,
        `HF_TOKEN is passed in "env": its value shows in the job's details. Move it to "secrets" (encrypted server side).`,
        at,
      );
    }
    if (key === 'secrets' && !isTokenEnvName(name) && isTokenPlaceholder(value) && !('HF_TOKEN' in out)) {
      r.warn(
        e.line,
        `The token is passed as secret "${name}", but huggingface_hub reads HF_TOKEN: name it "HF_TOKEN".`,
        at,
      );
    }
    out[name] = value;
  }
  return out;
}

/** A job is "script" (uv) or "command" (Docker): one of them, not both; uv-only keys are ignored for a command. */
function checkJobKind(r: ConfigReader, config: JobConfig, rootLine: number): void {
  if (
    config.script === undefined &&
    config.command === undefined &&
    !r.errors.some((e) => e.key === 'script' || e.key === 'command')
  ) {
    r.err(rootLine, `${r.file} needs "script" (a .py path, URL or inline code) or "command" (for a Docker job).`);
  }
  if (config.script !== undefined && config.command !== undefined) {
    r.err(
      r.lines.command ?? rootLine,
      'Use either "script" (a uv job) or "command" (a Docker job), not both.',
      'command',
    );
  }
  if (config.command !== undefined && (config.dependencies || config.python)) {
    r.warn(
      r.lines.dependencies ?? r.lines.python ?? rootLine,
      '"dependencies" and "python" apply only to "script" jobs; they are ignored for "command".',
    );
  }
}
