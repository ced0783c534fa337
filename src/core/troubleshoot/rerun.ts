// The exact command that runs a failed job again, built from what the Hub says about it (image or Space, command,
// arguments, flavor, timeout, environment, the names of its secrets, namespace): `troubleshoot --job` offers "Run the
// job again" only with it. When the diagnosed cause is a token the job did not get, the command passes HF_TOKEN as a
// secret (the fix), so running it is not the same failure again. No command when one cannot be given whole and safe:
// a value that holds a token, no image, or a command too long to paste. Pure: no I/O.
import {DEFAULT_ENDPOINT} from '../endpoint.js';
import {isTokenEnvName} from '../jobspec/placeholder.js';
import {dotenvAssignment, ENV_NAME} from '../jobspec/dotenv.js';
import {shellQuoteShown} from '../jobspec/shell.js';
import {maskSecrets} from '../tokens/mask.js';
import {sanitizeLine} from '../text/sanitize.js';

/** A job as the Hub describes it (GET /api/jobs/NAMESPACE/ID), the fields that say how it was submitted. */
export interface JobAsSubmitted {
  namespace: string;
  dockerImage?: string;
  spaceId?: string;
  command: string[];
  arguments: string[];
  flavor?: string;
  /** Seconds, when the Hub says (the sandbox does: timeoutSeconds). */
  timeoutSeconds?: number;
  environment: Record<string, string>;
  secretNames: string[];
}

export interface Rerun {
  command: string;
  /** What running it changes, worded to follow "Run the job again, ": "with HF_TOKEN passed as a secret". */
  change?: string;
}

/** An env name that holds a credential (OPENAI_API_KEY, DB_PASSWORD, WANDB_TOKEN): its value is not printed. */
const SECRET_NAME = /KEY|SECRET|TOKEN|PASSW|CREDENTIAL|AUTH/i;

/** Causes (catalog.ts) fixed by passing the token as a secret. */
const TOKEN_NOT_PASSED = new Set(['no-token-in-job', 'wrong-secret-key', 'literal-placeholder', 'anonymous']);

/** The Hub's default job timeout, in seconds. */
export const DEFAULT_TIMEOUT_S = 30 * 60;

/** Seconds as hf's --timeout reads them, in the largest whole unit: 7200 -> 2h, 90 -> 90s. */
export function duration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/** Beyond this a command is not something to paste (an inline uv script's base64 in an env value). */
const MAX_COMMAND = 2000;

/** A JSON job's fields, as far as they are the right shapes; undefined when it says neither image nor Space. */
export function jobAsSubmitted(namespace: string, job: unknown): JobAsSubmitted | undefined {
  if (!job || typeof job !== 'object') return undefined;
  const j = job as Record<string, unknown>;
  const words = (v: unknown) => (Array.isArray(v) && v.every((w) => typeof w === 'string') ? (v as string[]) : []);
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const out: JobAsSubmitted = {
    namespace,
    command: words(j.command),
    arguments: words(j.arguments),
    environment: {},
    secretNames: Array.isArray(j.secrets)
      ? j.secrets.filter((s): s is string => typeof s === 'string')
      : j.secrets && typeof j.secrets === 'object'
        ? Object.keys(j.secrets)
        : [],
  };
  if (j.environment && typeof j.environment === 'object')
    for (const [k, v] of Object.entries(j.environment)) if (typeof v === 'string') out.environment[k] = v;
  const image = str(j.dockerImage) ?? str(j.docker_image);
  const space = str(j.spaceId) ?? str(j.space_id);
  if (image) out.dockerImage = image;
  else if (space) out.spaceId = space;
  else return undefined;
  const flavor = str(j.flavor);
  if (flavor) out.flavor = flavor;
  const t = typeof j.timeoutSeconds === 'number' ? j.timeoutSeconds : typeof j.timeout === 'number' ? j.timeout : NaN;
  if (Number.isSafeInteger(t) && t > 0) out.timeoutSeconds = t;
  return out;
}

/**
 * `hf jobs run …` for that job, on one line, worded for the endpoint (HF_ENDPOINT=… in front for any Hub but
 * huggingface.co); `user` is whoami's name (no --namespace when the job is the user's own).
 */
