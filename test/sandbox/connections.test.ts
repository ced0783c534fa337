// The sandbox bounds its open connections (src/sandbox/connections.ts): 400 sockets opened and left silent (or
// sending headers slowly) do not stop the sandbox from answering its own client, the open count stays at the bound,
// and a request in progress (a job's log stream) is not cut to make room. Before the bound, every socket was kept.
import {connect, type Socket} from 'node:net';
import {runJob, streamJobLogs} from '@huggingface/hub';
import {afterEach, describe, expect, it} from 'vitest';
import {createHubClient} from '../../src/core/hub/client.js';
import {MAX_CONNECTIONS} from '../../src/sandbox/connections.js';
import {NS, nodeJob, waitForStage} from '../jobs/helpers.js';
import {useSandbox} from '../helpers/sandbox.js';

const sb = useSandbox();
const opened: Socket[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.destroy();
});

/** Opens `n` sockets to the sandbox; each sends `first` (nothing by default). Resolves once all are connected or closed. */
async function flood(n: number, first = ''): Promise<Socket[]> {
  const {port, hostname} = new URL(sb.current.url);
  const mine: Socket[] = [];
  await Promise.all(
    Array.from(
      {length: n},
      () =>
        new Promise<void>((resolve) => {
          const s = connect(Number(port), hostname);
          s.on('error', () => undefined);
          s.once('connect', () => {
            if (first) s.write(first);
            resolve();
          });
          s.once('close', () => resolve());
          mine.push(s);
          opened.push(s);
        }),
    ),
  );
  // Let the server's side see every connection.
  await new Promise((r) => setTimeout(r, 300));
  return mine;
}

const stillOpen = (sockets: Socket[]) => sockets.filter((s) => !s.destroyed && s.readyState === 'open').length;

describe('the sandbox under a flood of connections', () => {
  it('400 silent sockets: the open count stays at the bound and the sandbox still answers its own client', async () => {
    const sockets = await flood(400);
    const t0 = Date.now();
    const who = await createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.write}).whoAmI();
    expect(who.name).toBe('practice-user');
    expect(Date.now() - t0).toBeLessThan(5000);
    // The server closed the oldest silent ones; at most the bound is left (our client's own took a place too).
    await new Promise((r) => setTimeout(r, 200));
    expect(stillOpen(sockets)).toBeLessThanOrEqual(MAX_CONNECTIONS);
    expect(stillOpen(sockets)).toBeGreaterThan(MAX_CONNECTIONS / 2);
  });

  it('400 sockets sending headers slowly (slowloris): the sandbox still answers at once', async () => {
    const host = sb.current.url.replace(/^http:\/\//, '');
    await flood(400, `GET /api/whoami-v2 HTTP/1.1\r\nHost: ${host}\r\nX-Slow: `);
    const t0 = Date.now();
    const who = await createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.read}).whoAmI();
    expect(who.name).toBe('practice-user');
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('a log stream in progress is not cut to make room for a flood', async () => {
    const hub = {hubUrl: sb.current.url, accessToken: sb.current.tokens.write};
    const job = await runJob({
      ...hub,
      namespace: NS,
      ...nodeJob('console.log("one"); setTimeout(() => console.log("two"), 1500)'),
    });
    await waitForStage(hub, job.id, ['RUNNING', 'COMPLETED']);
    const lines: string[] = [];
    for await (const e of streamJobLogs({...hub, namespace: NS, jobId: job.id})) {
      lines.push(e.message);
      if (e.message === 'one') await flood(2 * MAX_CONNECTIONS);
    }
    expect(lines).toContain('one');
    expect(lines).toContain('two');
  });
});
