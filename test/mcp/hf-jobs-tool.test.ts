// The MCP server's hf_jobs tool (HfJobsTool of @llmindset/hf-mcp, the tool package @llmindset/hf-mcp-server 0.4.23
// ships and registers as `hf_jobs`) against a real sandbox: run and uv with the "$HF_TOKEN" secret, ps, logs, inspect,
// cancel, update-labels and the scheduled operations. The tool hard-codes https://huggingface.co and refuses loopback
// addresses, so a test-only preload (./preload.ts) sends its huggingface.co requests to the sandbox; the tool's own
// code is unchanged. The stdio server itself is not started: it picks its tools from Hub user settings and starts a
// web app, which this offline test cannot serve; the tool it registers is this class.
import {createRequire} from 'node:module';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {findInterpreters} from '../../src/sandbox/jobs/images.js';
import {startSandbox, type SandboxHandle} from '../../src/sandbox/index.js';
import {redirectHubTo} from './preload.js';

type Outcome = {formatted: string; isError?: boolean; structuredContent?: {outcome?: Record<string, unknown>}};
interface Tool {
  execute(params: {operation: string; args?: Record<string, unknown>}): Promise<Outcome>;
}

let sb: SandboxHandle;
let redirect: ReturnType<typeof redirectHubTo>;
let tool: Tool;
const found = await findInterpreters();
/** The devDependency may be missing from a node_modules installed before it was added (run `npm ci`). */
const mcpInstalled = (() => {
  try {
    createRequire(import.meta.url).resolve('@llmindset/hf-mcp');
    return true;
  } catch {
    return false;
  }
})();

beforeAll(async () => {
  if (!mcpInstalled) return;
  sb = await startSandbox({});
  redirect = redirectHubTo(sb.url);
  // A variable specifier: tsc must not need the package's types (see mcpInstalled).
  const specifier = '@llmindset/hf-mcp';
  const {HfJobsTool} = (await import(specifier)) as {
    HfJobsTool: new (token: string, authenticated: boolean, namespace?: string) => Tool;
  };
  tool = new HfJobsTool(sb.tokens.write, true);
}, 30_000);

afterAll(async () => {
  redirect?.undo();
  await sb?.close();
});

const MASKED_TOKEN_SCRIPT =
  'import os; t = os.environ.get("HF_TOKEN", ""); print("token", t[:3] + "..." + t[-4:], len(t))';
const jobIdOf = (o: Outcome) =>
  ((o.structuredContent?.outcome as {job?: {id?: string}} | undefined)?.job?.id ??
    /[0-9a-f]{24}/.exec(o.formatted)?.[0])!;
const noTokenIn = (o: Outcome) => expect(JSON.stringify(o)).not.toContain(sb.tokens.write);

async function stageOf(id: string): Promise<string> {
  const res = await fetch(`${sb.url}/api/jobs/practice-user/${id}`, {
    headers: {Authorization: `Bearer ${sb.tokens.write}`},
  });
  return ((await res.json()) as {status: {stage: string}}).status.stage;
}

