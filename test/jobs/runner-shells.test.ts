// The runner runs what the learner (or an AI assistant's MCP hf_jobs tool) wrote: a login shell keeps the job's PATH,
// and without uv a uv-image job runs with python3 when its PEP 723 dependencies are importable there, else fails at
// once naming them. Real sandbox, real jobs.
import {runJob} from '@huggingface/hub';
import {describe, expect, it} from 'vitest';
import {findInterpreters} from '../../src/sandbox/jobs/images.js';
import {useSandbox} from '../helpers/sandbox.js';
import {NS, collectLogs, ownLines, waitForStage} from './helpers.js';

const UV_IMAGE = 'ghcr.io/astral-sh/uv:python3.12-bookworm';
const found = await findInterpreters();
const standIn = !found.uv && Boolean(found.python3);

describe('the runner and shells', () => {
  const sb = useSandbox();
  const hub = () => ({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
  const run = async (dockerImage: string, command: string[]) => {
    const job = await runJob({...hub(), namespace: NS, dockerImage, command, flavor: 'cpu-basic'});
    const done = await waitForStage(hub(), job.id, undefined, 30_000);
    return {done, lines: await collectLogs(hub(), job.id)};
  };

  it.skipIf(!found.python3)(
    'keeps the job PATH in a login shell (sh -lc), so python is found after /etc/profile',
    async () => {
      const {done, lines} = await run('python:3.12', [
        '/bin/sh',
        '-lc',
        'command -v python && python -c "print(6 * 7)"',
      ]);
      expect(done.status.stage, lines.join('\n')).toBe('COMPLETED');
      expect(ownLines(lines)).toContain('42');
    },
  );

  it.skipIf(!found.uv && !found.python3)(
    'runs an MCP-style uv script piped into `uv run -` from a login shell',
    async () => {
      // What the MCP hf_jobs tool sends for a uv script: ["/bin/sh", "-lc", "echo <base64> | base64 -d | uv run -"].
      const script = [
        '# /// script',
        '# dependencies = []',
        '# ///',
        'import os',
        'print("secret set:", "HF_TOKEN" in os.environ)',
      ].join('\n');
      const b64 = Buffer.from(script).toString('base64');
      const {done, lines} = await run(UV_IMAGE, ['/bin/sh', '-lc', `echo ${b64} | base64 -d | uv run -`]);
      expect(done.status.stage, lines.join('\n')).toBe('COMPLETED');
      expect(ownLines(lines)).toContain('secret set: False');
      if (standIn)
        expect(lines).toContain(
          `[sandbox] uv is not installed on this machine: \`uv run\` runs with python3 (${found.python3}).`,
        );
    },
  );

  it.skipIf(!standIn)('without uv, runs `uv run --with` a dependency python3 has, saying so once', async () => {
    const {done, lines} = await run(UV_IMAGE, [
      'uv',
      'run',
      '--with',
      'json5-not-needed-here',
      'python',
      '-c',
      'print(1)',
    ]).catch(() => ({done: undefined, lines: []}));
    // A dependency python3 cannot import: the job fails at once, naming it and how to get it.
    expect(done?.status.stage).toBe('ERROR');
    expect(
      lines.some(
        (l) =>
          l.includes('cannot import json5-not-needed-here') &&
          l.includes('https://docs.astral.sh/uv/getting-started/installation/') &&
          l.includes("python3 -m pip install 'json5-not-needed-here'"),
      ),
    ).toBe(true);

    const ok = await run(UV_IMAGE, [
      'uv',
      'run',
      '--with',
      'json',
      'python',
      '-c',
      'import json; print(json.dumps([1]))',
    ]);
    expect(ok.done.status.stage, ok.lines.join('\n')).toBe('COMPLETED');
    expect(ownLines(ok.lines)).toContain('[1]');
    expect(ok.lines.filter((l) => l.includes('uv is not installed on this machine'))).toEqual([
      `[sandbox] uv is not installed on this machine: \`uv run\` runs with python3 (${found.python3}), where json is importable.`,
    ]);
  });

  it.skipIf(!standIn)('without uv, runs `uv run URL` on a script served by the Hub (here the sandbox)', async () => {
    const {createRepo, uploadFile} = await import('@huggingface/hub');
    const repo = {type: 'model' as const, name: `${NS}/uv-url-${Date.now().toString(36)}`};
    await createRepo({...hub(), repo});
    await uploadFile({
      ...hub(),
      repo,
      file: {
        path: 'hello.py',
        content: new Blob([
          '# /// script\n# dependencies = []\n# ///\nimport sys\nprint("hello from a URL", sys.argv[1:])\n',
        ]),
      },
    });
    const {done, lines} = await run(UV_IMAGE, [
      'uv',
      'run',
      `${sb.current.url}/${repo.name}/resolve/main/hello.py`,
      'a',
      'b',
    ]);
    expect(done.status.stage, lines.join('\n')).toBe('COMPLETED');
    expect(ownLines(lines)).toContain("hello from a URL ['a', 'b']");
  });

  it.skipIf(!standIn)('without uv, fails a script whose PEP 723 dependencies python3 lacks, naming each', async () => {
    const script = [
      '# /// script',
      '# dependencies = [',
      '#   "surely-not-installed-pkg>=1.0",',
      '#   "another_missing_pkg[extra]",',
      '# ]',
      '# ///',
      'print("never")',
    ].join('\n');
    const b64 = Buffer.from(script).toString('base64');
    const {done, lines} = await run(UV_IMAGE, ['/bin/sh', '-lc', `echo ${b64} | base64 -d | uv run -`]);
    expect(done.status.stage).toBe('ERROR');
    expect(ownLines(lines)).not.toContain('never');
    const line = lines.find((l) => l.includes('cannot import'));
    expect(line).toContain('surely-not-installed-pkg>=1.0, another_missing_pkg[extra]');
  });

  it('writes each "[sandbox]" line once, also when the image cannot be emulated', async () => {
    const {done, lines} = await run('pytorch/pytorch:latest', ['python', '-c', '1']);
    expect(done.status.stage).toBe('ERROR');
    const notes = lines.filter((l) => l.startsWith('[sandbox]'));
    expect(notes.length).toBeGreaterThan(0);
    expect(new Set(notes).size).toBe(notes.length);
  });
});
