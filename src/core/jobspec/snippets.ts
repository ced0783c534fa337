// The same job four ways: the `hf` CLI, Python huggingface_hub, the hf_jobs MCP tool, and JS @huggingface/hub.
// Each passes our own `check`: the token goes in as a secret in the form each tool really resolves.
import {UV_IMAGE, RUN_IMAGE, type JobConfig} from './config.js';
import {DEFAULT_FLAVOR} from './flavors.js';
import {isTokenEnvName, isTokenPlaceholder} from './placeholder.js';
import {dotenvAssignment} from './dotenv.js';
import {shellJoin, shellQuote, shellQuoteShown, shellSplit} from './shell.js';
import {scriptKind, SPACE_PREFIX, uvCommand} from './spec.js';
import {parseTimeout} from './timeout.js';

export interface SnippetOptions {
  /** Text of a local script file: the MCP call needs it inline (a path does not exist in the container). */
  scriptSource?: string;
  /** File name used when inline code must become a file (CLI, Python). Default `job_script.py`. */
  scriptFileName?: string;
}

export interface Snippet {
  language: 'bash' | 'python' | 'json' | 'javascript';
  code: string;
  /** What the reader should know about this form (e.g. an option this tool cannot express). */
  notes: string[];
}

export interface Snippets {
  cli: Snippet;
  python: Snippet;
  mcp: Snippet;
  js: Snippet;
}

const HEREDOC = 'HF_JOB_SCRIPT_EOF';
const py = (s: string) => JSON.stringify(s);
const commandWords = (c: string[] | string) => (typeof c === 'string' ? shellSplit(c) : c);

export function cliSnippet(config: JobConfig, options: SnippetOptions = {}): Snippet {
  const notes: string[] = [];
  const lines: string[] = [];
  const flags: string[] = [];
  let target: string | undefined;
  if (config.script !== undefined) {
    const kind = scriptKind(config.script);
    if (kind === 'inline') {
      const name = options.scriptFileName ?? 'job_script.py';
      // The end marker is a line the script does not hold: a script line `HF_JOB_SCRIPT_EOF` ended the heredoc there,
      // and the script's lines after it ran in the shell of whoever pasted the snippet.
      const own = new Set(config.script.split('\n'));
      let marker = HEREDOC;
      for (let n = 1; own.has(marker); n++) marker = `${HEREDOC}_${n}`;
      lines.push(`cat > ${shellQuote(name)} <<'${marker}'`, config.script.replace(/\n$/, ''), marker);
      target = name;
    } else target = config.script.trim();
  }
  if (config.flavor) flags.push(`--flavor ${shellQuote(config.flavor)}`);
  if (config.timeout !== undefined) flags.push(`--timeout ${shellQuote(String(config.timeout))}`);
  if (config.script !== undefined) {
    for (const d of config.dependencies ?? []) flags.push(`--with ${shellQuote(d)}`);
    if (config.python) flags.push(`-p ${shellQuote(config.python)}`);
    if (config.image) flags.push(`--image ${shellQuote(config.image)}`);
  }
  for (const [k, v] of Object.entries(config.env ?? {})) {
    // A bare key takes its value from your environment (HF_TOKEN: from your login), like `--secrets HF_TOKEN`.
    if (isTokenPlaceholder(v)) {
      flags.push(`-e ${shellQuote(k)}`);
      continue;
    }
    // As hf reads it back (a .env line): a value with a line break was two variables, the second one bare.
    const assignment = dotenvAssignment(k, v);
    if (assignment === undefined)
      notes.push(`"env.${k}" is left out: hf's -e cannot pass that name or a value with that line break.`);
    else flags.push(`-e ${shellQuoteShown(assignment)}`);
  }
  for (const [k, v] of Object.entries(config.secrets ?? {})) {
    const name = shellQuote(k);
    if (isTokenPlaceholder(v))
      flags.push(isTokenEnvName(k) ? `--secrets ${name}` : `--secrets ${name}="$(hf auth token)"`);
    else {
      flags.push(`--secrets ${name}`);
      notes.push(`--secrets ${k} takes the value of ${k} from your environment; export it first.`);
    }
  }
  if (config.namespace) flags.push(`--namespace ${shellQuote(config.namespace)}`);
  if (config.labels) for (const [k, v] of Object.entries(config.labels)) flags.push(`-l ${shellQuote(`${k}=${v}`)}`);
  let head: string;
  let tail: string[];
  if (config.script !== undefined) {
    head = 'hf jobs uv run';
    tail = [shellQuoteShown(target!), ...(config.script_args ?? []).map(shellQuoteShown)];
  } else {
    head = 'hf jobs run';
    tail = [shellQuoteShown(config.image ?? RUN_IMAGE), ...commandWords(config.command ?? []).map(shellQuoteShown)];
  }
  // `--` ends hf's options: hf reads options anywhere on its line, so a script argument `--timeout 600` was the job's
  // timeout (and never reached the script), and `-e`, `--namespace`, `-v` changed the job the other snippets run.
  tail.unshift('--');
  const parts = [head, ...flags, tail.join(' ')];
  lines.push(parts.join(' \\\n  '));
  return {language: 'bash', code: lines.join('\n') + '\n', notes};
}

