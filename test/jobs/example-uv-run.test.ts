// `example --uv-run`: the example submitted as `hf jobs uv run --secrets HF_TOKEN SCRIPT` submits it (huggingface_hub
// 1.13+): the script uploaded with Xet into {ns}/jobs-artifacts/{folder}/, the job started with that folder mounted at
// /data. Against a sandbox reached with --endpoint, so the bucket and the job can be read back afterwards.
import {downloadFile, getJob} from '@huggingface/hub';
import {describe, expect, it} from 'vitest';
import {EXAMPLES} from '../../src/examples/catalog.js';
import {viaMain} from '../helpers/command.js';
import {useSandbox} from '../helpers/sandbox.js';
import {commandIo, tempHome} from './helpers.js';

const example = viaMain('example');

describe('example --uv-run', () => {
  const sb = useSandbox();

  it(
    'uploads the script to the jobs-artifacts bucket, mounts its folder at /data and runs; the job COMPLETES',
    {timeout: 90_000},
    async () => {
      const home = await tempHome();
      try {
        const t = await commandIo({...home.env, HF_TOKEN: sb.current.tokens.write});
        const code = await example(['push-dataset', '--endpoint', sb.current.url, '--uv-run', '--json'], t.io);
        expect(code, t.err()).toBe(0);
        const summary = JSON.parse(t.out()) as {
          id: string;
          stage: string;
          runner: string;
          uvRun: {bucket: string; folder: string; script: string};
        };
        expect(summary.stage).toBe('COMPLETED');
        expect(summary.uvRun.bucket).toBe('practice-user/jobs-artifacts');
        expect(summary.uvRun.folder).toMatch(/^\d{8}T\d{6}-[0-9a-f]{6}$/);
        expect(summary.uvRun.script).toBe('/data/push_dataset.py');
        expect(t.err()).toContain(
          `push_dataset.py uploaded with Xet to ${summary.uvRun.folder}/, mounted read-write at /data.`,
        );

        // The bucket holds the very script hf would have uploaded.
        const hub = {hubUrl: sb.current.url, accessToken: sb.current.tokens.write};
        const blob = await downloadFile({
          ...hub,
          repo: 'buckets/practice-user/jobs-artifacts',
          path: `${summary.uvRun.folder}/push_dataset.py`,
        });
        expect(await blob!.text()).toBe(EXAMPLES.find((e) => e.id === 'push-dataset')!.python);

        // The job: the bucket volume at /data; the command is uv run /data/push_dataset.py, or the twin when uv is not here.
        const job = (await getJob({...hub, namespace: 'practice-user', jobId: summary.id})) as unknown as {
          command: string[];
          volumes?: {type: string; source: string; mountPath: string; path?: string; readOnly?: boolean}[];
        };
        expect(job.volumes).toEqual([
          expect.objectContaining({
            type: 'bucket',
            source: 'practice-user/jobs-artifacts',
            mountPath: '/data',
            path: summary.uvRun.folder,
          }),
        ]);
        if (summary.runner === 'python-uv') expect(job.command).toEqual(['uv', 'run', '/data/push_dataset.py']);
        else expect(t.err()).toContain('on the Hub it runs `uv run /data/push_dataset.py`');
        expect(t.err()).toContain('-> /data: 1 file copied');
        expect(t.err()).not.toMatch(/hf_[A-Za-z0-9]{34}/);
      } finally {
        await home.cleanup();
      }
    },
  );
});
