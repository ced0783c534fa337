// `check` on a big tree reads files ahead in a thread of its own (the built CLI only, read-ahead.ts): the report is
// byte for byte the one the main thread alone gives, with a ring small enough to wrap and fill many times, and with
// the files the reader leaves to the main thread (bigger than its cap, binary by name, UTF-16, not UTF-8).
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {jobFileText, writeTree} from '../helpers/check-tree.js';

const CLI = join(process.cwd(), 'dist/cli.mjs');
const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake34';
const FAKE2 = 'hf_FAKEbigFILEfakeFAKEfakeFAKEfake99';
let dir = '';

function check(env: Record<string, string>) {
  const res = spawnSync(process.execPath, [CLI, 'check', dir, '--offline', '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      HF_WIZARD_SCAN_THREADS: '1',
      HF_WIZARD_SCAN_DEBUG: '1',
      HF_TOKEN: '',
      HOME: dir,
      XDG_CACHE_HOME: join(dir, '.cache'),
      ...env,
    },
  });
  return {status: res.status, stdout: res.stdout, stderr: res.stderr};
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hfjw-check-read-ahead-'));
  const pad = '\n' + 'def helper(x):\n    return [v for v in x if v]\n'.repeat(90);
  writeTree(dir, 2400, 400, (i) => {
    const kind = i % 5;
    const notes =
      i % 2 ? `notes ${i}: café, naïve, 東京 (not ASCII)\n` : `notes ${i}: plain ASCII, no word any check reads\n`;
    const text = kind < 3 ? jobFileText(i, kind, FAKE) : kind === 3 ? notes : '';
    return {ext: ['py', 'sh', 'py', 'txt', 'py'][kind]!, text: kind === 4 ? '' : text + pad};
  });
  const odd = join(dir, 'odd');
  mkdirSync(odd);
  // Bigger than the reader's cap (256 KB): left to the main thread, read whole; the token at its end is found.
  writeFileSync(join(odd, 'big.py'), '# padding\n'.repeat(40_000) + `TOKEN = "${FAKE2}"\n`);
  // UTF-16 with its byte order mark, a NUL-holding .py (binary), a binary by name, a symlink to a script (not walked).
  writeFileSync(
    join(odd, 'utf16.ps1'),
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`hf jobs run --token ${FAKE} python:3.12 python -c 1\n`, 'utf16le'),
    ]),
  );
  writeFileSync(join(odd, 'nul.py'), Buffer.from([0x69, 0x6d, 0, 0x70, 0x6f]));
  writeFileSync(join(odd, 'weights.bin'), Buffer.alloc(4096, 7));
  symlinkSync(join(dir, 'd0', 'f0.py'), join(odd, 'link.py'));
  // A base64-encoded token (no `hf_` in the file): the reader tells the main thread it may hold one.
  writeFileSync(
    join(odd, 'secret.yaml'),
    `kind: Secret\ndata:\n  HF_TOKEN: ${Buffer.from(FAKE2.replace('big', 'b64')).toString('base64')}\n`,
  );
  // A base64 token and no other word any check reads (no `hf`, no `token`): the hints make the file relevant.
  writeFileSync(join(odd, 'b64.env'), `HF_B64=${Buffer.from(FAKE2.replace('big', 'env')).toString('base64')}\n`);
  // A job config holds no word the reader looks for: read by the main thread for its name, and judged.
  writeFileSync(
    join(odd, 'hf-job.json'),
    JSON.stringify({image: 'python:3.12', command: ['python', 'train.py'], flavor: 'a10g-smal'}),
  );
});

afterAll(() => {
  if (dir) rmSync(dir, {recursive: true, force: true});
});

