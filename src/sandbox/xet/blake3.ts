// Keyed BLAKE3 of whole messages (Xet chunk hashes), four BLAKE3 chunks at a time with WebAssembly SIMD. The module
// is generated here at run time (a few KB of bytecode, no toolchain, no binary in the repo): one function, compress4,
// runs up to 16 block compressions for four independent lanes (i32x4: lane L holds word i of lane L's state), so the
// 1 KiB chunks of a message are hashed four abreast, then the parent nodes of the tree four abreast level by level.
// Written from the BLAKE3 specification (compression function, chunk and parent flags, keyed mode: the key replaces
// the IV as every node's starting chaining value and KEYED_HASH is set in every compression); tested against
// hash-wasm's keyed BLAKE3 on lengths around every block, chunk and tree boundary.
//
// Memory layout (bytes): PARAMS 0..63 (per lane: data pointer, chunk counter, block count, last block length; four
// i32 each), KEY 64..95, OUT 128..255, ZERO 256..1343 (zeros: where idle lanes read), then two chaining-value areas of
// MAX_CHUNKS * 32 bytes (one tree level is read from one and written to the other) and the message.

/** Longest message the hasher takes: a Xet chunk header's 24-bit length. */
export const MAX_MESSAGE = 16 * 1024 * 1024;

const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const MSG_PERMUTATION = [2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8];
const CHUNK_START = 1;
const CHUNK_END = 2;
const PARENT = 4;
const ROOT = 8;
const KEYED_HASH = 16;

const PARAMS = 0;
const KEY = 64;
const OUT = 128;
const ZERO = 256;
const MAX_CHUNKS = MAX_MESSAGE / 1024;
const CV_A = 2048;
const CV_B = CV_A + MAX_CHUNKS * 32;
const INPUT = CV_B + MAX_CHUNKS * 32;
const PAGE = 65536;