export function pythonSnippet(config: JobConfig, options: SnippetOptions = {}): Snippet {
  const notes: string[] = [];
  const head: string[] = [];
  const body: string[] = [];
  let usesOs = false;
  let usesPath = false;
  const kwargs: string[] = [];
  const mapLiteral = (map: Record<string, string>, kind: 'env' | 'secrets') =>
    '{' +
    Object.entries(map)
      .map(([k, v]) => {
        if (isTokenPlaceholder(v)) return `${py(k)}: get_token()`;
        if (kind === 'secrets') {
          usesOs = true;
          return `${py(k)}: os.environ[${py(k)}]`;
        }
        return `${py(k)}: ${py(v)}`;
      })
      .join(', ') +
    '}';
  let fn: string;
  if (config.script !== undefined) {
    fn = 'run_uv_job';
    const kind = scriptKind(config.script);
    let target = config.script.trim();
    if (kind === 'inline') {
      usesPath = true;
      target = options.scriptFileName ?? 'job_script.py';
      body.push(`SCRIPT = ${py(config.script)}`, `Path(${py(target)}).write_text(SCRIPT)`, '');
    }
    kwargs.push(py(target));
    if (config.script_args?.length) kwargs.push(`script_args=[${config.script_args.map(py).join(', ')}]`);
    if (config.dependencies?.length) kwargs.push(`dependencies=[${config.dependencies.map(py).join(', ')}]`);
    if (config.python) kwargs.push(`python=${py(config.python)}`);
    if (config.image) kwargs.push(`image=${py(config.image)}`);
  } else {
    fn = 'run_job';
    kwargs.push(`image=${py(config.image ?? RUN_IMAGE)}`);
    kwargs.push(
      `command=[${commandWords(config.command ?? [])
        .map(py)
        .join(', ')}]`,
    );
  }
  kwargs.push(`flavor=${py(config.flavor ?? DEFAULT_FLAVOR)}`);
  if (config.timeout !== undefined)
    kwargs.push(`timeout=${typeof config.timeout === 'number' ? String(config.timeout) : py(config.timeout)}`);
  if (config.env && Object.keys(config.env).length) kwargs.push(`env=${mapLiteral(config.env, 'env')}`);
  if (config.secrets && Object.keys(config.secrets).length)
    kwargs.push(`secrets=${mapLiteral(config.secrets, 'secrets')}`);
  if (config.namespace) kwargs.push(`namespace=${py(config.namespace)}`);
  if (config.labels)
    kwargs.push(
      `labels={${Object.entries(config.labels)
        .map(([k, v]) => `${py(k)}: ${py(v)}`)
        .join(', ')}}`,
    );
  if (usesOs) head.push('import os');
  if (usesPath) head.push('from pathlib import Path');
  head.push(`from huggingface_hub import get_token, ${fn}`, '');
  body.push(`job = ${fn}(`, ...kwargs.map((k) => `    ${k},`), ')', 'print(job.url)');
  if (Object.values(config.secrets ?? {}).some(isTokenPlaceholder))
    notes.push('The Python API sends "$HF_TOKEN" as is (no substitution): get_token() passes your logged-in token.');
  return {language: 'python', code: [...head, ...body].join('\n') + '\n', notes};
}

export function mcpCall(
  config: JobConfig,
  options: SnippetOptions = {},
): {operation: 'uv' | 'run'; args: Record<string, unknown>; notes: string[]} {
  const notes: string[] = [];
  const args: Record<string, unknown> = {};
  let operation: 'uv' | 'run';
  if (config.script !== undefined) {
    operation = 'uv';
    const kind = scriptKind(config.script);
    if (kind === 'path') {
      if (options.scriptSource !== undefined) {
        args.script = options.scriptSource;
        notes.push(
          `The text of ${config.script} is sent inline: a local path does not exist inside the job's container.`,
        );
      } else {
        args.script = config.script;
        notes.push(
          `"${config.script}" is a local path: the MCP tool cannot upload it. Paste the file's content as "script" or use a URL.`,
        );
      }
    } else args.script = config.script;
    if (config.dependencies?.length) args.with_deps = [...config.dependencies];
    if (config.script_args?.length) args.script_args = [...config.script_args];
    if (config.python) args.python = config.python;
    if (config.image && config.image !== UV_IMAGE)
      notes.push(`The MCP tool's "uv" operation always uses ${UV_IMAGE}; "image" (${config.image}) cannot be passed.`);
  } else {
    operation = 'run';
    args.image = config.image ?? RUN_IMAGE;
    args.command = commandWords(config.command ?? []);
  }
  if (config.flavor) args.flavor = config.flavor;
  if (config.timeout !== undefined) {
    const t = parseTimeout(config.timeout);
    args.timeout = typeof config.timeout === 'number' && t.ok ? `${t.seconds}s` : String(config.timeout);
  }
  if (config.env && Object.keys(config.env).length) args.env = {...config.env};
  if (config.secrets && Object.keys(config.secrets).length) args.secrets = {...config.secrets};
  if (config.namespace) args.namespace = config.namespace;
  if (config.labels) notes.push('The MCP tool has no labels argument; labels are left out.');
  notes.push('"$HF_TOKEN" is replaced by the MCP server with the token you connected it with (only in the MCP tool).');
  return {operation, args, notes};
}

