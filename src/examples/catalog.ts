// The example jobs the wizard offers: what each proves, the token permission it needs, the Python uv script a
// person runs on real HF Jobs, its hf-job.json config, and the sandbox's image and command (core/jobs buildJob makes
// the job from these, the token filled in in memory).
import {DATASET_REPO_NAME, MODEL_REPO_NAME, PRIVATE_DATASET_NAME} from './content.js';
import {PUSH_DATASET_PY, PUSH_MODEL_PY, READ_PRIVATE_PY, TOKEN_CHECK_PY} from './python.js';
import {sandboxCommand, type ExampleRunner, type SandboxCommand} from './sandbox-command.js';

export type ExampleId = 'token-check' | 'push-dataset' | 'push-model' | 'read-private-dataset';

/** What the job's token must be allowed to do (mirrors core/tokens/classify.ts Goal). */
export type ExampleGoal =
  | {kind: 'run-job'; namespace: string}
  | {kind: 'push'; repo: {type: 'dataset' | 'model'; namespace: string; name: string}}
  | {kind: 'read-private'; repo: {type: 'dataset'; namespace: string; name: string}};

/** hf-job.json, as the wizard writes it next to the script. */
export interface ExampleJobConfig {
  script: string;
  dependencies: string[];
  python: string;
  flavor: string;
  timeout: string;
  secrets: {HF_TOKEN: '$HF_TOKEN'};
}

/** The sandbox's image, command and defaults for an example; core/jobs buildJob adds the config's secrets and env. */
export interface SandboxJobBody {
  dockerImage: string;
  command: string[];
  flavor: 'cpu-basic';
  timeoutSeconds: number;
  environment: Record<string, string>;
  labels: Record<string, string>;
}

export interface Example {
  id: ExampleId;
  title: string;
  description: string;
  /** One line: which permissions the token needs, in words. */
  needs: string;
  /** Everything the token must allow, for `evaluateGoal`: always running the job, plus the repo access. */
  goals(user: string): ExampleGoal[];
  /** The Python file name (`script` in the config). */
  scriptName: string;
  /** The PEP 723 uv script text. */
  python: string;
  config: ExampleJobConfig;
  timeoutSeconds: number;
  /** The repo the job writes or reads, for "see it on the Hub" links. */
  repo?(user: string): {type: 'dataset' | 'model'; id: string};
  /** The sandbox job: the Python script under uv when available, else the Node twin. */
  sandboxJob(ctx: {
    namespace: string;
    prefer?: 'auto' | ExampleRunner;
  }): SandboxJobBody & {runner: ExampleRunner; note: string};
}

const FLAVOR = 'cpu-basic' as const;
const TIMEOUT = '10m';
const TIMEOUT_SECONDS = 600;

function define(e: Omit<Example, 'config' | 'timeoutSeconds' | 'sandboxJob'>): Example {
  const example: Example = {
    ...e,
    config: {
      script: e.scriptName,
      dependencies: ['huggingface_hub'],
      python: '3.12',
      flavor: FLAVOR,
      timeout: TIMEOUT,
      secrets: {HF_TOKEN: '$HF_TOKEN'},
    },
    timeoutSeconds: TIMEOUT_SECONDS,
    sandboxJob(ctx) {
      const cmd: SandboxCommand = sandboxCommand(example, ctx.prefer ? {prefer: ctx.prefer} : {});
      return {
        dockerImage: cmd.dockerImage,
        command: cmd.command,
        flavor: FLAVOR,
        timeoutSeconds: TIMEOUT_SECONDS,
        environment: {},
        // runner + script: the sandbox's opening log line names the Python example a Node twin stands for.
        labels: {name: `hf-jobs-wizard-${e.id}`, example: e.id, runner: cmd.runner, script: e.scriptName},
        runner: cmd.runner,
        note: cmd.note,
      };
    },
  };
  return example;
}

export const EXAMPLES: readonly Example[] = [
  define({
    id: 'token-check',
    title: 'Token check',
    description: 'Prints who the job runs as, proving HF_TOKEN arrived in the job and the Hub accepts it.',
    needs: 'run Jobs in your namespace (a write token, or fine-grained with job.write)',
    goals: (user) => [{kind: 'run-job', namespace: user}],
    scriptName: 'check_token.py',
    python: TOKEN_CHECK_PY,
  }),
  define({
    id: 'push-dataset',
    title: 'Push a dataset',
    description: `Creates the private dataset <you>/${DATASET_REPO_NAME} and uploads a small CSV and a dataset card in one commit.`,
    needs: 'run Jobs in your namespace, and write (create + push) datasets there',
    goals: (user) => [
      {kind: 'run-job', namespace: user},
      {kind: 'push', repo: {type: 'dataset', namespace: user, name: DATASET_REPO_NAME}},
    ],
    scriptName: 'push_dataset.py',
    python: PUSH_DATASET_PY,
    repo: (user) => ({type: 'dataset', id: `${user}/${DATASET_REPO_NAME}`}),
  }),
  define({
    id: 'push-model',
    title: 'Push a model',
    description: `Creates the private model <you>/${MODEL_REPO_NAME} and uploads a tiny model card and config.json in one commit.`,
    needs: 'run Jobs in your namespace, and write (create + push) models there',
    goals: (user) => [
      {kind: 'run-job', namespace: user},
      {kind: 'push', repo: {type: 'model', namespace: user, name: MODEL_REPO_NAME}},
    ],
    scriptName: 'push_model.py',
    python: PUSH_MODEL_PY,
    repo: (user) => ({type: 'model', id: `${user}/${MODEL_REPO_NAME}`}),
  }),
  define({
    id: 'read-private-dataset',
    title: 'Read a private dataset',
    description: `Lists and reads your private dataset <you>/${PRIVATE_DATASET_NAME} (or DATASET_ID) with the job's token.`,
    needs: 'run Jobs in your namespace, and read your private repos',
    goals: (user) => [
      {kind: 'run-job', namespace: user},
      {kind: 'read-private', repo: {type: 'dataset', namespace: user, name: PRIVATE_DATASET_NAME}},
    ],
    scriptName: 'read_private_dataset.py',
    python: READ_PRIVATE_PY,
    repo: (user) => ({type: 'dataset', id: `${user}/${PRIVATE_DATASET_NAME}`}),
  }),
];

export function findExample(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}

/** The sandbox command for an example: Python under uv when uv is installed, else the Node twin. */
export function sandboxCommandFor(
  exampleId: ExampleId,
  options: {prefer?: 'auto' | ExampleRunner} = {},
): SandboxCommand {
  const example = findExample(exampleId);
  if (!example) throw new Error(`Unknown example "${exampleId}"`);
  return sandboxCommand(example, options);
}

export {MESSAGES as EXAMPLE_MESSAGES, fmt as formatExampleMessage} from './messages.js';
