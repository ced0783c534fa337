// check on a file too large to read in full: a token past the first MAX_BYTES was not looked for, and the report
// said "Scanned 1 file" and passed "No token written in files" without a word about it (fresh attack, session 7).
// Now the report names the files read in part or not at all (binary files aside), and the folders it could not list
// (a folder nested past the system's longest path was skipped without a word).
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {MAX_BYTES} from '../../src/core/checks/scan.js';
import {viaMain} from '../helpers/command.js';
import {makeIo} from './helpers-auth.js';

const check = viaMain('check');
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hfjw-check-not-read-'));
});
afterEach(async () => {
  await rm(dir, {recursive: true, force: true});
});

function io() {
  const i = makeIo({HOME: dir, XDG_CACHE_HOME: join(dir, 'cache')});
  i.cwd = dir;
  return i;
}

describe('check on files it cannot read in full', () => {
  it('names a file past its size cap (a token after it is not checked), and not a binary one', async () => {
    // One line longer than the cap, then a token: only the line is read.
    await writeFile(
      join(dir, 'big.py'),
      `x = "${'a'.repeat(MAX_BYTES)}"\nT = "hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12"\n`,
    );
    await writeFile(join(dir, 'weights.bin'), Buffer.from([0, 1, 2, 0, 3]));
    await writeFile(join(dir, 'esc\x1b[2J.py'), `x = "${'b'.repeat(MAX_BYTES + 10)}"\n`);
    const i = io();
    await check(['--offline'], i);
    const line = i.out().split('\n')[1]!;
    expect(line).toMatch(/^Not read, or not in full \(nothing there was checked\): /);
    expect(line).toContain(`big.py: only the first ${MAX_BYTES / 1024 / 1024} MB scanned`);
    expect(line).toContain('esc␛[2J.py');
    expect(line).not.toContain('\x1b');
    expect(line).not.toContain('weights.bin');
  });

  it.skipIf(process.platform !== 'linux')(
    'names a folder it could not list: one nested deeper than the system takes a path',
    async () => {
      // 2500 folders deep, made one chdir at a time (in a child process): the path passes PATH_MAX (4096), so
      // listing it fails with ENAMETOOLONG. GNU rm removes it (Node's rm gives up on such a path).
      const {execFileSync} = await import('node:child_process');
      try {
        const make =
          "const fs = require('node:fs'); for (let i = 0; i < 2500; i++) { fs.mkdirSync('a'); process.chdir('a'); }";
        execFileSync(process.execPath, ['-e', make], {cwd: dir});
        const i = io();
        await check(['--offline'], i);
        const line = i.out().split('\n')[1]!;
        expect(line).toMatch(/a folder that could not be listed \(ENAMETOOLONG\)\.$/);
        expect(line.length).toBeLessThan(250);
      } finally {
        execFileSync('rm', ['-rf', 'a'], {cwd: dir});
      }
    },
  );

  it.skipIf(process.platform === 'win32')(
    'names a path given to check that is a named pipe, without waiting on it',
    async () => {
      const {execFileSync} = await import('node:child_process');
      execFileSync('mkfifo', [join(dir, 'pipe.py')]);
      const i = io();
      await check(['pipe.py', '--offline'], i);
      expect(i.out().split('\n')[1]).toBe(
        'Not read, or not in full (nothing there was checked): pipe.py: neither a file nor a folder (a named pipe, a device or a socket).',
      );
    },
  );

  it('reads a UTF-16 file (a byte order mark first) as text: a token in it is found, not skipped as binary', async () => {
    const text = 'import os\nTOKEN = "hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12"\n';
    await writeFile(join(dir, 'win.py'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const i = io();
    expect(await check(['--offline'], i)).toBe(1);
    expect(i.out()).toContain('[✗] No token written in files  (win.py:2)');
  });

  it('says nothing more when every file was read', async () => {
    await writeFile(join(dir, 'small.py'), 'print(1)\n');
    const i = io();
    await check(['--offline'], i);
    expect(i.out()).not.toContain('Not read in full');
  });
});