describe('check reading ahead in a thread', () => {
  it.skipIf(!existsSync(CLI))(
    'gives the report the main thread alone gives, through a ring that wraps and fills, and says how many files it read',
    () => {
      const alone = check({HF_WIZARD_SCAN_READER: '0'});
      // The smallest ring (two caps, 512 KB) for 2,400 files of ~4 KB: it wraps about 20 times, and the reader waits
      // for room whenever it gets a ring ahead.
      // reader-only: the main thread waits for the reader rather than reading a file itself when it gets there first.
      const small = check({HF_WIZARD_SCAN_READER: '1', HF_WIZARD_SCAN_RING: '1', HF_WIZARD_SCAN_DEBUG: 'reader-only'});
      const normal = check({HF_WIZARD_SCAN_READER: '1'});
      // The reader scans chunks from the back when it has no room to read ahead: here it scans them all.
      const readerScans = check({HF_WIZARD_SCAN_READER: '1', HF_WIZARD_SCAN_DEBUG: 'reader-scans'});
      // Reading only (no chunk scanned by the reader).
      const readOnly = check({HF_WIZARD_SCAN_READER: 'read'});
      expect(alone.status).toBe(1);
      expect(small.stdout).toBe(alone.stdout);
      expect(normal.stdout).toBe(alone.stdout);
      expect(readerScans.stdout).toBe(alone.stdout);
      expect(readOnly.stdout).toBe(alone.stdout);
      const chunks = Math.ceil(2407 / 64);
      expect(readerScans.stderr).toContain(
        `scan: 2407 files, ${chunks} chunks, 0 scanned by the main thread, ${chunks} by the reader`,
      );
      expect(normal.stderr).toMatch(
        new RegExp(`scan: 2407 files, ${chunks} chunks, \\d+ scanned by the main thread, \\d+ by the reader`),
      );
      expect(readOnly.stderr).not.toContain('by the reader');
      expect(alone.stderr).not.toContain('read ahead');
      const aheadOf = (stderr: string) => Number(/\((\d+) files read ahead\)/.exec(stderr)?.[1] ?? -1);
      // Every file walked came from the reader but two: big.py (over its cap) and weights.bin (binary by name, read by
      // neither); hf-job.json came from it as a text that holds nothing, and was read again for its name. The walk does
      // not follow the symbolic link.
      const walked = Number(/; (\d+) files$/m.exec(small.stderr)?.[1] ?? -1);
      expect(walked).toBe(2400 + 7);
      expect(aheadOf(small.stderr)).toBe(walked - 2);
      // With the main thread reading too, how many each reads depends on when the reader's thread is up.
      expect(aheadOf(normal.stderr)).toBeGreaterThanOrEqual(0);
      const report = JSON.parse(small.stdout) as {checks: {id: string; status: string; findings?: {file?: string}[]}[]};
      const failing = new Set(report.checks.filter((c) => c.status === 'fail' || c.status === 'warn').map((c) => c.id));
      for (const id of ['token-in-argv', 'hardcoded-token', 'no-token-check', 'unknown-flavor'])
        expect(failing).toContain(id);
      // The token at the end of the 400 KB file, and the one in the UTF-16 script, were found.
      expect(small.stdout).toContain('big.py');
      expect(small.stdout).toContain('utf16.ps1');
      expect(small.stdout).toContain('hf-job.json');
      expect(small.stdout).toContain('secret.yaml');
      expect(small.stdout).toContain('b64.env');
      expect(alone.stdout).toContain('b64.env');
      expect(small.stdout).not.toContain(FAKE);
      expect(small.stdout).not.toContain(FAKE2);
      expect(small.stdout).not.toContain(FAKE2.replace('big', 'b64'));
    },
  );

  it.skipIf(!existsSync(CLI))(
    'by default (the reader on or off by the cores and the load) gives the same report',
    () => {
      const {HF_WIZARD_SCAN_READER: _, ...env} = process.env;
      const res = spawnSync(process.execPath, [CLI, 'check', dir, '--offline', '--json'], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: {...env, HF_WIZARD_SCAN_THREADS: '1', HF_WIZARD_SCAN_DEBUG: '1', HF_TOKEN: '', HOME: dir},
      });
      expect(res.status).toBe(1);
      expect(res.stdout).toBe(check({HF_WIZARD_SCAN_READER: '0'}).stdout);
    },
  );
});
