// Volumes mounted for real in sandbox jobs: a bucket volume the job reads its script from and writes back to, a
// dataset volume read read-only, and a write to a read-only volume that fails; the job's log says what was done.
import {commit, createRepo, downloadFile, listFiles, runJob, uploadFile} from '@huggingface/hub';
import {describe, expect, it} from 'vitest';
import {useSandbox} from '../helpers/sandbox.js';
import {NS, collectLogs, ownLines, waitForStage} from './helpers.js';

let counter = 0;
const fresh = (p: string) => `${p}-${Date.now().toString(36)}-${counter++}`;

describe('sandbox job volumes', () => {
  const sb = useSandbox();
  const hub = () => ({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});

  it('mounts a read-write bucket folder at /data: the job runs its script from it and what it writes lands in the bucket', async () => {
    const bucket = `buckets/${NS}/${fresh('vol')}`;
    await createRepo({...hub(), repo: bucket, private: true});
    // Paths inside a script's text are not rewritten (only the command, arguments and environment): the script finds
    // its files through them, as scripts written for any mount point do.
    const script =
      "const fs = require('fs'); const me = fs.readFileSync(__filename, 'utf8').length; fs.mkdirSync(process.env.DATA_DIR, {recursive: true}); fs.writeFileSync(process.argv[2], 'script was ' + me + ' bytes; DATA=' + process.env.DATA_DIR); console.log('wrote result');\n";
    await commit({
      ...hub(),
      repo: bucket,
      title: 'script',
      operations: [
        {operation: 'addOrUpdate', path: 'run1/job.js', content: new Blob([script])},
        {operation: 'addOrUpdate', path: 'other/x.txt', content: new Blob(['not mounted'])},
      ],
    });
    const job = await runJob({
      ...hub(),
      namespace: NS,
      dockerImage: 'node:20-slim',
      command: ['node', '/data/job.js', '/data/out/result.txt'],
      environment: {DATA_DIR: '/data/out'},
      flavor: 'cpu-basic',
      volumes: [{source: bucket, mountPath: '/data', path: 'run1', readOnly: false}],
    } as Parameters<typeof runJob>[0]);
    const done = await waitForStage(hub(), job.id, undefined, 30_000);
    const logs = await collectLogs(hub(), job.id);
    expect(done.status.stage, logs.join('\n')).toBe('COMPLETED');
    expect(ownLines(logs)).toEqual(['wrote result']);
    expect(
      logs.some((l) =>
        l.startsWith(
          `[sandbox] volume bucket ${bucket.slice('buckets/'.length)} (folder run1) -> /data: 1 file copied`,
        ),
      ),
    ).toBe(true);
    expect(logs.some((l) => l.includes('uploaded 1 new or changed file') && l.includes('run1/out/result.txt'))).toBe(
      true,
    );
    const paths: string[] = [];
    for await (const f of listFiles({...hub(), repo: bucket, recursive: true}))
      if (f.type === 'file') paths.push(f.path);
    expect(paths.sort()).toEqual(['other/x.txt', 'run1/job.js', 'run1/out/result.txt']);
    const result = await downloadFile({...hub(), repo: bucket, path: 'run1/out/result.txt'});
    // The mount path was rewritten in the environment too: the job saw its own folder, not a literal /data.
    const text = await result!.text();
    expect(text).toMatch(/^script was \d+ bytes; DATA=\/.+\/volumes\/1\/out$/);
    expect(text).toContain(`script was ${script.length} bytes`);
  }, 60_000);

  it('mounts a dataset read-only: the job reads its files, and a write there fails', async () => {
    const dataset = `${NS}/${fresh('vol-data')}`;
    await createRepo({...hub(), repo: {type: 'dataset', name: dataset}});
    await uploadFile({
      ...hub(),
      repo: {type: 'dataset', name: dataset},
      file: {path: 'data/train.csv', content: new Blob(['a,b\n1,2\n'])},
    });
    const source =
      "const fs = require('fs'); console.log(fs.readFileSync('/inputs/train.csv', 'utf8').trim().split('\\n').length + ' lines'); try { fs.writeFileSync('/inputs/new.txt', 'x'); console.log('write succeeded'); } catch (e) { console.log('write failed: ' + e.code); }";
    const job = await runJob({
      ...hub(),
      namespace: NS,
      dockerImage: 'node:20-slim',
      command: ['node', '-e', source],
      flavor: 'cpu-basic',
      volumes: [{source: `datasets/${dataset}`, mountPath: '/inputs', path: 'data'}],
    } as Parameters<typeof runJob>[0]);
    const done = await waitForStage(hub(), job.id, undefined, 30_000);
    const logs = await collectLogs(hub(), job.id);
    expect(done.status.stage, logs.join('\n')).toBe('COMPLETED');
    const own = ownLines(logs);
    expect(own[0]).toBe('2 lines');
    expect(own[1]).toMatch(/^write failed: (EROFS|EACCES|EPERM)$/);
    expect(
      logs.some(
        (l) =>
          l.includes(`volume dataset ${dataset}@main (folder data) -> /inputs: 1 file copied`) &&
          l.includes('read-only'),
      ),
    ).toBe(true);
  }, 60_000);

  it('fails a job that writes to a read-only volume, and one whose volume does not exist', async () => {
    const model = `${NS}/${fresh('vol-model')}`;
    await createRepo({...hub(), repo: model, files: [{path: 'config.json', content: new Blob(['{}'])}]});
    const job = await runJob({
      ...hub(),
      namespace: NS,
      dockerImage: 'node:20-slim',
      command: ['node', '-e', "require('fs').writeFileSync('/model/config.json', 'overwritten')"],
      flavor: 'cpu-basic',
      volumes: [{source: model, mountPath: '/model'}],
    } as Parameters<typeof runJob>[0]);
    const done = await waitForStage(hub(), job.id, undefined, 30_000);
    expect(done.status.stage).toBe('ERROR');
    const missing = await runJob({
      ...hub(),
      namespace: NS,
      dockerImage: 'node:20-slim',
      command: ['node', '-e', '1'],
      flavor: 'cpu-basic',
      volumes: [{source: `buckets/${NS}/no-such-bucket`, mountPath: '/data'}],
    } as Parameters<typeof runJob>[0]);
    const failed = await waitForStage(hub(), missing.id, undefined, 30_000);
    expect(failed.status.stage).toBe('ERROR');
    expect(failed.status.message).toMatch(/Could not mount the job's volumes: .*no-such-bucket not found/);
  }, 60_000);
});
