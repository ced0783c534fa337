// core/jobs, the one job path: the hf-style end line, retries of idempotent calls (429 with Retry-After, 5xx, resets),
// a submit whose answer is lost (looked up by its label: the truth, not "not submitted"), and following a job whose
// log stream hangs (feedback within 2 s, status polls decide). Real sandbox, real faults through a loopback proxy.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createHubClient, type HubJobSpec} from '../../src/core/hub/client.js';
import {fetchWithRetry, retryAfterMs} from '../../src/core/hub/retry.js';
import {buildJob, followJob, jobEndLine, SUBMIT_LABEL, submitJob} from '../../src/core/jobs/index.js';
import {findExample} from '../../src/examples/catalog.js';
import {startFaultProxy, type FaultProxy} from '../helpers/fault-proxy.js';
import {useSandbox} from '../helpers/sandbox.js';
import {startSandbox} from '../../src/sandbox/index.js';

const sb = useSandbox();
let proxy: FaultProxy;
beforeAll(async () => {
  proxy = await startFaultProxy(sb.current.url);
});
afterAll(async () => {
  await proxy?.close();
});

function tokenCheckSpec(token: string): HubJobSpec {
  return buildJob({example: findExample('token-check')!, token, target: 'sandbox', namespace: 'practice-user'}).spec;
}

const fast = {baseMs: 50};

