// `check` on a big tree scans it in worker threads (the built CLI only): the report is byte for byte the one a single
// thread gives, the workers really answered, and a worker that cannot start leaves the main thread to do the work.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {jobFileText, writeTree} from '../helpers/check-tree.js';

const CLI = join(process.cwd(), 'dist/cli.mjs');
const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake34';
let dir = '';

function check(threads: string, debug = '1') {
  const res = spawnSync(process.execPath, [CLI, 'check', dir, '--offline', '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      HF_WIZARD_SCAN_THREADS: threads,
      HF_WIZARD_SCAN_DEBUG: debug,
      HF_TOKEN: '',
      HOME: dir,
      XDG_CACHE_HOME: join(dir, '.cache'),
    },
  });
  return {status: res.status, stdout: res.stdout, stderr: res.stderr};
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hfjw-check-threads-'));
  writeTree(dir, 1800, 300, (i) => {
    const kind = i % 4;
    return {ext: ['py', 'sh', 'py', 'txt'][kind]!, text: kind < 3 ? jobFileText(i, kind, FAKE) : `notes ${i}\n`};
  });
});

afterAll(() => {
  if (dir) rmSync(dir, {recursive: true, force: true});
});

describe('check on a tree of many files', () => {
  it.skipIf(!existsSync(CLI))(
    'gives the same report in worker threads as in one thread, the workers answer, and debug output says where the time went',
    () => {
      const one = check('1');
      // The threads take chunks of 64 files from a shared counter: however they share them, the report is the same.
      const two = check('2');
      const workersOnly = check('2', 'workers-only');
      expect(one.status).toBe(1);
      expect(two.status).toBe(1);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toMatch(/1800 files, 29 chunks, \d+ scanned by the main thread, \d+ by 1 worker\(s\)/);
      expect(workersOnly.stdout).toBe(one.stdout);
      expect(workersOnly.stderr).toContain('1800 files, 29 chunks, 0 scanned by the main thread, 29 by 1 worker(s)');
      const report = JSON.parse(two.stdout) as {checks: {id: string; status: string}[]};
      const failing = new Set(report.checks.filter((c) => c.status === 'fail' || c.status === 'warn').map((c) => c.id));
      for (const id of ['token-in-argv', 'hardcoded-token', 'no-token-check', 'literal-placeholder', 'unknown-flavor'])
        expect(failing).toContain(id);
      expect(two.stdout).not.toContain(FAKE);
      // HF_WIZARD_SCAN_DEBUG: the phases npm run bench:check reports, whole numbers of ms.
      expect(one.stderr).toMatch(
        /^scan phases: walk \d+ ms, read \d+ ms(?: \(\d+ files read ahead\))?, scan -?\d+ ms \(read excluded\), link \d+ ms; 1800 files$/m,
      );
      expect(one.stderr).toMatch(
        /^check phases \(wall\/CPU ms\): start-up \d+\/\d+, checks \d+\/\d+ \(scan included\), report \d+\/\d+(?:; main thread \d+ ms)?(?:; code cache \w+)?$/m,
      );
    },
  );
});
