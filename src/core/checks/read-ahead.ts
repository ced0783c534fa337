// check's reading thread: it opens and reads the files of the walk's list ahead of the main thread, into shared
// memory, so that on a machine with a second core the main thread only decodes and scans. On the bench tree (10,000
// files) open, read and close cost the main thread some 80 ms of its 375; grep pays them too, but check also scans.
//
// The protocol, over three SharedArrayBuffers:
// - control words: where the main thread is in the list (MAIN_AT), a stop flag, and whether the reader waits for room;
// - a state word a file, with the offset and length of its bytes: FREE, MAIN (the main thread reads it itself),
//   READING (the reader is at it), READY (its bytes are in the ring), READY_RELEVANT (the same, for an ASCII text the
//   reader found to hold a word a check reads: the main thread decodes it as such without looking again), READY_TOKEN
//   (the same, and it may hold a token in some form, mayHoldToken: the main thread looks for tokens), SKIP_TEXT /
//   SKIP_BINARY (an ASCII file the reader found to hold no such word, or binary: relevance.ts; the main thread only
//   counts it), LEFT (the reader did not take it: an error, a file as big as the reader's cap, or binary by its name;
//   the main thread reads it as it always did, and gets the same error or the whole file);
// - the ring: each file's bytes whole and contiguous, the space of files the main thread has passed reused;
// - a claim word a chunk of the list (SCAN_CHUNK files), when the reader also scans (job.shown given): the main thread
//   takes chunks from the front, the reader from the back, each with a compare-and-swap from FREE, until they meet.
// Both threads claim a file with a compare-and-swap from FREE. The main thread goes in list order; the reader starts
// at the main thread's position and keeps ahead of it. The main thread never waits: a file the reader has not
// finished it reads itself. The reader never waits on the main thread except for room in the ring, which the main
// thread frees by moving on; while it has no room it scans a chunk from the back instead (its parts of the model go
// back to the main thread when it is done).
import {closeSync, constants, openSync, readSync} from 'node:fs';
import {asciiVerdict, BINARY_EXT, extOf} from './relevance.js';

export const FREE = 0;
export const MAIN = 1;
export const READING = 2;
export const READY = 3;
export const LEFT = 4;
export const SKIP_TEXT = 5;
export const SKIP_BINARY = 6;
export const READY_RELEVANT = 7;
export const READY_TOKEN = 8;

/** Control words: the main thread's file, stop, the reader waits for room, the file past which to wake it, wake. */
const MAIN_AT = 0;
const STOP = 1;
const WAITING = 2;
const WAKE_AT = 3;
const WAKE = 4;
const CONTROL_WORDS = 5;

/** The most the reader reads of a file: one that fills it may be bigger, and is left to the main thread. */
export const READ_CAP = 256 * 1024;
/** The ring: files read ahead (about 1,000 files of 4 KB). */
export const RING_BYTES = 4 * 1024 * 1024;
/** The most of the ring decoded as one text (above ~1 MB Node makes it an external string, off the V8 heap). */
const RUN_BYTES = 2 * 1024 * 1024;
/** reader-only (a test mode): the longest the main thread waits for the reader on a file, twice, before reading it. */
const WAIT_MS = 2000;

/** What the main thread posts to the reader once the walk is done. */
export interface ReadAheadJob {
  paths: string[];
  /** The names shown for the files (to scan chunks from the back), or none: the reader only reads. */
  shown?: string[];
  /** Files a chunk. */
  chunk: number;
  control: SharedArrayBuffer;
  files: SharedArrayBuffer;
  claims: SharedArrayBuffer;
  ring: SharedArrayBuffer;
}

/** A chunk's claim: taken by the main thread or by the reader. */
const CLAIMED_MAIN = 1;
const CLAIMED_READER = 2;

/** The main thread's side: the shared memory, and the bytes of a file when the reader has read it. */
export class ReadAhead {
  readonly job: ReadAheadJob;
  private readonly control: Int32Array;
  private readonly state: Int32Array;
  private readonly n: number;
  /** The ring as a Buffer (decoded in place: no copy of a file's bytes). */
  readonly bytes: Buffer;

  /**
   * `ringBytes`: the ring's size, at least two caps (tests make it small, so that it wraps). `mainReads` false: the
   * main thread waits for the reader instead of reading a file itself when it gets there first (a test of the
   * reader's path, as HF_WIZARD_SCAN_DEBUG=workers-only is of the scan workers'); it still reads what the reader
   * leaves, and a file the reader has not answered for after two waits.
   */
  constructor(paths: string[], options: {ringBytes?: number; mainReads?: boolean; chunk: number; shown?: string[]}) {
    this.n = paths.length;
    this.mainReads = options.mainReads ?? true;
    this.job = {
      paths,
      shown: options.shown,
      chunk: options.chunk,
      control: new SharedArrayBuffer(CONTROL_WORDS * 4),
      files: new SharedArrayBuffer(3 * 4 * Math.max(1, paths.length)),
      claims: new SharedArrayBuffer(4 * Math.max(1, Math.ceil(paths.length / options.chunk))),
      ring: new SharedArrayBuffer(Math.max(2 * READ_CAP, options.ringBytes ?? RING_BYTES)),
    };
    this.control = new Int32Array(this.job.control);
    this.state = new Int32Array(this.job.files);
    this.claims = new Int32Array(this.job.claims);
    this.bytes = Buffer.from(this.job.ring);
    Atomics.store(this.control, MAIN_AT, -1);
  }

