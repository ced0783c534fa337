// A hostile Hub's whoami: the account name, its orgs, the token's name and scopes hold an OSC 52 clipboard write, a
// screen clear and a bidi override. Before 2026-12-07 (session 10) the wizard printed them raw, in plain mode and in
// the Ink screens ("Continue as …", the token's verdict and fixes); `login` and `status` cleaned them where they
// print. Now HubClient.whoAmI makes every string of the answer one line of visible text.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createHubClient} from '../../src/core/hub/client.js';
import {main} from '../../src/main.js';
import {makeIo, tempHome} from '../commands/helpers-auth.js';
import {listenLocal, type LocalServer} from '../helpers/local-server.js';

const EVIL = '\x1b]52;c;ZXZpbA==\x07\x1b[2J\u202eRTL\x9b31m\nsecond line';
const MINE = 'hf_FAKEmineTOKENabcdefghijklmnopqr';

let server: LocalServer;
let url = '';
let home: Awaited<ReturnType<typeof tempHome>>;
beforeAll(async () => {
  home = await tempHome();
  server = await listenLocal((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url?.includes('whoami')) {
      res.end(
        JSON.stringify({
          type: 'user',
          name: `name${EVIL}`,
          fullname: `full${EVIL}`,
          canPay: true,
          orgs: [{name: `org${EVIL}`, roleInOrg: 'write'}],
          auth: {
            type: 'access_token',
            accessToken: {
              displayName: `dn${EVIL}`,
              role: 'fineGrained',
              fineGrained: {
                global: [`g${EVIL}`],
                scoped: [{entity: {type: 'user', name: `ent${EVIL}`}, permissions: [`perm${EVIL}`]}],
              },
            },
          },
        }),
      );
    } else {
      res.writeHead(403);
      res.end(JSON.stringify({error: 'no'}));
    }
  });
  url = server.url;
});
afterAll(async () => {
  await server.close();
  await home.cleanup();
});

describe("a hostile Hub's whoami", () => {
  it('reaches the app as one-line visible text, every string and key', async () => {
    const who = await createHubClient({hubUrl: url, accessToken: MINE}).whoAmI();
    const all = JSON.stringify(who);
    expect(all).not.toMatch(/\\u001b|\\u0007|\\n|\u202e|\x9b/);
    expect(who.name).toBe('name␛]52;c;ZXZpbA==␇␛[2J<U+202E>RTL second line');
  });

  it("the plain wizard's account question and verdicts print no escape sequence", async () => {
    // In the temporary home: the wizard writes my-first-hf-job/ where it runs.
    const io = {...makeIo({...home.env, HF_TOKEN: MINE}, {stdinText: '\n'.repeat(12)}), cwd: home.dir};
    await main(['--plain', '--endpoint', url], io);
    const all = io.out() + io.err();
    expect(all).toContain('Continue as name␛]52');
    expect(all).not.toMatch(/[\x07\x1b\x9b\u202e]/);
  });
});
