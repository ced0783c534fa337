// A local flood of device logins, each under a client id of its own (the previous bound ended the oldest grant of the
// client id with the most waiting: with one grant a client id, that was the app's own login, waiting the longest).
// Now the sandbox starts at most MAX_DEVICE_STARTS_PER_MINUTE device logins a minute a client (then the Hub's 429
// rate-limit wording, with Retry-After), all clients together ALL_CLIENTS_QUOTA_FACTOR times that, except the app's own
// starts on the sandbox it started (a key derived from the form key), and when the list is full it ends a grant nobody
// polls before one that is being polled.
import {describe, expect, it} from 'vitest';
import {DEVICE_GRANT_TYPE, requestDeviceCode} from '../../src/core/auth/device-flow.js';
import {deviceStartKey} from '../../src/core/auth/sandbox-form-key.js';
import {
  ALL_CLIENTS_QUOTA_FACTOR,
  MAX_DEVICE_STARTS_PER_MINUTE,
  MAX_PENDING_GRANTS,
} from '../../src/sandbox/routes/oauth.js';
import {useSandbox} from '../helpers/sandbox.js';

function start(url: string, clientId: string): Promise<Response> {
  return fetch(`${url}/oauth/device`, {method: 'POST', body: new URLSearchParams({client_id: clientId})});
}

async function poll(url: string, deviceCode: string, clientId: string): Promise<string> {
  const res = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({grant_type: DEVICE_GRANT_TYPE, device_code: deviceCode, client_id: clientId}),
  });
  return ((await res.json()) as {error: string}).error;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a flood of device logins (the start quota is per client, under a ceiling for all)', () => {
  const sb = useSandbox();
  const CEILING = MAX_DEVICE_STARTS_PER_MINUTE * ALL_CLIENTS_QUOTA_FACTOR;

  it(`refuses one client past ${MAX_DEVICE_STARTS_PER_MINUTE} a minute, in the Hub's words; another client still starts`, async () => {
    const app = await requestDeviceCode({endpoint: sb.current.url, clientId: 'hf-jobs-wizard'});
    const answers = [];
    for (let i = 0; i < MAX_DEVICE_STARTS_PER_MINUTE + 20; i++) answers.push(await start(sb.current.url, 'flood'));
    const refused = answers.filter((r) => r.status === 429);
    expect(refused).toHaveLength(20);
    const body = (await refused[0]!.json()) as {error: string; error_description: string};
    expect(body.error_description).toMatch(
      new RegExp(
        `^We had to rate limit you, you hit the quota of ${MAX_DEVICE_STARTS_PER_MINUTE} device logins per minute`,
      ),
    );
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // The login that was already waiting still waits; a new one of the app (another client) starts, key or not.
    expect(await poll(sb.current.url, app.deviceCode, 'hf-jobs-wizard')).toBe('authorization_pending');
    const again = await requestDeviceCode({endpoint: sb.current.url, clientId: 'hf-jobs-wizard'});
    expect(await poll(sb.current.url, again.deviceCode, 'hf-jobs-wizard')).toBe('authorization_pending');
  });

  it(`bounds a new client id each request at ${CEILING} a minute, and the app's own login (its start key) still starts`, async () => {
    const answers = [];
    for (let i = 0; i < CEILING + 20; i++) answers.push((await start(sb.current.url, `rotating-${i}`)).status);
    // The first test's starts count in the minute: at most the ceiling for all, then 429.
    expect(answers.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
    expect(answers.filter((s) => s === 200).length).toBeLessThanOrEqual(CEILING);
    // The app's client id without the key is one of the others now: refused.
    expect((await start(sb.current.url, 'hf-jobs-wizard')).status).toBe(429);
    // A made-up key is no key.
    const forged = await fetch(`${sb.current.url}/oauth/device`, {
      method: 'POST',
      body: new URLSearchParams({client_id: 'hf-jobs-wizard', key: `s${'0'.repeat(32)}`}),
    });
    expect(forged.status).toBe(429);
    // The app on the sandbox it started sends the key derived from the form key: it starts, and is polled as before.
    const formKey = sb.current.formKey!;
    const app = await requestDeviceCode({endpoint: sb.current.url, clientId: 'hf-jobs-wizard', formKey});
    expect(app.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(await poll(sb.current.url, app.deviceCode, 'hf-jobs-wizard')).toBe('authorization_pending');
    // Its own quota still holds (a stolen key floods no more than one client could).
    const own = [];
    for (let i = 0; i < MAX_DEVICE_STARTS_PER_MINUTE; i++)
      own.push(
        (
          await fetch(`${sb.current.url}/oauth/device`, {
            method: 'POST',
            body: new URLSearchParams({client_id: 'x', key: deviceStartKey(formKey)}),
          })
        ).status,
      );
    expect(own.filter((s) => s === 200)).toHaveLength(MAX_DEVICE_STARTS_PER_MINUTE);
    expect(
      (
        await fetch(`${sb.current.url}/oauth/device`, {
          method: 'POST',
          body: new URLSearchParams({client_id: 'x', key: deviceStartKey(formKey)}),
        })
      ).status,
    ).toBe(429);
  });
});

describe('a full list of device logins', () => {
  // Polls every second are allowed; a grant not polled for 3 intervals counts as abandoned; no start quota here.
  const sb = useSandbox({oauth: {interval: 1, startsPerMinute: 10_000}});

  it("ends the grants nobody polls, not the app's login that is being polled", async () => {
    const url = sb.current.url;
    const app = await requestDeviceCode({endpoint: url, clientId: 'hf-jobs-wizard'});
    // The flood fills the list (the app's login and 99 more), each under a new client id, and never polls.
    for (let i = 0; i < MAX_PENDING_GRANTS - 1; i++) expect((await start(url, `flood-${i}`)).status).toBe(200);
    // The app polls as it does, once an interval (plus a margin), while the flood's grants age.
    for (let i = 0; i < 4; i++) {
      await sleep(1100);
      expect(await poll(url, app.deviceCode, 'hf-jobs-wizard')).toBe('authorization_pending');
    }
    // More of the flood: each new grant needs room.
    for (let i = 0; i < 50; i++) expect((await start(url, `more-${i}`)).status).toBe(200);
    await sleep(1100);
    expect(await poll(url, app.deviceCode, 'hf-jobs-wizard')).toBe('authorization_pending');
  });
});
