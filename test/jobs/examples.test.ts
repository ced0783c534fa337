// The example jobs, run for real in the sandbox (the Node twin here: CI has no uv/Python packages) and checked
// through @huggingface/hub: their effect on the Hub, and how they fail with a missing, read-only or placeholder token.
import {which} from '../../src/core/which.js';
import {downloadFile, getJob, listFiles, repoExists, runJob} from '@huggingface/hub';
import {describe, expect, it} from 'vitest';
import {buildJob} from '../../src/core/jobs/build.js';
import type {HubJobSpec} from '../../src/core/hub/client.js';
import {EXAMPLES, findExample, sandboxCommandFor, type ExampleId} from '../../src/examples/catalog.js';
import {MESSAGES} from '../../src/examples/messages.js';
import {useSandbox} from '../helpers/sandbox.js';
import {collectLogs, FAKE_TOKEN, NS, ownLines, waitForStage} from './helpers.js';

const TIMEOUT = 30_000;

describe('example jobs in the sandbox', () => {
  const sb = useSandbox();
  const hub = () => ({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});

  /** Submits an example with the write token, HF_TOKEN as given; returns the finished job and its log. */
  async function runExample(id: ExampleId, jobToken: string | undefined, adjust?: (spec: HubJobSpec) => void) {
    // The app's one job builder (core/jobs buildJob), the Node twin asked for; no token: a config without secrets.
    const example = findExample(id)!;
    const config = jobToken === undefined ? {...example.config, secrets: {}} : example.config;
    const {spec} = buildJob({
      example,
      config,
      token: jobToken ?? 'unused',
      target: 'sandbox',
      namespace: NS,
      prefer: 'node-twin',
    });
    adjust?.(spec);
    expect(JSON.stringify(spec.command)).not.toContain(sb.current.tokens.write);
    const job = await runJob({...hub(), namespace: NS, ...spec});
    const log = await collectLogs(hub(), job.id);
    const done = await waitForStage(hub(), job.id);
    return {job: done, log, own: ownLines(log)};
  }

  it(
    'token check: COMPLETED, says who the job runs as, labelled as the Node twin, never the whole token',
    {timeout: TIMEOUT},
    async () => {
      const {job, log, own} = await runExample('token-check', sb.current.tokens.write);
      expect(job.status.stage).toBe('COMPLETED');
      expect(job.labels).toMatchObject({example: 'token-check', runner: 'node-twin'});
      expect(own[0]).toMatch(/^\[node twin\] check_token\.py/);
      // The opening note names the Python example the twin stands for, not the node: image it borrows.
      expect(log.find((l) => l.startsWith('[sandbox] hf-jobs-wizard sandbox:'))).toMatch(
        /: the Python example check_token\.py runs as its Node twin \((?:uv is not installed here|the Node twin was asked for); same steps and messages\)/,
      );
      expect(log.join('\n')).not.toContain('node:20-slim');
      expect(own).toContain('This job runs as practice-user, with a write token.');
      expect(own).toContain(MESSAGES.TOKEN_OK);
      expect(own).toContain(`HF_TOKEN is set (hf_…${sb.current.tokens.write.slice(-4)}).`);
      expect(log.join('\n')).not.toContain(sb.current.tokens.write);
      expect(job.secrets).toEqual(['HF_TOKEN']);
    },
  );

  it('push a dataset: COMPLETED, and the files are on the Hub', {timeout: TIMEOUT}, async () => {
    const {job, own} = await runExample('push-dataset', sb.current.tokens.write);
    expect(job.status.stage, own.join('\n')).toBe('COMPLETED');
    expect(own).toContain('Creating the private dataset practice-user/hf-jobs-wizard-demo-dataset ...');
    expect(own).toContain(`OK: pushed to ${sb.current.url}/datasets/practice-user/hf-jobs-wizard-demo-dataset`);
    const repo = {type: 'dataset' as const, name: 'practice-user/hf-jobs-wizard-demo-dataset'};
    const paths: string[] = [];
    for await (const f of listFiles({...hub(), repo, recursive: true})) if (f.type === 'file') paths.push(f.path);
    expect(paths).toEqual(expect.arrayContaining(['README.md', 'data/train.csv']));
    const csv = await (await downloadFile({...hub(), repo, path: 'data/train.csv'}))!.text();
    expect(csv.split('\n')[0]).toBe('city,country,temperature_c');
    // Private: anonymous readers do not see it.
    expect(await repoExists({hubUrl: sb.current.url, repo})).toBe(false);

    // A second run adds a commit to the existing repo.
    const again = await runExample('push-dataset', sb.current.tokens.write);
    expect(again.job.status.stage).toBe('COMPLETED');
    expect(again.own).toContain(
      'The dataset practice-user/hf-jobs-wizard-demo-dataset already exists; adding a commit to it.',
    );
  });

  it('push a model: COMPLETED, model card and config on the Hub', {timeout: TIMEOUT}, async () => {
    const {job, own} = await runExample('push-model', sb.current.tokens['fine-grained']);
    expect(job.status.stage, own.join('\n')).toBe('COMPLETED');
    const repo = {type: 'model' as const, name: 'practice-user/hf-jobs-wizard-demo-model'};
    const paths: string[] = [];
    for await (const f of listFiles({...hub(), repo})) paths.push(f.path);
    expect(paths).toEqual(expect.arrayContaining(['README.md', 'config.json']));
    const config = JSON.parse(await (await downloadFile({...hub(), repo, path: 'config.json'}))!.text()) as {
      model_type: string;
    };
    expect(config.model_type).toBe('hf-jobs-wizard-demo');
  });

  it(
    'read a private dataset: COMPLETED, reads the seeded practice-user/private-dataset',
    {timeout: TIMEOUT},
    async () => {
      const {job, own} = await runExample('read-private-dataset', sb.current.tokens.read);
      expect(job.status.stage, own.join('\n')).toBe('COMPLETED');
      expect(own.some((l) => l.startsWith('The private dataset practice-user/private-dataset has '))).toBe(true);
      expect(own).toContain('data/secrets.csv: 3 rows. First lines:');
      expect(own).toContain('OK: read the private dataset practice-user/private-dataset with HF_TOKEN.');
    },
  );

  it(
    'without the secret: ERROR, the log says HF_TOKEN is missing, even when the test process has HF_TOKEN',
    {timeout: TIMEOUT},
    async () => {
      const saved = process.env.HF_TOKEN;
      process.env.HF_TOKEN = FAKE_TOKEN;
      try {
        const {job, own} = await runExample('token-check', undefined);
        expect(job.status.stage).toBe('ERROR');
        expect(job.status.message).toContain('exited with code 1');
        expect(own).toContain(MESSAGES.MISSING);
        expect(job.secrets).toEqual([]);
      } finally {
        if (saved === undefined) delete process.env.HF_TOKEN;
        else process.env.HF_TOKEN = saved;
      }
    },
  );

  it(
    'with a read token on an existing repo: ERROR, 403 on the commit, the repo keeps its files',
    {timeout: TIMEOUT},
    async () => {
      const {createRepo} = await import('@huggingface/hub');
      const repo = {type: 'model' as const, name: 'practice-user/hf-jobs-wizard-demo-model'};
      if (!(await repoExists({...hub(), repo}))) await createRepo({...hub(), repo});
      const before: string[] = [];
      for await (const f of listFiles({...hub(), repo})) before.push(f.path);
      const {job, own} = await runExample('push-model', sb.current.tokens.read);
      expect(job.status.stage).toBe('ERROR');
      expect(own).toContain('The model practice-user/hf-jobs-wizard-demo-model already exists; adding a commit to it.');
      expect(
        own.some((l) =>
          l.startsWith('ERROR: 403 Forbidden while trying to push to practice-user/hf-jobs-wizard-demo-model'),
        ),
      ).toBe(true);
      const after: string[] = [];
      for await (const f of listFiles({...hub(), repo})) after.push(f.path);
      expect(after).toEqual(before);
    },
  );

  it('with a read token on a fresh repo: 403 on create, nothing created', {timeout: TIMEOUT}, async () => {
    const repo = {type: 'dataset' as const, name: 'practice-user/hf-jobs-wizard-demo-dataset'};
    // Run in the org-free fresh state: remove the dataset if an earlier test made it.
    const {deleteRepo} = await import('@huggingface/hub');
    if (await repoExists({...hub(), repo})) await deleteRepo({...hub(), repo});
    const {job, own} = await runExample('push-dataset', sb.current.tokens.read);
    expect(job.status.stage).toBe('ERROR');
    expect(own).toContain(
      'ERROR: 403 Forbidden while trying to create the dataset practice-user/hf-jobs-wizard-demo-dataset: this token may not do that. Use a write token, or a fine-grained token with write access to that namespace.',
    );
    expect(await repoExists({...hub(), repo})).toBe(false);
  });

  it('with the literal "$HF_TOKEN": ERROR, the log warns and shows the 401', {timeout: TIMEOUT}, async () => {
    const {job, own} = await runExample('push-dataset', '$HF_TOKEN');
    expect(job.status.stage).toBe('ERROR');
    expect(own).toContain(MESSAGES.PLACEHOLDER);
    expect(own.some((l) => l.startsWith('ERROR: 401 Unauthorized while trying to identify the token (whoami)'))).toBe(
      true,
    );
  });

  it(
    'token in environment instead of secrets: COMPLETED, but getJob shows its value (the leak); secrets show only the name',
    {timeout: TIMEOUT},
    async () => {
      const token = sb.current.tokens.write;
      const leaky = await runExample('token-check', undefined, (body) => {
        body.environment = {HF_TOKEN: token};
      });
      expect(leaky.job.status.stage).toBe('COMPLETED');
      const inspected = await getJob({...hub(), namespace: NS, jobId: leaky.job.id});
      expect(inspected.environment?.HF_TOKEN).toBe(token);
      expect(inspected.secrets).toEqual([]);

      const safe = await runExample('token-check', token);
      const safeInspected = await getJob({...hub(), namespace: NS, jobId: safe.job.id});
      expect(safeInspected.secrets).toEqual(['HF_TOKEN']);
      expect(JSON.stringify(safeInspected)).not.toContain(token);
    },
  );
});

