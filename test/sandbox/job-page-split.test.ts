// The sandbox's job page (/jobs/NS/ID, open to any local browser) shows a job's last log lines masked: also a token
// the job printed over two lines, which each line masked on its own showed in two halves.
import {runJob} from '@huggingface/hub';
import {describe, expect, it} from 'vitest';
import {useSandbox} from '../helpers/sandbox.js';
import {NS, nodeJob, waitForStage} from '../jobs/helpers.js';

const TOKEN = 'hf_FAKEq3Rk9LmZ2xPw7TnB4vYc8HjD5s1234';

describe('the job page', () => {
  const sb = useSandbox();
  it('masks a token the job printed over two lines', async () => {
    const hub = {hubUrl: sb.current.url, accessToken: sb.current.tokens.write};
    const source = `const t = ${JSON.stringify(TOKEN)}; console.log("key " + t.slice(0, 12)); console.log(t.slice(12) + " end");`;
    const job = await runJob({...hub, namespace: NS, ...nodeJob(source)});
    expect((await waitForStage(hub, job.id)).status.stage).toBe('COMPLETED');
    const page = await (await fetch(`${sb.current.url}/jobs/${NS}/${job.id}`)).text();
    expect(page).toContain('key hf_…1234 end');
    expect(page).not.toContain(TOKEN.slice(12, 24));
    expect(page).not.toContain(TOKEN.slice(0, 12));
  });
});
