// /settings/tokens/new on the sandbox: the least-privilege link the app builds creates a practice token with exactly
// those scopes (whoami-v2 says so, and the app's fit check finds it enough and no more), only through a page opened
// with the sandbox's form key, posted from the sandbox itself.
import {describe, expect, it} from 'vitest';
import {classifyWhoAmI, type WhoAmIResponse} from '../../src/core/tokens/classify.js';
import {compareTokenToNeeds, leastPrivilegeTokenUrl, type JobNeeds} from '../../src/core/tokens/least-privilege.js';
import {useSandbox} from '../helpers/sandbox.js';

const sb = useSandbox();
const NEEDS: JobNeeds = {
  user: 'practice-user',
  namespace: 'practice-user',
  writes: [{type: 'dataset', namespace: 'practice-user', name: 'd'}],
  reads: [],
};

async function createFrom(url: string, headers: Record<string, string> = {}): Promise<{status: number; html: string}> {
  const page = await (await fetch(url)).text();
  const fields = [...page.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map(
    (m) => [m[1]!, m[2]!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)))] as [string, string],
  );
  const r = await fetch(`${sb.current.url}/settings/tokens/new`, {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded', Origin: sb.current.url, ...headers},
    body: new URLSearchParams(fields).toString(),
  });
  return {status: r.status, html: await r.text()};
}

async function whoami(token: string): Promise<WhoAmIResponse> {
  return (await (
    await fetch(`${sb.current.url}/api/whoami-v2`, {headers: {Authorization: `Bearer ${token}`}})
  ).json()) as WhoAmIResponse;
}

describe('/settings/tokens/new on the sandbox', () => {
  it('creates, from the least-privilege link with the key, a fine-grained token with exactly the scopes the job needs', async () => {
    const url = `${leastPrivilegeTokenUrl(sb.current.url, NEEDS)}&key=${sb.current.formKey}`;
    const page = await (await fetch(url)).text();
    expect(page).toContain('job.write, repo.write');
    expect(page).toContain('<form method="post"');
    const created = await createFrom(url);
    expect(created.status).toBe(201);
    const token = /value="(hf_[A-Za-z0-9]{34})"/.exec(created.html)![1]!;
    const info = classifyWhoAmI(await whoami(token));
    expect(info.kind).toBe('fineGrained');
    const fit = compareTokenToNeeds(info, NEEDS);
    expect(fit.enough).toBe(true);
    expect(fit.extra).toEqual([]);
  });

  it('a classic read token from tokenType=read', async () => {
    const created = await createFrom(`${sb.current.url}/settings/tokens/new?tokenType=read&key=${sb.current.formKey}`);
    expect(created.status).toBe(201);
    const token = /value="(hf_[A-Za-z0-9]{34})"/.exec(created.html)![1]!;
    expect(classifyWhoAmI(await whoami(token)).kind).toBe('read');
  });

  it('without the key there is no form, and a post without it, or from another site, creates nothing', async () => {
    const before = sb.current.tokens.write;
    const noKey = await (await fetch(leastPrivilegeTokenUrl(sb.current.url, NEEDS))).text();
    expect(noKey).not.toContain('<form method="post"');
    const body = new URLSearchParams({tokenType: 'write'}).toString();
    const bare = await fetch(`${sb.current.url}/settings/tokens/new`, {
      method: 'POST',
      headers: {'Content-Type': 'application/x-www-form-urlencoded'},
      body,
    });
    expect(bare.status).toBe(403);
    const cross = await createFrom(`${sb.current.url}/settings/tokens/new?tokenType=write&key=${sb.current.formKey}`, {
      Origin: 'https://evil.example',
    });
    expect(cross.status).toBe(403);
    expect(sb.current.tokens.write).toBe(before);
  });

  it('unknown permissions and orgs the user is not in are refused with 400', async () => {
    expect(
      (await fetch(`${sb.current.url}/settings/tokens/new?tokenType=fineGrained&ownUserPermissions=repo.destroy`))
        .status,
    ).toBe(400);
    expect(
      (
        await fetch(
          `${sb.current.url}/settings/tokens/new?tokenType=fineGrained&orgs=someone-else&orgPermissions=job.write`,
        )
      ).status,
    ).toBe(400);
  });
});