// --- WebAssembly bytecode ---------------------------------------------------------------------------------------

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(byte & 0x40)) || (n === -1 && byte & 0x40)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function name(s: string): number[] {
  return [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
}

/** Byte indices of an i8x16.shuffle picking 32-bit words (0-3 from the first operand, 4-7 from the second). */
function words(w: number[]): number[] {
  return w.flatMap((x) => [4 * x, 4 * x + 1, 4 * x + 2, 4 * x + 3]);
}

const I32 = 0x7f;
const V128 = 0x7b;

// compress4's locals. Parameters (i32): out, baseFlags, startFlag, endFlag, blocks. Then i32: the four lane
// pointers and the block index; v128: the state v, the message m, the chaining value cv, four temporaries, and the
// per-lane counter, block count, last block length, last-block mask and active mask.
const [P_OUT, P_BASE, P_START, P_END, P_BLOCKS] = [0, 1, 2, 3, 4];
const ptr = (l: number) => 5 + l;
const BLK = 9;
const v = (i: number) => 10 + i;
const m = (i: number) => 26 + i;
const cv = (i: number) => 42 + i;
const t = (i: number) => 50 + i;
const [CTR, NBV, LLV, LAST, ACTIVE] = [54, 55, 56, 57, 58];

/** A few WebAssembly instructions, appended to `code`. */
class Asm {
  readonly code: number[] = [];
  get = (i: number) => this.code.push(0x20, ...uleb(i));
  set = (i: number) => this.code.push(0x21, ...uleb(i));
  tee = (i: number) => this.code.push(0x22, ...uleb(i));
  i32 = (n: number) => this.code.push(0x41, ...sleb(n | 0));
  op = (...bytes: number[]) => this.code.push(...bytes);
  simd = (op: number, ...imm: number[]) => this.code.push(0xfd, ...uleb(op), ...imm);
  load128 = (offset: number) => this.simd(0x00, 4, ...uleb(offset));
  store128 = (offset: number) => this.simd(0x0b, 4, ...uleb(offset));
  loadI32 = (offset: number) => this.code.push(0x28, 2, ...uleb(offset));
  shuffle = (lanes: number[]) => this.simd(0x0d, ...lanes);
  splat = () => this.simd(0x11); // i32x4.splat
  add = () => this.simd(0xae); // i32x4.add
  xor = () => this.simd(0x51);
  or = () => this.simd(0x50);
  and = () => this.simd(0x4e);
  bitselect = () => this.simd(0x52);

  /** rows a0..a3 (locals) -> columns into the locals `to` (a 4x4 transpose of 32-bit words, through t0..t3). */
  transpose(a: number[], to: number[]): void {
    const steps: [number, number, number[], number][] = [
      [a[0]!, a[1]!, [0, 4, 1, 5], t(0)],
      [a[2]!, a[3]!, [0, 4, 1, 5], t(1)],
      [a[0]!, a[1]!, [2, 6, 3, 7], t(2)],
      [a[2]!, a[3]!, [2, 6, 3, 7], t(3)],
      [t(0), t(1), [0, 1, 4, 5], to[0]!],
      [t(0), t(1), [2, 3, 6, 7], to[1]!],
      [t(2), t(3), [0, 1, 4, 5], to[2]!],
      [t(2), t(3), [2, 3, 6, 7], to[3]!],
    ];
    for (const [x, y, w, dst] of steps) {
      this.get(x);
      this.get(y);
      this.shuffle(words(w));
      this.set(dst);
    }
  }

  /** The top of the stack rotated right by `n` bits in each lane (8 and 16: a byte shuffle; else shifts). */
  rotr(n: number): void {
    this.tee(t(0));
    if (n === 8 || n === 16) {
      const base = n === 16 ? [2, 3, 0, 1] : [1, 2, 3, 0];
      this.get(t(0));
      this.shuffle([0, 1, 2, 3].flatMap((w) => base.map((b) => 4 * w + b)));
      return;
    }
    this.i32(n);
    this.simd(0xad); // i32x4.shr_u
    this.get(t(0));
    this.i32(32 - n);
    this.simd(0xab); // i32x4.shl
    this.or();
  }

  /** BLAKE3's G on state words a, b, c, d with message words mx, my. */
  g(a: number, b: number, c: number, d: number, mx: number, my: number): void {
    for (const [msg, r1, r2] of [
      [mx, 16, 12],
      [my, 8, 7],
    ] as const) {
      this.get(v(a));
      this.get(v(b));
      this.add();
      this.get(m(msg));
      this.add();
      this.tee(v(a));
      this.get(v(d));
      this.xor();
      this.rotr(r1);
      this.tee(v(d));
      this.get(v(c));
      this.add();
      this.tee(v(c));
      this.get(v(b));
      this.xor();
      this.rotr(r2);
      this.set(v(b));
    }
  }
}

/** Lane pointers, counters, block counts and last lengths from PARAMS; cv = the key in every lane; block = 0. */
function emitPrologue(a: Asm): void {
  for (let l = 0; l < 4; l++) {
    a.i32(0);
    a.loadI32(PARAMS + 4 * l);
    a.set(ptr(l));
  }
  for (const [local, offset] of [
    [CTR, 16],
    [NBV, 32],
    [LLV, 48],
  ] as const) {
    a.i32(0);
    a.load128(PARAMS + offset);
    a.set(local);
  }
  for (let i = 0; i < 8; i++) {
    a.i32(0);
    a.loadI32(KEY + 4 * i);
    a.splat();
    a.set(cv(i));
  }
  a.i32(0);
  a.set(BLK);
}

/** One block for the four lanes: message words transposed into m, the state set up, seven rounds, cv updated. */
function emitBlock(a: Asm): void {
  for (let q = 0; q < 4; q++) {
    for (let l = 0; l < 4; l++) {
      a.get(ptr(l));
      a.load128(16 * q);
      a.set(v(l)); // v0..v3 as scratch rows: the state is set below
    }
    a.transpose([v(0), v(1), v(2), v(3)], [m(4 * q), m(4 * q + 1), m(4 * q + 2), m(4 * q + 3)]);
  }
  // ACTIVE: block < blocks (per lane); LAST: block + 1 == blocks.
  a.get(NBV);
  a.get(BLK);
  a.splat();
  a.simd(0x3b); // i32x4.gt_s
  a.set(ACTIVE);
  a.get(NBV);
  a.get(BLK);
  a.i32(1);
  a.op(0x6a); // i32.add
  a.splat();
  a.simd(0x37); // i32x4.eq
  a.set(LAST);
  // State: cv, IV[0..3], counter (low; high is 0), block length (64, or the last one's), flags.
  for (let i = 0; i < 8; i++) {
    a.get(cv(i));
    a.set(v(i));
  }
  for (let i = 0; i < 4; i++) {
    a.i32(IV[i]!);
    a.splat();
    a.set(v(8 + i));
  }
  a.get(CTR);
  a.set(v(12));
  a.simd(0x0c, ...new Array<number>(16).fill(0)); // v128.const 0
  a.set(v(13));
  a.get(LLV);
  a.i32(64);
  a.splat();
  a.get(LAST);
  a.bitselect();
  a.set(v(14));
  // flags = base | (block == 0 ? start : 0) | (last ? end : 0)
  a.get(P_BASE);
  a.i32(0);
  a.get(P_START);
  a.get(BLK);
  a.op(0x1b); // select: 0 when block != 0, else start
  a.op(0x72); // i32.or
  a.splat();
  a.get(P_END);
  a.splat();
  a.get(LAST);
  a.and();
  a.or();
  a.set(v(15));
  // Seven rounds, the message schedule applied at generation time.
  let order = [...Array(16).keys()];
  for (let round = 0; round < 7; round++) {
    const w = (i: number) => order[i]!;
    a.g(0, 4, 8, 12, w(0), w(1));
    a.g(1, 5, 9, 13, w(2), w(3));
    a.g(2, 6, 10, 14, w(4), w(5));
    a.g(3, 7, 11, 15, w(6), w(7));
    a.g(0, 5, 10, 15, w(8), w(9));
    a.g(1, 6, 11, 12, w(10), w(11));
    a.g(2, 7, 8, 13, w(12), w(13));
    a.g(3, 4, 9, 14, w(14), w(15));
    order = MSG_PERMUTATION.map((p) => order[p]!);
  }
  // cv = v[0..7] ^ v[8..15] in the active lanes.
  for (let i = 0; i < 8; i++) {
    a.get(v(i));
    a.get(v(i + 8));
    a.xor();
    a.get(cv(i));
    a.get(ACTIVE);
    a.bitselect();
    a.set(cv(i));
  }
}

/** compress4(out, baseFlags, startFlag, endFlag, blocks): see the header. */
function compress4Body(): number[] {
  const a = new Asm();
  emitPrologue(a);
  a.op(0x03, 0x40); // loop
  emitBlock(a);
  for (let l = 0; l < 4; l++) {
    a.get(ptr(l));
    a.i32(64);
    a.op(0x6a);
    a.set(ptr(l));
  }
  a.get(BLK);
  a.i32(1);
  a.op(0x6a);
  a.tee(BLK);
  a.get(P_BLOCKS);
  a.op(0x48); // i32.lt_s
  a.op(0x0d, 0); // br_if 0 (loop)
  a.op(0x0b); // end loop
  // Store: lane l's eight words at out + 32 l.
  a.transpose([cv(0), cv(1), cv(2), cv(3)], [v(0), v(1), v(2), v(3)]);
  a.transpose([cv(4), cv(5), cv(6), cv(7)], [v(4), v(5), v(6), v(7)]);
  for (let l = 0; l < 4; l++) {
    a.get(P_OUT);
    a.get(v(l));
    a.store128(32 * l);
    a.get(P_OUT);
    a.get(v(4 + l));
    a.store128(32 * l + 16);
  }
  a.op(0x0b); // end function
  const locals = [
    [5, I32],
    [49, V128],
  ].map(([n, type]) => [...uleb(n!), type!]);
  const body = [...vec(locals), ...a.code];
  return [...uleb(body.length), ...body];
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const type = [0x60, ...vec([[I32], [I32], [I32], [I32], [I32]]), 0];
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([type])),
    ...section(3, vec([[0]])),
    ...section(5, vec([[0x00, ...uleb(Math.ceil((INPUT + 128 * 1024 + 2048) / PAGE))]])),
    ...section(
      7,
      vec([
        [...name('memory'), 0x02, 0],
        [...name('compress4'), 0x00, 0],
      ]),
    ),
    ...section(10, [1, ...compress4Body()]),
  ];
  return new Uint8Array(bytes);
}

