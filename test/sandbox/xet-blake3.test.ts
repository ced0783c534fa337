// The sandbox's SIMD keyed BLAKE3 (src/sandbox/xet/blake3.ts), which hashes every chunk of an uploaded xorb: the
// BLAKE3 team's published keyed-hash test vectors (test_vectors/test_vectors.json of the BLAKE3 repository: key
// "whats the Elvish word for friend", input bytes i % 251, first 32 bytes of each keyed_hash), and agreement with
// hash-wasm's keyed BLAKE3 on lengths around every block, chunk, four-chunk group and tree boundary, whatever the
// pieces the message arrives in, and on a hasher reused across messages of shrinking and growing sizes.
import {randomBytes} from 'node:crypto';
import {createBLAKE3} from 'hash-wasm/dist/index.esm.js';
import {describe, expect, it} from 'vitest';
import {MAX_MESSAGE, SimdKeyedBlake3, simdBlake3Available} from '../../src/sandbox/xet/blake3.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

const VECTOR_KEY = new TextEncoder().encode('whats the Elvish word for friend');
const VECTORS: [number, string][] = [
  [0, '92b2b75604ed3c761f9d6f62392c8a9227ad0ea3f09573e783f1498a4ed60d26'],
  [1, '6d7878dfff2f485635d39013278ae14f1454b8c0a3a2d34bc1ab38228a80c95b'],
  [64, 'ba8ced36f327700d213f120b1a207a3b8c04330528586f414d09f2f7d9ccb7e6'],
  [65, 'c0a4edefa2d2accb9277c371ac12fcdbb52988a86edc54f0716e1591b4326e72'],
  [1023, 'c951ecdf03288d0fcc96ee3413563d8a6d3589547f2c2fb36d9786470f1b9d6e'],
  [1024, '75c46f6f3d9eb4f55ecaaee480db732e6c2105546f1e675003687c31719c7ba4'],
  [2048, '879cf1fa2ea0e79126cb1063617a05b6ad9d0b696d0d757cf053439f60a99dd1'],
  [2049, '9f29700902f7c86e514ddc4df1e3049f258b2472b6dd5267f61bf13983b78dd5'],
  [3072, '044a0e7b172a312dc02a4c9a818c036ffa2776368d7f528268d2e6b5df191770'],
  [3073, '68dede9bef00ba89e43f31a6825f4cf433389fedae75c04ee9f0cf16a427c95a'],
  [4096, 'befc660aea2f1718884cd8deb9902811d332f4fc4a38cf7c7300d597a081bfc0'],
  [4097, '00df940cd36bb9fa7cbbc3556744e0dbc8191401afe70520ba292ee3ca80abbc'],
  [5120, '2c493e48e9b9bf31e0553a22b23503c0a3388f035cece68eb438d22fa1943e20'],
  [5121, '6ccf1c34753e7a044db80798ecd0782a8f76f33563accaddbfbb2e0ea4b2d024'],
  [6144, '3d6b6d21281d0ade5b2b016ae4034c5dec10ca7e475f90f76eac7138e9bc8f1d'],
  [6145, '9ac301e9e39e45e3250a7e3b3df701aa0fb6889fbd80eeecf28dbc6300fbc539'],
  [7168, 'b42835e40e9d4a7f42ad8cc04f85a963a76e18198377ed84adddeaecacc6f3fc'],
  [7169, 'ed9b1a922c046fdb3d423ae34e143b05ca1bf28b710432857bf738bcedbfa511'],
  [8192, 'dc9637c8845a770b4cbf76b8daec0eebf7dc2eac11498517f08d44c8fc00d58a'],
  [8193, '954a2a75420c8d6547e3ba5b98d963e6fa6491addc8c023189cc519821b4a1f5'],
  [16384, '9e9fc4eb7cf081ea7c47d1807790ed211bfec56aa25bb7037784c13c4b707b0d'],
  [31744, 'efa53b389ab67c593dba624d898d0f7353ab99e4ac9d42302ee64cbf9939a419'],
  [102400, '1c35d1a5811083fd7119f5d5d1ba027b4d01c0c6c49fb6ff2cf75393ea5db4a7'],
];

describe.skipIf(!simdBlake3Available())('SimdKeyedBlake3', () => {
  it('gives the BLAKE3 team’s keyed-hash test vectors', () => {
    const hasher = new SimdKeyedBlake3(VECTOR_KEY);
    for (const [length, expected] of VECTORS) {
      const input = Uint8Array.from({length}, (_, i) => i % 251);
      hasher.init();
      hasher.update(input);
      expect(hex(hasher.digest()), `input_len ${length}`).toBe(expected);
    }
  });

  it('agrees with hash-wasm around block, chunk, group and tree boundaries, in any pieces', async () => {
    const key = new Uint8Array(randomBytes(32));
    const reference = await createBLAKE3(256, key);
    const hasher = new SimdKeyedBlake3(key);
    const lengths = new Set<number>();
    for (const base of [0, 64, 1024, 2048, 3072, 4096, 5120, 8192, 9216, 65536, 128 * 1024, 1 << 20])
      for (const d of [-65, -64, -1, 0, 1, 63, 64, 65]) if (base + d >= 0) lengths.add(base + d);
    const data = new Uint8Array(randomBytes((1 << 20) + 65));
    // Descending then ascending: a reused hasher must not keep bytes from a longer message.
    const order = [...lengths].sort((a, b) => b - a);
    for (const length of [...order, ...order.reverse()]) {
      const input = data.subarray(0, length);
      reference.init();
      reference.update(input);
      hasher.init();
      const piece = 1 + (length % 997);
      for (let at = 0; at < length; at += piece) hasher.update(input.subarray(at, at + piece));
      expect(hex(hasher.digest()), `length ${length}`).toBe(hex(reference.digest('binary')));
    }
  });

  it('hashes messages up to the 24-bit chunk length and refuses longer ones', async () => {
    const key = new Uint8Array(randomBytes(32));
    const reference = await createBLAKE3(256, key);
    const hasher = new SimdKeyedBlake3(key);
    const input = new Uint8Array(randomBytes(MAX_MESSAGE));
    reference.init();
    reference.update(input);
    hasher.init();
    hasher.update(input);
    expect(hex(hasher.digest())).toBe(hex(reference.digest('binary')));
    hasher.init();
    hasher.update(input);
    expect(() => hasher.update(new Uint8Array(1))).toThrow(RangeError);
  });
});