export function rerunCommand(
  job: JobAsSubmitted,
  options: {
    endpoint?: string;
    user?: string;
    /** whoami says the user's own namespace can pay for Jobs. */
    userCanPay?: boolean;
    cause?: string;
    problem?: string;
    token?: string;
    hfHome?: string;
  },
): Rerun | undefined {
  const endpoint = (options.endpoint ?? DEFAULT_ENDPOINT).replace(/\/+$/, '');
  const secrets = options.token ? [options.token] : [];
  const holdsToken = (v: string) => maskSecrets(v, secrets) !== v;
  const q = shellQuoteShown;
  const flags: string[] = [];
  const changes: string[] = [];
  if (job.flavor) flags.push(`--flavor ${q(job.flavor)}`);
  if (options.problem === 'job-timeout') {
    // The same timeout would stop it again: twice as long (the Hub's 30-minute default when the job's is not known).
    const longer = duration((job.timeoutSeconds ?? DEFAULT_TIMEOUT_S) * 2);
    flags.push(`--timeout ${longer}`);
    changes.push(`with a timeout twice as long (${longer}; set what the work needs)`);
  } else if (job.timeoutSeconds !== undefined) flags.push(`--timeout ${duration(job.timeoutSeconds)}`);
  const secretNames = [...job.secretNames];
  for (const [k, v] of Object.entries(job.environment)) {
    if (holdsToken(v) || holdsToken(k)) {
      // A token written into the job's environment: a secret it becomes (the token-in-env fix), or no command.
      if (!isTokenEnvName(k)) return undefined;
      if (!secretNames.includes(k)) secretNames.push(k);
      continue;
    }
    if (SECRET_NAME.test(k) && v !== '') {
      // An API key or password in env: not printed here (this answer is pasted into issues); passed as a secret,
      // whose value hf takes from your environment.
      secretNames.push(k);
      continue;
    }
    const assignment = dotenvAssignment(k, v);
    if (assignment === undefined) return undefined;
    flags.push(`-e ${q(assignment)}`);
  }
  // Every secret but the token is taken from the environment of whoever runs the command: the label names them (the
  // job's spec may be someone else's, its image and command theirs), as it names the env values made secrets.
  const fromEnv = secretNames.filter((n) => !isTokenEnvName(n));
  if (fromEnv.length)
    changes.push(
      sanitizeLine(
        `with ${fromEnv.join(', ')} from your environment as secrets (export ${fromEnv.length === 1 ? 'it' : 'them'} first)`,
      ),
    );
  if (options.cause && TOKEN_NOT_PASSED.has(options.cause) && !secretNames.includes('HF_TOKEN')) {
    secretNames.push('HF_TOKEN');
    changes.push('with HF_TOKEN passed as a secret');
  }
  for (const name of secretNames) {
    // hf reads `--secrets NAME` as a dotenv line too: a name with a line break or a space is several, or another.
    if (holdsToken(name) || !ENV_NAME.test(name)) return undefined;
    // `--secrets NAME` takes NAME's value from your environment; HF_TOKEN's from your login.
    flags.push(`--secrets ${q(name)}`);
  }
  // A namespace that could not pay (402, NO_CREDITS) is not tried again when the user's own can: that is the fix.
  const own = options.user !== undefined && options.user === job.namespace;
  if (!own && options.problem === 'payment-required' && options.user !== undefined && options.userCanPay)
    changes.push(sanitizeLine(`under your own namespace ${options.user}, which can pay (${job.namespace} could not)`));
  else if (!own) flags.push(`--namespace ${q(job.namespace)}`);
  const image = job.dockerImage ?? `hf.co/spaces/${job.spaceId}`;
  const words = [...job.command, ...job.arguments];
  if (words.some(holdsToken) || holdsToken(image) || holdsToken(job.flavor ?? '')) return undefined;
  // The sandbox's login lives in its own HF_HOME, where the hf CLI then finds it.
  const prefix = `${endpoint === DEFAULT_ENDPOINT ? '' : `HF_ENDPOINT=${q(endpoint)} `}${options.hfHome ? `HF_HOME=${q(options.hfHome)} ` : ''}`;
  // `--` ends hf's options: hf (click) reads options anywhere on its line, so a job's own word `--secrets HF_TOKEN`,
  // `-v ~/.ssh:/m` or `--namespace X` after the image would be hf's (the login's token sent to the job, a local folder
  // uploaded), not the job's command.
  const command = `${prefix}hf jobs run ${[...flags, '--', q(image), ...words.map(q)].join(' ')}`;
  if (command.length > MAX_COMMAND) return undefined;
  return {command, ...(changes.length ? {change: changes.join(', ')} : {})};
}

/** The action's label: what running the command does differently, if anything. */
export function rerunLabel(r: Rerun): string {
  return `Run the job again${r.change ? `, ${r.change}` : ''} (the hf CLI)`;
}
