// The sandbox's Xet content store (CAS): which files it knows, by Xet file hash, and how to rebuild them from xorbs.
// Layout under `<dataDir>/hub/xet/`: files/<aa>/<hash>.json, one reconstruction a file ({size, terms}), written once
// a shard that names the file was uploaded and verified.
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {SandboxCore} from '../context.js';

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
}

const HEX64 = /^[0-9a-f]{64}$/;

export class XetFiles {
  readonly root: string;
  constructor(dataDir: string) {
    this.root = join(dataDir, 'hub', 'xet');
  }

  filePath(hash: string): string {
    if (!HEX64.test(hash)) throw new Error('Invalid Xet hash');
    return join(this.root, 'files', hash.slice(0, 2), `${hash}.json`);
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
}

const stores = new WeakMap<SandboxCore, XetFiles>();
export function xetFiles(core: SandboxCore): XetFiles {
  let store = stores.get(core);
  if (!store) {
    store = new XetFiles(core.dataDir);
    stores.set(core, store);
  }
  return store;
}
