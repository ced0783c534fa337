// A job's log: append-only on disk in the SSE wire form (`data: {"data": ..., "timestamp": ...}\n\n` per line),
// so replaying it is a file copy. Only a bounded tail stays in memory; live subscribers get each chunk as written.
import {closeSync, openSync, writeSync} from 'node:fs';

export interface LogListener {
  chunk(text: string): void;
  end(): void;
}

const TAIL_LINES = 200;
/**
 * A job's own output kept on disk at most (the sandbox's lines are always written): a job printing in a loop wrote
 * 1 GB in 5 s, so 30 minutes of it (the default timeout) would fill the disk.
 */
export const MAX_OUTPUT_BYTES = 100 * 1024 * 1024;

/** One SSE event for a log line, exactly as the Hub sends it. */
export function sseEvent(line: string, timestamp: string): string {
  return `data: ${JSON.stringify({data: line, timestamp})}\n\n`;
}

export class JobLog {
  private fd: number | undefined;
  private size = 0;
  private readonly listeners = new Set<LogListener>();
  private readonly tailLines: string[] = [];
  finished = false;
  /** Set when the file could not be written (the log then only reaches live readers). */
  writeError: Error | undefined;

  /** Bytes of the job's own output written so far (appendOutput), and whether the rest is dropped. */
  private output = 0;
  private capped = false;

  constructor(
    readonly file: string,
    private readonly maxOutputBytes = MAX_OUTPUT_BYTES,
  ) {
    this.fd = openSync(file, 'a', 0o600);
  }

  /** Lines the job printed: written until maxOutputBytes, then one line saying the rest is not kept. */
  appendOutput(lines: readonly string[]): void {
    if (this.capped || lines.length === 0) return;
    let keep = 0;
    for (; keep < lines.length; keep++) {
      const bytes = Buffer.byteLength(lines[keep]!, 'utf8') + 1;
      if (this.output + bytes > this.maxOutputBytes) break;
      this.output += bytes;
    }
    if (keep === lines.length) return this.append(lines);
    this.capped = true;
    const max = this.maxOutputBytes;
    const size = max >= 1024 * 1024 ? `${Math.round(max / 1024 / 1024)} MB` : `${max} bytes`;
    this.append([
      ...lines.slice(0, keep),
      `[sandbox] the job's output passed ${size}: the rest of it is not kept (the job runs on until it ends).`,
    ]);
  }

  /** Bytes on disk: everything before this offset can be read back from the file. */
  get bytes(): number {
    return this.size;
  }

  /** The last lines written (bounded), for messages; the full log is the file. */
  tail(): readonly string[] {
    return this.tailLines;
  }

  append(lines: readonly string[], timestamp = new Date().toISOString()): void {
    if (this.fd === undefined || lines.length === 0) return;
    let text = '';
    for (const line of lines) text += sseEvent(line, timestamp);
    const buf = Buffer.from(text, 'utf8');
    if (!this.writeError) {
      try {
        let written = 0;
        while (written < buf.length) written += writeSync(this.fd, buf, written);
        this.size += buf.length;
      } catch (error) {
        // Disk full or gone: live readers still get every line; the file keeps what it had (never a crash).
        this.writeError = error as Error;
      }
    }
    const keep = lines.length > TAIL_LINES ? lines.slice(-TAIL_LINES) : lines;
    this.tailLines.push(...keep);
    if (this.tailLines.length > TAIL_LINES) this.tailLines.splice(0, this.tailLines.length - TAIL_LINES);
    for (const listener of this.listeners) listener.chunk(text);
  }

  /** Registers a live listener; returns the file offset it starts after (replay [0, offset) from disk first). */
  subscribe(listener: LogListener): {offset: number; unsubscribe(): void} {
    if (this.finished) {
      return {offset: this.size, unsubscribe() {}};
    }
    this.listeners.add(listener);
    return {offset: this.size, unsubscribe: () => this.listeners.delete(listener)};
  }

  close(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    const listeners = [...this.listeners];
    this.listeners.clear();
    for (const listener of listeners) listener.end();
  }
}

/** Splits a stream's text into lines, keeping an unfinished last line for the next chunk. */
export class LineSplitter {
  private carry = '';
  constructor(private readonly maxLine = 1024 * 1024) {}

  push(text: string): string[] {
    const parts = (this.carry + text).split('\n');
    this.carry = parts.pop() ?? '';
    if (this.carry.length > this.maxLine) {
      parts.push(this.carry);
      this.carry = '';
    }
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (p.endsWith('\r')) parts[i] = p.slice(0, -1);
    }
    return parts;
  }

  flush(): string[] {
    const rest = this.carry;
    this.carry = '';
    return rest ? [rest.endsWith('\r') ? rest.slice(0, -1) : rest] : [];
  }
}
