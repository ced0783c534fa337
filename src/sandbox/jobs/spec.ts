// The job record the sandbox keeps, its Hub JSON, and validation of a `POST /api/jobs/{ns}` body like the Hub's
// (OpenAPI constraints in hf-auth-and-jobs.md §3.1): 400 with one clear `error` per problem.
import {HttpError} from '../http.js';
import {FLAVOR_NAMES} from './hardware.js';

export type JobStage = 'SCHEDULING' | 'RUNNING' | 'COMPLETED' | 'ERROR' | 'CANCELED';
export const TERMINAL_STAGES: readonly JobStage[] = ['COMPLETED', 'ERROR', 'CANCELED'];

/** The Hub's default job timeout (30 minutes) when the body sets none. */
export const DEFAULT_TIMEOUT_SECONDS = 30 * 60;

export interface JobOwner {
  id: string;
  name: string;
  type: 'user' | 'org';
}

/** What a job runs, as validated from the request body and kept in its record. */
export interface JobSpecFields {
  dockerImage: string | null;
  spaceId: string | null;
  command: string[];
  arguments: string[];
  environment: Record<string, string>;
  flavor: string;
  timeoutSeconds: number;
  labels: Record<string, string>;
  volumes: unknown[] | null;
  arch: string | null;
  attempts: number;
}

/** What is persisted in `jobs/<id>/job.json`. Secret *values* are never part of it. */
export interface JobRecord extends JobSpecFields {
  id: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  owner: JobOwner;
  createdBy: {id: string; name: string};
  secretNames: string[];
  /** `cancelReason`: why the Hub canceled it (NO_CREDITS, NO_SUBSCRIPTION, RESOURCE_GROUP_LIMIT), as in its OpenAPI. */
  status: {stage: JobStage; message: string | null; cancelReason?: string};
}

/** The job as `GET /api/jobs/{ns}/{id}` answers it (ApiJob / huggingface_hub JobInfo). */
export function jobJson(job: JobRecord): Record<string, unknown> {
  return {
    type: 'job',
    id: job.id,
    status: {
      stage: job.status.stage,
      message: job.status.message,
      failureCount: job.status.stage === 'ERROR' ? 1 : 0,
      ...(job.status.cancelReason ? {cancelReason: job.status.cancelReason} : {}),
    },
    createdAt: job.createdAt,
    updatedAt: job.finishedAt ?? job.startedAt ?? job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    createdBy: job.createdBy,
    owner: job.owner,
    initiator: {id: job.createdBy.id, name: job.createdBy.name, type: 'user'},
    dockerImage: job.dockerImage,
    spaceId: job.spaceId,
    command: job.command,
    arguments: job.arguments,
    environment: job.environment,
    secrets: job.secretNames,
    flavor: job.flavor,
    arch: job.arch,
    timeoutSeconds: job.timeoutSeconds,
    attempts: job.attempts,
    labels: job.labels,
    volumes: job.volumes,
  };
}

/** A job body after validation; the stored record keeps the same fields but only the secrets' names. */
export interface ValidJobSpec extends JobSpecFields {
  secrets: Record<string, string>;
}

const SECRET_KEY = /^[a-zA-Z][_a-zA-Z0-9]*$/;
const ENV_KEY = /^[a-zA-Z][_a-zA-Z0-9]+$/;

function bad(message: string): never {
  throw new HttpError(400, message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArray(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) bad(`"${field}" must be an array of strings`);
  // A process cannot be given a NUL: refused here, where the answer does not quote the value (the spawn error did).
  const at = (value as string[]).findIndex((v) => v.includes('\0'));
  if (at !== -1) bad(`"${field}[${at}]" must not hold a NUL character`);
  return value as string[];
}

function stringMap(value: unknown, field: string, keyPattern: RegExp, keyRule: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) bad(`"${field}" must be an object of string values`);
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!keyPattern.test(key)) bad(`Invalid ${field} key "${key}": keys must match ${keyPattern.source} (${keyRule})`);
    if (typeof v !== 'string') bad(`"${field}.${key}" must be a string`);
    // Never quoted back: a secret's value. Node's spawn error quoted it into the job's status message.
    if (v.includes('\0')) bad(`"${field}.${key}" must not hold a NUL character`);
    out[key] = v;
  }
  return out;
}

export function validateJobSpec(body: unknown): ValidJobSpec {
  if (!isRecord(body)) bad('Expected a JSON object with the job spec');
  const {dockerImage, spaceId, command, flavor} = body;

  const hasImage = dockerImage !== undefined && dockerImage !== null && dockerImage !== '';
  const hasSpace = spaceId !== undefined && spaceId !== null && spaceId !== '';
  if (hasImage && hasSpace) bad('Provide either "dockerImage" or "spaceId", not both');
  if (!hasImage && !hasSpace) bad('Either "dockerImage" or "spaceId" is required');
  if (hasImage && typeof dockerImage !== 'string') bad('"dockerImage" must be a string');
  if (hasSpace && (typeof spaceId !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(spaceId)))
    bad('"spaceId" must look like "owner/space-name"');

  if (flavor === undefined || flavor === null || flavor === '')
    bad('"flavor" is required (e.g. "cpu-basic"; GET /api/jobs/hardware lists them)');
  if (typeof flavor !== 'string' || !FLAVOR_NAMES.includes(flavor)) {
    bad(`Invalid flavor ${JSON.stringify(flavor)}: expected one of ${FLAVOR_NAMES.join(', ')}`);
  }

  if (command === undefined || command === null)
    bad('"command" is required: an array like ["python", "-c", "print(1)"]');
  const cmd = stringArray(command, 'command');
  if (cmd.length === 0 || cmd[0] === '') bad('"command" must not be empty');
  const args = body.arguments === undefined || body.arguments === null ? [] : stringArray(body.arguments, 'arguments');

  const environment = stringMap(
    body.environment,
    'environment',
    ENV_KEY,
    'a letter, then letters, digits or _, at least 2 characters',
  );
  const secrets = stringMap(body.secrets, 'secrets', SECRET_KEY, 'a letter, then letters, digits or _');
  const labels = stringMap(body.labels, 'labels', /^[\w.\-/]+$/, 'letters, digits, _ . - /');

  let timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
  if (body.timeoutSeconds !== undefined && body.timeoutSeconds !== null) {
    const t = body.timeoutSeconds;
    if (typeof t !== 'number' || !Number.isInteger(t) || t <= 0)
      bad('"timeoutSeconds" must be a positive integer number of seconds');
    timeoutSeconds = t;
  }
  let attempts = 1;
  if (body.attempts !== undefined && body.attempts !== null) {
    if (typeof body.attempts !== 'number' || !Number.isInteger(body.attempts) || body.attempts < 1)
      bad('"attempts" must be an integer >= 1');
    attempts = body.attempts;
  }
  const arch = body.arch === undefined || body.arch === null ? null : body.arch;
  if (arch !== null && arch !== 'amd64' && arch !== 'arm64') bad('"arch" must be "amd64" or "arm64"');
  const volumes = body.volumes === undefined || body.volumes === null ? null : body.volumes;
  if (volumes !== null && !Array.isArray(volumes)) bad('"volumes" must be an array');

  return {
    dockerImage: hasImage ? (dockerImage as string) : null,
    spaceId: hasSpace ? (spaceId as string) : null,
    command: cmd,
    arguments: args,
    environment,
    secrets,
    flavor,
    timeoutSeconds,
    labels,
    volumes: volumes as unknown[] | null,
    arch: arch as string | null,
    attempts,
  };
}
