// `troubleshoot --job` against a hostile Hub: the job's stage, message, cancel reason, secret names and log lines are
// the server's words. Before 2026-12-07 the stage was printed raw (`ERROR\x1b[2J` cleared the screen); the log's
// encoded tokens (URL-encoded, base64 in a Basic header) were shown whole before mask.ts decoded them.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {followJob} from '../../src/core/jobs/follow.js';
import {main} from '../../src/main.js';
import {makeIo, tempHome} from '../commands/helpers-auth.js';
import {listenLocal, type LocalServer} from '../helpers/local-server.js';

const T = 'hf_FAKEevilTOKENabcdefghijklmnopqrstu';
const event = (data: string) => `data: ${JSON.stringify({data, timestamp: new Date().toISOString()})}\n\n`;

let server: LocalServer;
let url = '';
let home: Awaited<ReturnType<typeof tempHome>>;
beforeAll(async () => {
  home = await tempHome();
  server = await listenLocal((req, res) => {
    if (req.url?.includes('/logs')) {
      res.writeHead(200, {'content-type': 'text/event-stream'});
      res.write(event(`token ${T.replace('_', '%5F')} \x1b]52;c;ZXZpbA==\x07 \x1b[2J`));
      res.write(event(`Authorization: Basic ${Buffer.from(`u:${T}`).toString('base64')}`));
      res.end(event('401 Client Error: Unauthorized for url: https://huggingface.co/api/whoami-v2'));
    } else if (req.url?.includes('/api/jobs/')) {
      res.writeHead(200, {'content-type': 'application/json'});
      res.end(
        JSON.stringify({
          id: 'abc',
          status: {
            stage: 'ERROR\x1b[2J',
            message: `boom ${T.replace('_', '\\u005f')} \x1b]0;PWNED\x07`,
            cancelReason: '\x1b]52;c;eA==\x07',
          },
          secrets: ['HF_TOKEN\x1b[2J'],
          environment: {'MODE\x1b]0;X\x07': 'x'},
        }),
      );
    } else {
      res.writeHead(401, {'content-type': 'application/json'});
      res.end('{"error":"Invalid credentials \\u001b]0;X\\u0007"}');
    }
  });
  url = server.url;
});
afterAll(async () => {
  await server.close();
  await home.cleanup();
});

describe('troubleshoot --job against a hostile Hub', () => {
  for (const json of [false, true]) {
    it(`shows its stage, message, names and log without an escape sequence or a token${json ? ' (--json)' : ''}`, async () => {
      const io = makeIo({...home.env, HF_TOKEN: 'hf_FAKEmineTOKENabcdefghijklmnopqr', HF_WIZARD_LOG_WAIT_MS: '3000'});
      await main(['troubleshoot', '--job', 'ns/abc', '--endpoint', url, ...(json ? ['--json'] : [])], io);
      const all = io.out() + io.err();
      expect(all).not.toContain('\x1b');
      expect(all).not.toMatch(/\\u001b/i);
      expect(all).not.toContain('FAKEevil');
      expect(all).not.toContain('FAKEmine');
      expect(all).toMatch(/unauthorized-401/);
      if (!json) expect(all).toContain('Job ns/abc: ERROR␛[2J');
    });
  }
});

describe('following a job on a hostile Hub (the wizard, example, lessons)', () => {
  it('the polled stage reaches onStage and the result as one line without an escape sequence', async () => {
    const stages: string[] = [];
    const waits: string[] = [];
    const result = await followJob({
      hubUrl: url,
      accessToken: 'hf_FAKEmineTOKENabcdefghijklmnopqr',
      namespace: 'ns',
      jobId: 'abc',
      pollMs: 100,
      feedbackMs: 200,
      maxMs: 1500,
      onStage: (s) => stages.push(s),
      onWait: (t) => waits.push(t),
    });
    const all = JSON.stringify({stages, waits, result});
    expect(stages).toContain('ERROR␛[2J');
    expect(all).not.toMatch(/\\u001b/i);
    expect(all).not.toContain('FAKEevil');
  });
});

describe('a command the troubleshooter suggests quotes what a hostile Hub named', () => {
  let evil: LocalServer;
  let evilUrl = '';
  beforeAll(async () => {
    evil = await listenLocal((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url?.includes('whoami')) {
        res.end(
          JSON.stringify({
            type: 'user',
            name: 'u',
            orgs: [{name: 'o$(touch /tmp/pwned)', roleInOrg: 'write'}],
            auth: {type: 'access_token', accessToken: {displayName: 'n', role: 'write'}},
          }),
        );
      } else if (req.url?.includes('/api/jobs/u/')) {
        res.writeHead(404);
        res.end('{"error":"Job not found"}');
      } else res.end(JSON.stringify({id: '6650f0c2a1b2c3d4e5f60718', status: {stage: 'ERROR'}}));
    });
    evilUrl = evil.url;
  });
  afterAll(async () => {
    await evil.close();
  });

  it('an org named with a command substitution is single-quoted in `hf jobs logs --namespace ...`', async () => {
    const io = makeIo(
      {...home.env, HF_TOKEN: 'hf_FAKEmineTOKENabcdefghijklmnopqr'},
      {
        stdinText:
          '404 Client Error: Not Found for url: https://huggingface.co/api/jobs/u/6650f0c2a1b2c3d4e5f60718 (Job not found)\n',
      },
    );
    await main(['troubleshoot', '-', '--endpoint', evilUrl], io);
    expect(io.out()).toContain("--namespace 'o$(touch /tmp/pwned)' 6650f0c2a1b2c3d4e5f60718");
    expect(io.out()).not.toMatch(/--namespace o\$\(/);
  });
});
