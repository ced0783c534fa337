// Finding every process of a job, to kill them all. Each job starts as the leader of its own process group and
// session, and was killed by signalling the group: a job that ran `setsid cmd &` (or a daemon that double-forks)
// left a process in another group, outside the kill, running on after a cancel or a timeout. Without cgroups or root,
// a job's processes are found on Linux by reading /proc:
//   - its group and session (the leader's pid),
//   - a mark in the environment (HF_SANDBOX_JOB=<this job's own random value>), which children inherit whatever
//     group, session or parent they move to,
//   - descendants of any process already known to be the job's (parent chains), seen by a scan every second while
//     the job runs and at each kill, remembered with their start time (a reused pid is not the same process).
// What remains: a process that clears its environment AND leaves the job's tree (setsid + double fork) within the
// second between two scans escapes, unless the job runs in a PID namespace of its own (pid-namespace.ts: the default
// wherever the kernel allows it; this search then runs too). Elsewhere than Linux, only the group is signalled.
import {readdirSync, readFileSync} from 'node:fs';
import {procStatFields} from './metrics.js';

export const JOB_MARK_NAME = 'HF_SANDBOX_JOB';

interface ProcInfo {
  pid: number;
  /** Z: a zombie (dead, waiting for its parent to read its status): nothing to kill. */
  state: string;
  ppid: number;
  pgrp: number;
  session: number;
  start: string;
}

/** One /proc/<pid>/stat line: parent, group, session and start time (the command name may hold spaces and parentheses). */
export function parseStatLine(line: string): Omit<ProcInfo, 'pid'> | undefined {
  const fields = procStatFields(line);
  if (!fields) return undefined;
  // fields[0] is field 3 (state) of proc(5): ppid 4, pgrp 5, session 6, starttime 22.
  const [ppid, pgrp, session] = [Number(fields[1]), Number(fields[2]), Number(fields[3])];
  const start = fields[19];
  if (![ppid, pgrp, session].every(Number.isInteger) || !start) return undefined;
  return {state: fields[0] ?? '', ppid, pgrp, session, start};
}

function readProcs(proc: string): ProcInfo[] {
  let names: string[];
  try {
    names = readdirSync(proc);
  } catch {
    return [];
  }
  const out: ProcInfo[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let line: string;
    try {
      line = readFileSync(`${proc}/${name}/stat`, 'utf8');
    } catch {
      continue; // gone, or not ours to read
    }
    const info = parseStatLine(line);
    if (info) out.push({pid: Number(name), ...info});
  }
  return out;
}

function hasMark(proc: string, pid: number, mark: string): boolean {
  try {
    return `\0${readFileSync(`${proc}/${pid}/environ`, 'latin1')}\0`.includes(`\0${mark}\0`);
  } catch {
    return false; // gone, or another user's
  }
}

/** The processes of one job: its group leader's pid and its environment mark. */
export class JobProcesses {
  /** pid -> start time of the processes known to be the job's. */
  private readonly known = new Map<number, string>();
  private timer: NodeJS.Timeout | undefined;
  readonly mark: string;

  constructor(
    readonly markValue: string,
    private readonly proc = '/proc',
  ) {
    this.mark = `${JOB_MARK_NAME}=${markValue}`;
  }

  /** Starts watching the job whose leader is `leader` (a scan a second, stopped by stopWatching). */
  watch(leader: number): void {
    this.leader = leader;
    try {
      this.leaderStart = parseStatLine(readFileSync(`${this.proc}/${leader}/stat`, 'utf8'))?.start ?? '';
    } catch {
      this.leaderStart = '';
    }
    this.scan(false);
    // Parent chains only (cheap: one stat file a process); the environments are read at a kill.
    this.timer = setInterval(() => this.scan(false), 1000);
    this.timer.unref();
  }

  stopWatching(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private leader = 0;
  /** The leader's start time: its group and session count only while it is there (its pid is not reused until then). */
  private leaderStart = '';

  /** Every live process that is the job's now (see the header; `marks`: read environments too); remembers them. */
  scan(marks = true): number[] {
    const procs = readProcs(this.proc);
    if (!procs.length) return [];
    const byPid = new Map(procs.map((p) => [p.pid, p]));
    const mine = new Set<number>();
    const isKnown = (p: ProcInfo) => this.known.get(p.pid) === p.start;
    const leader = this.leader && byPid.get(this.leader)?.start === this.leaderStart ? this.leader : 0;
    for (const p of procs) {
      if (p.pid === process.pid) continue;
      if (
        isKnown(p) ||
        (leader && (p.pgrp === leader || p.session === leader || p.pid === leader)) ||
        (marks && hasMark(this.proc, p.pid, this.mark))
      )
        mine.add(p.pid);
    }
    // Descendants of what is the job's (a parent chain ends at pid 1 or at a process not in the list).
    for (const p of procs) {
      if (mine.has(p.pid)) continue;
      const seen = new Set<number>();
      for (let q = byPid.get(p.ppid); q && !seen.has(q.pid) && q.pid > 1; q = byPid.get(q.ppid)) {
        seen.add(q.pid);
        if (mine.has(q.pid)) {
          mine.add(p.pid);
          break;
        }
      }
    }
    mine.delete(process.pid);
    for (const pid of mine) if (byPid.get(pid)!.state === 'Z') mine.delete(pid);
    // Known processes not found again are gone (or were reused: their start time differs).
    this.known.clear();
    for (const pid of mine) this.known.set(pid, byPid.get(pid)!.start);
    return [...mine];
  }

  /**
   * Signals every process of the job: its group, then each one found. With SIGKILL, again until none is left (a
   * process forking while it is killed), at most 10 rounds.
   */
  signalAll(signal: NodeJS.Signals): void {
    const send = (pid: number) => {
      try {
        process.kill(pid, signal);
      } catch {
        // already gone
      }
    };
    if (this.leader) {
      try {
        process.kill(-this.leader, signal);
      } catch {
        // no such group any more
      }
    }
    for (let round = 0; round < (signal === 'SIGKILL' ? 10 : 1); round++) {
      const found = this.scan();
      if (!found.length) break;
      for (const pid of found) send(pid);
    }
  }
}
