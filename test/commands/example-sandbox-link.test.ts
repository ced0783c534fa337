// `example NAME --sandbox` starts a sandbox of its own and stops it when it ends: the link to the repo the job made
// says so (it was printed as if it stayed open; newcomer review, session 7).
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {viaMain} from '../helpers/command.js';
import {makeIo} from './helpers-auth.js';

const home = mkdtempSync(join(tmpdir(), 'hfjw-example-link-'));
afterAll(() => rmSync(home, {recursive: true, force: true}));

describe('example --sandbox', () => {
  it('a completed job names its repo and says the sandbox stops with the command', async () => {
    const io = makeIo({
      HOME: home,
      HF_HOME: join(home, 'hf'),
      XDG_CACHE_HOME: join(home, '.cache'),
      PATH: process.env.PATH ?? '',
    });
    const code = await viaMain('example')(['push-dataset', '--sandbox'], io);
    expect(code, io.err()).toBe(0);
    expect(io.err()).toMatch(
      /See http:\/\/127\.0\.0\.1:\d+\/datasets\/practice-user\/\S+ while this command runs: the sandbox it started stops with it/,
    );
    expect(io.err()).toMatch(/sandbox` serves it again/);
  }, 60_000);
});
