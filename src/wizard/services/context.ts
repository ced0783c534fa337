// The state the wizard's services share for one run: the options, the sandbox (started on demand), the Hub client
// for a session, the chosen example, the job files on disk and what the last submitted job carried. Each concern's
// service (login, config, checks, job, troubleshoot, desktop) reads and writes only what it needs from here.
import {readFile, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {EXAMPLES, findExample, type Example} from '../../examples/catalog.js';
import type {LoginExtras} from '../../core/auth/login-flow.js';
import {defaultSandboxDataDir, type SandboxSession} from '../../core/auth/sandbox-session.js';
import {createHubClient, type HubClient} from '../../core/hub/client.js';
import {DEFAULT_CONFIG_FILE, parseJobConfig, scriptKind, type JobConfig} from '../../core/jobspec/index.js';
import {envForEndpoint, sandboxEnv, type Env} from '../../core/store/paths.js';
import type {Session} from '../../core/wizard/services.js';
import {registerSecret} from '../../core/tokens/mask.js';
import type {TargetInfo} from '../../core/wizard/types.js';

export interface ServicesOptions {
  env: Env;
  cwd: string;
  /** --endpoint, if given. */
  endpointFlag?: string;
  /** An already running sandbox (tests, or `--sandbox` started by the command); else started on demand. */
  sandbox?: SandboxSession;
  /** Where an on-demand sandbox keeps its state. */
  sandboxDataDir?: string;
  /** Starts the sandbox on demand (the command layer's openSandboxSession: the wizard does not import the sandbox). */
  openSandbox?: (options: {dataDir?: string}) => Promise<SandboxSession>;
  /**
   * Whether the server at `url` proves it serves the sandbox data folder `dataDir` (the command layer's, from
   * sandbox/owner.ts): a pasted text's local address gets the sandbox's practice login only then.
   */
  servesSandboxData?: (url: string, dataDir: string) => Promise<boolean>;
  /** Poll interval for job status (ms). */
  pollMs?: number;
  /** Stop following a job after this long (ms; default 1 hour): the job keeps running. */
  followMaxMs?: number;
}

/** The folder the config step writes into, under the cwd. */
export const CONFIG_DIR = 'my-first-hf-job';

/** Secret and env names of a job (values are never kept). */
export interface JobNames {
  secretNames: string[];
  envNames: string[];
  /** The timeout it was submitted with, when the spec says (the diagnosis of a timeout reads it). */
  timeoutSeconds?: number;
  /** The flavor it ran on (a GPU script on a CPU flavor, out of memory). */
  flavor?: string;
}

export interface ServiceContext {
  readonly options: ServicesOptions;
  /** The sandbox in use, when one was given or started. */
  sandbox: SandboxSession | undefined;
  /** True when this run started the sandbox (and so closes it). */
  ownsSandbox: boolean;
  /** The practice tokens of a sandbox reached by its URL (--endpoint http://127.0.0.1:PORT, a workshop's), when this
   *  user may read them (core/auth/shared-sandbox.ts). */
  sharedPractice: {endpoint: string; tokens: SandboxSession['tokens']; formKey?: string} | undefined;
  /** Secret and env names of the last job submitted, for the diagnosis; cleared when the config is rewritten. */
  lastJob: JobNames | undefined;
  /** The environment token lookups use for this target (the sandbox's own home on the sandbox). */
  envFor(target: TargetInfo): Env;
  /** A Hub client for the session's endpoint, with its token when logged in. */
  client(session: Session, extra?: {fetch?: typeof fetch}): HubClient;
  /** The example the session chose (push-dataset by default). */
  example(session: Session): Example;
  /** The values to redact from anything shown: the session's token. */
  secrets(session: Session): string[];
  /** The session's token (held here only; the wizard's state has its masked form and `tokenRef`). */
  token(session: Session): string | undefined;
  /** Keeps a validated token (and a browser login's OAuth extras) for this run and registers it as a secret (masked in
   *  every output); returns its handle. */
  rememberToken(token: string, extras?: LoginExtras): string;
  /** The OAuth extras kept with the session's token (saved with it, as `login --device` saves them). */
  loginExtras(session: Session): LoginExtras;
  configDir(session: Session): string;
}

export function createServiceContext(options: ServicesOptions): ServiceContext {
  // The tokens of this run, by handle: the one place the wizard keeps a token.
  const vault = new Map<string, string>();
  const extrasOf = new Map<string, LoginExtras>();
  const tokenOf = (session: Session) => (session.account ? vault.get(session.account.tokenRef) : undefined);
  const ctx: ServiceContext = {
    options,
    sandbox: options.sandbox,
    ownsSandbox: false,
    sharedPractice: undefined,
    lastJob: undefined,
    // A sandbox target never reads the real login: the session's sandbox, else the persistent sandbox's own HF_HOME
    // (a sandbox text pasted into the wizard on huggingface.co is answered with the practice login, if any); a sandbox
    // reached by URL (--endpoint http://127.0.0.1:PORT) has the sandbox home, as `login --endpoint` does.
    envFor: (target) =>
      target.kind === 'sandbox'
        ? (ctx.sandbox?.env ?? sandboxEnv(options.env, defaultSandboxDataDir(options.env)))
        : envForEndpoint(options.env, target.endpoint),
    client: (session, extra = {}) =>
      createHubClient({
        hubUrl: session.target.endpoint,
        ...(tokenOf(session) ? {accessToken: tokenOf(session)} : {}),
        ...extra,
      }),
    example: (session) => {
      const found =
        (session.exampleId ? findExample(session.exampleId) : undefined) ?? findExample('push-dataset') ?? EXAMPLES[0];
      if (!found) throw new Error('No example jobs are available.');
      return found;
    },
    secrets: (session) => {
      const token = tokenOf(session);
      return token ? [token] : [];
    },
    token: tokenOf,
    rememberToken(token, extras = {}) {
      registerSecret(token);
      if (extras.refreshToken) registerSecret(extras.refreshToken);
      let ref = [...vault].find(([, value]) => value === token)?.[0];
      if (!ref) {
        ref = `token-${vault.size + 1}`;
        vault.set(ref, token);
      }
      if (extras.refreshToken || extras.expiresAt !== undefined) extrasOf.set(ref, extras);
      return ref;
    },
    loginExtras: (session) => (session.account ? (extrasOf.get(session.account.tokenRef) ?? {}) : {}),
    configDir: (session) => join(session.cwd, CONFIG_DIR),
  };
  return ctx;
}

export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The job as written in my-first-hf-job/hf-job.json (or the example's, when nothing was written). */
export async function jobFiles(
  ctx: ServiceContext,
  session: Session,
): Promise<{config: JobConfig; scriptSource: string; fromFile: boolean}> {
  const ex = ctx.example(session);
  const dir = ctx.configDir(session);
  const text = await readIfExists(join(dir, DEFAULT_CONFIG_FILE));
  if (text === undefined) return {config: ex.config, scriptSource: ex.python, fromFile: false};
  const parsed = parseJobConfig(text, join(CONFIG_DIR, DEFAULT_CONFIG_FILE));
  if (!parsed.ok) {
    const e = parsed.errors[0]!;
    throw new Error(`${e.file}:${e.line}: ${e.message}`);
  }
  const config = parsed.config;
  let scriptSource = ex.python;
  if (config.script !== undefined && scriptKind(config.script) === 'path') {
    const script = await readIfExists(join(dir, config.script.trim()));
    if (script !== undefined) scriptSource = script;
    else if (config.script.trim() !== ex.scriptName)
      throw new Error(`${CONFIG_DIR}/${config.script.trim()} does not exist: hf-job.json names it as the script.`);
  }
  return {config, scriptSource, fromFile: true};
}
