// `hf jobs uv run script.py` as huggingface_hub (1.13 and later) submits it, with @huggingface/hub: the private
// bucket `{namespace}/jobs-artifacts` (created if missing; 409 means it exists), the script uploaded with Xet into a
// per-job folder `{YYYYMMDDTHHMMSS}-{hex6}/`, and a job running `uv run /data/<script>` with that folder mounted
// read-write at /data. (huggingface_hub _upload_scripts_to_bucket / _create_uv_command_env_and_secrets.)
import {randomBytes} from 'node:crypto';
import type {runJob} from '@huggingface/hub';
import {hubLib} from './client.js';
import {isHubApiError} from './error-types.js';

export const JOBS_ARTIFACTS_BUCKET = 'jobs-artifacts';
export const JOBS_ARTIFACTS_MOUNT_PATH = '/data';
export const UV_IMAGE = 'ghcr.io/astral-sh/uv:python3.12-bookworm';

/** `20260206T173757-a1b2c3`: the UTC second the job was submitted and 3 random bytes, as huggingface_hub names it. */
export function artifactsFolder(now = new Date(), hex = randomBytes(3).toString('hex')): string {
  const iso = now.toISOString(); // 2026-02-06T17:37:57.123Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}-${hex}`;
}

export interface UvRunRequest {
  hubUrl: string;
  accessToken: string;
  namespace: string;
  /** The script's file name (spaces become '_', as huggingface_hub does) and content. */
  script: {name: string; content: Blob};
  scriptArgs?: string[];
  image?: string;
  /**
   * What the job runs instead of `uv run /data/<script>` (the sandbox's Node twin of an example, when this machine can
   * run neither uv nor the Python script); the script is still uploaded and mounted at /data, as hf does.
   */
  command?: string[];
  /** Secret values (e.g. {HF_TOKEN: token}); sent in the job request only, never logged. */
  secrets?: Record<string, string>;
  environment?: Record<string, string>;
  flavor?: string;
  timeoutSeconds?: number;
  labels?: Record<string, string>;
  fetch?: typeof fetch;
  now?: Date;
}

export interface UvRunResult {
  job: Awaited<ReturnType<typeof runJob>>;
  bucket: string;
  folder: string;
  command: string[];
  /** Whether this call created the bucket (false: it existed, the 409 that create_bucket(exist_ok=True) ignores). */
  createdBucket: boolean;
  /** Where the job sees the script: /data/<name>. */
  scriptPath: string;
}

export async function submitLikeUvRun(req: UvRunRequest): Promise<UvRunResult> {
  const {commit, createRepo, runJob} = await hubLib();
  const base = {hubUrl: req.hubUrl, accessToken: req.accessToken, ...(req.fetch ? {fetch: req.fetch} : {})};
  const bucket = `${req.namespace}/${JOBS_ARTIFACTS_BUCKET}`;
  const folder = artifactsFolder(req.now);
  const remoteName = req.script.name.split('/').pop()!.replace(/ /g, '_');
  let createdBucket = true;
  try {
    await createRepo({...base, repo: `buckets/${bucket}`, private: true});
  } catch (error) {
    if (!(isHubApiError(error) && error.statusCode === 409)) throw error;
    createdBucket = false;
  }
  await commit({
    ...base,
    repo: `buckets/${bucket}`,
    title: `Upload ${remoteName}`,
    operations: [{operation: 'addOrUpdate', path: `${folder}/${remoteName}`, content: req.script.content}],
  });
  const command = req.command ?? ['uv', 'run', `${JOBS_ARTIFACTS_MOUNT_PATH}/${remoteName}`, ...(req.scriptArgs ?? [])];
  const job = await runJob({
    ...base,
    namespace: req.namespace,
    dockerImage: req.image ?? UV_IMAGE,
    command,
    flavor: (req.flavor ?? 'cpu-basic') as 'cpu-basic',
    ...(req.secrets ? {secrets: req.secrets} : {}),
    ...(req.environment ? {environment: req.environment} : {}),
    ...(req.timeoutSeconds ? {timeoutSeconds: req.timeoutSeconds} : {}),
    ...(req.labels ? {labels: req.labels} : {}),
    volumes: [{source: `buckets/${bucket}`, mountPath: JOBS_ARTIFACTS_MOUNT_PATH, path: folder, readOnly: false}],
  } as Parameters<typeof runJob>[0]);
  return {job, bucket, folder, command, createdBucket, scriptPath: `${JOBS_ARTIFACTS_MOUNT_PATH}/${remoteName}`};
}
