// The streaming xorb verifier (src/sandbox/xet/verify.ts): whatever sizes the body arrives in (one byte at a time,
// headers and compressed chunks split across pieces, the whole xorb at once), it finds the same chunks, byte ranges
// and keyed-blake3 hashes as hashing each chunk's plain bytes directly; a body ending inside a chunk, a stored chunk
// whose lengths disagree and an empty body are refused.
import {randomBytes} from 'node:crypto';
import {createBLAKE3} from 'hash-wasm/dist/index.esm.js';
import {hashToHex} from '@huggingface/xetchunk-wasm';
import {describe, expect, it} from 'vitest';
import {XetFormatError} from '../../src/sandbox/xet/lz4.js';
import {SimdKeyedBlake3} from '../../src/sandbox/xet/blake3.js';
import {XorbVerifier} from '../../src/sandbox/xet/verify.js';

const DATA_KEY = new Uint8Array([
  102, 151, 245, 119, 91, 149, 80, 222, 49, 53, 203, 172, 165, 151, 24, 28, 157, 228, 33, 16, 155, 235, 43, 88, 180,
  208, 176, 75, 147, 173, 242, 41,
]);

const u24 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255];
const u32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255];
const chunk = (scheme: number, packed: Uint8Array, plainLength: number) =>
  new Uint8Array([0, ...u24(packed.length), scheme, ...u24(plainLength), ...packed]);

/** An LZ4 frame (no checksums) holding one block: the given LZ4 block bytes. */
const frame = (block: number[]) =>
  new Uint8Array([4, 34, 77, 24, 0x40, 0x40, 0, ...u32(block.length), ...block, 0, 0, 0, 0]);

/** A literals-only LZ4 block for up to 14 bytes or more (length extension bytes). */
function literalsBlock(bytes: Uint8Array): number[] {
  if (bytes.length < 15) return [bytes.length << 4, ...bytes];
  const ext: number[] = [];
  let rest = bytes.length - 15;
  while (rest >= 255) {
    ext.push(255);
    rest -= 255;
  }
  ext.push(rest);
  return [0xf0, ...ext, ...bytes];
}

/** Byte grouping by 4 (Xet scheme 2): the bytes at i%4 == 0, then 1, 2, 3. */
function group4(plain: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let g = 0; g < 4; g++) for (let i = g; i < plain.length; i += 4) out.push(plain[i]!);
  return new Uint8Array(out);
}

async function keyedHex(plain: Uint8Array): Promise<string> {
  const h = await createBLAKE3(256, DATA_KEY);
  h.init();
  h.update(plain);
  return hashToHex(h.digest('binary'));
}

describe('XorbVerifier', () => {
  const stored = new Uint8Array(randomBytes(1000));
  const text = new TextEncoder().encode('abc'.repeat(5) + 'hello');
  // "abc", then a 12-byte match at offset 3, then the literals "hello".
  const lz4 = frame([0x38, 97, 98, 99, 3, 0, 0x50, 104, 101, 108, 108, 111]);
  const grouped = new Uint8Array(randomBytes(301));
  // Long runs take the other copy paths: 40 literals (length extension), a 36-byte match at offset 40 (no overlap),
  // a 50-byte match at offset 1 (overlapping: repeats the last byte), then one literal.
  const long = new Uint8Array(randomBytes(40));
  const longPlain = new Uint8Array([...long, ...long.subarray(0, 36), ...new Array(50).fill(long[35]), 122]);
  const longFrame = frame([0xff, 25, ...long, 40, 0, 17, 0x0f, 1, 0, 31, 0x10, 122]);
  const parts = [
    chunk(0, stored, stored.length),
    chunk(1, lz4, text.length),
    chunk(2, frame(literalsBlock(group4(grouped))), grouped.length),
    chunk(1, longFrame, longPlain.length),
    chunk(0, new Uint8Array(0), 0),
  ];
  const xorb = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (xorb.set(p, at), at + p.length), 0);

  it('finds the same chunks, ranges and hashes whatever the piece sizes', async () => {
    const plains = [stored, text, grouped, longPlain, new Uint8Array(0)];
    let at = 0;
    const expected = [];
    for (const [i, plain] of plains.entries()) {
      expected.push({hash: await keyedHex(plain), start: at, end: at + parts[i]!.length, length: plain.length});
      at += parts[i]!.length;
    }
    // The expected hashes come from hash-wasm; the verifier hashes with the sandbox's own SIMD BLAKE3.
    const hasher = new SimdKeyedBlake3(DATA_KEY);
    for (const size of [1, 2, 3, 7, 8, 9, 13, 64, 1007, 1008, 1009, xorb.length]) {
      const verifier = new XorbVerifier(hasher);
      for (let i = 0; i < xorb.length; i += size) verifier.push(xorb.subarray(i, i + size));
      expect(verifier.finish(), `pieces of ${size} bytes`).toEqual(expected);
    }
  });

  it('refuses a body ending inside a header or a chunk, a stored chunk whose lengths differ, and no chunks', () => {
    const hasher = new SimdKeyedBlake3(DATA_KEY);
    for (const cut of [3, 8 + 500, parts[0]!.length + 4, xorb.length - parts[4]!.length - 1]) {
      const verifier = new XorbVerifier(hasher);
      verifier.push(xorb.subarray(0, cut));
      expect(() => verifier.finish(), `cut at ${cut}`).toThrow(/Xorb ends inside a chunk/);
    }
    expect(() => new XorbVerifier(hasher).push(new Uint8Array([0, 3, 0, 0, 0, 4, 0, 0, 1, 2, 3]))).toThrow(
      XetFormatError,
    );
    expect(() => new XorbVerifier(hasher).finish()).toThrow(/no chunks/);
    // A compressed chunk whose frame is garbage is refused, also when it arrives split.
    const bad = chunk(1, new Uint8Array(randomBytes(40)), 40);
    const verifier = new XorbVerifier(hasher);
    expect(() => {
      verifier.push(bad.subarray(0, 20));
      verifier.push(bad.subarray(20));
    }).toThrow(XetFormatError);
  });
});
