// Drives the hub client through a real sandbox Hub (no mocked fetch).
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {HubApiError} from '@huggingface/hub';
import {describe, expect, it} from 'vitest';
import {createHubClient, MissingTokenError, type HubJobSpec} from '../../../src/core/hub/client.js';
import {describeHubError} from '../../../src/core/hub/errors.js';
import {verifyToken} from '../../../src/core/auth/verify.js';
import {classifyWhoAmI, evaluateGoal} from '../../../src/core/tokens/classify.js';
import {useSandbox} from '../../helpers/sandbox.js';

const sb = useSandbox();

describe('hub client against the sandbox', () => {
  it('whoAmI classifies each practice token', async () => {
    const write = classifyWhoAmI(
      await createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.write}).whoAmI(),
    );
    expect(write).toMatchObject({user: 'practice-user', kind: 'write'});
    expect(write.orgs).toContainEqual({name: 'practice-org', roleInOrg: 'write'});
    expect(evaluateGoal(write, {kind: 'run-job', namespace: 'practice-org'}).ok).toBe(true);

    const read = classifyWhoAmI(
      await createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.read}).whoAmI(),
    );
    expect(read.kind).toBe('read');
    expect(evaluateGoal(read, {kind: 'run-job', namespace: 'practice-user'}).ok).toBe(false);

    const fine = classifyWhoAmI(
      await createHubClient({hubUrl: sb.current.url + '/', accessToken: sb.current.tokens['fine-grained']}).whoAmI(),
    );
    expect(fine.kind).toBe('fineGrained');
    expect(evaluateGoal(fine, {kind: 'run-job', namespace: 'practice-user'}).ok).toBe(true);
    expect(evaluateGoal(fine, {kind: 'run-job', namespace: 'practice-org'})).toMatchObject({
      ok: false,
      missing: 'job.write on practice-org',
    });
  });

  it('the expired token gets 401, described without the token', async () => {
    const token = sb.current.tokens.expired;
    const err = await createHubClient({hubUrl: sb.current.url, accessToken: token})
      .whoAmI()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HubApiError);
    const d = describeHubError(err, {endpoint: sb.current.url, secrets: [token]});
    expect(d).toMatchObject({status: 401, kind: 'unauthorized'});
    expect(d.message).not.toContain(token);
    expect(d.message).not.toContain('\n');

    const v = await verifyToken({endpoint: sb.current.url, token, source: 'HF_TOKEN'});
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(v.message).toMatch(/^Invalid user token\. The token from the HF_TOKEN environment variable is invalid/);
  });

  it('a 402 names the billing page of the Hub in use, and on the sandbox (no billing page) the namespace that pays', async () => {
    const token = sb.current.tokens.write;
    const spec: HubJobSpec = {dockerImage: 'python:3.12', command: ['python', '-c', 'print(1)'], flavor: 'cpu-basic'};
    const err = await createHubClient({hubUrl: sb.current.url, accessToken: token})
      .runJob('practice-no-credits', spec)
      .catch((e: unknown) => e);
    const d = describeHubError(err, {endpoint: sb.current.url, secrets: [token]});
    expect(d).toMatchObject({status: 402});
    expect(d.message).not.toContain('huggingface.co');
    expect(d.message).toContain('practice-user');
    expect(d.message).toContain('Pre-paid credit balance is insufficient');
    // The real Hub (no endpoint given, or its own) and another Hub: their own billing page.
    expect(describeHubError(new HubApiError('u', 402)).message).toContain('https://huggingface.co/settings/billing');
    expect(describeHubError(new HubApiError('u', 402), {endpoint: 'https://hub.example/'}).message).toContain(
      'https://hub.example/settings/billing',
    );
  });

  it('refuses token-needing calls without a token, before any request', async () => {
    const client = createHubClient({hubUrl: sb.current.url});
    await expect(client.whoAmI()).rejects.toBeInstanceOf(MissingTokenError);
    expect(describeHubError(new MissingTokenError('x')).kind).toBe('unauthorized');
  });

  it('repoExists answers false for an unknown repo', async () => {
    const client = createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
    expect(await client.repoExists('practice-user/does-not-exist-xyz')).toBe(false);
  });
});

