// Commit records store what a commit changed, not the whole tree (issue 10, load): a long history of small commits
// on a big tree stays small on disk, and every revision still reads back exactly, also after a restart (cold cache).
import {mkdtemp, readdir, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {commit, createRepo, listFiles} from '@huggingface/hub';
import {afterAll, describe, expect, it} from 'vitest';
import {SNAPSHOT_EVERY} from '../../src/sandbox/hub/store.js';
import {startSandbox} from '../../src/sandbox/index.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, {recursive: true, force: true});
});

async function tree(
  hub: {hubUrl: string; accessToken: string},
  repo: {type: 'dataset'; name: string},
  revision: string,
): Promise<string[]> {
  const paths: string[] = [];
  for await (const f of listFiles({...hub, repo, revision, recursive: true})) if (f.type === 'file') paths.push(f.path);
  return paths.sort();
}

describe('commit storage', () => {
  it('150 one-file commits on a 400-file tree: most records are a few hundred bytes, every revision reads back exactly after a restart', async () => {
    const root = await mkdtemp(join(tmpdir(), 'hf-commit-storage-'));
    dirs.push(root);
    const dataDir = join(root, 'data');
    const repo = {type: 'dataset' as const, name: 'practice-user/history'};
    let sb = await startSandbox({dataDir});
    let hub = {hubUrl: sb.url, accessToken: sb.tokens.write};
    await createRepo({...hub, repo});
    const prefill = Array.from({length: 400}, (_, i) => `prefill/${String(i).padStart(3, '0')}.txt`);
    await commit({
      ...hub,
      repo,
      title: 'prefill',
      operations: prefill.map((path) => ({operation: 'addOrUpdate' as const, path, content: new Blob([path])})),
    });

    const expected = new Map<string, string[]>();
    const current = new Set(['.gitattributes', ...prefill]);
    for (let i = 0; i < 150; i++) {
      const path = `c/${i}.txt`;
      const operations: Parameters<typeof commit>[0]['operations'] = [
        {operation: 'addOrUpdate', path, content: new Blob([`commit ${i}`])},
      ];
      current.add(path);
      if (i % 10 === 9) {
        operations.push({operation: 'delete', path: prefill[i]!});
        current.delete(prefill[i]!);
      }
      const out = await commit({...hub, repo, title: `commit ${i}`, operations});
      expected.set(out!.commit.oid, [...current].sort());
    }

    const commitsDir = join(dataDir, 'hub/repos/datasets/practice-user/history/commits');
    const sizes = await Promise.all(
      (await readdir(commitsDir)).map(async (f) => (await stat(join(commitsDir, f))).size),
    );
    const small = sizes.filter((s) => s < 1500).length;
    const total = sizes.reduce((a, b) => a + b, 0);
    const full = Math.max(...sizes);
    // 152 records; full trees only for the first commit, the prefill and every SNAPSHOT_EVERY-th after it.
    expect(sizes).toHaveLength(152);
    expect(small).toBeGreaterThanOrEqual(152 - 2 - Math.ceil(150 / SNAPSHOT_EVERY) - 1);
    expect(total).toBeLessThan(full * 6);

    await sb.close();
    sb = await startSandbox({dataDir});
    hub = {hubUrl: sb.url, accessToken: sb.tokens.write};
    try {
      const oids = [...expected.keys()];
      for (const oid of [oids[0]!, oids[37]!, oids[SNAPSHOT_EVERY]!, oids[99]!, oids[149]!])
        expect(await tree(hub, repo, oid)).toEqual(expected.get(oid));
      expect(await tree(hub, repo, 'main')).toEqual(expected.get(oids[149]!));
    } finally {
      await sb.close();
    }
  }, 60_000);
});
