// The sandbox's Xet content store (CAS), content-addressed and streamed. Layout under `<dataDir>/hub/xet/`:
//   xorbs/<aa>/<hash>        a xorb exactly as uploaded (8-byte chunk headers + compressed chunks)
//   xorbs/<aa>/<hash>.json   its chunk index: per chunk the hash, packed byte range and unpacked length
//   files/<aa>/<hash>.json   a file's reconstruction ({size, terms}), written once a verified shard named it
//   sha256/<aa>/<sha256>/<hash>   a file a shard CLAIMS has this sha256 (model/dataset commits name files by sha256)
//   sha256/<aa>/<sha256>.hash     the Xet hash whose bytes were hashed and found to have that sha256 (checked once)
// Verification follows the Xet format: every chunk of an uploaded xorb is decompressed and hashed (keyed blake3),
// the xorb hash (Merkle tree of chunk hashes) must equal the name it was uploaded under; a shard's file entries must
// name stored xorbs and chunk ranges, their per-range verification hashes and the file hash must match.
import {createHash} from 'node:crypto';
import {createReadStream, createWriteStream} from 'node:fs';
import {mkdir, readFile, readdir, rename, rm, stat, writeFile} from 'node:fs/promises';
import type {IncomingMessage} from 'node:http';
import {join} from 'node:path';
import {once} from 'node:events';
import {createBLAKE3} from 'hash-wasm/dist/index.esm.js';
import {
  createChunker,
  finalize,
  fileHash,
  hashToHex,
  hexToBytes,
  nextBlock,
  verificationHash,
  xorbHash,
} from '@huggingface/xetchunk-wasm';
import type {SandboxCore} from '../context.js';
import {HttpError} from '../http.js';
import {hubStore} from '../hub/service.js';
import {CHUNK_HEADER_BYTES, XetFormatError, decompressChunk, parseChunkHeader} from './lz4.js';
import {SimdKeyedBlake3, simdBlake3Available} from './blake3.js';
import {XorbVerifier, type ChunkHasher} from './verify.js';

/** The keyed-blake3 key of chunk hashes (Xet format, DATA_KEY). */
const DATA_KEY = new Uint8Array([
  102, 151, 245, 119, 91, 149, 80, 222, 49, 53, 203, 172, 165, 151, 24, 28, 157, 228, 33, 16, 155, 235, 43, 88, 180,
  208, 176, 75, 147, 173, 242, 41,
]);

export const MAX_XORB_BYTES = 64 * 1024 * 1024 + 1024 * 1024;
export const MAX_SHARD_BYTES = 64 * 1024 * 1024;
const TARGET_CHUNK = 64 * 1024;
const XORB_BYTES = 64 * 1024 * 1024;
const XORB_CHUNKS = 8 * 1024;
const WRITE_BATCH = 1024 * 1024;

export interface XetTerm {
  /** The xorb's hash (64 hex). */
  hash: string;
  /** Chunk index range [start, end) in the xorb. */
  start: number;
  end: number;
  /** Bytes these chunks make once decompressed. */
  unpackedLength: number;
}

export interface XetFileRecord {
  size: number;
  terms: XetTerm[];
  sha256?: string;
}

export interface XorbChunk {
  hash: string;
  /** Packed byte range [start, end) in the xorb file, header included. */
  start: number;
  end: number;
  length: number;
}

const HEX64 = /^[0-9a-f]{64}$/;

export function isXetHash(s: unknown): s is string {
  return typeof s === 'string' && HEX64.test(s);
}

