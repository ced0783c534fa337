// The example jobs as the wizard sees them: text to show (script, hf-job.json, equivalent commands), the goal the
// token must allow, and the Jobs API body to submit. A minimal built-in list until src/examples/catalog.ts lands.
import type {HubJobSpec} from '../hub/client.js';
import type {Goal} from '../tokens/classify.js';
import type {ExampleSummary, Snippet} from './types.js';

export interface JobContext {
  endpoint: string;
  user: string;
  sandbox: boolean;
}

export interface WizardExample extends ExampleSummary {
  goal(user: string): Goal;
  /** The Jobs API body, with secrets still as the "$HF_TOKEN" placeholder (resolved at submit time). */
  spec(ctx: JobContext): HubJobSpec;
  /** The Hub page of what a successful run creates. */
  createdUrl?(ctx: JobContext): string;
}

const UV_IMAGE = 'ghcr.io/astral-sh/uv:python3.12-bookworm';

const PUSH_DATASET_SCRIPT = `# /// script
# dependencies = ["huggingface_hub>=1.0"]
# ///
"""Creates the dataset <you>/hf-jobs-wizard-demo and uploads a small CSV to it."""
import os
import sys

from huggingface_hub import HfApi

token = os.environ.get("HF_TOKEN")
if not token:
    sys.exit("HF_TOKEN is missing: pass it to the job as a secret (secrets: {\\"HF_TOKEN\\": \\"$HF_TOKEN\\"}).")

api = HfApi(token=token)
user = api.whoami()["name"]
repo_id = f"{user}/hf-jobs-wizard-demo"
api.create_repo(repo_id, repo_type="dataset", exist_ok=True)
api.upload_file(
    path_or_fileobj=b"city,temperature\\nParis,21\\nLagos,31\\n",
    path_in_repo="data.csv",
    repo_id=repo_id,
    repo_type="dataset",
    commit_message="Upload from my first HF Job",
)
print(f"Pushed https://huggingface.co/datasets/{repo_id}")
`;

const TOKEN_CHECK_SCRIPT = `# /// script
# dependencies = ["huggingface_hub>=1.0"]
# ///
"""Says who the job's HF_TOKEN belongs to, without printing the token."""
import os
import sys

from huggingface_hub import whoami

if not os.environ.get("HF_TOKEN"):
    sys.exit("HF_TOKEN is missing: pass it to the job as a secret.")
me = whoami()
print(f"The job runs as {me['name']} with a {me['auth']['accessToken']['role']} token.")
`;

function config(scriptName: string): string {
  return (
    JSON.stringify(
      {script: scriptName, flavor: 'cpu-basic', timeout: '10m', env: {}, secrets: {HF_TOKEN: '$HF_TOKEN'}},
      null,
      2,
    ) + '\n'
  );
}

function snippets(scriptName: string): Snippet[] {
  return [
    {label: 'hf CLI', language: 'sh', text: `hf jobs uv run --flavor cpu-basic --timeout 10m --secrets HF_TOKEN ${scriptName}`},
    {
      label: 'Python',
      language: 'python',
      text: `from huggingface_hub import get_token, run_uv_job\nrun_uv_job("${scriptName}", flavor="cpu-basic", timeout="10m", secrets={"HF_TOKEN": get_token()})`,
    },
    {label: 'MCP', language: 'json', text: `{"operation": "uv", "args": {"script": "<the script's full text>", "flavor": "cpu-basic", "timeout": "10m", "secrets": {"HF_TOKEN": "$HF_TOKEN"}}}`},
    {
      label: 'JavaScript',
      language: 'js',
      text: `import {runJob} from "@huggingface/hub";\nawait runJob({namespace: "<you>", accessToken: process.env.HF_TOKEN, dockerImage: "${UV_IMAGE}",\n  command: ["uv", "run", "${scriptName}"], flavor: "cpu-basic", secrets: {HF_TOKEN: process.env.HF_TOKEN}});`,
    },
  ];
}

function uvSpec(script: string): HubJobSpec {
  return {
    dockerImage: UV_IMAGE,
    command: ['bash', '-c', 'printf "%s" "$UV_SCRIPT" > /tmp/job.py && uv run /tmp/job.py'],
    environment: {UV_SCRIPT: script},
    secrets: {HF_TOKEN: '$HF_TOKEN'},
    flavor: 'cpu-basic',
    timeoutSeconds: 600,
  };
}