// --- The hasher --------------------------------------------------------------------------------------------------

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly SIMD is missing (then callers use another BLAKE3). */
function simdModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      const bytes = moduleBytes();
      compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

export function simdBlake3Available(): boolean {
  return simdModule() !== null;
}

/**
 * Keyed BLAKE3-256 of one message at a time: init(), update() the pieces (copied into the module's memory), digest().
 * Memory: the message itself plus 1 MiB of tree space; messages up to MAX_MESSAGE bytes.
 */
export class SimdKeyedBlake3 {
  private readonly memory: WebAssembly.Memory;
  private readonly compress4: (out: number, base: number, start: number, end: number, blocks: number) => void;
  private bytes: Uint8Array;
  private params: Int32Array;
  private length = 0;

  constructor(key: Uint8Array) {
    if (key.length !== 32) throw new Error('BLAKE3 key must be 32 bytes');
    const module = simdModule();
    if (!module) throw new Error('WebAssembly SIMD is not available');
    const instance = new WebAssembly.Instance(module);
    this.memory = instance.exports.memory as WebAssembly.Memory;
    this.compress4 = instance.exports.compress4 as SimdKeyedBlake3['compress4'];
    this.bytes = new Uint8Array(this.memory.buffer);
    this.params = new Int32Array(this.memory.buffer, PARAMS, 16);
    this.bytes.set(key, KEY);
  }