function hashHexAt(b: Uint8Array, at: number): string {
  return hashToHex(b.subarray(at, at + 32));
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

export class XetFiles {
  readonly root: string;
  /**
   * Keyed blake3 hashers for chunk hashes, one per upload in progress (a chunk's hash is fed across awaits), kept for
   * reuse. blake3.ts hashes a chunk's 1 KiB pieces four abreast with WebAssembly SIMD: ~1,030 MiB/s a core on 64 KiB
   * chunks here against ~690 MiB/s for hash-wasm's keyed BLAKE3 (a devDependency, bundled), which stays the fallback
   * where SIMD is missing; @huggingface/blake3-jit's incremental keyed Hasher does ~380-440 MiB/s (its SIMD path
   * serves only unkeyed one-shot hashes).
   */
  private readonly idleHashers: ChunkHasher[] = [];
  private readonly chunkIndexCache = new Map<string, XorbChunk[]>();

  constructor(private readonly core: SandboxCore) {
    this.root = join(core.dataDir, 'hub', 'xet');
  }

  private async takeHasher(): Promise<ChunkHasher> {
    const idle = this.idleHashers.pop();
    if (idle) return idle;
    if (simdBlake3Available()) return new SimdKeyedBlake3(DATA_KEY);
    const hasher = await createBLAKE3(256, DATA_KEY);
    return {init: () => hasher.init(), update: (d) => hasher.update(d), digest: () => hasher.digest('binary')};
  }

  private giveBackHasher(hasher: ChunkHasher): void {
    if (this.idleHashers.length < 4) this.idleHashers.push(hasher);
  }

  filePath(hash: string): string {
    if (!HEX64.test(hash)) throw new HttpError(400, 'Invalid Xet hash');
    return join(this.root, 'files', hash.slice(0, 2), `${hash}.json`);
  }

  xorbPath(hash: string): string {
    if (!HEX64.test(hash)) throw new HttpError(400, 'Invalid xorb hash');
    return join(this.root, 'xorbs', hash.slice(0, 2), hash);
  }

  async get(hash: string): Promise<XetFileRecord | undefined> {
    if (!HEX64.test(hash)) return undefined;
    try {
      return JSON.parse(await readFile(this.filePath(hash), 'utf8')) as XetFileRecord;
    } catch {
      return undefined;
    }
  }

  /** The size of a file the CAS can rebuild, or undefined when it was never uploaded. */
  async fileSize(hash: string): Promise<number | undefined> {
    return (await this.get(hash))?.size;
  }

  async xorbChunks(hash: string): Promise<XorbChunk[] | undefined> {
    const cached = this.chunkIndexCache.get(hash);
    if (cached) return cached;
    try {
      const chunks = JSON.parse(await readFile(`${this.xorbPath(hash)}.json`, 'utf8')) as XorbChunk[];
      if (this.chunkIndexCache.size > 200) this.chunkIndexCache.clear();
      this.chunkIndexCache.set(hash, chunks);
      return chunks;
    } catch {
      return undefined;
    }
  }

  /**
   * Streams a xorb upload to a temp file while parsing and verifying it chunk by chunk (memory: one chunk), then
   * moves it into place. Answers whether it was new (the Hub's `was_inserted`).
   */
  async putXorb(hash: string, body: IncomingMessage): Promise<boolean> {
    const target = this.xorbPath(hash);
    if (await exists(`${target}.json`)) {
      // Read the body to its end before answering: answering first, then closing (a body of 16 MiB or more gets
      // `Connection: close`), cut the client off mid-upload with EPIPE when it sent an already stored xorb again.
      let total = 0;
      await eachPiece(body, (piece) => {
        total += piece.length;
        if (total > MAX_XORB_BYTES) throw new HttpError(413, `Xorb larger than ${MAX_XORB_BYTES} bytes`);
        return undefined;
      });
      return false;
    }
    const tmp = hubStore(this.core).tmpPath('xorb');
    // Written in batches of about 1 MiB (one writev each) rather than one write per 64 KiB socket piece: measured
    // 0.10-0.41 CPU s against 0.43-0.75 for 256 MiB, most of it the kernel's.
    const out = createWriteStream(tmp, {mode: 0o600, highWaterMark: 4 * WRITE_BATCH});
    const hasher = await this.takeHasher();
    const verifier = new XorbVerifier(hasher);
    let total = 0;
    let batched = 0;
    // A write error (or the writes a destroy() cut short) must not go unhandled: kept, and thrown once the file closed.
    let writeError: Error | undefined;
    out.on('error', (error) => (writeError ??= error));
    try {
      out.cork();
      await eachPiece(body, (buf) => {
        total += buf.length;
        if (total > MAX_XORB_BYTES) throw new HttpError(413, `Xorb larger than ${MAX_XORB_BYTES} bytes`);
        out.write(buf);
        batched += buf.length;
        verifier.push(buf);
        if (batched < WRITE_BATCH) return undefined;
        batched = 0;
        out.uncork();
        const drained = out.writableNeedDrain ? once(out, 'drain').then(() => out.cork()) : undefined;
        if (!drained) out.cork();
        return drained;
      });
      out.uncork();
      out.end();
      await once(out, 'close');
      if (writeError) throw writeError;
      const chunks: XorbChunk[] = verifier.finish();
      const actual = hashToHex(xorbHash(chunks.map((c) => ({hash: hexToBytes(c.hash), length: c.length}))));
      if (actual !== hash) throw new HttpError(400, `Xorb content hashes to ${actual}, not ${hash}`);
      await mkdir(join(target, '..'), {recursive: true, mode: 0o700});
      await rename(tmp, target);
      await writeJson(`${target}.json`, chunks);
      return true;
    } catch (error) {
      out.destroy();
      await rm(tmp, {force: true});
      if (error instanceof XetFormatError) throw new HttpError(400, error.message);
      throw error;
    } finally {
      this.giveBackHasher(hasher);
    }
  }

  /** Verifies a shard (file entries against stored xorbs) and records the files it describes. */
  async putShard(shard: Uint8Array): Promise<number> {
    const files = parseShardFiles(shard);
    let recorded = 0;
    for (const file of files) {
      const terms: XetTerm[] = [];
      const allChunks: {hash: Uint8Array; length: number}[] = [];
      let size = 0;
      for (const [i, t] of file.terms.entries()) {
        const chunks = await this.xorbChunks(t.hash);
        if (!chunks) throw new HttpError(400, `Shard names xorb ${t.hash}, which was not uploaded`);
        if (t.start >= t.end || t.end > chunks.length)
          throw new HttpError(
            400,
            `Shard names chunks ${t.start}..${t.end} of xorb ${t.hash}, which has ${chunks.length}`,
          );
        const slice = chunks.slice(t.start, t.end);
        const length = slice.reduce((n, c) => n + c.length, 0);
        if (length !== t.unpackedLength)
          throw new HttpError(
            400,
            `Shard term ${i} of file ${file.hash} says ${t.unpackedLength} bytes, the chunks make ${length}`,
          );
        const hashes = slice.map((c) => hexToBytes(c.hash));
        if (file.verification) {
          const expected = hashToHex(verificationHash(hashes));
          if (expected !== file.verification[i])
            throw new HttpError(400, `Verification hash mismatch for term ${i} of file ${file.hash}`);
        }
        for (const [k, c] of slice.entries()) allChunks.push({hash: hashes[k]!, length: c.length});
        size += length;
        terms.push(t);
      }
      const actual = hashToHex(fileHash(allChunks));
      if (actual !== file.hash)
        throw new HttpError(400, `File entry ${file.hash} reconstructs to content hashing ${actual}`);
      const target = this.filePath(file.hash);
      if (!(await exists(target))) {
        await mkdir(join(target, '..'), {recursive: true, mode: 0o700});
        await writeJson(target, {size, terms, ...(file.sha256 ? {sha256: file.sha256} : {})} satisfies XetFileRecord);
        recorded++;
      }
      if (file.sha256 && HEX64.test(file.sha256)) {
        const claim = join(this.shaDir(file.sha256), file.hash);
        if (!(await exists(claim))) {
          await mkdir(join(claim, '..'), {recursive: true, mode: 0o700});
          await writeFile(claim, '', {mode: 0o600});
        }
      }
    }
    return recorded;
  }

  /**
   * Stores a local file in the CAS as a Xet client would (content-defined chunks, xorbs of at most 64 MiB and 8,192
   * chunks, chunks stored uncompressed), streamed: memory holds one chunk. Used to write back a job's bucket volume.
   */
  async ingestFile(path: string): Promise<{hash: string; size: number}> {
    const chunker = createChunker(TARGET_CHUNK);
    const fileChunks: {hash: Uint8Array; length: number}[] = [];
    const terms: XetTerm[] = [];
    let pending: Buffer[] = [];
    let pendingLength = 0;
    let xorb: {tmp: string; out: ReturnType<typeof createWriteStream>; chunks: XorbChunk[]; bytes: number} | undefined;
    const flush = async () => {
      if (!xorb) return;
      const current = xorb;
      xorb = undefined;
      current.out.end();
      await once(current.out, 'close');
      const hash = hashToHex(xorbHash(current.chunks.map((c) => ({hash: hexToBytes(c.hash), length: c.length}))));
      const target = this.xorbPath(hash);
      if (await exists(`${target}.json`)) {
        await rm(current.tmp, {force: true});
      } else {
        await mkdir(join(target, '..'), {recursive: true, mode: 0o700});
        await rename(current.tmp, target);
        await writeJson(`${target}.json`, current.chunks);
      }
      terms.push({
        hash,
        start: 0,
        end: current.chunks.length,
        unpackedLength: current.chunks.reduce((n, c) => n + c.length, 0),
      });
    };
    const take = async (chunk: {hash: Uint8Array; length: number}) => {
      const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
      const data = all.subarray(0, chunk.length);
      const rest = all.subarray(chunk.length);
      pending = rest.length ? [rest] : [];
      pendingLength = rest.length;
      const hash = hashToHex(chunk.hash);
      fileChunks.push({hash: hexToBytes(hash), length: chunk.length});
      if (xorb && (xorb.bytes + CHUNK_HEADER_BYTES + data.length > XORB_BYTES || xorb.chunks.length >= XORB_CHUNKS))
        await flush();
      if (!xorb) {
        const tmp = hubStore(this.core).tmpPath('ingest');
        xorb = {tmp, out: createWriteStream(tmp, {mode: 0o600}), chunks: [], bytes: 0};
      }
      const header = Buffer.from([
        0,
        data.length & 255,
        (data.length >> 8) & 255,
        (data.length >> 16) & 255,
        0,
        data.length & 255,
        (data.length >> 8) & 255,
        (data.length >> 16) & 255,
      ]);
      if (!xorb.out.write(header)) await once(xorb.out, 'drain');
      if (!xorb.out.write(Buffer.from(data))) await once(xorb.out, 'drain');
      xorb.chunks.push({
        hash,
        start: xorb.bytes,
        end: xorb.bytes + CHUNK_HEADER_BYTES + data.length,
        length: data.length,
      });
      xorb.bytes += CHUNK_HEADER_BYTES + data.length;
    };
    let size = 0;
    try {
      for await (const piece of createReadStream(path)) {
        const buf = piece as Buffer;
        size += buf.length;
        pending.push(buf);
        pendingLength += buf.length;
        for (const chunk of nextBlock(chunker, buf)) await take(chunk);
      }
      const last = finalize(chunker);
      if (last) await take(last);
      if (pendingLength !== 0) throw new Error('Chunker left bytes unaccounted for');
      await flush();
    } catch (error) {
      if (xorb) {
        xorb.out.destroy();
        await rm(xorb.tmp, {force: true});
      }
      throw error;
    }
    const hash = hashToHex(fileHash(fileChunks));
    const target = this.filePath(hash);
    if (!(await exists(target))) {
      await mkdir(join(target, '..'), {recursive: true, mode: 0o700});
      await writeJson(target, {size, terms} satisfies XetFileRecord);
    }
    return {hash, size};
  }

  private shaDir(sha256: string): string {
    return join(this.root, 'sha256', sha256.slice(0, 2), sha256);
  }

  /**
   * The Xet file whose content has this sha256 (what a model or dataset commit names an uploaded file by), or
   * undefined. A shard's sha256 is only the uploader's claim: the first time, the candidate's bytes are hashed, and
   * only a match is trusted (remembered in `<sha256>.hash`), so a shard cannot make another repo's file serve other bytes.
   */
  async bySha256(sha256: string, size?: number): Promise<{hash: string; record: XetFileRecord} | undefined> {
    if (!HEX64.test(sha256)) return undefined;
    const verified = `${this.shaDir(sha256)}.hash`;
    const known = await readFile(verified, 'utf8').catch(() => '');
    if (HEX64.test(known)) {
      const record = await this.get(known);
      if (record && (size === undefined || record.size === size)) return {hash: known, record};
    }
    const candidates = await readdir(this.shaDir(sha256)).catch(() => [] as string[]);
    for (const hash of candidates) {
      const record = await this.get(hash);
      if (!record || (size !== undefined && record.size !== size)) continue;
      const digest = createHash('sha256');
      for await (const piece of this.read(record)) digest.update(piece);
      if (digest.digest('hex') !== sha256) continue;
      await writeFile(verified, hash, {mode: 0o600});
      return {hash, record};
    }
    return undefined;
  }

  /** Streams bytes [start, end) of a file, decompressing only the chunks that hold them. */
  async *read(record: XetFileRecord, start = 0, end = record.size): AsyncGenerator<Uint8Array> {
    let position = 0;
    for (const term of record.terms) {
      if (position >= end) break;
      const termEnd = position + term.unpackedLength;
      if (termEnd <= start) {
        position = termEnd;
        continue;
      }
      const chunks = await this.xorbChunks(term.hash);
      if (!chunks) throw new Error(`Xorb ${term.hash} is missing from the sandbox store`);
      const slice = chunks.slice(term.start, term.end);
      const stream = createReadStream(this.xorbPath(term.hash), {
        start: slice[0]!.start,
        end: slice[slice.length - 1]!.end - 1,
      });
      let pending: Uint8Array = new Uint8Array(0);
      let index = 0;
      for await (const piece of stream) {
        pending = pending.length ? Buffer.concat([pending, piece as Buffer]) : (piece as Buffer);
        while (index < slice.length) {
          const c = slice[index]!;
          const size = c.end - c.start;
          if (pending.length < size) break;
          const header = parseChunkHeader(pending, 0);
          const plain = decompressChunk(header, pending.subarray(CHUNK_HEADER_BYTES, size));
          pending = pending.subarray(size);
          index++;
          const from = Math.max(start - position, 0);
          const to = Math.min(end - position, plain.length);
          position += plain.length;
          if (to > from) yield plain.subarray(from, to);
          if (position >= end) {
            stream.destroy();
            return;
          }
        }
      }
    }
  }
}

/**
 * Hands each piece of a request body to `take` as it arrives ('data' events: no promise and microtask per piece, as
 * `for await` has, whose read() also joins the pieces buffered meanwhile into a new buffer), pausing the body while a
 * promise `take` answered is pending. Resolves at the body's end; rejects with what `take` threw (the rest of the body
 * is then read and dropped, so the error answer reaches the client) or when the client goes away before the end.
 */
export function eachPiece(body: IncomingMessage, take: (piece: Buffer) => Promise<unknown> | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const cleanup = () => {
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('error', onError);
      body.off('close', onClose);
    };
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      cleanup();
      body.resume();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const onData = (piece: Buffer) => {
      let wait: Promise<unknown> | undefined;
      try {
        wait = take(piece);
      } catch (error) {
        fail(error);
        return;
      }
      if (!wait) return;
      body.pause();
      wait.then(() => settled || body.resume(), fail);
    };
    const onEnd = () => {
      if (settled) return;
      settled = true;
      cleanup();
      resolve();
    };
    const onError = (error: Error) => fail(error);
    const onClose = () => fail(new Error('The upload ended before its body did'));
    body.on('data', onData);
    body.once('end', onEnd);
    body.once('error', onError);
    body.once('close', onClose);
  });
}