// The sandbox has no containers (it maps node:* to this Node), so there the same job runs as a Node twin of the script.
const NODE_PUSH_DATASET = `
const e = process.env.HF_ENDPOINT, t = process.env.HF_TOKEN;
if (!t) { console.error('HF_TOKEN is missing: pass it to the job as a secret.'); process.exit(1); }
const h = {Authorization: 'Bearer ' + t};
const call = async (path, init = {}) => { const r = await fetch(e + path, {...init, headers: {...h, ...(init.headers || {})}});
  if (!r.ok && r.status !== 409) { console.error(r.status + ' ' + r.statusText + ': ' + (await r.text()).slice(0, 200) + ' (' + path + ')'); process.exit(1); } return r; };
const user = (await (await call('/api/whoami-v2')).json()).name;
console.log('Running as ' + user);
await call('/api/repos/create', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({name: 'hf-jobs-wizard-demo', type: 'dataset'})});
const csv = Buffer.from('city,temperature\\nParis,21\\nLagos,31\\n').toString('base64');
const body = [{key: 'header', value: {summary: 'Upload from my first HF Job'}}, {key: 'file', value: {path: 'data.csv', content: csv, encoding: 'base64'}}].map((l) => JSON.stringify(l)).join('\\n');
await call('/api/datasets/' + user + '/hf-jobs-wizard-demo/commit/main', {method: 'POST', headers: {'Content-Type': 'application/x-ndjson'}, body});
console.log('Pushed ' + e + '/datasets/' + user + '/hf-jobs-wizard-demo');
`;

const NODE_TOKEN_CHECK = `
const t = process.env.HF_TOKEN;
if (!t) { console.error('HF_TOKEN is missing: pass it to the job as a secret.'); process.exit(1); }
const r = await fetch(process.env.HF_ENDPOINT + '/api/whoami-v2', {headers: {Authorization: 'Bearer ' + t}});
if (!r.ok) { console.error(r.status + ' ' + r.statusText + ': the Hub refused the token'); process.exit(1); }
const me = await r.json();
console.log('The job runs as ' + me.name + ' with a ' + me.auth.accessToken.role + ' token.');
`;

function nodeSpec(source: string): HubJobSpec {
  return {dockerImage: 'node:20', command: ['node', '--input-type=module', '-e', source], secrets: {HF_TOKEN: '$HF_TOKEN'}, flavor: 'cpu-basic', timeoutSeconds: 600};
}

export const BUILTIN_EXAMPLES: WizardExample[] = [
  {
    id: 'push-dataset',
    title: 'Push a dataset',
    summary: 'Creates the dataset <you>/hf-jobs-wizard-demo and uploads a small CSV: the most common first job.',
    needs: 'a write token (or fine-grained with repo.write and job.write on your account)',
    scriptName: 'push_dataset.py',
    script: PUSH_DATASET_SCRIPT,
    config: config('push_dataset.py'),
    flavor: 'cpu-basic',
    snippets: snippets('push_dataset.py'),
    goal: (user) => ({kind: 'push', repo: {type: 'dataset', namespace: user, name: 'hf-jobs-wizard-demo'}}),
    spec: (ctx) => (ctx.sandbox ? nodeSpec(NODE_PUSH_DATASET) : uvSpec(PUSH_DATASET_SCRIPT)),
    createdUrl: (ctx) => `${ctx.endpoint}/datasets/${ctx.user}/hf-jobs-wizard-demo`,
  },
  {
    id: 'token-check',
    title: 'Check the token inside a job',
    summary: 'Prints which account the job runs as and the token type, without printing the token.',
    needs: 'a token that may run Jobs (write, or fine-grained with job.write)',
    scriptName: 'token_check.py',
    script: TOKEN_CHECK_SCRIPT,
    config: config('token_check.py'),
    flavor: 'cpu-basic',
    snippets: snippets('token_check.py'),
    goal: (user) => ({kind: 'run-job', namespace: user}),
    spec: (ctx) => (ctx.sandbox ? nodeSpec(NODE_TOKEN_CHECK) : uvSpec(TOKEN_CHECK_SCRIPT)),
  },
];

export function toSummary(e: WizardExample): ExampleSummary {
  const {goal: _g, spec: _s, createdUrl: _c, ...summary} = e;
  return summary;
}
