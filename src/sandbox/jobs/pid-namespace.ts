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
// No mount namespace (the job sees the same files and /proc), no network namespace (it reaches the sandbox on
// 127.0.0.1), and a user namespace only when not root, mapping the user to itself (the job runs as the same uid).
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {which} from '../../core/which.js';

export type JobIsolation = {kind: 'pid-namespace'; prefix: string[]} | {kind: 'proc'; reason: string};

/** The init's script: the command (stdout and stderr on one pipe, as before) as its child, then its status. */
export const NAMESPACE_INIT = '"$@" 2>&1 & wait $!';

/** The `unshare` flags for this user: root needs no user namespace; anyone else maps their own uid and gid. */
export function unshareFlags(euid: number): string[] {
  return [...(euid === 0 ? [] : ['--map-current-user']), '--pid', '--fork', '--kill-child'];
}

/** Runs `unshare FLAGS /bin/sh -c 'test $$ = 1'`: whether a job's init really is pid 1 of a namespace of its own. */
function tryUnshare(unshare: string, flags: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      unshare,
      [...flags, '/bin/sh', '-c', 'test "$$" = 1 || { echo "not pid 1"; exit 1; }'],
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
  const flags = unshareFlags(process.geteuid?.() ?? 1);
  const failed = await tryUnshare(unshare, flags);
  if (failed) return {kind: 'proc', reason: `\`unshare ${flags.join(' ')}\` is not allowed here (${failed})`};
  return {kind: 'pid-namespace', prefix: [unshare, ...flags, '/bin/sh', '-c', NAMESPACE_INIT, 'sh']};
}

let probed: Promise<JobIsolation> | undefined;

/** What this machine allows, found once per process (a probe of a few milliseconds); `'proc'` asks for the fallback. */
export function jobIsolation(wanted: 'auto' | 'proc', hostPath: string | undefined): Promise<JobIsolation> {
  if (wanted === 'proc') return Promise.resolve({kind: 'proc', reason: 'asked for (jobIsolation: proc)'});
  return (probed ??= probe(hostPath));
}

/** The job's log line saying how its processes are kept together. */
export function isolationNote(isolation: JobIsolation): string {
  return isolation.kind === 'pid-namespace'
    ? "[sandbox] the job's processes run in a PID namespace of their own: a cancel or a timeout ends every one of them."
    : `[sandbox] the job's processes are found through /proc to be ended with it (no PID namespace: ${isolation.reason}).`;
}
