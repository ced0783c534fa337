// Verifies a xorb while it streams in, piece by piece, without gluing the pieces together: each chunk's 8-byte header
// is read (across pieces if it straddles them), a stored chunk (scheme 0) is hashed straight from the pieces it spans,
// and only a compressed chunk is gathered into a reused buffer, then decompressed into reused buffers. Every chunk is
// hashed with keyed blake3 (the Xet format's DATA_KEY); the caller checks the xorb hash (Merkle tree of these chunk
// hashes) at the end.
import {hashToHex} from '@huggingface/xetchunk-wasm';
import {
  CHUNK_HEADER_BYTES,
  XetFormatError,
  decompressChunk,
  parseChunkHeader,
  type ChunkHeader,
  type DecodeScratch,
} from './lz4.js';

/** Keyed BLAKE3 of one chunk at a time (blake3.ts's SIMD hasher, or hash-wasm's where SIMD is missing). */
export interface ChunkHasher {
  init(): void;
  update(data: Uint8Array): void;
  /** The 32-byte hash; may be a view that the next call overwrites. */
  digest(): Uint8Array;
}

export interface VerifiedChunk {
  /** The chunk's hash in Xet's hex form (each 8-byte word little-endian). */
  hash: string;
  /** Packed byte range [start, end) in the xorb, header included. */
  start: number;
  end: number;
  /** Bytes once decompressed. */
  length: number;
}

export class XorbVerifier {
  readonly chunks: VerifiedChunk[] = [];
  private readonly header = new Uint8Array(CHUNK_HEADER_BYTES);
  private headerFill = 0;
  private current: ChunkHeader | undefined;
  /** Packed bytes of the current chunk still to come. */
  private remaining = 0;
  /** Where the current chunk starts in the xorb. */
  private chunkStart = 0;
  /** A compressed chunk being gathered (reused between chunks). */
  private gather = new Uint8Array(0);
  private gathered = 0;
  /** Where compressed chunks are decompressed (and regrouped), reused: the plain bytes are hashed at once. */
  private readonly scratch: DecodeScratch = {frame: new Uint8Array(0), regroup: new Uint8Array(0)};

  constructor(private readonly hasher: ChunkHasher) {}

  /** Takes the next piece of the body; throws XetFormatError on a malformed chunk header or compressed data. */
  push(piece: Uint8Array): void {
    let at = 0;
    while (at < piece.length) {
      if (!this.current) {
        const take = Math.min(CHUNK_HEADER_BYTES - this.headerFill, piece.length - at);
        this.header.set(piece.subarray(at, at + take), this.headerFill);
        this.headerFill += take;
        at += take;
        if (this.headerFill === CHUNK_HEADER_BYTES) this.startChunk();
        continue;
      }
      const take = Math.min(this.remaining, piece.length - at);
      const part = piece.subarray(at, at + take);
      at += take;
      this.remaining -= take;
      if (this.current.scheme === 0) {
        this.hasher.update(part);
        if (this.remaining === 0) this.endChunk(this.current.uncompressedLength);
      } else if (this.remaining === 0 && this.gathered === 0) {
        this.hashCompressed(part); // the whole compressed chunk sits in this piece: no copy
      } else {
        this.gather.set(part, this.gathered);
        this.gathered += take;
        if (this.remaining === 0) {
          this.hashCompressed(this.gather.subarray(0, this.gathered));
          this.gathered = 0;
        }
      }
    }
  }

  /** Throws unless the body ended exactly at a chunk boundary and held at least one chunk. */
  finish(): VerifiedChunk[] {
    const stray =
      this.headerFill + (this.current ? CHUNK_HEADER_BYTES + this.current.compressedLength - this.remaining : 0);
    if (this.current || this.headerFill) throw new XetFormatError(`Xorb ends inside a chunk (${stray} stray bytes)`);
    if (this.chunks.length === 0) throw new XetFormatError('Xorb has no chunks');
    return this.chunks;
  }

  private startChunk(): void {
    const header = parseChunkHeader(this.header, 0);
    if (header.scheme === 0 && header.compressedLength !== header.uncompressedLength)
      throw new XetFormatError('Stored chunk length differs from its header');
    this.headerFill = 0;
    this.current = header;
    this.remaining = header.compressedLength;
    this.hasher.init();
    if (header.scheme !== 0 && this.gather.length < header.compressedLength)
      this.gather = new Uint8Array(Math.max(header.compressedLength, 128 * 1024));
    if (this.remaining === 0) {
      if (header.scheme === 0) this.endChunk(0);
      else this.hashCompressed(new Uint8Array(0));
    }
  }

  private hashCompressed(data: Uint8Array): void {
    const plain = decompressChunk(this.current!, data, this.scratch);
    this.hasher.update(plain);
    this.endChunk(plain.length);
  }

  private endChunk(length: number): void {
    const size = CHUNK_HEADER_BYTES + this.current!.compressedLength;
    const hash = hashToHex(this.hasher.digest());
    this.chunks.push({hash, start: this.chunkStart, end: this.chunkStart + size, length});
    this.chunkStart += size;
    this.current = undefined;
  }
}
