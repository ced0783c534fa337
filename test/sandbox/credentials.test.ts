import {describe, expect, it} from 'vitest';
import {createHubClient} from '../../src/core/hub/client.js';
import {revokeCredentials} from '../../src/core/hub/extra-routes.js';
import {useSandbox} from '../helpers/sandbox.js';

describe('POST /api/credentials/revoke (the leak response)', () => {
  const sandbox = useSandbox();

  it('answers 202 without authentication, and the revoked token then gets 401', async () => {
    const leaked = sandbox.current.tokens.read;
    expect((await createHubClient({hubUrl: sandbox.current.url, accessToken: leaked}).whoAmI()).name).toBe(
      'practice-user',
    );
    expect(await revokeCredentials({hubUrl: sandbox.current.url}, [leaked])).toBe(202);
    await expect(createHubClient({hubUrl: sandbox.current.url, accessToken: leaked}).whoAmI()).rejects.toMatchObject({
      statusCode: 401,
    });
  });

  it('answers 202 for made-up values too, so the answer says nothing about a token', async () => {
    expect(
      await revokeCredentials({hubUrl: sandbox.current.url}, ['hf_FAKEfakeFAKEfakeFAKEfakeFAKEfakeFA', 'not a token']),
    ).toBe(202);
  });

  it('moves the practice label to a new token, so practice goes on with a fresh one', async () => {
    const before = sandbox.current.tokens.write;
    await revokeCredentials({hubUrl: sandbox.current.url}, [before]);
    const after = sandbox.current.tokens.write;
    expect(after).not.toBe(before);
    expect(
      (await createHubClient({hubUrl: sandbox.current.url, accessToken: after}).whoAmI()).auth?.accessToken?.role,
    ).toBe('write');
  });

  it('refuses a body that is not a list of strings, and more than 1000 at once', async () => {
    const post = (body: unknown) =>
      fetch(`${sandbox.current.url}/api/credentials/revoke`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify(body),
      });
    expect((await post({credentials: 'x'})).status).toBe(400);
    expect((await post({credentials: Array.from({length: 1001}, (_, i) => `v${i}`)})).status).toBe(400);
  });
});
