// `hf-jobs-wizard sandbox` tells the person how to point the real tools (hf, Python, @huggingface/hub, the MCP tool)
// at it, without printing a token whole outside --json's one JSON line; and what it says works.
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createInterface} from 'node:readline';
import {whoAmI} from '@huggingface/hub';
import {describe, expect, it} from 'vitest';
import {sandboxClientGuide} from '../../src/core/sandbox-guide.js';

const CLI = join(import.meta.dirname, '../../dist/cli.mjs');
const FAKE = 'hf_FAKEguideTOKENguideTOKENguide1234';

describe('the sandbox client guide', () => {
  it('names HF_ENDPOINT, a masked HF_TOKEN, hf, Python, JavaScript and what the MCP tool cannot do', () => {
    const text = sandboxClientGuide('http://127.0.0.1:4321', FAKE).join('\n');
    expect(text).toContain('export HF_ENDPOINT=http://127.0.0.1:4321');
    // The command that prints the whole token for this sandbox (its folder and port), as it can be pasted.
    expect(text).toMatch(
      /export HF_TOKEN=hf_…1234 +# the "write" practice token in full: stop this sandbox, then `npx hf-jobs-wizard sandbox --json`/,
    );
    expect(
      sandboxClientGuide('http://127.0.0.1:8765', FAKE, {flags: '--data /srv/hf --port 8765'}).join('\n'),
    ).toContain(
      '# the "write" practice token in full: stop this sandbox, then `npx hf-jobs-wizard sandbox --data /srv/hf --port 8765 --json`',
    );
    expect(sandboxClientGuide('http://127.0.0.1:8765', FAKE, {printedAbove: true}).join('\n')).toContain(
      '# the "write" practice token in full is in the JSON line above',
    );
    expect(text).not.toContain(FAKE);
    expect(text).toContain('hf auth whoami');
    expect(text).toContain('from huggingface_hub import whoami');
    expect(text).toContain('hubUrl: process.env.HF_ENDPOINT');
    expect(text).toMatch(/MCP hf_jobs tool .* always calls https:\/\/huggingface.co/);
  });

  it.skipIf(!existsSync(CLI))(
    'is printed on stderr beside the --json line, and its HF_ENDPOINT answers the practice token',
    async () => {
      const child = spawn(process.execPath, [CLI, 'sandbox', '--json'], {stdio: ['ignore', 'pipe', 'pipe']});
      try {
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        const first = await new Promise<string>((resolve, reject) => {
          createInterface({input: child.stdout}).once('line', resolve);
          child.once('exit', (code) => reject(new Error(`sandbox exited (${code}): ${stderr}`)));
        });
        const info = JSON.parse(first) as {url: string; tokens: {write: string}};
        const deadline = Date.now() + 5000;
        while (!stderr.includes('nothing is uploaded anywhere') && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 50));
        const endpoint = /export HF_ENDPOINT=(\S+)/.exec(stderr)?.[1];
        expect(endpoint).toBe(info.url);
        expect(stderr).not.toContain(info.tokens.write);
        const me = await whoAmI({hubUrl: endpoint!, accessToken: info.tokens.write});
        expect(me.name).toBe('practice-user');
      } finally {
        child.kill('SIGINT');
        await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      }
    },
    30_000,
  );

  it.skipIf(!existsSync(CLI))(
    "a workshop (--data): it names the learners' command, and a learner logs in with a practice token from another process",
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'hfjw-workshop-'));
      const learner = {
        HOME: join(dir, 'learner'),
        XDG_CACHE_HOME: join(dir, 'learner', 'cache'),
        PATH: process.env.PATH,
      };
      const child = spawn(process.execPath, [CLI, 'sandbox', '--data', join(dir, 'room')], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {...process.env, HOME: join(dir, 'instructor')},
      });
      try {
        let stdout = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        const deadline = Date.now() + 15_000;
        while (!stdout.includes('Press Ctrl-C') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        const url = /listening on (\S+)/.exec(stdout)?.[1];
        expect(stdout).toContain(`Learners on this machine (as a user who may read ${join(dir, 'room')}):`);
        expect(stdout).toContain(`\`npx hf-jobs-wizard --endpoint ${url}\` (practice tokens offered)`);
        const {main} = await import('../../src/main.js');
        const {makeIo} = await import('./helpers-auth.js');
        const io = makeIo(learner as Record<string, string>);
        expect(await main(['login', '--endpoint', url!, '--practice', 'write'], io), io.err()).toBe(0);
        expect(io.out()).toContain('belongs to practice-user');
      } finally {
        child.kill('SIGINT');
        await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
        await rm(dir, {recursive: true, force: true});
      }
    },
    30_000,
  );
});
