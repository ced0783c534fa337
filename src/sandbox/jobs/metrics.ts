// Job metrics as the Hub streams them (GET /api/jobs/{ns}/{id}/metrics, huggingface_hub fetch_job_metrics and
// `hf jobs stats`): one `event: metric` SSE event a second with cpu_usage_pct, cpu_millicores, memory_used_bytes,
// memory_total_bytes, rx_bps, tx_bps, gpus and replica. CPU and memory are measured for real from /proc, summed over
// the job's process group (the runner starts each job as a group leader). Not emulated, and said so in each event's
// `sandbox_note`: GPUs (always {}), network (jobs share this machine's network: 0), and /proc itself off Linux.
import {readdir, readFile} from 'node:fs/promises';
import {JOB_HARDWARE} from './hardware.js';

/** Linux reports CPU time in USER_HZ ticks (100 on every mainstream kernel) and RSS in pages. */
const TICKS_PER_SECOND = 100;
const PAGE_BYTES = 4096;

export interface ProcessGroupSample {
  /** CPU seconds (user + system) used so far by the live processes of the group. */
  cpuSeconds: number;
  rssBytes: number;
  processes: number;
}

/**
 * The fields of one /proc/<pid>/stat line after the command name (which may hold spaces and parentheses): element 0 is
 * field 3 (state) of proc(5). Undefined for a line with no command name.
 */
export function procStatFields(line: string): string[] | undefined {
  const close = line.lastIndexOf(')');
  if (close < 0) return undefined;
  return line
    .slice(close + 2)
    .trim()
    .split(/\s+/);
}

/** Parses one /proc/<pid>/stat line: the group, CPU ticks and resident pages. */
export function parseProcStat(line: string): {pgrp: number; cpuTicks: number; rssPages: number} | undefined {
  const fields = procStatFields(line);
  if (!fields) return undefined;
  // fields[0] is field 3 (state) of proc(5): pgrp is field 5, utime 14, stime 15, rss 24.
  const pgrp = Number(fields[2]);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const rss = Number(fields[21]);
  if (![pgrp, utime, stime, rss].every(Number.isFinite)) return undefined;
  return {pgrp, cpuTicks: utime + stime, rssPages: rss};
}

/** CPU time and resident memory of every process in process group `pgid`; undefined where /proc is missing. */
export async function sampleProcessGroup(pgid: number, proc = '/proc'): Promise<ProcessGroupSample | undefined> {
  let names: string[];
  try {
    names = await readdir(proc);
  } catch {
    return undefined;
  }
  let ticks = 0;
  let pages = 0;
  let processes = 0;
  await Promise.all(
    names
      .filter((n) => /^\d+$/.test(n))
      .map(async (pid) => {
        const stat = parseProcStat(await readFile(`${proc}/${pid}/stat`, 'utf8').catch(() => ''));
        if (!stat || stat.pgrp !== pgid) return;
        ticks += stat.cpuTicks;
        pages += stat.rssPages;
        processes += 1;
      }),
  );
  return {cpuSeconds: ticks / TICKS_PER_SECOND, rssBytes: pages * PAGE_BYTES, processes};
}

export interface JobMetrics {
  cpu_usage_pct: number;
  cpu_millicores: number;
  memory_used_bytes: number;
  memory_total_bytes: number;
  rx_bps: number;
  tx_bps: number;
  gpus: Record<string, {utilization: number; memory_used_bytes: number; memory_total_bytes: number}>;
  replica: string;
  sandbox_note: string;
}

const NOTE =
  'sandbox Hub: CPU and memory are measured from this machine (/proc); GPU and network figures are not emulated';
const NO_PROC =
  'sandbox Hub: this machine has no /proc, so CPU and memory are not measured; GPU and network figures are not emulated';

/** The flavor's allocation as the Hub reports it: millicores and memory bytes. */
export function flavorAllocation(flavor: string): {millicores: number; memoryBytes: number} {
  const hw = JOB_HARDWARE.find((h) => h.name === flavor) ?? JOB_HARDWARE.find((h) => h.name === 'cpu-basic')!;
  const vcpu = Number.parseFloat(hw.cpu) || 2;
  const gb = Number.parseFloat(hw.ram) || 16;
  return {millicores: Math.round(vcpu * 1000), memoryBytes: Math.round(gb * 1024 ** 3)};
}

/**
 * One metrics event from two samples `seconds` apart: cpu_usage_pct is the share of the flavor's allocated
 * millicores the group used over that interval (as on the Hub, where 100 means the whole allocation).
 */
export function metricsEvent(
  flavor: string,
  replica: string,
  before: ProcessGroupSample | undefined,
  after: ProcessGroupSample | undefined,
  seconds: number,
): JobMetrics {
  const {millicores, memoryBytes} = flavorAllocation(flavor);
  const usedCores = before && after && seconds > 0 ? Math.max(0, after.cpuSeconds - before.cpuSeconds) / seconds : 0;
  return {
    cpu_usage_pct: Math.round(((usedCores * 1000) / millicores) * 100 * 10) / 10,
    cpu_millicores: millicores,
    memory_used_bytes: after?.rssBytes ?? 0,
    memory_total_bytes: memoryBytes,
    rx_bps: 0,
    tx_bps: 0,
    gpus: {},
    replica,
    sandbox_note: after ? NOTE : NO_PROC,
  };
}
