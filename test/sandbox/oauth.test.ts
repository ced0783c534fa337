import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {whoAmI} from '@huggingface/hub';
import {describe, expect, it} from 'vitest';
import {useSandbox} from '../helpers/sandbox.js';

const GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

interface DeviceCode {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_in: number;
  interval: number;
}

describe('sandbox OAuth device-code login', () => {
  const sb = useSandbox({oauth: {interval: 0}});

  const form = (path: string, fields: Record<string, string>) =>
    fetch(`${sb.current.url}${path}`, {
      method: 'POST',
      headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'},
      body: new URLSearchParams(fields).toString(),
    });
  const start = async (): Promise<DeviceCode> => {
    const res = await form('/oauth/device', {client_id: 'hf-jobs-wizard'});
    expect(res.status).toBe(200);
    return (await res.json()) as DeviceCode;
  };
  const poll = async (code: DeviceCode) => {
    const res = await form('/oauth/token', {
      grant_type: GRANT,
      device_code: code.device_code,
      client_id: 'hf-jobs-wizard',
    });
    return {status: res.status, body: (await res.json()) as Record<string, string | number>};
  };

  it('serves the OpenID configuration with the device endpoint', async () => {
    const res = await fetch(`${sb.current.url}/.well-known/openid-configuration`);
    const body = (await res.json()) as Record<string, string>;
    expect(body.device_authorization_endpoint).toBe(`${sb.current.url}/oauth/device`);
    expect(body.token_endpoint).toBe(`${sb.current.url}/oauth/token`);
  });

  it('pending until approved in the "browser", then a new oauth token for practice-user', async () => {
    const code = await start();
    expect(code.user_code).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(code.verification_uri).toBe(`${sb.current.url}/oauth/device/verify`);
    expect(code.verification_uri_complete).toBe(`${code.verification_uri}?user_code=${code.user_code}`);
    expect(code.expires_in).toBeGreaterThan(0);

    expect(await poll(code)).toEqual({status: 400, body: expect.objectContaining({error: 'authorization_pending'})});

    // Without the key (what POST /oauth/device hands to anyone) the page shows the code but cannot approve.
    const bare = await (await fetch(code.verification_uri_complete)).text();
    expect(bare).toContain(code.user_code);
    expect(bare).not.toMatch(/<form method="post"/);
    expect(bare).toContain('Open the link your terminal printed');

    const page = await fetch(`${code.verification_uri_complete}&key=${sb.current.formKey}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(code.user_code);
    expect(html).toContain('practice-user');
    expect(html).toMatch(/<form method="post"/);
    expect(html).toContain(`name="key" value="${sb.current.formKey}"`);

    const approved = await form('/oauth/device/verify', {
      user_code: code.user_code.toLowerCase(),
      action: 'approve',
      key: sb.current.formKey,
    });
    expect(approved.status).toBe(200);
    expect(await approved.text()).toContain('Device connected');

    const token = await poll(code);
    expect(token.status).toBe(200);
    expect(token.body).toEqual({
      access_token: expect.stringMatching(/^hf_[A-Za-z0-9]{34}$/),
      token_type: 'bearer',
      expires_in: expect.any(Number),
      scope: expect.any(String),
    });

    const info = await whoAmI({hubUrl: sb.current.url, accessToken: String(token.body.access_token)});
    expect(info.name).toBe('practice-user');
    expect(info.auth.type).toBe('oauth');
    expect(info.auth.accessToken).not.toHaveProperty('displayName');
    const raw = (await (
      await fetch(`${sb.current.url}/api/whoami-v2`, {headers: {Authorization: `Bearer ${token.body.access_token}`}})
    ).json()) as {
      auth: {accessToken: {role: string; fineGrained: {scoped: {entity: {name: string}; permissions: string[]}[]}}};
    };
    expect(raw.auth.accessToken.role).toBe('fineGrained');
    expect(raw.auth.accessToken.fineGrained.scoped[0]!.entity.name).toBe('practice-user');
    expect(raw.auth.accessToken.fineGrained.scoped[0]!.permissions).toEqual(
      expect.arrayContaining(['job.write', 'repo.write']),
    );

    // The device code is single use.
    expect((await poll(code)).body.error).toBe('invalid_grant');
  });

  it('access_denied after a deny', async () => {
    const code = await start();
    expect(
      (await form('/oauth/device/verify', {user_code: code.user_code, action: 'deny', key: sb.current.formKey})).status,
    ).toBe(200);
    expect((await poll(code)).body.error).toBe('access_denied');
  });

  it('unknown codes on the verify page and bad grant types', async () => {
    expect((await fetch(`${sb.current.url}/oauth/device/verify?user_code=ZZZZ-ZZZZ`)).status).toBe(404);
    expect((await fetch(`${sb.current.url}/oauth/device/verify`)).status).toBe(200);
    expect((await form('/oauth/device', {})).status).toBe(400);
    const bad = await form('/oauth/token', {grant_type: 'password'});
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as {error: string}).error).toBe('unsupported_grant_type');
  });

  it('many logins approved at once all get their token (accounts are saved without colliding temp files)', async () => {
    const codes = await Promise.all(Array.from({length: 8}, () => start()));
    for (const code of codes)
      expect(
        (await form('/oauth/device/verify', {user_code: code.user_code, action: 'approve', key: sb.current.formKey}))
          .status,
      ).toBe(200);
    const results = await Promise.all(codes.map((code) => poll(code)));
    expect(results.map((r) => r.status)).toEqual(codes.map(() => 200));
    const saved = await readFile(join(sb.current.dataDir, 'accounts.json'), 'utf8');
    for (const r of results) expect(saved).toContain(String(r.body.access_token));
  });
});

describe('sandbox OAuth timing: slow_down and expired_token', () => {
  const sb = useSandbox({oauth: {interval: 30, expiresIn: 1}});
  const form = (path: string, fields: Record<string, string>) =>
    fetch(`${sb.current.url}${path}`, {
      method: 'POST',
      headers: {'Content-Type': 'application/x-www-form-urlencoded'},
      body: new URLSearchParams(fields).toString(),
    });

  it('slow_down when polled faster than the interval, expired_token after expires_in', async () => {
    const code = (await (await form('/oauth/device', {client_id: 'x'})).json()) as DeviceCode;
    expect(code.interval).toBe(30);
    const first = (await (await form('/oauth/token', {grant_type: GRANT, device_code: code.device_code})).json()) as {
      error: string;
    };
    expect(first.error).toBe('authorization_pending');
    const second = (await (await form('/oauth/token', {grant_type: GRANT, device_code: code.device_code})).json()) as {
      error: string;
    };
    expect(second.error).toBe('slow_down');
    await new Promise((r) => setTimeout(r, 1100));
    const expired = (await (await form('/oauth/token', {grant_type: GRANT, device_code: code.device_code})).json()) as {
      error: string;
    };
    expect(expired.error).toBe('expired_token');
  });
});