async function writeJson(file: string, value: unknown): Promise<void> {
  const {writeJsonAtomic} = await import('../hub/store.js');
  await writeJsonAtomic(file, value);
}

const SHARD_MAGIC = new Uint8Array([
  72, 70, 82, 101, 112, 111, 77, 101, 116, 97, 68, 97, 116, 97, 0, 85, 105, 103, 69, 106, 123, 129, 87, 131, 165, 189,
  217, 92, 205, 209, 74, 169,
]);
const FLAG_VERIFICATION = 0x80000000;
const FLAG_METADATA_EXT = 0x40000000;
const BOOKEND = 'f'.repeat(64);

interface ShardFile {
  hash: string;
  terms: XetTerm[];
  verification?: string[];
  sha256?: string;
}

/** The file entries of a shard (header, file info section up to its bookend), bounds-checked. */
export function parseShardFiles(b: Uint8Array): ShardFile[] {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const bad = (what: string) => new HttpError(400, `Malformed shard: ${what}`);
  if (b.length < 48 + 200 || !SHARD_MAGIC.every((x, i) => b[i] === x)) throw bad('bad magic tag');
  if (view.getBigUint64(32, true) !== 2n) throw bad('unsupported header version');
  const footerSize = Number(view.getBigUint64(40, true));
  if (footerSize < 200 || footerSize > b.length - 48) throw bad('bad footer size');
  const footer = b.length - footerSize;
  if (view.getBigUint64(footer, true) !== 1n) throw bad('unsupported footer version');
  const filesStart = Number(view.getBigUint64(footer + 8, true));
  const xorbsStart = Number(view.getBigUint64(footer + 16, true));
  if (filesStart < 48 || xorbsStart > footer || filesStart > xorbsStart) throw bad('bad section offsets');
  const files: ShardFile[] = [];
  let at = filesStart;
  const has = (n: number) => {
    if (at + n > xorbsStart) throw bad('file section overruns');
  };
  for (;;) {
    has(48);
    const hash = hashHexAt(b, at);
    if (hash === BOOKEND) break;
    const flags = view.getUint32(at + 32, true);
    const count = view.getUint32(at + 36, true);
    at += 48;
    has(count * 48);
    const terms: XetTerm[] = [];
    for (let i = 0; i < count; i++, at += 48) {
      terms.push({
        hash: hashHexAt(b, at),
        unpackedLength: view.getUint32(at + 36, true),
        start: view.getUint32(at + 40, true),
        end: view.getUint32(at + 44, true),
      });
    }
    const file: ShardFile = {hash, terms};
    if (flags & FLAG_VERIFICATION) {
      has(count * 48);
      file.verification = [];
      for (let i = 0; i < count; i++, at += 48) file.verification.push(hashHexAt(b, at));
    }
    if (flags & FLAG_METADATA_EXT) {
      has(48);
      file.sha256 = hashHexAt(b, at);
      at += 48;
    }
    files.push(file);
  }
  return files;
}

const stores = new WeakMap<SandboxCore, XetFiles>();
export function xetFiles(core: SandboxCore): XetFiles {
  let store = stores.get(core);
  if (!store) {
    store = new XetFiles(core);
    stores.set(core, store);
  }
  return store;
}
