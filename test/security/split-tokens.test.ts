// A token printed over two log lines, or cut between two entries of a log stream, must not reach the screen in pieces
// that together spell it: followJob (the wizard's Run step, `example`, the lessons) and `troubleshoot --job` mask it
// whole (core/tokens/split.ts). Checked end to end with a real sandbox job and with a server cutting its entries
// inside a token at every position.
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {followJob} from '../../src/core/jobs/follow.js';
import {createHubClient} from '../../src/core/hub/client.js';
import {viaMain} from '../helpers/command.js';
import {useSandbox} from '../helpers/sandbox.js';
import {makeIo} from '../commands/helpers-auth.js';

const TOKEN = 'hf_FAKEq3Rk9LmZ2xPw7TnB4vYc8HjD5s1234';
const BODY = TOKEN.slice(3);

/** Any 6 characters of the token's body (besides its last 4, which the mask shows) in the text. */
function leaked(text: string): string | undefined {
  for (let i = 0; i + 6 <= BODY.length - 4; i++) if (text.includes(BODY.slice(i, i + 6))) return BODY.slice(i, i + 6);
  return undefined;
}

describe('a sandbox job printing a token over two lines', () => {
  const sb = useSandbox();
  const source = [
    `const t = ${JSON.stringify(TOKEN)};`,
    'console.log("401 Client Error: Unauthorized for url: https://huggingface.co/api/whoami-v2 " + t.slice(0, 11));',
    'console.log(t.slice(11) + " second half");',
    'process.stdout.write("written in two " + t.slice(0, 20));',
    'setTimeout(() => { process.stdout.write(t.slice(20) + " writes\\n"); process.exit(1); }, 100);',
  ].join('\n');

  async function run(): Promise<string> {
    const client = createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
    const job = await client.runJob('practice-user', {
      dockerImage: 'node:20-slim',
      command: ['node', '-e', source],
      flavor: 'cpu-basic',
    });
    return job.id;
  }

  it('reaches followJob (and its onLog) masked whole', async () => {
    const id = await run();
    const shown: string[] = [];
    const result = await followJob({
      hubUrl: sb.current.url,
      accessToken: sb.current.tokens.write,
      namespace: 'practice-user',
      jobId: id,
      pollMs: 200,
      maxMs: 20_000,
      onLog: (line) => shown.push(line),
    });
    expect(result.stage).toBe('ERROR');
    for (const text of [result.lines.join('\n'), shown.join('\n')]) {
      expect(leaked(text)).toBeUndefined();
      expect(text).toContain('whoami-v2 hf_…1234 second half');
      expect(text).toContain('written in two hf_…1234 writes');
    }
  });

  it('shows none of a token whose second half comes later than a line is held (followJob)', async () => {
    const client = createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
    const late = [
      `const t = ${JSON.stringify(TOKEN)};`,
      'console.log("late " + t.slice(0, 12));',
      'setTimeout(() => { console.log(t.slice(12) + " arrives"); process.exit(1); }, 1500);',
    ].join('\n');
    const job = await client.runJob('practice-user', {
      dockerImage: 'node:20-slim',
      command: ['node', '-e', late],
      flavor: 'cpu-basic',
    });
    const shown: string[] = [];
    const result = await followJob({
      hubUrl: sb.current.url,
      accessToken: sb.current.tokens.write,
      namespace: 'practice-user',
      jobId: job.id,
      pollMs: 200,
      maxMs: 20_000,
      onLog: (line) => shown.push(line),
    });
    expect(result.stage).toBe('ERROR');
    const text = shown.join('\n');
    expect(text).toContain('late hf_…\n… arrives');
    // Not a character of its body: the first half was shown before the rest came.
    for (let i = 0; i + 3 <= BODY.length; i++) expect(text).not.toContain(BODY.slice(i, i + 3));
  });

  it('reaches troubleshoot --job masked whole, in text and --json', async () => {
    const id = await run();
    const client = createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
    for (let n = 0; n < 100; n++) {
      const j = (await client.getJob('practice-user', id)) as unknown as {status: {stage: string}};
      if (j.status.stage !== 'RUNNING' && j.status.stage !== 'SCHEDULING') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const home = await mkdtemp(join(tmpdir(), 'split-'));
    try {
      for (const json of [false, true]) {
        const io = makeIo({HOME: home, HF_TOKEN: sb.current.tokens.write}, {tty: true});
        const args = ['--job', `practice-user/${id}`, '--endpoint', sb.current.url, ...(json ? ['--json'] : [])];
        await viaMain('troubleshoot')(args, io);
        expect(leaked(io.out() + io.err()), io.out()).toBeUndefined();
        // The cut line is shown (as evidence of the 401) with the token masked where it began.
        expect(io.out()).toContain('whoami-v2 hf_…1234 second half');
      }
    } finally {
      await rm(home, {recursive: true, force: true});
    }
  });
});

describe('a server cutting its log entries inside a token', () => {
  let server: Server;
  let url = '';
  let cut = 1;
  const event = (data: string) => `data: ${JSON.stringify({data, timestamp: new Date().toISOString()})}\n\n`;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.includes('/logs')) {
        res.writeHead(200, {'content-type': 'text/event-stream'});
        // The entries a container runtime makes of one long line: the token cut at `cut`, 20 ms apart.
        const parts = ['before', `key ${TOKEN.slice(0, cut)}`, `${TOKEN.slice(cut)} after`, 'end'];
        let i = 0;
        const next = () => {
          if (i < parts.length) {
            res.write(event(parts[i++]!));
            setTimeout(next, 20);
          } else res.end();
        };
        next();
      } else if (req.url?.includes('/api/jobs/')) {
        res.writeHead(200, {'content-type': 'application/json'});
        res.end(JSON.stringify({id: 'abc', status: {stage: 'COMPLETED', message: null}}));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('masks it whatever the position of the cut', async () => {
    // In the prefix, just after it, inside the body, one character before its end.
    for (cut of [1, 2, 3, 11, 25, TOKEN.length - 1]) {
      const result = await followJob({
        hubUrl: url,
        accessToken: 'hf_FAKEfollowerTOKENabcdefghijklmnop',
        namespace: 'ns',
        jobId: 'abc',
        pollMs: 300,
        maxMs: 10_000,
      });
      expect(result.lines, `cut at ${cut}`).toEqual(['before', 'key hf_…1234 after', 'end']);
    }
  });
});
