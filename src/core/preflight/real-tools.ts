// The step to the real tools: after a first completed sandbox job, the same job with the real `hf` command line,
// first against the sandbox (HF_ENDPOINT + HF_TOKEN exported, the token masked on screen and written whole only to a
// 0600 env file outside the project), then for huggingface.co with its pre-flight. (How `hf` ends a job it follows is
// core/jobs/stages.ts jobEndLine.) Pure: files and processes are the caller's.
import {shellQuote} from '../jobspec/shell.js';
import {maskToken} from '../tokens/mask.js';

export interface RealToolsInput {
  /** The sandbox's URL (http://127.0.0.1:PORT). */
  endpoint: string;
  /** The practice token the job ran with (never printed whole). */
  token: string;
  /** Where the caller writes the env file (outside the project, mode 0600). */
  envFilePath: string;
  /** The example's script name, e.g. push_dataset.py. */
  scriptName: string;
  flavor?: string;
  timeout?: string;
}

export interface RealToolsStep {
  /** What the screen shows: the export lines with the token masked. */
  exportLines: string[];
  /** What goes into the 0600 env file: the same lines with the whole token. */
  envFileContent: string;
  /** `source FILE` then the hf command, against the sandbox. */
  sandboxCommands: string[];
  /** The hf command alone. */
  hfCommand: string;
  /** The same job on huggingface.co: unset the sandbox, log in, pre-flight, run. */
  realHubCommands: string[];
}

export function realToolsStep(input: RealToolsInput): RealToolsStep {
  const hfCommand = `hf jobs uv run --flavor ${input.flavor ?? 'cpu-basic'} --timeout ${input.timeout ?? '10m'} --secrets HF_TOKEN ${shellQuote(input.scriptName)}`;
  const line = (token: string) => [`export HF_ENDPOINT=${input.endpoint}`, `export HF_TOKEN=${token}`];
  return {
    exportLines: line(maskToken(input.token)),
    envFileContent: `# The sandbox Hub and its practice token, for hf and huggingface_hub. Delete when done.\n${line(input.token).join('\n')}\n`,
    sandboxCommands: [`source ${shellQuote(input.envFilePath)}`, hfCommand],
    hfCommand,
    realHubCommands: [
      'unset HF_ENDPOINT HF_TOKEN   # back to huggingface.co and your own login',
      'hf auth login                # a fine-grained token with job.write (and repo.write on where it pushes)',
      'npx hf-jobs-wizard check     # the pre-flight: allowed, paid for, at most how much, timeout',
      hfCommand,
    ],
  };
}

/**
 * Why hf failed, when its own output names a cause the learner can fix on this computer (not the job's): today the
 * missing hf_xet package, without which `hf jobs uv run <local script>` cannot upload the script to its bucket
 * (huggingface_hub's setup.py makes hf-xet a dependency only on x86_64 and arm64; distribution packages may leave it out).
 */
export function hfFailureHint(lines: readonly string[]): string | undefined {
  if (lines.some((l) => /No module named '?hf_xet'?/.test(l)))
    return 'hf could not upload the script: its hf_xet package is missing (`pip install -U huggingface_hub` installs it on x86_64 and arm64; elsewhere `pip install hf_xet`), then run the command again.';
  return undefined;
}
