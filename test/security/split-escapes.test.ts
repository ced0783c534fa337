// An escape sequence split across two reads of a job's log must not reach the terminal whole. The log path is line
// based: the sandbox joins a job's output into lines (jobs/log.ts LineSplitter), the Hub client reads server-sent
// events, and followJob sanitises each line (core/text/sanitize.ts makes every ESC and C1 control visible). Checked
// here end to end: a real sandbox job writing ESC[3 + 1m, ESC + ]52;..., and a hostile server cutting its stream
// inside a sequence, inside an event and inside a UTF-8 encoded C1 CSI (U+009B).
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {followJob} from '../../src/core/jobs/follow.js';
import {createHubClient} from '../../src/core/hub/client.js';
import {useSandbox} from '../helpers/sandbox.js';

/** What the terminal would get: the lines as printed one after another. */
function printed(lines: string[]): string {
  return lines.join('\n');
}

describe('a job log with escape sequences split across writes', () => {
  const sb = useSandbox();

  it('reaches followJob as lines with no escape character, joined or not', async () => {
    const source = [
      'const w = (s) => process.stdout.write(s);',
      "w('red \\x1b[3'); setTimeout(() => { w('1mtext\\x1b[0m\\n');",
      "  w('clip \\x1b'); setTimeout(() => { w(']52;c;ZXZpbA==\\x07 end\\n');",
      "    w('tail \\x1b[2'); setTimeout(() => w('J\\n'), 150); }, 150); }, 150);",
    ].join('\n');
    const client = createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
    const job = await client.runJob('practice-user', {
      dockerImage: 'node:20-slim',
      command: ['node', '-e', source],
      flavor: 'cpu-basic',
    });
    const result = await followJob({
      hubUrl: sb.current.url,
      accessToken: sb.current.tokens.write,
      namespace: 'practice-user',
      jobId: job.id,
      pollMs: 200,
      maxMs: 20_000,
    });
    expect(result.stage).toBe('COMPLETED');
    const text = printed(result.lines);
    expect(text).not.toMatch(/[\x1b\x9b\x07]/);
    // Each split line arrived whole: the colour dropped, the rest visible as text.
    expect(result.lines).toContain('red text');
    expect(result.lines).toContain('clip ␛]52;c;ZXZpbA==␇ end');
    expect(result.lines).toContain('tail ␛[2J');
  });
});

describe('a hostile server cutting its log stream inside sequences', () => {
  let server: Server;
  let url = '';
  const event = (data: string) => `data: ${JSON.stringify({data, timestamp: new Date().toISOString()})}\n\n`;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.includes('/logs')) {
        res.writeHead(200, {'content-type': 'text/event-stream'});
        // One event cut inside its ESC[2J, an ESC closing one event and [2J opening the next, and U+009B (a C1 CSI,
        // two bytes in UTF-8) cut between its bytes.
        const first = Buffer.from(event('one \x1b[2J two'));
        const c1 = Buffer.from(event('c1 \u009b2J after'));
        const cut = c1.indexOf(0x9b);
        const parts = [
          first.subarray(0, first.indexOf(0x1b) + 2),
          first.subarray(first.indexOf(0x1b) + 2),
          Buffer.from(event('end \x1b')),
          Buffer.from(event('[2J start')),
          c1.subarray(0, cut),
          c1.subarray(cut),
        ];
        let i = 0;
        const next = () => {
          if (i < parts.length) {
            res.write(parts[i++]);
            setTimeout(next, 30);
          } else res.end();
        };
        next();
      } else if (req.url?.includes('/api/jobs/')) {
        res.writeHead(200, {'content-type': 'application/json'});
        res.end(JSON.stringify({id: 'abc', status: {stage: 'COMPLETED', message: null}}));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('gives lines with every ESC and C1 control made visible', async () => {
    const result = await followJob({
      hubUrl: url,
      accessToken: 'hf_FAKEsplitTOKENabcdefghijklmnopqrs',
      namespace: 'ns',
      jobId: 'abc',
      pollMs: 500,
      maxMs: 10_000,
    });
    const text = printed(result.lines);
    expect(text).not.toMatch(/[\x1b\x9b]/);
    expect(result.lines).toEqual(['one ␛[2J two', 'end ␛', '[2J start', 'c1 \\x9b2J after']);
  });
});