  private readonly mainReads: boolean;
  private readonly claims: Int32Array;

  /** Whether the reader scans chunks from the back too. */
  get scans(): boolean {
    return this.job.shown !== undefined;
  }

  /** Takes chunk `c` for the main thread; false when the reader has it (and so every chunk after it). */
  claimChunk(c: number): boolean {
    return Atomics.compareExchange(this.claims, c, FREE, CLAIMED_MAIN) === FREE;
  }

  /** The main thread is done: the reader stops reading for it (and ends once its chunk is scanned). */
  finish(): void {
    Atomics.store(this.control, MAIN_AT, this.n);
    Atomics.add(this.control, WAKE, 1);
    Atomics.notify(this.control, WAKE);
  }

  /** The decoded run of relevant texts the last text() came from: its text, where it starts in the ring, its last file. */
  private run = '';
  private runAt = 0;
  private runLast = -1;

  /**
   * The text of file `i` after take(i) gave READY_RELEVANT or READY_TOKEN: sliced from its run's one-byte text, the
   * run decoded once (readyRun) for the files after it too.
   */
  text(i: number): string {
    if (i > this.runLast) {
      this.runLast = this.readyRun(i, RUN_BYTES);
      this.runAt = this.from;
      this.run = this.bytes.toString('latin1', this.runAt, this.runEnd);
    }
    return this.run.slice(this.from - this.runAt, this.to - this.runAt);
  }

  /** Where the file last taken READY is in `bytes`: [from, to). */
  from = 0;
  to = 0;

  /**
   * What the reader made of file `i`: READY or READY_RELEVANT (its bytes are in `bytes`, from `from` to `to`),
   * SKIP_TEXT, SKIP_BINARY, or FREE when the main thread is to read it itself. Files must be taken in list order: taking file `i` gives the
   * ring space of every earlier file back to the reader.
   */
  take(i: number): number {
    Atomics.store(this.control, MAIN_AT, i);
    // The reader waits for room: woken once the main thread has passed enough files to give it a quarter of the
    // ring (not at every file: one futex call a file cost more than the reading saved).
    if (Atomics.load(this.control, WAITING) && i >= Atomics.load(this.control, WAKE_AT)) {
      Atomics.store(this.control, WAITING, 0);
      Atomics.add(this.control, WAKE, 1);
      Atomics.notify(this.control, WAKE);
    }
    let s = this.mainReads ? Atomics.compareExchange(this.state, i, FREE, MAIN) : Atomics.load(this.state, i);
    // The reader is at this very file: read it here rather than wait (on a busy machine the reader's thread may not
    // run again for milliseconds); what the reader reads is then not used.
    if ((s === FREE || s === READING) && this.mainReads) return FREE;
    for (let waits = 0; (s === FREE || s === READING) && waits < 2; waits++) {
      Atomics.wait(this.state, i, s, WAIT_MS);
      s = Atomics.load(this.state, i);
    }
    if (s === SKIP_TEXT || s === SKIP_BINARY) return s;
    if (s !== READY && s !== READY_RELEVANT && s !== READY_TOKEN) return FREE;
    this.from = this.state[this.n + i]!;
    this.to = this.from + this.state[2 * this.n + i]!;
    return s;
  }

  /** Where the run readyRun last found ends in `bytes`. */
  private runEnd = 0;

  /**
   * After take(i) gave READY or READY_RELEVANT: the last file of the run from `i` whose bytes the reader has put one
   * after the other in the ring (files it skipped or left hold no bytes there), at most `maxBytes` from `from`; where
   * the run ends is in `runEnd`. The main thread decodes such a run as one string and slices each file from it: no
   * copy per file on the V8 heap, and past ~1 MB Node makes the string external, outside it.
   */
  private readyRun(i: number, maxBytes: number): number {
    let end = this.to;
    let last = i;
    for (let k = i + 1; k < this.n && end - this.from < maxBytes; k++) {
      const s = Atomics.load(this.state, k);
      if (s === SKIP_TEXT || s === SKIP_BINARY || s === LEFT) continue;
      if (s !== READY && s !== READY_RELEVANT && s !== READY_TOKEN) break;
      const len = this.state[2 * this.n + k]!;
      if (len > 0) {
        const off = this.state[this.n + k]!;
        // The ring wrapped between the two: the run ends here.
        if (off !== end) break;
        end = off + len;
      }
      last = k;
    }
    this.runEnd = end;
    return last;
  }

  /** Tells the reader to stop (it returns at its next file or wait). */
  stop(): void {
    Atomics.store(this.control, STOP, 1);
    Atomics.add(this.control, WAKE, 1);
    Atomics.notify(this.control, WAKE);
  }
}

