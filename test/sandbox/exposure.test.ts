// The sandbox's exposure to strangers: a foreign Host (DNS rebinding) is refused on every route, state-changing forms
// need this process's key and a same-site origin, nothing mints a token or starts a job without credentials, and
// paths cannot climb out of a repo. Each case failed on 262c575 (a bare POST approved a device login).
import {request} from 'node:http';
import {describe, expect, it} from 'vitest';
import {useSandbox} from '../helpers/sandbox.js';

const sb = useSandbox();

function raw(
  path: string,
  options: {method?: string; headers?: Record<string, string>; body?: string; noHost?: boolean} = {},
): Promise<{status: number; headers: Record<string, unknown>; body: string}> {
  const url = new URL(sb.current.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: url.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        setHost: !options.noHost,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({status: res.statusCode ?? 0, headers: res.headers, body}));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

async function deviceCode(): Promise<{device_code: string; user_code: string; verification_uri_complete: string}> {
  const r = await fetch(`${sb.current.url}/oauth/device`, {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    body: 'client_id=x',
  });
  return (await r.json()) as {device_code: string; user_code: string; verification_uri_complete: string};
}

async function poll(deviceCodeValue: string): Promise<{status: number; body: {error?: string; access_token?: string}}> {
  const r = await fetch(`${sb.current.url}/oauth/token`, {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      device_code: deviceCodeValue,
      client_id: 'x',
    }).toString(),
  });
  return {status: r.status, body: (await r.json()) as {error?: string; access_token?: string}};
}

const formHeaders = {'Content-Type': 'application/x-www-form-urlencoded'};

describe('a foreign Host is refused everywhere (DNS rebinding)', () => {
  for (const path of ['/api/whoami-v2', '/oauth/device', '/settings/tokens', '/api/jobs/practice-user', '/']) {
    it(`${path} with Host evil.example:PORT answers 421 with a JSON error`, async () => {
      const port = new URL(sb.current.url).port;
      const r = await raw(path, {
        headers: {Host: `evil.example:${port}`, Authorization: `Bearer ${sb.current.tokens.write}`},
      });
      expect(r.status).toBe(421);
      expect(JSON.parse(r.body).error).toMatch(/answers only requests addressed to/);
    });
  }

  it('the sandbox own names are served: 127.0.0.1, localhost and [::1] on its port; another port is not', async () => {
    const port = new URL(sb.current.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`])
      expect((await raw('/api/whoami-v2', {headers: {Host: host}})).status, host).toBe(401);
    expect((await raw('/api/whoami-v2', {headers: {Host: '127.0.0.1:1'}})).status).toBe(421);
    expect([400, 421]).toContain((await raw('/api/whoami-v2', {noHost: true})).status); // Node itself refuses HTTP/1.1 without Host
  });
});

describe('state-changing forms need the key and a same-site origin', () => {
  it('a bare POST of a user code (what anyone can get from POST /oauth/device) approves nothing and mints no token', async () => {
    const code = await deviceCode();
    expect(code.verification_uri_complete).not.toContain(sb.current.formKey);
    const r = await fetch(`${sb.current.url}/oauth/device/verify`, {
      method: 'POST',
      headers: formHeaders,
      body: new URLSearchParams({user_code: code.user_code, action: 'approve'}).toString(),
    });
    expect(r.status).toBe(403);
    expect((await poll(code.device_code)).body.error).toBe('authorization_pending');
  });

  it('a wrong key is refused as well', async () => {
    const code = await deviceCode();
    const r = await fetch(`${sb.current.url}/oauth/device/verify`, {
      method: 'POST',
      headers: formHeaders,
      body: new URLSearchParams({user_code: code.user_code, action: 'approve', key: 'f'.repeat(48)}).toString(),
    });
    expect(r.status).toBe(403);
    expect((await poll(code.device_code)).body.error).toBe('authorization_pending');
  });

  it('a cross-site form (foreign Origin or Referer) is refused even with the key', async () => {
    const foreign: Record<string, string>[] = [
      {Origin: 'https://evil.example'},
      {Origin: 'null'},
      {Referer: 'https://evil.example/page'},
    ];
    for (const header of foreign) {
      const code = await deviceCode();
      const body = new URLSearchParams({
        user_code: code.user_code,
        action: 'approve',
        key: sb.current.formKey,
      }).toString();
      const r = await fetch(`${sb.current.url}/oauth/device/verify`, {
        method: 'POST',
        headers: {...formHeaders, ...header},
        body,
      });
      expect(r.status, JSON.stringify(header)).toBe(403);
      expect((await poll(code.device_code)).body.error).toBe('authorization_pending');
    }
  });

  it('the page opened with the key, posted from the sandbox itself, approves (the browser path)', async () => {
    const code = await deviceCode();
    const body = new URLSearchParams({
      user_code: code.user_code,
      action: 'approve',
      key: sb.current.formKey,
    }).toString();
    const r = await fetch(`${sb.current.url}/oauth/device/verify`, {
      method: 'POST',
      headers: {
        ...formHeaders,
        Origin: sb.current.url,
        Referer: `${code.verification_uri_complete}&key=${sb.current.formKey}`,
      },
      body,
    });
    expect(r.status).toBe(200);
    expect((await poll(code.device_code)).status).toBe(200);
  });
});

describe('nothing without credentials, nothing outside a repo', () => {
  it('a job cannot be created without a valid token (jobs are local processes)', async () => {
    const spec = JSON.stringify({dockerImage: 'python:3.12', command: ['id'], flavor: 'cpu-basic'});
    expect(
      (
        await fetch(`${sb.current.url}/api/jobs/practice-user`, {
          method: 'POST',
          headers: {'Content-Type': 'application/json'},
          body: spec,
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await fetch(`${sb.current.url}/api/jobs/practice-user`, {
          method: 'POST',
          headers: {'Content-Type': 'application/json', Authorization: 'Bearer hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12'},
          body: spec,
        })
      ).status,
    ).toBe(401);
  });

  it('path traversal in file URLs never reaches the data folder', async () => {
    const auth = {Authorization: `Bearer ${sb.current.tokens.write}`};
    for (const path of [
      '/datasets/practice-user/hf-jobs-wizard-private-demo/resolve/main/..%2F..%2F..%2Faccounts.json',
      '/datasets/practice-user/hf-jobs-wizard-private-demo/resolve/main/../../../accounts.json',
      '/api/datasets/practice-user/hf-jobs-wizard-private-demo/tree/main/..%2F..%2F..',
      '/practice-user/..%2F..%2Faccounts.json/resolve/main/x',
    ]) {
      const r = await raw(path, {headers: {...auth, Host: new URL(sb.current.url).host}});
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.body, path).not.toContain(sb.current.tokens.read);
    }
  });

  it('error headers do not echo a 100 KB request value whole', async () => {
    const long = 'a'.repeat(100_000);
    const r = await raw(`/api/models/practice-user/${long}`, {headers: {Host: new URL(sb.current.url).host}});
    expect(String(r.headers['x-error-message'] ?? '').length).toBeLessThanOrEqual(1000);
  });
});
