import {whoAmI, HubApiError} from '@huggingface/hub';
import {describe, expect, it} from 'vitest';
import {useSandbox} from '../helpers/sandbox.js';

describe('sandbox GET /api/whoami-v2 through @huggingface/hub', () => {
  const sb = useSandbox();

  it('answers a write token with the user, its org and the role', async () => {
    const info = await whoAmI({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
    expect(info.name).toBe('practice-user');
    expect(info.type).toBe('user');
    expect(info.auth.accessToken?.role).toBe('write');
    expect(info.auth.accessToken?.createdAt).toBeInstanceOf(Date);
    if (info.type !== 'user') throw new Error('expected a user');
    expect(info.orgs.map((o) => o.name)).toContain('practice-org');
  });

  it('answers a read token with role read', async () => {
    const info = await whoAmI({hubUrl: sb.current.url, accessToken: sb.current.tokens.read});
    expect(info.auth.accessToken?.role).toBe('read');
  });

  it('describes fine-grained scopes', async () => {
    const res = await fetch(`${sb.current.url}/api/whoami-v2`, {
      headers: {Authorization: `Bearer ${sb.current.tokens['fine-grained']}`},
    });
    const body = (await res.json()) as {
      auth: {accessToken: {role: string; fineGrained: {scoped: {entity: {name: string}; permissions: string[]}[]}}};
    };
    expect(body.auth.accessToken.role).toBe('fineGrained');
    const scope = body.auth.accessToken.fineGrained.scoped[0]!;
    expect(scope.entity.name).toBe('practice-user');
    expect(scope.permissions).toEqual(expect.arrayContaining(['repo.write', 'job.write']));
  });

  it.each(['expired', 'unknown'] as const)('rejects the %s token with the Hub 401', async (which) => {
    const token = which === 'expired' ? sb.current.tokens.expired : 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12';
    const error = await whoAmI({hubUrl: sb.current.url, accessToken: token}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubApiError);
    expect((error as HubApiError).statusCode).toBe(401);
    expect((error as HubApiError).message).toContain('Invalid credentials in Authorization header');
    expect((error as HubApiError).requestId).toBeTruthy();
  });

  it('answers unknown routes and wrong methods with JSON errors', async () => {
    const missing = await fetch(`${sb.current.url}/api/nope`);
    expect(missing.status).toBe(501);
    expect(await missing.json()).toEqual({error: 'The sandbox Hub does not emulate GET /api/nope'});
    const wrong = await fetch(`${sb.current.url}/api/whoami-v2`, {method: 'DELETE'});
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('x-request-id')).toBeTruthy();
  });
});