/** A chunk the reader scanned, with its number (the main thread merges parts in chunk order). */
export interface ReaderPart<P> {
  chunk: number;
  part: P;
}

/**
 * The reader's loop (dist/check/read-worker.cjs runs it in its own thread): reads files ahead of the main thread until
 * the list ends or it is told to stop; with `scanChunk` (and job.shown), when the ring has no room it scans a chunk
 * from the back of the list instead, and returns those chunks' parts.
 */
export function readAhead<P>(job: ReadAheadJob, scanChunk?: (chunk: number) => P): ReaderPart<P>[] {
  const control = new Int32Array(job.control);
  const files = new Int32Array(job.files);
  const claims = new Int32Array(job.claims);
  const ring = Buffer.from(job.ring);
  const n = job.paths.length;
  const parts: ReaderPart<P>[] = [];
  // The next chunk to take from the back, and the first file of the chunks taken (the main thread reads none of them).
  let back = scanChunk && job.shown ? claims.length - 1 : -1;
  let limit = n;
  /** Scans the next chunk from the back; false when the main thread has it (it has all the others then). */
  const scanOne = (): boolean => {
    if (back < 0 || Atomics.compareExchange(claims, back, FREE, CLAIMED_READER) !== FREE) {
      back = -1;
      return false;
    }
    limit = back * job.chunk;
    parts.push({chunk: back, part: scanChunk!(back)});
    back--;
    return true;
  };
  // Regions of the ring holding files the main thread has not passed yet, oldest first from `first`: file, start, end.
  let held: number[] = [];
  let first = 0;
  const flags = constants.O_RDONLY | constants.O_NONBLOCK;
  /** Where CAP contiguous bytes are free in the ring, or -1. */
  const room = (): number => {
    const at = Atomics.load(control, MAIN_AT);
    while (first < held.length && held[first]! < at) first += 3;
    if (first === held.length) {
      held = [];
      first = 0;
      return 0;
    }
    const tail = held[first + 1]!;
    const head = held[held.length - 1]!;
    if (head > tail) {
      if (ring.length - head >= READ_CAP) return head;
      return tail >= READ_CAP ? 0 : -1;
    }
    return tail - head >= READ_CAP ? head : -1;
  };
  for (let i = 0; ; i++) {
    if (Atomics.load(control, STOP)) break;
    const at = Atomics.load(control, MAIN_AT);
    // Files before the main thread's are read (it has claimed or skipped them); its own may still be free.
    if (i < at) i = at;
    // Nothing left to read for the main thread: scan from the back until the two meet.
    if (i >= limit) {
      while (scanOne()) if (Atomics.load(control, STOP)) break;
      break;
    }
    const path = job.paths[i]!;
    // A file the main thread does not read (binary by its name): it holds no bytes in the ring.
    if (BINARY_EXT.has(extOf(path))) {
      Atomics.compareExchange(files, i, FREE, LEFT);
      continue;
    }
    let off = room();
    // No room: scan a chunk from the back meanwhile, else wait for the main thread to move on.
    while (off < 0 && scanOne()) off = i < limit ? room() : -2;
    if (off === -2) {
      i--;
      continue;
    }
    while (off < 0) {
      // Wake when the main thread passes the file that frees a quarter of the ring (or the last one held).
      let k = first;
      while (k + 3 < held.length && held[k + 2]! - held[first + 1]! < ring.length / 4) k += 3;
      const wake = Atomics.load(control, WAKE);
      Atomics.store(control, WAKE_AT, held[k]! + 1);
      Atomics.store(control, WAITING, 1);
      // Room may have come between the look and the flag: look again before sleeping.
      off = room();
      if (off >= 0) break;
      Atomics.wait(control, WAKE, wake, 100);
      if (Atomics.load(control, STOP)) return parts;
      off = room();
    }
    Atomics.store(control, WAITING, 0);
    if (Atomics.compareExchange(files, i, FREE, READING) !== FREE) continue;
    let len = -1;
    try {
      const fd = openSync(path, flags);
      try {
        len = readSync(fd, ring, off, READ_CAP, 0);
      } finally {
        closeSync(fd);
      }
    } catch {
      len = -1;
    }
    if (len < 0 || len >= READ_CAP) {
      Atomics.store(files, i, LEFT);
    } else {
      // What an ASCII file is decided here, so that the main thread does not decode one that holds nothing.
      const verdict = asciiVerdict(ring, off, off + len);
      if (verdict === 'binary' || verdict === 'irrelevant')
        Atomics.store(files, i, verdict === 'binary' ? SKIP_BINARY : SKIP_TEXT);
      else {
        files[n + i] = off;
        files[2 * n + i] = len;
        if (len > 0) held.push(i, off, off + len);
        Atomics.store(files, i, verdict === 'relevant' ? READY_RELEVANT : verdict === 'token' ? READY_TOKEN : READY);
      }
    }
    Atomics.notify(files, i);
  }
  return parts;
}