async function settled(id: string, ms = 30_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const stage = await stageOf(id);
    if (!['SCHEDULING', 'RUNNING'].includes(stage) || Date.now() > deadline) return stage;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!mcpInstalled)('the MCP hf_jobs tool on the sandbox', () => {
  let jobId: string;

  it.skipIf(!found.python3)(
    'runs a job with the "$HF_TOKEN" secret: the job gets the token, the tool never shows it',
    async () => {
      const out = await tool.execute({
        operation: 'run',
        args: {
          image: 'python:3.12',
          command: ['python', '-c', MASKED_TOKEN_SCRIPT],
          secrets: {HF_TOKEN: '$HF_TOKEN'},
          flavor: 'cpu-basic',
        },
      });
      expect(out.isError ?? false).toBe(false);
      jobId = jobIdOf(out);
      expect(jobId).toMatch(/^[0-9a-f]{24}$/);
      expect(await settled(jobId)).toBe('COMPLETED');
      expect(out.formatted).toContain(`token hf_...${sb.tokens.write.slice(-4)} ${sb.tokens.write.length}`);
      noTokenIn(out);
      expect(redirect.requests).toContain('POST /api/jobs/practice-user');
      const stored = (await (
        await fetch(`${sb.url}/api/jobs/practice-user/${jobId}`, {
          headers: {Authorization: `Bearer ${sb.tokens.write}`},
        })
      ).json()) as {secrets: string[]};
      expect(stored.secrets).toEqual(['HF_TOKEN']);
    },
  );

  it.skipIf(!found.python3)('lists it with ps (all), shows its logs and inspects it', async () => {
    const ps = await tool.execute({operation: 'ps', args: {all: true}});
    expect(ps.formatted).toContain(jobId.slice(0, 8));
    const logs = await tool.execute({operation: 'logs', args: {job_id: jobId}});
    expect(logs.formatted).toContain(`token hf_...${sb.tokens.write.slice(-4)}`);
    noTokenIn(logs);
    const inspect = await tool.execute({operation: 'inspect', args: {job_id: jobId}});
    expect(inspect.formatted).toContain(jobId);
    expect(inspect.formatted).toContain('COMPLETED');
  });

  it.skipIf(!found.python3)('relabels a job with update-labels', async () => {
    const out = await tool.execute({operation: 'update-labels', args: {job_id: jobId, labels: {team: 'ml'}}});
    expect(out.isError ?? false, out.formatted).toBe(false);
    const stored = (await (
      await fetch(`${sb.url}/api/jobs/practice-user/${jobId}`, {headers: {Authorization: `Bearer ${sb.tokens.write}`}})
    ).json()) as {labels: Record<string, string>};
    expect(stored.labels).toEqual({team: 'ml'});
  });

  it('cancels a running job', async () => {
    const started = await tool.execute({
      operation: 'run',
      args: {
        image: 'node:20',
        command: ['node', '-e', 'setTimeout(() => {}, 60000)'],
        flavor: 'cpu-basic',
        detach: true,
      },
    });
    const id = jobIdOf(started);
    const out = await tool.execute({operation: 'cancel', args: {job_id: id}});
    expect(out.isError ?? false, out.formatted).toBe(false);
    expect(await settled(id, 10_000)).toBe('CANCELED');
  });

  it.skipIf(!found.uv && !found.python3)(
    'runs a uv script (sent as sh -lc "... | uv run -") with the "$HF_TOKEN" secret',
    async () => {
      const out = await tool.execute({
        operation: 'uv',
        args: {script: MASKED_TOKEN_SCRIPT.replace(/; /g, '\n'), secrets: {HF_TOKEN: '$HF_TOKEN'}},
      });
      const id = jobIdOf(out);
      const sent = (await (
        await fetch(`${sb.url}/api/jobs/practice-user/${id}`, {headers: {Authorization: `Bearer ${sb.tokens.write}`}})
      ).json()) as {command: string[]; dockerImage: string};
      expect(sent.command.slice(0, 2)).toEqual(['/bin/sh', '-lc']);
      expect(sent.command[2]).toMatch(/\| base64 -d \| uv run/);
      expect(await settled(id, 60_000), out.formatted).toBe('COMPLETED');
      const logs = await tool.execute({operation: 'logs', args: {job_id: id}});
      expect(logs.formatted).toContain(`token hf_...${sb.tokens.write.slice(-4)}`);
      noTokenIn(out);
      noTokenIn(logs);
    },
  );

  it('creates, lists, suspends, resumes and deletes a scheduled job', async () => {
    const created = await tool.execute({
      operation: 'scheduled run',
      args: {schedule: '@hourly', image: 'python:3.12', command: ['python', '-c', 'print(1)']},
    });
    expect(created.isError ?? false, created.formatted).toBe(false);
    const id = /[0-9a-f]{24}/.exec(JSON.stringify(created))![0];
    expect((await tool.execute({operation: 'scheduled ps'})).formatted).toContain(id.slice(0, 8));
    for (const operation of ['scheduled suspend', 'scheduled resume', 'scheduled inspect']) {
      const out = await tool.execute({operation, args: {scheduled_job_id: id}});
      expect(out.isError ?? false, `${operation}: ${out.formatted}`).toBe(false);
    }
    const deleted = await tool.execute({operation: 'scheduled delete', args: {scheduled_job_id: id}});
    expect(deleted.isError ?? false, deleted.formatted).toBe(false);
    expect(
      (
        await fetch(`${sb.url}/api/scheduled-jobs/practice-user/${id}`, {
          headers: {Authorization: `Bearer ${sb.tokens.write}`},
        })
      ).status,
    ).toBe(404);
  });
});
