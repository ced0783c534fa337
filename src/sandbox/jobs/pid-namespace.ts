// Each job in a PID namespace of its own, where the kernel allows it: every process the job starts stays inside,
// whatever session, parent or environment it gives itself (setsid, a double fork, `env -i`), and when the namespace's
// first process (its "init") ends, the kernel kills all the others. The /proc search of proc-tree.ts stays on as well
// and is all there is where no namespace can be made (not Linux, no util-linux `unshare`, or unprivileged user
// namespaces turned off): there a process that clears its environment and leaves the job's tree between two scans
// escapes.
//
// The init is a plain shell that runs the job's command as its child and waits for it, so the command is not pid 1
// (pid 1 ignores the signals it installed no handler for, and would have to reap every orphan). The shell ignores the
// runner's SIGTERM (pid 1 again), the command gets it through the process group, and the runner's SIGKILL to the group
// kills `unshare`, whose --kill-child takes the init, and the kernel everything else. When the command ends the init
// exits with its status (128+n for a signal n, as a container reports it), which ends the rest at once.
//
// /proc: with a mount namespace of its own (`--mount-proc`) the job's /proc is its namespace's, so `ps` inside a job
// shows the job's processes only, not the machine's. And the job runs in a user namespace below the one that mounted
// that /proc (a second `unshare --map-root-user|--map-current-user --mount`): the mounts it inherits are locked, so it
// cannot unmount its /proc to see the machine's underneath, and it holds no capability outside its namespaces, so a
// job run as root can no longer `nsenter -t 1` (or setns) into the machine's namespaces. It still runs as the same uid.
// What stays possible (no container): the same files as the user (as root: files root owns, and those anyone may
// read or write; files of other users root could reach are owned by an unmapped uid inside and no longer overridable),
// the same network (it reaches the sandbox on 127.0.0.1), and kernel interfaces open to its uid. Each level is probed
// once and the job's log says which one holds: own /proc locked, own /proc, or the machine's /proc (PID namespace only).
//
// Other users: the user namespace maps the sandbox's own uid and gid only, and forbids setgroups (util-linux writes
// `deny`), so inside a job `su`, `sudo`, setgroups/initgroups, setuid or chown to another user, and apt's drop to
// `_apt` fail ("Operation not permitted", "Invalid argument"). Kept so, and said in the job's log: a practice job
// (a uv or Node script, a training loop) needs none of them, and mapping every uid (as root could, through
// newuidmap or by writing the maps itself) would give a root job back the override on other users' files above. A
// real job's container, which runs as its image's user, has them.

import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {which} from '../../core/which.js';

export type JobIsolation = {kind: 'pid-namespace'; prefix: string[]; proc: ProcView} | {kind: 'proc'; reason: string};

/** The job's /proc: its namespace's, under a user namespace that cannot unmount it; its namespace's; the machine's. */
export type ProcView = 'own-locked' | 'own' | 'host';

/** The init's script: the command (stdout and stderr on one pipe, as before) as its child, then its status. */
export const NAMESPACE_INIT = '"$@" 2>&1 & wait $!';

/** The `unshare` flags for this user: root needs no user namespace; anyone else maps their own uid and gid. */
export function unshareFlags(euid: number, mountProc = false): string[] {
  return [
    ...(euid === 0 ? [] : ['--map-current-user']),
    '--pid',
    '--fork',
    '--kill-child',
    ...(mountProc ? ['--mount-proc'] : []),
  ];
}

/** The second `unshare` (own-locked): a user namespace mapping the same uid, and a mount namespace in it. */
export function lockFlags(euid: number): string[] {
  return [euid === 0 ? '--map-root-user' : '--map-current-user', '--mount'];
}

/** The probe's check: the init is pid 1 and, for an own /proc, that /proc lists the namespace's one process only. */
const PROBE = (ownProc: boolean) =>
  `test "$$" = 1 || { echo "not pid 1"; exit 1; }${ownProc ? '; set -- /proc/[0-9]*; test "$#" -le 2 || { echo "/proc is the machine\'s"; exit 1; }' : ''}`;

/** Runs the prefix with the probe's script: undefined when it holds, else what went wrong. */
function tryPrefix(prefix: string[], ownProc: boolean): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      prefix[0]!,
      [...prefix.slice(1), '/bin/sh', '-c', PROBE(ownProc)],
      {timeout: 5000, env: {PATH: '/usr/bin:/bin'}},
      (error, stdout, stderr) => {
        if (!error) return resolve(undefined);
        const said = `${String(stderr)}${String(stdout)}`.trim().split('\n')[0];
        resolve(said || error.message.split('\n')[0] || 'unshare failed');
      },
    );
  });
}

async function probe(hostPath: string | undefined): Promise<JobIsolation> {
  if (process.platform !== 'linux' || !existsSync('/bin/sh') || !existsSync('/proc/self/stat'))
    return {kind: 'proc', reason: 'PID namespaces are a Linux feature'};
  const unshare = which('unshare', `${hostPath ?? ''}:/usr/bin:/bin`);
  if (!unshare) return {kind: 'proc', reason: 'no `unshare` (util-linux) on this machine'};
  const euid = process.geteuid?.() ?? 1;
  // The strongest this machine allows, then less.
  const levels: {proc: ProcView; prefix: string[]}[] = [
    {proc: 'own-locked', prefix: [unshare, ...unshareFlags(euid, true), unshare, ...lockFlags(euid)]},
    {proc: 'own', prefix: [unshare, ...unshareFlags(euid, true)]},
    {proc: 'host', prefix: [unshare, ...unshareFlags(euid)]},
  ];
  let failed = '';
  for (const level of levels) {
    const why = await tryPrefix(level.prefix, level.proc !== 'host');
    if (why === undefined)
      return {
        kind: 'pid-namespace',
        proc: level.proc,
        prefix: [...level.prefix, '/bin/sh', '-c', NAMESPACE_INIT, 'sh'],
      };
    failed = why;
  }
  return {kind: 'proc', reason: `\`unshare ${unshareFlags(euid).join(' ')}\` is not allowed here (${failed})`};
}

let probed: Promise<JobIsolation> | undefined;

/** What this machine allows, found once per process (a probe of a few milliseconds); `'proc'` asks for the fallback. */
export function jobIsolation(wanted: 'auto' | 'proc', hostPath: string | undefined): Promise<JobIsolation> {
  if (wanted === 'proc') return Promise.resolve({kind: 'proc', reason: 'asked for (jobIsolation: proc)'});
  return (probed ??= probe(hostPath));
}

/** The job's log line saying how its processes are kept together. */
export function isolationNote(isolation: JobIsolation): string {
  if (isolation.kind !== 'pid-namespace')
    return `[sandbox] the job's processes are found through /proc to be ended with it (no PID namespace: ${isolation.reason}).`;
  const proc = {
    'own-locked': " Its /proc shows only them, and it cannot enter the machine's namespaces.",
    own: ' Its /proc shows only them.',
    host: " Its /proc is the machine's (no mount namespace here): ps shows every process.",
  }[isolation.proc];
  const alone = isolation.prefix.some((flag) => flag.startsWith('--map-'))
    ? " It is its user alone: su, sudo, setgroups and chown to another user fail here (a real job's container allows them)."
    : '';
  return `[sandbox] the job's processes run in a PID namespace of their own: a cancel or a timeout ends every one of them.${proc}${alone}`;
}
