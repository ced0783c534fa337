// A local flood of device logins, each under a client id of its own (the previous bound ended the oldest grant of the
// client id with the most waiting: with one grant a client id, that was the app's own login, waiting the longest).
// Now the sandbox starts at most MAX_DEVICE_STARTS_PER_MINUTE device logins a minute (then the Hub's 429 rate-limit
// wording, with Retry-After), and when the list is full it ends a grant nobody polls before one that is being polled.
import {describe, expect, it} from 'vitest';
import {DEVICE_GRANT_TYPE, requestDeviceCode} from '../../src/core/auth/device-flow.js';
import {MAX_DEVICE_STARTS_PER_MINUTE, MAX_PENDING_GRANTS} from '../../src/sandbox/routes/oauth.js';
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

describe('a flood of device logins, a new client id each', () => {
  const sb = useSandbox();

  it(`is refused with 429 past ${MAX_DEVICE_STARTS_PER_MINUTE} a minute, in the Hub's rate-limit words`, async () => {
    const app = await requestDeviceCode({endpoint: sb.current.url, clientId: 'hf-jobs-wizard'});
    const answers = [];
    for (let i = 0; i < MAX_DEVICE_STARTS_PER_MINUTE + 20; i++) answers.push(await start(sb.current.url, `flood-${i}`));
    const refused = answers.filter((r) => r.status === 429);
    // The app's own start counted: 20 + 1 over the quota.
    expect(refused).toHaveLength(21);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(MAX_DEVICE_STARTS_PER_MINUTE - 1);
    const body = (await refused[0]!.json()) as {error: string; error_description: string};
    expect(body.error_description).toMatch(
      new RegExp(
        `^We had to rate limit you, you hit the quota of ${MAX_DEVICE_STARTS_PER_MINUTE} device logins per minute`,
      ),
    );
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // The login that was already waiting still waits.
    expect(await poll(sb.current.url, app.deviceCode, 'hf-jobs-wizard')).toBe('authorization_pending');
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
