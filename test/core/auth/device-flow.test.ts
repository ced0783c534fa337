// RFC 8628 device flow against a tiny real HTTP server (the sandbox does not serve /oauth yet).
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {
  DEVICE_GRANT_TYPE,
  DeviceFlowError,
  deviceClientId,
  pollDeviceToken,
  requestDeviceCode,
} from '../../../src/core/auth/device-flow.js';

const ACCESS = 'hf_oauth_FAKEfakeFAKEfakeFAKEfakeFAKE12'; // fake test token

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

/** Serves /oauth/device and answers /oauth/token with the scripted replies in order. */
async function oauthServer(
  tokenReplies: {status: number; body: object}[],
): Promise<{url: string; forms: URLSearchParams[]}> {
  const forms: URLSearchParams[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      forms.push(form);
      res.setHeader('content-type', 'application/json');
      if (req.url === '/oauth/device' && req.method === 'POST') {
        res.end(
          JSON.stringify({
            device_code: 'dev-123',
            user_code: 'ABCD-EFGH',
            verification_uri: 'http://x/device',
            verification_uri_complete: 'http://x/device?code=ABCD-EFGH',
            expires_in: 600,
            interval: 2,
          }),
        );
        return;
      }
      const reply = tokenReplies.shift() ?? {status: 500, body: {error: 'server_error'}};
      res.statusCode = reply.status;
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return {url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, forms};
}

describe('device flow', () => {
  it('client id: env override, none on huggingface.co, the app id elsewhere', () => {
    expect(deviceClientId({HF_DEVICE_CODE_OAUTH_CLIENT_ID: 'abc'}, 'https://huggingface.co')).toBe('abc');
    expect(deviceClientId({}, 'https://huggingface.co')).toBeUndefined();
    expect(deviceClientId({}, 'http://127.0.0.1:1234')).toBe('hf-jobs-wizard');
  });

  it('polls with the device grant, honours interval and slow_down, returns the token', async () => {
    const {url, forms} = await oauthServer([
      {status: 400, body: {error: 'authorization_pending'}},
      {status: 400, body: {error: 'slow_down'}},
      {status: 200, body: {access_token: ACCESS, token_type: 'bearer', refresh_token: 'rt', expires_in: 3600}},
    ]);
    const authorization = await requestDeviceCode({endpoint: url, clientId: 'cid'});
    expect(authorization).toMatchObject({
      userCode: 'ABCD-EFGH',
      interval: 2,
      expiresIn: 600,
      verificationUriComplete: 'http://x/device?code=ABCD-EFGH',
    });
    expect(forms[0]?.get('client_id')).toBe('cid');
    const sleeps: number[] = [];
    const token = await pollDeviceToken({
      endpoint: url,
      clientId: 'cid',
      authorization,
      sleep: async (ms) => void sleeps.push(ms),
    });
    expect(token).toEqual({accessToken: ACCESS, tokenType: 'bearer', refreshToken: 'rt', expiresIn: 3600});
    expect(sleeps).toEqual([2000, 2000, 7000]);
    expect(forms[1]?.get('grant_type')).toBe(DEVICE_GRANT_TYPE);
    expect(forms[1]?.get('device_code')).toBe('dev-123');
  });

  it.each([
    ['expired_token', 'expired', 'Device code expired. Please try again.'],
    ['access_denied', 'denied', 'Authorization was denied. Please try again.'],
  ])('%s -> %s', async (error, code, message) => {
    const {url} = await oauthServer([{status: 400, body: {error}}]);
    const authorization = await requestDeviceCode({endpoint: url, clientId: 'cid'});
    const err = await pollDeviceToken({endpoint: url, clientId: 'cid', authorization, sleep: async () => {}}).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DeviceFlowError);
    expect(err).toMatchObject({code, message});
  });

  it('stops at the expiry deadline and on abort', async () => {
    const {url} = await oauthServer([{status: 400, body: {error: 'authorization_pending'}}]);
    const authorization = await requestDeviceCode({endpoint: url, clientId: 'cid'});
    let t = 0;
    const expired = await pollDeviceToken({
      endpoint: url,
      clientId: 'cid',
      authorization,
      now: () => t,
      sleep: async () => void (t += 700_000),
    }).catch((e: unknown) => e);
    expect(expired).toMatchObject({code: 'expired'});
    const ac = new AbortController();
    ac.abort();
    const aborted = await pollDeviceToken({endpoint: url, clientId: 'cid', authorization, signal: ac.signal}).catch(
      (e: unknown) => e,
    );
    expect(aborted).toMatchObject({code: 'aborted'});
  });

  it('a dead endpoint is a network error, not a crash', async () => {
    const {url} = await oauthServer([]);
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    await expect(requestDeviceCode({endpoint: url, clientId: 'cid'})).rejects.toMatchObject({code: 'network'});
  });
});
