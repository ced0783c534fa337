// Job metrics (GET /api/jobs/{ns}/{id}/metrics, what `hf jobs stats` reads): real CPU and memory of the job's
// process group, streamed as the Hub's `event: metric` SSE, on a real sandbox with a real job.
import {runJob} from '@huggingface/hub';
import {describe, expect, it} from 'vitest';
import {metricsEvent, parseProcStat, sampleProcessGroup} from '../../src/sandbox/jobs/metrics.js';
import {useSandbox} from '../helpers/sandbox.js';
import {NS, nodeJob, waitForStage} from '../jobs/helpers.js';

const linux = process.platform === 'linux';

/** Reads `count` metric events of the SSE stream (or until it ends), then aborts it. */
async function readMetrics(
  url: string,
  token: string,
  count: number,
): Promise<{status: number; events: Record<string, unknown>[]; ended: boolean}> {
  const controller = new AbortController();
  const res = await fetch(url, {headers: {Authorization: `Bearer ${token}`}, signal: controller.signal});
  const events: Record<string, unknown>[] = [];
  if (res.status !== 200) return {status: res.status, events, ended: true};
  const decoder = new TextDecoder();
  let buffer = '';
  let ended = true;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, {stream: true});
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      expect(block.split('\n')[0]).toBe('event: metric');
      events.push(JSON.parse(block.split('\n')[1]!.slice('data: '.length)) as Record<string, unknown>);
    }
    if (events.length >= count) {
      ended = false;
      break;
    }
  }
  if (!ended) controller.abort();
  return {status: res.status, events, ended};
}

describe('job metrics', () => {
  const sb = useSandbox();
  const hub = () => ({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});

  it('parses a /proc stat line whose command name holds spaces and parentheses', () => {
    const line =
      '4242 (my (odd) cmd) R 1 4240 4240 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 1 0 100 10000000 3000 18446744073709551615';
    expect(parseProcStat(line)).toEqual({pgrp: 4240, cpuTicks: 300, rssPages: 3000});
    expect(parseProcStat('garbage')).toBeUndefined();
  });

  it('computes the share of the flavor allocation used, with GPU and network said to be not emulated', () => {
    const event = metricsEvent(
      'cpu-basic',
      'abcde',
      {cpuSeconds: 1, rssBytes: 0, processes: 1},
      {cpuSeconds: 2, rssBytes: 5000, processes: 1},
      1,
    );
    expect(event).toMatchObject({
      cpu_usage_pct: 50,
      cpu_millicores: 2000,
      memory_used_bytes: 5000,
      memory_total_bytes: 16 * 1024 ** 3,
      rx_bps: 0,
      tx_bps: 0,
      gpus: {},
      replica: 'abcde',
    });
    expect(event.sandbox_note).toMatch(/GPU and network figures are not emulated/);
  });

  it.skipIf(!linux)('samples this process group from /proc', async () => {
    const sample = await sampleProcessGroup(
      Number((await import('node:fs')).readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')[2]),
    );
    expect(sample!.processes).toBeGreaterThan(0);
    expect(sample!.rssBytes).toBeGreaterThan(10 * 1024 * 1024);
  });

  it.skipIf(!linux)(
    'streams the real CPU and memory use of a running job, once a second, and 500 once it has finished',
    async () => {
      // Holds ~120 MB and keeps one core busy for 6 s.
      const job = await runJob({
        ...hub(),
        namespace: NS,
        ...nodeJob('const b = Buffer.alloc(120e6, 1); const t = Date.now(); while (Date.now() - t < 6000) b[0]++;'),
      });
      await waitForStage(hub(), job.id, ['RUNNING']);
      const started = Date.now();
      const {status, events} = await readMetrics(
        `${sb.current.url}/api/jobs/${NS}/${job.id}/metrics`,
        sb.current.tokens.read,
        3,
      );
      expect(status).toBe(200);
      expect(events).toHaveLength(3);
      expect(Date.now() - started).toBeGreaterThan(2500);
      const last = events.at(-1)!;
      expect(Object.keys(last).sort()).toEqual([
        'cpu_millicores',
        'cpu_usage_pct',
        'gpus',
        'memory_total_bytes',
        'memory_used_bytes',
        'replica',
        'rx_bps',
        'sandbox_note',
        'tx_bps',
      ]);
      // One busy core of a cpu-basic's two: about 50 % (a loaded machine gives less).
      expect(last.cpu_usage_pct).toBeGreaterThan(10);
      expect(last.cpu_usage_pct).toBeLessThanOrEqual(101);
      expect(last.memory_used_bytes).toBeGreaterThan(100e6);
      expect(last.gpus).toEqual({});

      await waitForStage(hub(), job.id, ['COMPLETED', 'ERROR'], 20_000);
      const after = await fetch(`${sb.current.url}/api/jobs/${NS}/${job.id}/metrics`, {
        headers: {Authorization: `Bearer ${sb.current.tokens.write}`},
      });
      expect(after.status).toBe(500);
      expect(((await after.json()) as {error: string}).error).toMatch(/has finished \(COMPLETED\)/);
    },
    40_000,
  );

  it.skipIf(!linux)(
    'ends the stream when the job ends',
    async () => {
      const job = await runJob({...hub(), namespace: NS, ...nodeJob('setTimeout(() => {}, 1500)')});
      await waitForStage(hub(), job.id, ['RUNNING']);
      const {events, ended} = await readMetrics(
        `${sb.current.url}/api/jobs/${NS}/${job.id}/metrics`,
        sb.current.tokens.write,
        100,
      );
      expect(ended).toBe(true);
      expect(events.length).toBeLessThan(5);
    },
    20_000,
  );

  it('refuses a stranger and answers 404 for an unknown job', async () => {
    const friend = await fetch(`${sb.current.url}/api/jobs/practice-friend/0123456789abcdef01234567/metrics`, {
      headers: {Authorization: `Bearer ${sb.current.tokens.write}`},
    });
    expect(friend.status).toBe(403);
    const unknown = await fetch(`${sb.current.url}/api/jobs/${NS}/0123456789abcdef01234567/metrics`, {
      headers: {Authorization: `Bearer ${sb.current.tokens.write}`},
    });
    expect(unknown.status).toBe(404);
  });
});
