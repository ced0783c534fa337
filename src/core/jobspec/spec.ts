// hf-job.json -> the body @huggingface/hub's runJob sends (POST /api/jobs/{namespace}).
// `$HF_TOKEN` placeholders are filled in here, in memory only: the result hides them from JSON.stringify and
// util.inspect, and `redacted()` is what any screen or log may show.
import {maskToken, redactSecrets} from '../tokens/mask.js';
import type {HubJobSpec} from '../hub/client.js';
import {RUN_IMAGE, UV_IMAGE, type JobConfig} from './config.js';
import {DEFAULT_FLAVOR} from './flavors.js';
import {containsTokenPlaceholder, isTokenEnvName, isTokenPlaceholder} from './placeholder.js';
import {shellJoin, shellSplit} from './shell.js';
import {parseTimeout} from './timeout.js';
import {APP_COMMAND} from '../invocation.js';

export interface JobSpecBody {
  dockerImage?: string;
  spaceId?: string;
  command: string[];
  arguments: string[];
  flavor: string;
  environment: Record<string, string>;
  secrets?: Record<string, string>;
  timeoutSeconds?: number;
  labels?: Record<string, string>;
}

export class JobSpecError extends Error {
  constructor(
    message: string,
    readonly key?: string,
  ) {
    super(message);
    this.name = 'JobSpecError';
  }
}

export type ScriptKind = 'url' | 'inline' | 'path' | 'command';