describe('describeHubError', () => {
  it('a refused connection is a calm network message naming the endpoint', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    const endpoint = `http://127.0.0.1:${port}`;
    const err = await createHubClient({hubUrl: endpoint, accessToken: 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12'})
      .whoAmI()
      .catch((e: unknown) => e);
    const d = describeHubError(err, {endpoint});
    expect(d.kind).toBe('network');
    expect(d.message).toContain(endpoint);
    expect(d.message).toContain('connection refused');
  });

  it('maps statuses and redacts token-shaped text in server messages', () => {
    const e = new HubApiError('https://hub.example/api/x', 403, 'req-1', 'ignored');
    e.data = {error: 'You do not have rights, token hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12 is read-only'};
    const d = describeHubError(e);
    expect(d).toMatchObject({status: 403, kind: 'forbidden', requestId: 'req-1'});
    expect(d.message).not.toContain('hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12');
    expect(d.message).toContain('hf_…ke12');
    expect(describeHubError(new HubApiError('u', 404)).kind).toBe('not-found');
    expect(describeHubError(new HubApiError('u', 409)).kind).toBe('conflict');
    expect(describeHubError(new HubApiError('u', 429)).kind).toBe('rate-limited');
    expect(describeHubError(new HubApiError('u', 503)).kind).toBe('server');
    expect(describeHubError(new TypeError("Your access token must start with 'hf_'")).kind).toBe('invalid-token');
    expect(describeHubError('weird').kind).toBe('unknown');
  });
});

/** A real local HTTP server that answers every request with `answer` (or never, when `answer` is undefined). */
async function withServer<T>(
  answer: ((res: import('node:http').ServerResponse) => void) | undefined,
  fn: (endpoint: string) => Promise<T>,
): Promise<T> {
  const server = createServer((_req, res) => answer?.(res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  try {
    return await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

describe('endpoints that are not a Hub', () => {
  const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12';
  const answers: [string, (res: import('node:http').ServerResponse) => void, string][] = [
    [
      'an HTML page (captive portal)',
      (res) => res.writeHead(200, {'content-type': 'text/html'}).end('<html>Sign in to the Wi-Fi</html>'),
      '"text/html"',
    ],
    [
      'truncated JSON',
      (res) => res.writeHead(200, {'content-type': 'application/json'}).end('{"name":'),
      '"application/json"',
    ],
    [
      'an empty object',
      (res) => res.writeHead(200, {'content-type': 'application/json'}).end('{}'),
      '"application/json"',
    ],
    ['null', (res) => res.writeHead(200, {'content-type': 'application/json'}).end('null'), '"application/json"'],
  ];
  for (const [what, answer, shown] of answers) {
    it(`whoAmI answered with ${what} is an invalid-response, one calm line`, async () => {
      await withServer(answer, async (endpoint) => {
        const v = await verifyToken({endpoint, token: FAKE, source: 'file'});
        expect(v.ok).toBe(false);
        if (v.ok) return;
        expect(v.error.kind).toBe('invalid-response');
        expect(v.message).toBe(
          `${endpoint} answered, but not like a Hugging Face Hub (${shown} instead of the Hub's JSON): check the --endpoint / HF_ENDPOINT setting, or a proxy or captive portal in between.`,
        );
      });
    });
  }

  it('a server that never answers times out instead of hanging', async () => {
    await withServer(undefined, async (endpoint) => {
      const err = await createHubClient({hubUrl: endpoint, accessToken: FAKE, responseTimeoutMs: 200})
        .whoAmI()
        .catch((e: unknown) => e);
      const d = describeHubError(err, {endpoint, secrets: [FAKE]});
      expect(d.kind).toBe('network');
      expect(d.message).toBe(
        `${endpoint} did not answer in time (No answer within 200 ms). Check your connection or the --endpoint / HF_ENDPOINT setting.`,
      );
    });
  });
});
