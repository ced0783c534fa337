// Browser (device) login against the sandbox, end to end from the app: `login --sandbox --device` prints a URL that
// carries the sandbox's form key; a browser that opens it can approve; the login is saved. The same approval without
// the key (the URL the public API hands out) cannot approve.
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {viaMain} from '../helpers/command.js';
import {makeIo, tempHome} from './helpers-auth.js';

const login = viaMain('login');

let home: Awaited<ReturnType<typeof tempHome>>;
beforeEach(async () => {
  home = await tempHome();
});
afterEach(async () => {
  await home.cleanup();
});

describe('login --sandbox --device', () => {
  it(
    'prints a URL with the key; opening it and approving logs in; the printed URL is the only way to approve',
    {timeout: 40_000},
    async () => {
      const io = makeIo(home.env);
      const done = login(['--sandbox', '--device'], io);
      let url = '';
      await vi.waitFor(
        () => {
          const m = /Open this URL in your browser:\s+(\S+)/.exec(io.err());
          expect(m).not.toBeNull();
          url = m![1]!;
        },
        {timeout: 15_000, interval: 50},
      );
      const page = new URL(url);
      // A key for this one code (the browser gets the URL on its command line), never the sandbox's form key.
      expect(page.searchParams.get('key')).toMatch(/^d[0-9a-f]{32}$/);
      const userCode = page.searchParams.get('user_code')!;

      // Without the key: the page shows the code and no approve button; a bare post is refused.
      const bare = new URL(url);
      bare.searchParams.delete('key');
      expect(await (await fetch(bare)).text()).not.toContain('name="action" value="approve"');
      const refused = await fetch(new URL('/oauth/device/verify', url), {
        method: 'POST',
        headers: {'Content-Type': 'application/x-www-form-urlencoded'},
        body: new URLSearchParams({user_code: userCode, action: 'approve'}).toString(),
      });
      expect(refused.status).toBe(403);

      // The browser: open the printed URL, submit its form as it is (hidden fields included), from the sandbox's origin.
      const html = await (await fetch(url)).text();
      const fields = Object.fromEntries(
        [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]),
      );
      expect(fields).toMatchObject({user_code: userCode, key: page.searchParams.get('key')});
      const approved = await fetch(new URL('/oauth/device/verify', url), {
        method: 'POST',
        headers: {'Content-Type': 'application/x-www-form-urlencoded', Origin: page.origin, Referer: url},
        body: new URLSearchParams({...fields, action: 'approve'}).toString(),
      });
      expect(approved.status).toBe(200);

      expect(await done, io.err()).toBe(0);
      expect(io.out() + io.err()).toMatch(/practice-user/);
      expect(io.out() + io.err()).not.toMatch(/hf_[A-Za-z0-9]{34}/);
    },
  );

  it(
    "starts during a flood of device logins by another local program (the flood's starts hit the ceiling, not the app's)",
    {timeout: 40_000},
    async () => {
      const {openSandboxSession} = await import('../../src/commands/hub-target.js');
      const session = await openSandboxSession(home.env);
      try {
        // Another program floods the sandbox with device logins, a new client id each, past the ceiling for all.
        const statuses = [];
        for (let i = 0; i < 80; i++)
          statuses.push(
            (
              await fetch(`${session.endpoint}/oauth/device`, {
                method: 'POST',
                body: new URLSearchParams({client_id: `flood-${i}`}),
              })
            ).status,
          );
        expect(statuses).toContain(429);
        const io = makeIo(home.env);
        const done = login(['--sandbox', '--device'], io);
        let url = '';
        await vi.waitFor(
          () => {
            const m = /Open this URL in your browser:\s+(\S+)/.exec(io.err());
            expect(m, io.err()).not.toBeNull();
            url = m![1]!;
          },
          {timeout: 15_000, interval: 50},
        );
        expect(io.err()).not.toMatch(/rate limit/i);
        const page = new URL(url);
        const html = await (await fetch(url)).text();
        const fields = Object.fromEntries(
          [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]),
        );
        const approved = await fetch(new URL('/oauth/device/verify', url), {
          method: 'POST',
          headers: {'Content-Type': 'application/x-www-form-urlencoded', Origin: page.origin, Referer: url},
          body: new URLSearchParams({...fields, action: 'approve'}).toString(),
        });
        expect(approved.status).toBe(200);
        expect(await done, io.err()).toBe(0);
      } finally {
        await session.close();
      }
    },
  );
});
