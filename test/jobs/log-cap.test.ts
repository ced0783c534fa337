// A job's log on disk is bounded: a job printing in a loop wrote 1 GB in 5 s to the sandbox's data folder (30 min, the
// default timeout, would fill a disk). The job's own output stops being kept past MAX_OUTPUT_BYTES, said in one line;
// the sandbox's own lines (the end marker a client waits for) are written still.
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {JobLog} from '../../src/sandbox/jobs/log.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hfjw-log-cap-'));
});
afterEach(async () => {
  await rm(dir, {recursive: true, force: true});
});

const lines = (file: string) =>
  readFile(file, 'utf8').then((t) =>
    t
      .split('\n\n')
      .filter(Boolean)
      .map((e) => (JSON.parse(e.slice('data: '.length)) as {data: string}).data),
  );

describe('JobLog caps the job output it keeps', () => {
  it('keeps output up to the cap, then one line; the sandbox lines after it are written', async () => {
    const file = join(dir, 'logs.sse');
    const log = new JobLog(file, 1000);
    const line = 'y'.repeat(99); // 100 bytes with its newline
    for (let i = 0; i < 30; i++) log.appendOutput([line, line]);
    log.append(['[sandbox] Job timeout.', '===== Job finished: status=ERROR =====']);
    log.close();
    const got = await lines(file);
    expect(got.filter((l) => l === line)).toHaveLength(10);
    expect(got.slice(10)).toEqual([
      "[sandbox] the job's output passed 1000 bytes: the rest of it is not kept (the job runs on until it ends).",
      '[sandbox] Job timeout.',
      '===== Job finished: status=ERROR =====',
    ]);
  });
});
