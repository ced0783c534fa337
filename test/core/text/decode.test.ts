// decodeText: a saved or piped error log in UTF-16 (Windows PowerShell 5.1's `>` writes UTF-16LE with a byte order
// mark) was read as UTF-8, a NUL between every two characters, and troubleshoot answered "Not recognised" to a plain
// 401 (fresh attack, session 7). The command test reads such a file through `main`.
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {decodeText} from '../../../src/core/text/decode.js';
import {main} from '../../../src/main.js';
import {makeIo, tempHome} from '../../commands/helpers-auth.js';

const TEXT =
  'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/whoami-v2 — é\n';
const le = (s: string) => Buffer.from(s, 'utf16le');
const be = (s: string) => Buffer.from(le(s).map((_, i, b) => b[i ^ 1]!));

describe('decodeText', () => {
  it('reads UTF-16 LE and BE, with or without their mark, and UTF-8 with or without its mark', () => {
    for (const bytes of [
      Buffer.concat([Buffer.from([0xff, 0xfe]), le(TEXT)]),
      le(TEXT),
      Buffer.concat([Buffer.from([0xfe, 0xff]), be(TEXT)]),
      be(TEXT),
      Buffer.from(TEXT),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]),
    ])
      expect(decodeText(bytes)).toBe(TEXT);
  });

  it('leaves UTF-8 with a stray NUL, and bytes that are no text, as UTF-8', () => {
    expect(decodeText(Buffer.from('abc\0def ghi jkl'))).toBe('abc\0def ghi jkl');
    expect(decodeText(Buffer.from([0, 1, 2, 3]))).toBe('\0\u0001\u0002\u0003');
  });
});

describe('troubleshoot FILE in UTF-16 (PowerShell)', () => {
  it('recognises the 401 in it', async () => {
    const home = await tempHome();
    const dir = await mkdtemp(join(tmpdir(), 'hfjw-u16-'));
    try {
      await writeFile(join(dir, 'error.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), le(TEXT)]));
      const io = makeIo(home.env);
      expect(await main(['troubleshoot', join(dir, 'error.txt'), '--offline', '--json'], io)).toBe(0);
      expect((JSON.parse(io.out()) as {problem: string}).problem).toBe('unauthorized-401');
    } finally {
      await rm(dir, {recursive: true, force: true});
      await home.cleanup();
    }
  });
});