/** How a `script` value is delivered: a URL runs directly, multi-line text is inlined, one line is a path. */
export function scriptKind(script: string): ScriptKind {
  if (/^https?:\/\//.test(script.trim())) return 'url';
  if (script.includes('\n')) return 'inline';
  if (/\.py$/i.test(script.trim()) || /[\\/]/.test(script)) return 'path';
  return 'command';
}

/** `hf.co/spaces/NS/NAME` (or huggingface.co) as an image: the job runs that Space's image. */
export const SPACE_PREFIX = /^(?:https:\/\/)?(?:huggingface\.co|hf\.co)\/spaces\//;

/** `uv run --with dep ... -p py TARGET args...` */
export function uvCommand(
  config: Pick<JobConfig, 'dependencies' | 'python' | 'script_args'>,
  target: string,
): string[] {
  return [
    'uv',
    'run',
    ...(config.dependencies ?? []).flatMap((d) => ['--with', d]),
    ...(config.python ? ['-p', config.python] : []),
    target,
    ...(config.script_args ?? []),
  ];
}

/** The MCP tool's delivery of inline code: base64 in a `/bin/sh -lc` pipeline to `uv run -`. */
export function inlineScriptCommand(
  config: Pick<JobConfig, 'dependencies' | 'python' | 'script_args'>,
  source: string,
): string[] {
  const encoded = Buffer.from(source, 'utf8').toString('base64');
  return ['/bin/sh', '-lc', `echo "${encoded}" | base64 -d | ${shellJoin(uvCommand(config, '-'))}`];
}

export interface ToJobSpecOptions {
  /** The logged-in token, for `$HF_TOKEN` placeholders. Never stored, never shown. */
  token?: string;
  /** The text of a local `script` file (the caller reads it); it is inlined like the MCP tool does. */
  scriptSource?: string;
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** A job ready to submit. `body()` has the real token; everything else is safe to show. */
export class ResolvedJobSpec {
  readonly #body: JobSpecBody;
  readonly #secrets: string[];
  /** Where `$HF_TOKEN` was filled in, e.g. `secrets.HF_TOKEN`. */
  readonly resolved: string[];
  /** Things the person should know (env token, placeholders not replaced, defaults used). */
  readonly notes: string[];
  readonly namespace: string | undefined;

  constructor(
    body: JobSpecBody,
    init: {secrets: string[]; resolved: string[]; notes: string[]; namespace: string | undefined},
  ) {
    this.#body = body;
    this.#secrets = init.secrets;
    this.resolved = init.resolved;
    this.notes = init.notes;
    this.namespace = init.namespace;
  }

  /** The real body for runJob: pass it straight to the hub client, never print or save it. */
  body(): JobSpecBody {
    return structuredClone(this.#body);
  }

  /** The same body typed for `HubClient.runJob` (our flavor list is wider than the library's type). */
  hubSpec(): HubJobSpec {
    return this.body() as unknown as HubJobSpec;
  }

  /** Display view: secret values masked (`hf_…abcd` for the token, `***` for others), tokens redacted everywhere. */
  redacted(): JobSpecBody {
    const b = structuredClone(this.#body);
    const clean = (s: string) => redactSecrets(s, this.#secrets);
    if (b.secrets)
      for (const k of Object.keys(b.secrets))
        b.secrets[k] = this.#secrets.includes(b.secrets[k]!) ? maskToken(b.secrets[k]!) : '***';
    for (const k of Object.keys(b.environment)) b.environment[k] = clean(b.environment[k]!);
    b.command = b.command.map(clean);
    b.arguments = b.arguments.map(clean);
    return b;
  }

  toJSON(): {namespace?: string; spec: JobSpecBody; resolved: string[]; notes: string[]} {
    return {
      ...(this.namespace ? {namespace: this.namespace} : {}),
      spec: this.redacted(),
      resolved: this.resolved,
      notes: this.notes,
    };
  }

  [INSPECT](): unknown {
    return this.toJSON();
  }
}

function resolveMap(
  kind: 'env' | 'secrets',
  map: Record<string, string> | undefined,
  token: string | undefined,
  out: {resolved: string[]; notes: string[]},
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(map ?? {})) {
    if (isTokenPlaceholder(value)) {
      if (!token)
        throw new JobSpecError(
          `${kind}.${key} asks for $HF_TOKEN, but no token is logged in: run \`${APP_COMMAND} login\` (or set HF_TOKEN) first.`,
          `${kind}.${key}`,
        );
      result[key] = token;
      out.resolved.push(`${kind}.${key}`);
      if (kind === 'env')
        out.notes.push(
          `env.${key} was filled in from your login, but env values show in the job's details: move it to "secrets".`,
        );
      if (kind === 'secrets' && !isTokenEnvName(key))
        out.notes.push(`The token goes in as secret "${key}"; huggingface_hub inside the job reads HF_TOKEN.`);
      continue;
    }
    if (containsTokenPlaceholder(value))
      out.notes.push(
        `${kind}.${key} contains $HF_TOKEN inside a longer value; only a whole "$HF_TOKEN" is replaced, so it is sent as written.`,
      );
    result[key] = value;
  }
  return result;
}

export function toJobSpec(config: JobConfig, options: ToJobSpecOptions = {}): ResolvedJobSpec {
  const out = {resolved: [] as string[], notes: [] as string[]};
  let command: string[];
  let image: string;
  if (config.script !== undefined) {
    const kind = scriptKind(config.script);
    image = config.image ?? UV_IMAGE;
    if (kind === 'url' || kind === 'command') command = uvCommand(config, config.script.trim());
    else if (kind === 'inline') command = inlineScriptCommand(config, config.script);
    else {
      if (options.scriptSource === undefined)
        throw new JobSpecError(
          `"${config.script}" is a local file that does not exist inside the job's container: read it and pass its text as scriptSource (it is sent inline).`,
          'script',
        );
      command = inlineScriptCommand(config, options.scriptSource);
    }
  } else if (config.command !== undefined) {
    image = config.image ?? RUN_IMAGE;
    try {
      command = typeof config.command === 'string' ? shellSplit(config.command) : [...config.command];
    } catch (error) {
      throw new JobSpecError(
        `"command" could not be split into words: ${(error as Error).message}. Give it as a list, e.g. ["python", "-c", "print(1)"].`,
        'command',
      );
    }
    if (command.length === 0) throw new JobSpecError('"command" is empty.', 'command');
  } else {
    throw new JobSpecError('The job needs "script" or "command".');
  }

  const body: JobSpecBody = {
    command,
    arguments: [],
    flavor: config.flavor ?? DEFAULT_FLAVOR,
    environment: resolveMap('env', config.env, options.token, out),
  };
  if (SPACE_PREFIX.test(image)) body.spaceId = image.replace(SPACE_PREFIX, '');
  else body.dockerImage = image;
  const secrets = resolveMap('secrets', config.secrets, options.token, out);
  if (Object.keys(secrets).length) body.secrets = secrets;
  if (config.timeout !== undefined) {
    const t = parseTimeout(config.timeout);
    if (!t.ok) throw new JobSpecError(t.reason, 'timeout');
    body.timeoutSeconds = t.seconds;
  }
  if (config.labels && Object.keys(config.labels).length) body.labels = {...config.labels};
  const hasToken = out.resolved.length > 0 || Object.keys(secrets).includes('HF_TOKEN');
  if (!hasToken)
    out.notes.push(
      'No HF_TOKEN is passed: the job has no Hugging Face token (fine for public reads; pushes and private repos will fail).',
    );
  return new ResolvedJobSpec(body, {
    secrets: options.token ? [options.token] : [],
    ...out,
    namespace: config.namespace,
  });
}
