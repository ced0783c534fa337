// Building a job, written once for the wizard, `example` and the lessons: the Jobs API body from an example and a job
// config (hf-job.json), with a whole-value "$HF_TOKEN" filled in with the token in memory (like `hf jobs --secrets
// HF_TOKEN`). On the sandbox the example's own image and command run (its Python under uv, or its Node twin); on the
// Hub the config's uv script. The token goes only into the values of `secrets` / `environment`, never the command.
import type {HubJobSpec} from '../hub/client.js';
import {toJobSpec, type JobConfig} from '../jobspec/index.js';

/** What a job needs of an example; the catalog's `Example` (src/examples) is one (core does not import it). */
export interface JobExample {
  id: string;
  scriptName: string;
  /** The uv script's text, sent inline when the config's `script` is this local file. */
  python: string;
  config: JobConfig;
  /** The sandbox's job: the image and command that run the example locally, its flavor, timeout and labels. */
  sandboxJob(ctx: {namespace: string; prefer?: 'auto' | 'python-uv' | 'node-twin'}): {
    dockerImage: string;
    command: string[];
    flavor: string;
    timeoutSeconds: number;
    environment: Record<string, string>;
    labels: Record<string, string>;
    runner: string;
    note: string;
  };
}

export type JobTarget = 'sandbox' | 'hub';

export interface BuildJobOptions {
  example: JobExample;
  /** hf-job.json as parsed (default: the example's own config). */
  config?: JobConfig;
  /** The text of the config's local script (default: the example's Python). */
  scriptSource?: string;
  /** Fills a whole-value "$HF_TOKEN" in `secrets` and `env`; kept in memory only. */
  token: string;
  target: JobTarget;
  /** The namespace the job runs in (the sandbox command names it). */
  namespace: string;
  /** Labels added after the config's (e.g. the lessons' exercise label). */
  labels?: Record<string, string>;
  /**
   * 'app' (default): the job carries this app's labels (name, example; on the sandbox also runner and script, so its
   * log names the Python example a Node twin stands for). 'none': only the config's and `labels`, like a job
   * submitted with `hf jobs uv run` from a shell.
   */
  appLabels?: 'app' | 'none';
  /** On the sandbox: run the Python under uv or the Node twin (default: uv when installed). */
  prefer?: 'auto' | 'python-uv' | 'node-twin';
}

export interface BuiltJob {
  /** The body for `runJob`: holds the real token in `secrets`/`environment` values; never print it. */
  spec: HubJobSpec;
  /** How the job runs: 'python-uv' on the Hub; on the sandbox uv or the Node twin. */
  runner: string;
  /** One line saying how it runs, for the person. */
  note: string;
  /** The names (never values) of the job's secrets and env, for diagnosis and display. */
  secretNames: string[];
  envNames: string[];
  /** What the person should know about the config (token in env, placeholder not replaced, no HF_TOKEN). */
  notes: string[];
}

/** The job for `example` with `config` on `target`. Throws JobSpecError for a config that cannot make a job. */
export function buildJob(o: BuildJobOptions): BuiltJob {
  const config = o.config ?? o.example.config;
  const resolved = toJobSpec(config, {token: o.token, scriptSource: o.scriptSource ?? o.example.python});
  const body = resolved.body();
  const secrets = body.secrets ?? {};
  const common = {
    secretNames: Object.keys(secrets),
    envNames: Object.keys(body.environment),
    notes: [...resolved.notes],
  };
  const appNames = {name: `hf-jobs-wizard-${o.example.id}`, example: o.example.id};
  if (o.target === 'sandbox') {
    const base = o.example.sandboxJob({namespace: o.namespace, ...(o.prefer ? {prefer: o.prefer} : {})});
    const labels = {...(o.appLabels === 'none' ? {} : base.labels), ...(config.labels ?? {}), ...(o.labels ?? {})};
    const spec = {
      dockerImage: base.dockerImage,
      command: base.command,
      environment: {...base.environment, ...body.environment},
      secrets,
      flavor: config.flavor ?? base.flavor,
      timeoutSeconds: body.timeoutSeconds ?? base.timeoutSeconds,
      ...(Object.keys(labels).length ? {labels} : {}),
    } as HubJobSpec;
    return {spec, runner: base.runner, note: base.note, ...common};
  }
  const labels = {...(body.labels ?? {}), ...(o.appLabels === 'none' ? {} : appNames), ...(o.labels ?? {})};
  const spec = {...resolved.hubSpec(), ...(Object.keys(labels).length ? {labels} : {})} as HubJobSpec;
  return {spec, runner: 'python-uv', note: `runs ${o.example.scriptName} with uv on HF Jobs`, ...common};
}