export function mcpSnippet(config: JobConfig, options: SnippetOptions = {}): Snippet {
  const {operation, args, notes} = mcpCall(config, options);
  return {language: 'json', code: JSON.stringify({operation, args}, null, 2) + '\n', notes};
}

export function jsSnippet(config: JobConfig, options: SnippetOptions = {}): Snippet {
  const notes: string[] = [];
  const js = (s: string) => JSON.stringify(s);
  const imports = ['runJob'];
  const pre: string[] = [];
  const fields: string[] = [];
  if (!config.namespace) imports.push('whoAmI');
  pre.push('const accessToken = process.env.HF_TOKEN; // your token, from the environment; never in the code');
  // @huggingface/hub does not read HF_ENDPOINT itself: pass it on, so the job goes to the Hub (or sandbox) you use.
  pre.push('const hubUrl = process.env.HF_ENDPOINT || "https://huggingface.co";');
  if (!config.namespace) pre.push('const {name: namespace} = await whoAmI({accessToken, hubUrl});');
  fields.push(config.namespace ? `namespace: ${js(config.namespace)}` : 'namespace');
  fields.push('accessToken');
  fields.push('hubUrl');
  let usesFs = false;
  if (config.script !== undefined) {
    fields.push(`dockerImage: ${js(config.image ?? UV_IMAGE)}`);
    const kind = scriptKind(config.script);
    const uvTail = shellJoin(uvCommand(config, '-'));
    if (kind === 'url' || kind === 'command')
      fields.push(`command: ${JSON.stringify(uvCommand(config, config.script.trim()))}`);
    else {
      if (kind === 'inline' || options.scriptSource !== undefined)
        pre.push(`const script = ${js(kind === 'inline' ? config.script : options.scriptSource!)};`);
      else {
        usesFs = true;
        pre.push(`const script = readFileSync(${js(config.script)}, "utf8");`);
      }
      pre.push(
        '// Inline code reaches the container base64-encoded, piped to `uv run -` (as the hf_jobs MCP tool does).',
      );
      fields.push(
        `command: ["/bin/sh", "-lc", 'echo "' + Buffer.from(script, "utf8").toString("base64") + '" | base64 -d | ' + ${js(uvTail)}]`,
      );
    }
  } else {
    const image = config.image ?? RUN_IMAGE;
    fields.push(
      SPACE_PREFIX.test(image) ? `spaceId: ${js(image.replace(SPACE_PREFIX, ''))}` : `dockerImage: ${js(image)}`,
    );
    fields.push(`command: ${JSON.stringify(commandWords(config.command ?? []))}`);
  }
  fields.push(`flavor: ${js(config.flavor ?? DEFAULT_FLAVOR)}`);
  const envEntries = Object.entries(config.env ?? {}).map(
    ([k, v]) => `${js(k)}: ${isTokenPlaceholder(v) ? 'accessToken' : js(v)}`,
  );
  fields.push(`environment: {${envEntries.join(', ')}}`);
  const secretEntries = Object.entries(config.secrets ?? {}).map(
    ([k, v]) => `${js(k)}: ${isTokenPlaceholder(v) ? 'accessToken' : `process.env[${js(k)}]`}`,
  );
  if (secretEntries.length) fields.push(`secrets: {${secretEntries.join(', ')}}`);
  if (config.timeout !== undefined) {
    const t = parseTimeout(config.timeout);
    if (t.ok) fields.push(`timeoutSeconds: ${t.seconds}`);
  }
  if (config.labels) fields.push(`labels: ${JSON.stringify(config.labels)}`);
  const lines = [
    ...(usesFs ? ['import {readFileSync} from "node:fs";'] : []),
    `import {${imports.join(', ')}} from "@huggingface/hub";`,
    '',
    ...pre,
    'const job = await runJob({',
    ...fields.map((f) => `  ${f},`),
    '});',
    'console.log(`${hubUrl}/jobs/${job.owner.name}/${job.id}`);',
  ];
  return {language: 'javascript', code: lines.join('\n') + '\n', notes};
}

export function allSnippets(config: JobConfig, options: SnippetOptions = {}): Snippets {
  return {
    cli: cliSnippet(config, options),
    python: pythonSnippet(config, options),
    mcp: mcpSnippet(config, options),
    js: jsSnippet(config, options),
  };
}
