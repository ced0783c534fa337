// A built job submitted the way `hf jobs uv run SCRIPT` submits it (huggingface_hub 1.13+): the script uploaded with
// Xet to the private bucket {namespace}/jobs-artifacts, in a per-job folder mounted read-write at /data, and the job
// running `uv run /data/SCRIPT` (core/hub/uv-run.ts replays the client's requests). On the sandbox, when the example
// runs as its Node twin (no uv, no python3 with huggingface_hub here), the twin runs with the same volume: the script
// is still uploaded and mounted at /data, as hf puts it, and the note says what ran instead.
import {describeHubError} from '../hub/errors.js';
import {submitLikeUvRun, UV_IMAGE, type UvRunResult} from '../hub/uv-run.js';
import type {BuiltJob} from './build.js';
import {answeredWithStatus, usableJob, type SubmitResult} from './submit.js';

export interface UvRunSubmit {
  hubUrl: string;
  accessToken: string;
  namespace: string;
  built: BuiltJob;
  /** The uv script (its file name and text) that `hf jobs uv run` would upload. */
  script: {name: string; source: string};
  fetch?: typeof fetch;
}

export interface UvRunSubmitted {
  result: SubmitResult;
  /** The bucket, folder and command, when the upload went through. */
  uv?: UvRunResult;
  /** Lines for the person: what was uploaded where, and what the job runs. */
  lines: string[];
}

/** Never throws: a refusal or a lost answer comes back as `result`, like submitJob's. */
export async function submitAsUvRun(o: UvRunSubmit): Promise<UvRunSubmitted> {
  const spec = o.built.spec;
  const twin = o.built.runner === 'node-twin';
  try {
    const uv = await submitLikeUvRun({
      hubUrl: o.hubUrl,
      accessToken: o.accessToken,
      namespace: o.namespace,
      script: {name: o.script.name, content: new Blob([o.script.source])},
      image: twin ? spec.dockerImage : UV_IMAGE,
      ...(twin && spec.command ? {command: spec.command} : {}),
      ...(spec.secrets ? {secrets: spec.secrets as Record<string, string>} : {}),
      ...(spec.environment ? {environment: spec.environment as Record<string, string>} : {}),
      ...(spec.flavor ? {flavor: String(spec.flavor)} : {}),
      ...(spec.timeoutSeconds ? {timeoutSeconds: spec.timeoutSeconds} : {}),
      ...(spec.labels ? {labels: spec.labels as Record<string, string>} : {}),
      ...(o.fetch ? {fetch: o.fetch} : {}),
    });
    const lines = [
      `Bucket ${uv.bucket} ${uv.createdBucket ? 'created (private)' : 'already there'}; ${o.script.name} uploaded with Xet to ${uv.folder}/, mounted read-write at /data.`,
      twin
        ? `The job runs the Node twin with /data mounted (uv and the Python script's dependencies are not on this machine); on the Hub it runs \`uv run ${uv.scriptPath}\`.`
        : `The job runs \`${uv.command.join(' ')}\`.`,
    ];
    const result = usableJob(uv.job, o.hubUrl);
    return result.submitted === true ? {result, uv, lines} : {result, lines: []};
  } catch (error) {
    const message = describeHubError(error, {endpoint: o.hubUrl, secrets: [o.accessToken]}).message;
    // The Hub answered (4xx): nothing was created. A lost answer (reset, 5xx): the job may exist.
    const result: SubmitResult = answeredWithStatus(error, o.hubUrl)
      ? {submitted: false, error, message}
      : {submitted: 'unknown', error, message};
    return {result, lines: []};
  }
}
