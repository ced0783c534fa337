// What a job sees of the machine through /proc. With a mount namespace of its own a job's /proc lists its own
// processes only (`ps` inside shows the job, not the machine), and below a user namespace of its own it can neither
// unmount that /proc to see the machine's nor `nsenter` into the machine's namespaces, even when it runs as root
// (src/sandbox/jobs/pid-namespace.ts). Before: a job's /proc was the machine's and a root job could nsenter -t 1.
import {runJob} from '@huggingface/hub';
import {existsSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {jobIsolation} from '../../src/sandbox/jobs/pid-namespace.js';
import {useSandbox} from '../helpers/sandbox.js';
import {collectLogs, NS, nodeJob, waitForStage} from './helpers.js';

const linux = process.platform === 'linux' && existsSync('/proc/self/stat');
const isolation = linux ? await jobIsolation('auto', process.env.PATH) : undefined;
const namespaces = isolation?.kind === 'pid-namespace';
const view = namespaces ? (isolation as {proc?: string}).proc : undefined;
/** In a user namespace of its own (any user but root, and root's own-locked /proc): its own uid and gid only. */
const alone = namespaces && (isolation as {prefix: string[]}).prefix.some((flag) => flag.startsWith('--map-'));

const LOOK = [
  "const fs = require('node:fs');",
  "const {spawnSync} = require('node:child_process');",
  "const pids = () => fs.readdirSync('/proc').filter((n) => /^\\d+$/.test(n));",
  `console.log('sees', pids().length, pids().includes('${process.pid}') ? 'the host test' : 'not the host test');`,
  "const u = spawnSync('umount', ['/proc'], {encoding: 'utf8'});",
  "console.log('after umount sees', pids().length);",
  "const n = spawnSync('nsenter', ['-t', '1', '-m', '-p', '-n', '/bin/true'], {encoding: 'utf8'});",
  "console.log('nsenter', n.status === 0 ? 'entered' : 'refused');",
].join('\n');

describe.skipIf(!namespaces || view === 'host')(`a job's /proc (${view ?? 'no mount namespace'})`, () => {
  const sb = useSandbox();
  const hub = () => ({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});

  it("lists the job's processes only; unmounting it and nsenter into the machine's namespaces fail", async () => {
    const job = await runJob({...hub(), namespace: NS, ...nodeJob(LOOK)});
    expect((await waitForStage(hub(), job.id)).status.stage).toBe('COMPLETED');
    const lines = await collectLogs(hub(), job.id);
    const sees = lines.find((l) => l.startsWith('sees '))!;
    expect(Number(sees.split(' ')[1])).toBeLessThanOrEqual(4);
    expect(sees).toContain('not the host test');
    expect(lines.find((l) => l.startsWith('nsenter'))).toBe('nsenter refused');
    if (view === 'own-locked') {
      expect(Number(lines.find((l) => l.startsWith('after umount sees '))!.split(' ')[3])).toBeLessThanOrEqual(4);
      expect(lines.some((l) => l.includes("cannot enter the machine's namespaces"))).toBe(true);
    }
  });

  it.skipIf(!alone)(
    'runs as its user alone: setgroups, setgid to another group and su fail, and its log says so',
    async () => {
      const ALONE = [
        "const {spawnSync} = require('node:child_process');",
        "const tryIt = (name, f) => { try { f(); console.log(name, 'allowed'); } catch (e) { console.log(name, 'refused', e.code); } };",
        "tryIt('setgroups', () => process.setgroups([process.getgid()]));",
        "tryIt('setgid', () => process.setgid(process.getgid() === 65534 ? 65533 : 65534));",
        "const su = spawnSync('su', ['nobody', '-s', '/bin/sh', '-c', 'true'], {encoding: 'utf8'});",
        "console.log('su', su.error ? 'missing' : su.status === 0 ? 'allowed' : 'refused');",
      ].join('\n');
      const job = await runJob({...hub(), namespace: NS, ...nodeJob(ALONE)});
      expect((await waitForStage(hub(), job.id)).status.stage).toBe('COMPLETED');
      const lines = await collectLogs(hub(), job.id);
      expect(lines.find((l) => l.startsWith('setgroups '))).toMatch(/^setgroups refused/);
      expect(lines.find((l) => l.startsWith('setgid '))).toMatch(/^setgid refused/);
      expect(lines.find((l) => l.startsWith('su '))).not.toBe('su allowed');
      expect(lines.some((l) => l.includes('It is its user alone: su, sudo, setgroups'))).toBe(true);
    },
  );
});