describe('example catalog', () => {
  it('has the four examples, each with a PEP 723 script that checks HF_TOKEN first and a config with the secret', () => {
    expect(EXAMPLES.map((e) => e.id)).toEqual(['token-check', 'push-dataset', 'push-model', 'read-private-dataset']);
    for (const e of EXAMPLES) {
      expect(e.python.startsWith('# /// script\n')).toBe(true);
      expect(e.python).toContain('# dependencies = ["huggingface_hub');
      expect(e.python.indexOf('os.environ.get("HF_TOKEN")')).toBeLessThan(e.python.indexOf('api.whoami()'));
      expect(e.config).toEqual({
        script: e.scriptName,
        dependencies: ['huggingface_hub'],
        python: '3.12',
        flavor: 'cpu-basic',
        timeout: '10m',
        secrets: {HF_TOKEN: '$HF_TOKEN'},
      });
      expect(e.goals('someone')[0]).toEqual({kind: 'run-job', namespace: 'someone'});
    }
  });

  it('the Python scripts carry every message the twins print (same words)', () => {
    const all = EXAMPLES.map((e) => e.python).join('\n');
    for (const [id, text] of Object.entries(MESSAGES)) {
      if (id === 'LABEL_TWIN') continue;
      expect(all, id).toContain(`${id} = ${JSON.stringify(text)}`);
    }
  });

  const python3 = which('python3', process.env.PATH);
  it.skipIf(!python3)('the Python scripts compile (when python3 is installed)', async () => {
    const python = python3!;
    const {execFileSync} = await import('node:child_process');
    for (const e of EXAMPLES) {
      execFileSync(python, ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], {input: e.python});
    }
  });

  it('sandboxCommandFor picks the Node twin from source (absolute paths, no token) and uv when asked', () => {
    const twin = sandboxCommandFor('push-dataset', {prefer: 'node-twin'});
    expect(twin.dockerImage).toBe('node:20-slim');
    expect(twin.command[0]).toBe(process.execPath);
    expect(twin.command).toContain('--import');
    expect(twin.command.at(-1)).toBe('push-dataset');
    expect(twin.command.at(-2)).toMatch(/src[\\/]examples[\\/]twins[\\/]run\.ts$/);
    const uv = sandboxCommandFor('push-dataset', {prefer: 'python-uv'});
    expect(uv.dockerImage).toMatch(/^ghcr\.io\/astral-sh\/uv:/);
    expect(uv.command.join(' ')).toContain('uv run push_dataset.py');
  });
});

describe('the missing-token message (newcomer confusion: it read like Python)', () => {
  it('gives the form each tool takes, never the Python "$HF_TOKEN" trap, and the Python script says the same words', async () => {
    const {TOKEN_CHECK_PY} = await import('../../src/examples/python.js');
    expect(MESSAGES.MISSING).toContain('`--secrets HF_TOKEN` (hf CLI');
    expect(MESSAGES.MISSING).toContain('`secrets={"HF_TOKEN": get_token()}` (Python)');
    expect(MESSAGES.MISSING).toContain('`"secrets": {"HF_TOKEN": "$HF_TOKEN"}` (MCP tool / hf-job.json)');
    expect(MESSAGES.MISSING).not.toContain('secrets={"HF_TOKEN": "$HF_TOKEN"}');
    expect(TOKEN_CHECK_PY).toContain(`MISSING = ${JSON.stringify(MESSAGES.MISSING)}`);
  });
});