describe('the end line', () => {
  it('says a completed job completed and names the stage and message of one that did not, as hf jobs does', () => {
    expect(jobEndLine('abc', 'COMPLETED')).toBe('Job abc completed');
    expect(jobEndLine('abc', 'ERROR', 'exit code 1')).toBe("Error: Job abc finished with stage 'ERROR': exit code 1");
    expect(jobEndLine('abc', 'CANCELED')).toBe("Error: Job abc finished with stage 'CANCELED'");
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(Date.now() + 3000).toUTCString(), Date.now())).toBeGreaterThan(1000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});

describe('retries of idempotent calls', () => {
  it('a 429 with Retry-After, then a 502 with HTML, then a reset on GET all end in the right answer', async () => {
    proxy.setRules([
      {match: 'GET /api/whoami-v2', fault: {kind: 'status', status: 429, headers: {'retry-after': '1'}}},
      {
        match: 'GET /api/whoami-v2',
        fault: {
          kind: 'status',
          status: 502,
          body: '<html><body>Bad gateway</body></html>',
          headers: {'content-type': 'text/html'},
        },
      },
      {match: 'GET /api/whoami-v2', fault: {kind: 'reset'}},
    ]);
    const waits: number[] = [];
    const client = createHubClient({
      hubUrl: proxy.url,
      accessToken: sb.current.tokens.write,
      retry: {...fast, onRetry: (i) => waits.push(i.delayMs)},
    });
    const started = Date.now();
    expect((await client.whoAmI()).name).toBe('practice-user');
    expect(proxy.injected.filter((l) => l.startsWith('GET /api/whoami-v2'))).toHaveLength(3);
    expect(waits[0]).toBe(1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('never sends a POST twice: a 503 to a submit is answered, not retried', async () => {
    proxy.setRules([{match: 'POST /api/jobs/', fault: {kind: 'status', status: 503, body: '{"error":"busy"}'}}]);
    const before = proxy.seen.filter((l) => l.startsWith('POST /api/jobs/')).length;
    const raw = fetchWithRetry(fetch, fast);
    const res = await raw(`${proxy.url}/api/jobs/practice-user`, {
      method: 'POST',
      body: '{}',
      headers: {authorization: `Bearer ${sb.current.tokens.write}`},
    });
    expect(res.status).toBe(503);
    expect(proxy.seen.filter((l) => l.startsWith('POST /api/jobs/')).length - before).toBe(1);
  });
});

describe('an uncertain submit', () => {
  it('a truncated answer to POST /api/jobs: the job is found by its label and reported as submitted', async () => {
    proxy.setRules([{match: 'POST /api/jobs/', fault: {kind: 'truncate'}}]);
    const client = createHubClient({hubUrl: proxy.url, accessToken: sb.current.tokens.write, retry: fast});
    const result = await submitJob(client, 'practice-user', tokenCheckSpec(sb.current.tokens.write), {
      lookupDelayMs: 100,
    });
    expect(proxy.injected).toContain('POST /api/jobs/practice-user truncate');
    expect(result.submitted).toBe(true);
    if (result.submitted !== true) throw new Error('unreachable');
    expect(result.recovered).toBe(true);
    expect((result.job.labels as Record<string, string>)[SUBMIT_LABEL]).toMatch(/^[0-9a-f]{16}$/);
  });

  it('a connection reset after the Hub created the job: submitted, with its id', async () => {
    proxy.setRules([{match: 'POST /api/jobs/', fault: {kind: 'reset-after'}}]);
    const client = createHubClient({hubUrl: proxy.url, accessToken: sb.current.tokens.write, retry: fast});
    const result = await submitJob(client, 'practice-user', tokenCheckSpec(sb.current.tokens.write), {
      lookupDelayMs: 100,
    });
    expect(result).toMatchObject({submitted: true, recovered: true});
  });

  it('a reset before the request reached the Hub: not submitted (the label is in no job)', async () => {
    proxy.setRules([{match: 'POST /api/jobs/', fault: {kind: 'reset'}}]);
    const client = createHubClient({hubUrl: proxy.url, accessToken: sb.current.tokens.write, retry: fast});
    const result = await submitJob(client, 'practice-user', tokenCheckSpec(sb.current.tokens.write), {
      lookupDelayMs: 100,
    });
    expect(result.submitted).toBe(false);
  });

  it('a lost answer and a job list that cannot be read either: "unknown", never "not submitted"', async () => {
    proxy.setRules([
      {match: 'POST /api/jobs/', fault: {kind: 'reset-after'}},
      {match: 'GET /api/jobs/', fault: {kind: 'status', status: 500}, times: 100},
    ]);
    const client = createHubClient({hubUrl: proxy.url, accessToken: sb.current.tokens.write, retry: {attempts: 1}});
    const result = await submitJob(client, 'practice-user', tokenCheckSpec(sb.current.tokens.write), {
      lookupDelayMs: 50,
    });
    proxy.setRules([]);
    expect(result.submitted).toBe('unknown');
  });
});

describe('following a job', () => {
  it('a 429 while polling does not fail a job that COMPLETED', async () => {
    proxy.setRules([]);
    const client = createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
    const job = await client.runJob('practice-user', tokenCheckSpec(sb.current.tokens.write));
    proxy.setRules([
      {
        match: (m, p) => m === 'GET' && p === `/api/jobs/practice-user/${job.id}`,
        fault: {kind: 'status', status: 429, headers: {'retry-after': '0'}},
      },
    ]);
    const result = await followJob({
      hubUrl: proxy.url,
      accessToken: sb.current.tokens.write,
      namespace: 'practice-user',
      jobId: job.id,
      pollMs: 200,
      maxMs: 30_000,
    });
    expect(proxy.injected.some((l) => l.endsWith('status 429'))).toBe(true);
    expect(result).toMatchObject({stage: 'COMPLETED', ended: 'terminal'});
  });

  it('a log stream that hangs: feedback within 2 s, and the status polls end it', {timeout: 30_000}, async () => {
    const client = createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
    const job = await client.runJob('practice-user', tokenCheckSpec(sb.current.tokens.write));
    proxy.setRules([{match: (m, p) => m === 'GET' && p.endsWith('/logs'), fault: {kind: 'hang'}, times: 100}]);
    const waits: number[] = [];
    const started = Date.now();
    const result = await followJob({
      hubUrl: proxy.url,
      accessToken: sb.current.tokens.write,
      namespace: 'practice-user',
      jobId: job.id,
      pollMs: 2500,
      feedbackMs: 1000,
      maxMs: 20_000,
      onWait: () => waits.push(Date.now() - started),
    });
    proxy.setRules([]);
    expect(proxy.injected.some((l) => l.endsWith('/logs hang'))).toBe(true);
    expect(result.stage).toBe('COMPLETED');
    expect(waits[0]).toBeLessThan(2000);
  });

  it(
    'a sandbox stopped mid-run: the log said CANCELED, the status cannot be read, and that is the end, said as it waits',
    {timeout: 30_000},
    async () => {
      const own = await startSandbox();
      let closed = false;
      try {
        const client = createHubClient({hubUrl: own.url, accessToken: own.tokens.write});
        const job = await client.runJob('practice-user', {
          dockerImage: 'python:3.12',
          command: ['python3', '-c', "import time; print('working', flush=True); time.sleep(60)"],
          flavor: 'cpu-basic',
        } as never);
        const said: string[] = [];
        const started = Date.now();
        const following = followJob({
          hubUrl: own.url,
          accessToken: own.tokens.write,
          namespace: 'practice-user',
          jobId: job.id,
          pollMs: 250,
          maxMs: 25_000,
          onLog: (line) => {
            if (line === 'working' && !closed) {
              closed = true;
              void own.close();
            }
          },
          onWait: (t) => said.push(t),
        });
        const result = await following;
        expect(closed).toBe(true);
        expect(result).toMatchObject({stage: 'CANCELED', ended: 'terminal'});
        // Not the 25 s bound: one failed poll (after the client's own retries) after the log's end.
        expect(Date.now() - started).toBeLessThan(10_000);
        expect(
          said.some((t) =>
            t.includes(
              `Job ${job.id}'s log says it ended CANCELED; its status cannot be read (Could not reach ${own.url}`,
            ),
          ),
        ).toBe(true);
      } finally {
        if (!closed) await own.close();
      }
    },
  );

  it('a job whose status cannot be read stops being followed at the bound, saying why', {timeout: 30_000}, async () => {
    const client = createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
    const job = await client.runJob('practice-user', tokenCheckSpec(sb.current.tokens.write));
    proxy.setRules([
      {
        match: (m, p) => m === 'GET' && p.startsWith(`/api/jobs/practice-user/${job.id}`),
        fault: {kind: 'status', status: 500},
        times: 1000,
      },
    ]);
    const said: string[] = [];
    const started = Date.now();
    const result = await followJob({
      hubUrl: proxy.url,
      accessToken: sb.current.tokens.write,
      namespace: 'practice-user',
      jobId: job.id,
      pollMs: 100,
      maxMs: 3000,
      onWait: (t) => said.push(t),
    });
    proxy.setRules([]);
    expect(result.ended).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(said.some((t) => t.includes('Could not read job'))).toBe(true);
  });
});
