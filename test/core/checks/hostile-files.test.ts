// The shell and Python extraction on hostile files (src/core/checks/extract-shell.ts, extract-python.ts). Shell: a
// file of tens of thousands of backslash-continued `hf jobs run` lines is one logical line with a submission at every few words. Before the
// bounds, joining it copied the line at each continuation and every submission read the line to its end: 5,000
// lines took 14 s in `check`, 10,000 over 100 s, a 2 MB file hung it. The bound here is generous (a loaded machine);
// `check` on the 2 MB file takes under a second on a quiet one. Python: an unclosed call was read to the file's end
// once for every call after it, and a variable's assignment was searched for once a call.
import {accessSync, constants, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {checkText, MAX_FINDINGS_PER_CHECK} from '../../../src/core/checks/runner.js';
import {main} from '../../../src/main.js';
import {makeIo} from '../../commands/helpers-auth.js';
import {extractPython} from '../../../src/core/checks/extract-python.js';
import {extractShell, keywordLines, logicalLines} from '../../../src/core/checks/extract-shell.js';

describe('extractShell on a hostile file', () => {
  it('80,000 continued `hf jobs run` lines (2 MB) are read in bounded time, their first submissions whole', () => {
    const text = `${'hf jobs run --secrets HF_TOKEN python:3.12 \\\n'.repeat(80_000)}python x.py\n`;
    const started = Date.now();
    const scan = extractShell(text, 'c.sh');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(scan.submissions.length).toBe(64);
    expect(scan.submissions[0]!.secrets[0]).toMatchObject({key: 'HF_TOKEN', line: 1});
  });

  it('joining continued lines gives the same text as before, once (not a copy per line)', () => {
    const text = 'hf jobs run \\\n  --flavor a10g-small \\\r\n  python:3.12 \\\n  python x.py\nnext';
    // As the shell joins them: backslash-newline removed, the next line's own indentation kept.
    const joined = 'hf jobs run   --flavor a10g-small   python:3.12   python x.py';
    expect(logicalLines(text)[0]).toEqual({text: joined, line: 1});
    expect(keywordLines(text)[0]).toEqual({text: joined, line: 1});
    const console = '>>> run_job(image="x", \\\n... command=["a"])';
    expect(logicalLines(console)[0]!.text).toBe('run_job(image="x",  command=["a"])');
  });
});

describe('extractPython on a hostile file', () => {
  it('200,000 unclosed `run_job(` (1.8 MB) are given up on in bounded time', () => {
    const started = Date.now();
    expect(extractPython('run_job(\n'.repeat(200_000), 'p.py')).toEqual([]);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('40,000 calls passing one variable read its assignment once, and each gets it', () => {
    const text = `s = {"HF_TOKEN": "$HF_TOKEN"}\n${'run_job(image="x", command=["a"], secrets=s)\n'.repeat(40_000)}`;
    const started = Date.now();
    const subs = extractPython(text, 'p.py');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(subs).toHaveLength(40_000);
    expect(subs[39_999]!.secrets.map((e) => e.key)).toEqual(['HF_TOKEN']);
  });

  it('a call after a broken one is still found', () => {
    const subs = extractPython(
      'run_job(image="x", command=[\n\nrun_job(image="y", command=["python", "t.py"])\n',
      'p.py',
    );
    expect(subs.length).toBeGreaterThanOrEqual(1);
    expect(subs.some((s) => s.line === 3)).toBe(true);
  });
});

/** /proc/kmsg blocks a reader until the kernel logs something; only root may read it (many containers run as root). */
const kmsgReadable = (() => {
  try {
    accessSync('/proc/kmsg', constants.R_OK);
    return true;
  } catch {
    return false;
  }
})();

describe('check on a script that is a blocking file', () => {
  it.skipIf(!kmsgReadable)(
    'a README naming /proc/kmsg as a job script does not hang check (before: it did)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'hfjw-kmsg-'));
      try {
        writeFileSync(join(dir, 'README.md'), '```bash\nhf jobs uv run /proc/kmsg\n```\n');
        const io = makeIo({HOME: '/nonexistent-home'});
        io.cwd = dir;
        const started = Date.now();
        await main(['check', '.', '--offline', '--json'], io);
        expect(Date.now() - started).toBeLessThan(15_000);
        expect(JSON.parse(io.out()).checks.length).toBeGreaterThan(0);
      } finally {
        rmSync(dir, {recursive: true, force: true});
      }
    },
  );
});

describe('check on a file repeating one mistake', () => {
  it('shows the first findings of each check and one line counting the rest (before: 124,400 of each)', () => {
    const line = `hf jobs run ${'-e A=$HF_TOKEN '.repeat(100)}python:3.12 x\n`;
    const report = checkText(line.repeat(200), 'amp.sh');
    const env = report.checks.filter((c) => c.id === 'token-in-env');
    expect(env.length).toBe(MAX_FINDINGS_PER_CHECK + 1);
    expect(env.at(-1)!.message).toMatch(/^19,900 more token-in-env findings are not shown \(the first 100 are\)/);
    expect(env.at(-1)!.status).toBe(env[0]!.status);
  });
});
