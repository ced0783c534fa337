// Scheduled jobs on a real sandbox: the Hub's routes and shapes (what huggingface_hub and `hf jobs scheduled` call),
// the cron parser, and the scheduler starting a job at its cron time.
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {startSandbox} from '../../src/sandbox/index.js';
import {CronError, nextRun, parseCron} from '../../src/sandbox/jobs/cron.js';
import {useSandbox} from '../helpers/sandbox.js';
import {NS, nodeJob, waitForStage} from '../jobs/helpers.js';

const at = (iso: string) => new Date(iso);
const next = (expr: string, from: string) => nextRun(parseCron(expr), at(from))?.toISOString();

describe('cron schedules', () => {
  it('finds the next time of the aliases and of five-field expressions, in UTC', () => {
    expect(next('@hourly', '2026-03-01T10:15:00Z')).toBe('2026-03-01T11:00:00.000Z');
    expect(next('@daily', '2026-03-01T10:15:00Z')).toBe('2026-03-02T00:00:00.000Z');
    expect(next('@weekly', '2026-03-04T10:15:00Z')).toBe('2026-03-08T00:00:00.000Z'); // a Sunday
    expect(next('@monthly', '2026-03-04T10:15:00Z')).toBe('2026-04-01T00:00:00.000Z');
    expect(next('@yearly', '2026-03-04T10:15:00Z')).toBe('2027-01-01T00:00:00.000Z');
    expect(next('0 9 * * 1', '2026-03-04T10:15:00Z')).toBe('2026-03-09T09:00:00.000Z'); // Monday 9:00
    expect(next('*/15 * * * *', '2026-03-04T10:15:00Z')).toBe('2026-03-04T10:30:00.000Z');
    expect(next('5,35 2-4 * * *', '2026-03-04T03:40:00Z')).toBe('2026-03-04T04:05:00.000Z');
    expect(next('0 0 31 * *', '2026-04-01T00:00:00Z')).toBe('2026-05-31T00:00:00.000Z'); // April has no 31st
    expect(next('0 0 29 2 *', '2026-03-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
  });

  it('fires when either restricted day field matches, and reads 7 as Sunday', () => {
    expect(next('0 0 13 * 5', '2026-03-01T00:00:00Z')).toBe('2026-03-06T00:00:00.000Z'); // a Friday before the 13th
    expect(next('0 0 * * 7', '2026-03-02T00:00:00Z')).toBe('2026-03-08T00:00:00.000Z');
  });

  it('takes a seconds field first when there are six fields', () => {
    expect(next('*/10 * * * * *', '2026-03-01T10:15:03Z')).toBe('2026-03-01T10:15:10.000Z');
  });

  it.each(['not a cron', '* * * *', '61 * * * *', '* * * 13 *', '@every5m', '*/0 * * * *', '', '5-1 * * * *'])(
    'refuses %j with a message that says what is accepted',
    (expr) => {
      expect(() => parseCron(expr)).toThrow(CronError);
    },
  );
});

describe('scheduled jobs routes and scheduler', () => {
  const sb = useSandbox();
  const hub = () => ({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
  const call = async (method: string, path: string, body?: unknown, token = sb.current.tokens.write) => {
    const res = await fetch(`${sb.current.url}${path}`, {
      method,
      headers: {Authorization: `Bearer ${token}`, 'Content-Type': 'application/json'},
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: res.status,
      body: (await res.json().catch(() => null)) as Record<string, unknown> & {error?: string},
    };
  };
  const spec = (source: string) => {
    const {dockerImage, command, flavor} = nodeJob(source);
    return {
      dockerImage,
      command,
      flavor,
      arguments: [],
      environment: {},
      secrets: {SECRET_A: 'hf_FAKEscheduledSECRETvalue0000'},
      labels: {team: 'a'},
    };
  };

  it('creates, lists, inspects, suspends, resumes, relabels, reschedules and deletes as the Hub answers', async () => {
    const created = await call('POST', `/api/scheduled-jobs/${NS}`, {
      jobSpec: spec('console.log(1)'),
      schedule: '@daily',
    });
    expect(created.status).toBe(200);
    const s = created.body as {
      id: string;
      type: string;
      schedule: string;
      suspend: boolean;
      concurrency: boolean;
      status: {lastJob: unknown; nextJobRunAt: string};
      owner: {name: string; avatarUrl: string};
      jobSpec: {secrets: string[]; timeout: number; labels: Record<string, string>};
    };
    expect(s).toMatchObject({
      type: 'scheduled-job',
      schedule: '@daily',
      suspend: false,
      concurrency: false,
      status: {lastJob: null},
      owner: {name: NS},
    });
    expect(s.id).toMatch(/^[0-9a-f]{24}$/);
    expect(Date.parse(s.status.nextJobRunAt)).toBeGreaterThan(Date.now());
    expect(s.jobSpec.secrets).toEqual(['SECRET_A']);
    expect(JSON.stringify(created.body)).not.toContain('hf_FAKEscheduled');

    const list = await call('GET', `/api/scheduled-jobs/${NS}`, undefined, sb.current.tokens.read);
    expect(list.status).toBe(200);
    expect((list.body as unknown as {id: string}[]).map((x) => x.id)).toContain(s.id);
    expect((await call('GET', `/api/scheduled-jobs/${NS}/${s.id}`, undefined, sb.current.tokens.read)).body.id).toBe(
      s.id,
    );

    expect((await call('POST', `/api/scheduled-jobs/${NS}/${s.id}/suspend`)).status).toBe(200);
    expect((await call('GET', `/api/scheduled-jobs/${NS}/${s.id}`)).body).toMatchObject({
      suspend: true,
      status: {nextJobRunAt: null},
    });
    expect((await call('POST', `/api/scheduled-jobs/${NS}/${s.id}/resume`)).body).toMatchObject({suspend: false});

    const relabeled = await call('PUT', `/api/scheduled-jobs/${NS}/${s.id}/labels`, {labels: {kind: 'nightly'}});
    expect((relabeled.body.jobSpec as {labels: unknown}).labels).toEqual({kind: 'nightly'});
    expect((await call('PUT', `/api/scheduled-jobs/${NS}/${s.id}/labels`, {labels: {'bad key': 'x'}})).status).toBe(
      400,
    );

    expect(
      (await call('POST', `/api/scheduled-jobs/${NS}/${s.id}/schedule`, {schedule: '0 9 * * 1'})).body,
    ).toMatchObject({schedule: '0 9 * * 1'});

    expect((await call('DELETE', `/api/scheduled-jobs/${NS}/${s.id}`)).status).toBe(200);
    expect((await call('GET', `/api/scheduled-jobs/${NS}/${s.id}`)).status).toBe(404);
  });

  it('refuses a bad schedule (400), a read token (403), a stranger (403) and no token (401)', async () => {
    const bad = await call('POST', `/api/scheduled-jobs/${NS}`, {jobSpec: spec('1'), schedule: 'every day'});
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/Invalid schedule "every day": use @hourly/);
    expect((await call('POST', `/api/scheduled-jobs/${NS}`, {schedule: '@daily'})).status).toBe(400);
    expect(
      (
        await call(
          'POST',
          `/api/scheduled-jobs/${NS}`,
          {jobSpec: spec('1'), schedule: '@daily'},
          sb.current.tokens.read,
        )
      ).status,
    ).toBe(403);
    expect((await call('GET', `/api/scheduled-jobs/practice-friend`)).status).toBe(403);
    expect((await fetch(`${sb.current.url}/api/scheduled-jobs/${NS}`)).status).toBe(401);
  });

  it('runs a job now on trigger, with the secrets it was created with, and records it as the last job', async () => {
    const s = (
      await call('POST', `/api/scheduled-jobs/${NS}`, {
        jobSpec: spec('console.log("secret length", process.env.SECRET_A.length)'),
        schedule: '@yearly',
      })
    ).body as {id: string};
    const run = await call('POST', `/api/scheduled-jobs/${NS}/${s.id}/run`);
    expect(run.status).toBe(200);
    const job = run.body as {id: string; type: string; labels: Record<string, string>};
    expect(job.type).toBe('job');
    expect(job.labels).toEqual({team: 'a'});
    expect((await waitForStage(hub(), job.id)).status.stage).toBe('COMPLETED');
    const log = await (
      await fetch(`${sb.current.url}/api/jobs/${NS}/${job.id}/logs`, {
        headers: {Authorization: `Bearer ${sb.current.tokens.write}`},
      })
    ).text();
    expect(log).toContain('secret length 31');
    expect(log).toContain(`run of scheduled job ${s.id}`);
    expect(
      ((await call('GET', `/api/scheduled-jobs/${NS}/${s.id}`)).body.status as {lastJob: {id: string}}).lastJob.id,
    ).toBe(job.id);
  });

  it('starts the job at its cron time while the sandbox runs, and not while suspended', async () => {
    // Every two seconds (six fields: seconds first).
    const s = (
      await call('POST', `/api/scheduled-jobs/${NS}`, {jobSpec: spec('console.log("tick")'), schedule: '*/2 * * * * *'})
    ).body as {id: string};
    const deadline = Date.now() + 8000;
    let last: {id: string} | null = null;
    while (!last && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 300));
      last = ((await call('GET', `/api/scheduled-jobs/${NS}/${s.id}`)).body.status as {lastJob: {id: string} | null})
        .lastJob;
    }
    expect(last).not.toBeNull();
    expect((await waitForStage(hub(), last!.id)).status.stage).toBe('COMPLETED');

    await call('POST', `/api/scheduled-jobs/${NS}/${s.id}/suspend`);
    await new Promise((r) => setTimeout(r, 1500));
    const before = ((await call('GET', `/api/scheduled-jobs/${NS}/${s.id}`)).body.status as {lastJob: {id: string}})
      .lastJob.id;
    await new Promise((r) => setTimeout(r, 3000));
    expect(
      ((await call('GET', `/api/scheduled-jobs/${NS}/${s.id}`)).body.status as {lastJob: {id: string}}).lastJob.id,
    ).toBe(before);
    await call('DELETE', `/api/scheduled-jobs/${NS}/${s.id}`);
  }, 30_000);

  it('skips a run while the previous one still runs (concurrency off, the default)', async () => {
    const s = (
      await call('POST', `/api/scheduled-jobs/${NS}`, {
        jobSpec: spec('setTimeout(() => {}, 5000)'),
        schedule: '* * * * * *',
      })
    ).body as {id: string};
    await new Promise((r) => setTimeout(r, 3500));
    await call('DELETE', `/api/scheduled-jobs/${NS}/${s.id}`);
    const jobs = (await (
      await fetch(`${sb.current.url}/api/jobs/${NS}`, {headers: {Authorization: `Bearer ${sb.current.tokens.write}`}})
    ).json()) as {command: string[]; status: {stage: string}}[];
    const runs = jobs.filter((j) => j.command.join(' ').includes('setTimeout(() => {}, 5000)'));
    expect(runs).toHaveLength(1);
  }, 20_000);
});

describe('scheduled jobs across a restart (--data)', () => {
  it('keeps them, without their secret values, and the next run says which secrets it lacks', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hfjw-scheduled-'));
    try {
      let sb = await startSandbox({dataDir, attach: false});
      const headers = () => ({Authorization: `Bearer ${sb.tokens.write}`, 'Content-Type': 'application/json'});
      const {dockerImage, command, flavor} = nodeJob('console.log("secret?", Boolean(process.env.SECRET_A))');
      const created = (await (
        await fetch(`${sb.url}/api/scheduled-jobs/${NS}`, {
          method: 'POST',
          headers: headers(),
          body: JSON.stringify({
            jobSpec: {dockerImage, command, flavor, secrets: {SECRET_A: 'hf_FAKEkeptINmemoryONLY0000'}},
            schedule: '@daily',
          }),
        })
      ).json()) as {id: string};
      await sb.close();
      sb = await startSandbox({dataDir, attach: false});
      try {
        const again = (await (
          await fetch(`${sb.url}/api/scheduled-jobs/${NS}/${created.id}`, {headers: headers()})
        ).json()) as {schedule: string; jobSpec: {secrets: string[]}};
        expect(again).toMatchObject({schedule: '@daily', jobSpec: {secrets: ['SECRET_A']}});
        const job = (await (
          await fetch(`${sb.url}/api/scheduled-jobs/${NS}/${created.id}/run`, {method: 'POST', headers: headers()})
        ).json()) as {id: string};
        await waitForStage({hubUrl: sb.url, accessToken: sb.tokens.write}, job.id);
        const log = await (await fetch(`${sb.url}/api/jobs/${NS}/${job.id}/logs`, {headers: headers()})).text();
        expect(log).toContain(
          `secrets SECRET_A of scheduled job ${created.id} are not known since the sandbox restarted`,
        );
        expect(log).toContain('secret? false');
      } finally {
        await sb.close();
      }
    } finally {
      await rm(dataDir, {recursive: true, force: true});
    }
  }, 30_000);
});