  init(): void {
    this.length = 0;
  }

  update(data: Uint8Array): void {
    const end = this.length + data.length;
    if (end > MAX_MESSAGE) throw new RangeError(`BLAKE3 message longer than ${MAX_MESSAGE} bytes`);
    this.reserve(end);
    this.bytes.set(data, INPUT + this.length);
    this.length = end;
  }

  /** The 32-byte hash. A view into the module's memory: valid until the next call on this hasher. */
  digest(): Uint8Array {
    const len = this.length;
    // Lanes read whole blocks (up to 1 KiB past a short last chunk): zero the last block's tail, keep room after it.
    this.reserve(len + 1024 + 64);
    this.bytes.fill(0, INPUT + len, INPUT + len + 64);
    const chunks = Math.max(1, Math.ceil(len / 1024));
    if (chunks === 1) {
      const blocks = this.lanes([INPUT], [0], len);
      this.compress4(OUT, KEYED_HASH, CHUNK_START, CHUNK_END | ROOT, blocks);
      return this.bytes.subarray(OUT, OUT + 32);
    }
    for (let first = 0; first < chunks; first += 4) {
      const n = Math.min(4, chunks - first);
      const ptrs: number[] = [];
      const counters: number[] = [];
      for (let l = 0; l < n; l++) {
        ptrs.push(INPUT + 1024 * (first + l));
        counters.push(first + l);
      }
      const blocks = this.lanes(ptrs, counters, len);
      this.compress4(CV_A + 32 * first, KEYED_HASH, CHUNK_START, CHUNK_END, blocks);
    }
    let from = CV_A;
    let to = CV_B;
    let nodes = chunks;
    while (nodes > 2) {
      const pairs = nodes >> 1;
      for (let first = 0; first < pairs; first += 4) {
        const n = Math.min(4, pairs - first);
        for (let l = 0; l < 4; l++) {
          this.params[l] = l < n ? from + 64 * (first + l) : ZERO;
          this.params[4 + l] = 0;
          this.params[8 + l] = l < n ? 1 : 0;
          this.params[12 + l] = 64;
        }
        this.compress4(to + 32 * first, KEYED_HASH | PARENT, 0, 0, 1);
      }
      if (nodes & 1) this.bytes.copyWithin(to + 32 * pairs, from + 32 * (nodes - 1), from + 32 * nodes);
      nodes = pairs + (nodes & 1);
      [from, to] = [to, from];
    }
    for (let l = 0; l < 4; l++) {
      this.params[l] = l === 0 ? from : ZERO;
      this.params[4 + l] = 0;
      this.params[8 + l] = l === 0 ? 1 : 0;
      this.params[12 + l] = 64;
    }
    this.compress4(OUT, KEYED_HASH | PARENT | ROOT, 0, 0, 1);
    return this.bytes.subarray(OUT, OUT + 32);
  }

  /** Sets PARAMS for chunk lanes (idle lanes read zeros); answers the most blocks any lane has. */
  private lanes(ptrs: number[], counters: number[], len: number): number {
    let most = 0;
    for (let l = 0; l < 4; l++) {
      if (l >= ptrs.length) {
        this.params[l] = ZERO;
        this.params[4 + l] = 0;
        this.params[8 + l] = 0;
        this.params[12 + l] = 64;
        continue;
      }
      const bytes = Math.min(1024, len - (ptrs[l]! - INPUT));
      const blocks = Math.max(1, Math.ceil(bytes / 64));
      this.params[l] = ptrs[l]!;
      this.params[4 + l] = counters[l]!;
      this.params[8 + l] = blocks;
      this.params[12 + l] = bytes - 64 * (blocks - 1);
      most = Math.max(most, blocks);
    }
    return most;
  }

  private reserve(bytes: number): void {
    const need = INPUT + bytes;
    if (need <= this.memory.buffer.byteLength) return;
    this.memory.grow(Math.ceil((need - this.memory.buffer.byteLength) / PAGE));
    this.bytes = new Uint8Array(this.memory.buffer);
    this.params = new Int32Array(this.memory.buffer, PARAMS, 16);
  }
}
