// Standing security tests in a real pseudo-terminal (issue 10): every command, and the troubleshoot screen, run with a
// known token planted where it can come from (saved login, HF_TOKEN, argv, a pasted text, a file, a job's log, a
// server's answer), glued to text and to escape codes; and with terminal control planted in the same places (OSC 52
// clipboard write, OSC 8 hyperlink, OSC 0 title, CSI screen erase, bidi override, zero-width space). The whole byte
// stream the terminal received must hold neither the token nor any planted sequence raw, and no file the app wrote
// (outside the token store) may hold the token.
import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createHubClient} from '../../src/core/hub/client.js';
import {isTerminal} from '../../src/core/jobs/index.js';
import {saveLogin} from '../../src/core/store/session.js';
import {sandboxHfHome} from '../../src/core/store/paths.js';
import {useSandbox} from '../helpers/sandbox.js';
import {CLI, startCli, useE2eHomes} from './pty.js';

const sb = useSandbox();
const home = useE2eHomes();

/** Each planted sequence carries a marker, so the app's own escape codes (Ink's frames, colours) never count. */
const PLANTED = {
  osc52: '\x1b]52;c;cHduZWQtY2xpcA==\x07',
  osc8: '\x1b]8;;https://evil.example/pwn\x1b\\click-here\x1b]8;;\x1b\\',
  title: '\x1b]0;pwned-title\x07',
  erase: '\x1b[2Jerased-marker',
  home: '\x1b[Hhome-marker',
  bidi: 'bidi-\u202eevil-marker',
  zeroWidth: 'zero\u200bwidth-marker',
};
const RAW_FORBIDDEN: [string, string][] = [
  ['OSC 52 clipboard write', '\x1b]52;'],
  ['OSC 8 hyperlink to the planted URL', '\x1b]8;;https://evil.example'],
  ['OSC 0 title', '\x1b]0;pwned'],
  ['CSI erase before the marker', '\x1b[2Jerased-marker'],
  ['CSI cursor home before the marker', '\x1b[Hhome-marker'],
  ['right-to-left override', '\u202e'],
  ['zero-width space', '\u200b'],
];
const hostileText = (token: string) =>
  `${Object.values(PLANTED).join(' ')} TOKEN_${token} \x1b[1m${token}\x1b[0m x${token}`;

let token = '';
let jobId = '';
let hostile: Server;
let hostileUrl = '';

beforeAll(async () => {
  token = sb.current.tokens.write;
  // A job whose log carries the token (its own HF_TOKEN, glued to text and ANSI) and every planted sequence.
  const client = createHubClient({hubUrl: sb.current.url, accessToken: token});
  const script = `const t = process.env.HF_TOKEN; process.stdout.write(${JSON.stringify(Object.values(PLANTED).join(' '))} + ' TOKEN_' + t + ' \\x1b[1m' + t + '\\x1b[0m\\n'); console.error('HTTP 401 Unauthorized token=' + t); process.exit(1);`;
  jobId = (
    await client.runJob('practice-user', {
      dockerImage: 'node:20-slim',
      command: ['node', '-e', script],
      flavor: 'cpu-basic',
      secrets: {HF_TOKEN: token},
    })
  ).id;
  for (let i = 0; i < 150; i++) {
    if (isTerminal(String((await client.getJob('practice-user', jobId)).status.stage))) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  // A Hub that answers whoami with a token name full of escape codes and the token itself.
  hostile = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        type: 'user',
        id: '1',
        name: `alice${PLANTED.title}`,
        fullname: PLANTED.osc52,
        orgs: [{name: `org${PLANTED.erase}`, roleInOrg: 'write'}],
        auth: {type: 'access_token', accessToken: {displayName: `name ${hostileText(token)}`, role: 'write'}},
      }),
    );
  });
  await new Promise<void>((r) => hostile.listen(0, '127.0.0.1', r));
  hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((r) => hostile?.close(r));
});

interface Run {
  name: string;
  raw: string;
  screen: string;
  code: number;
  dir: string;
}

/** Runs the built app in a pty with the token saved as the login, waits for it to end (typing `keys` first). */
async function runInPty(
  name: string,
  args: string[],
  opts: {
    env?: Record<string, string>;
    keys?: string[];
    waitFor?: string | RegExp;
    files?: Record<string, string>;
    /** After `keys`: wait for this on screen, then type `lastKeys` (a report shown before Ctrl-C ends it). */
    thenWaitFor?: string | RegExp;
    lastKeys?: string[];
  } = {},
): Promise<Run> {
  const {dir, env} = await home();
  const hfHome = join(dir, 'hf');
  await saveLogin({HOME: dir, HF_HOME: hfHome}, {name: 'planted', token});
  // A Hub on this machine (the sandbox, the hostile Hub) reads its login from the sandbox home: planted there too.
  await saveLogin({HOME: dir, HF_HOME: sandboxHfHome(env)}, {name: 'planted', token});
  const work = join(dir, 'work');
  await mkdir(work, {recursive: true});
  for (const [file, text] of Object.entries(opts.files ?? {})) await writeFile(join(work, file), text);
  const cli = startCli([CLI, ...args], {
    env: {...env, HF_HOME: hfHome, HF_WIZARD_LOG_WAIT_MS: '3000', ...opts.env},
    cwd: work,
  });
  if (opts.waitFor) await cli.waitFor(opts.waitFor, 15_000);
  for (const k of opts.keys ?? []) await cli.press(k, 150);
  if (opts.thenWaitFor) await cli.waitFor(opts.thenWaitFor, 15_000);
  for (const k of opts.lastKeys ?? []) await cli.press(k, 150);
  const code = await Promise.race([cli.exited, new Promise<number>((r) => setTimeout(() => r(-1), 30_000))]);
  if (code === -1) cli.pty.kill();
  return {name, raw: cli.raw(), screen: cli.screen(), code, dir};
}

/** Every file under `dir` the app may have written, except the token store. */
async function writtenFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, {withFileTypes: true})) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (!/(^|\/)hf\/(token|stored_tokens)$/.test(p.slice(dir.length)) && !/sandbox-data|sandbox-home/.test(p))
        out.push(p);
    }
  };
  await walk(dir);
  return out;
}

function expectClean(run: Run): void {
  if (process.env.DEBUG_PTY) console.log(`==== ${run.name} (exit ${run.code})\n${run.screen}`);
  expect(run.code, `${run.name} did not end\n${run.screen}`).not.toBe(-1);
  expect(run.raw.includes(token), `${run.name}: the token reached the terminal whole`).toBe(false);
  for (const [what, seq] of RAW_FORBIDDEN)
    expect(run.raw.includes(seq), `${run.name}: ${what} reached the terminal raw`).toBe(false);
  expect(run.screen).not.toMatch(/\n\s+at .+:\d+:\d+\)?$/m);
}

describe('the wizard in a pty, with a real login and HF_TOKEN planted', () => {
  it('--sandbox --plain reaches a completed job; neither the planted token nor a practice token reaches the terminal or its files', async () => {
    const {dir, env} = await home();
    const real = join(dir, 'real-hf-home');
    await saveLogin({HOME: dir, HF_HOME: real}, {name: 'planted', token});
    const cli = startCli([CLI, '--sandbox', '--plain'], {env: {...env, HF_HOME: real, HF_TOKEN: token}, cwd: dir});
    await cli.waitFor('How do you want to log in?', 15_000);
    await cli.press('\r'); // practice token
    await cli.waitFor('Which practice token?');
    await cli.press('\r'); // write
    await cli.waitFor('What should your first job do?');
    await cli.press('\r');
    await cli.waitFor('✓ Your token fits.');
    await cli.press('\r');
    await cli.waitFor('Write these files?');
    await cli.press('\r');
    await cli.waitFor(/\[✓\] Jobs that use the Hub get HF_TOKEN/, 15_000);
    await cli.press('\r'); // continue to the example job
    await cli.waitFor('Run this job', 15_000);
    await cli.press('\r');
    await cli.waitFor('COMPLETED: your first job ran', 40_000);
    await cli.waitFor('1) Finish');
    await cli.press('\r'); // Finish (the other choice: the same job with the real hf CLI)
    const code = await Promise.race([cli.exited, new Promise<number>((r) => setTimeout(() => r(-1), 15_000))]);
    if (code === -1) cli.pty.kill();
    const accounts = JSON.parse(
      await readFile(join(dir, 'cache/hf-jobs-wizard/sandbox-data/accounts.json'), 'utf8'),
    ) as {tokens: {value: string}[]};
    const secrets = [token, ...accounts.tokens.map((t) => t.value)];
    expect(code).toBe(0);
    for (const s of secrets) expect(cli.raw().includes(s), 'a token reached the terminal whole').toBe(false);
    for (const [what, seq] of RAW_FORBIDDEN)
      expect(cli.raw().includes(seq), `${what} reached the terminal raw`).toBe(false);
    const project = await writtenFiles(join(dir, 'my-first-hf-job'));
    expect(project.length).toBeGreaterThan(0);
    for (const f of project)
      for (const s of secrets) expect((await readFile(f, 'utf8')).includes(s), `${f} holds a token`).toBe(false);
  }, 120_000);
});

describe('the Ink wizard in a pty: a job prints a dataset file carrying the token and terminal payloads', () => {
  it('--endpoint (a local Hub), pasted token, "Read a private dataset": the Run screen shows the file as text, the token masked', async () => {
    // The practice user's private dataset gets a CSV whose rows hold every planted sequence and the token itself.
    const repo = {type: 'dataset' as const, name: 'practice-user/private-dataset'};
    const {uploadFile} = await import('@huggingface/hub');
    await uploadFile({
      hubUrl: sb.current.url,
      accessToken: token,
      repo,
      file: {path: 'data.csv', content: new Blob([`text,label\n"${hostileText(token)}",1\n`])},
    });
    const {dir, env} = await home();
    const cli = startCli([CLI, '--endpoint', sb.current.url], {env: {...env, HF_HOME: join(dir, 'hf')}, cwd: dir});
    await cli.waitFor('How do you want to log in?', 15_000);
    // The sandbox proves which folder it serves (owner.json): practice tokens are offered first; this test pastes.
    await cli.press('\u001B[B');
    await cli.waitFor('❯ Paste a token');
    await cli.press('\r');
    await cli.waitFor('The input is hidden');
    await cli.press(token, 150);
    await cli.press('\r');
    await cli.waitFor('✓ Logged in as practice-user', 15_000);
    await cli.press('\r');
    await cli.waitFor('What should your first job do?');
    await cli.press('\u001B[B');
    await cli.press('\u001B[B');
    await cli.waitFor('❯ Read a private dataset');
    await cli.press('\r');
    await cli.waitFor('❯ Write 4 files', 15_000);
    await cli.press('\r');
    await cli.waitFor('❯ Continue to the example job', 20_000);
    await cli.press('\r');
    await cli.waitFor('❯ Run this job', 20_000);
    await cli.press('\r');
    await cli.waitFor('COMPLETED: your first job ran', 60_000);
    await cli.press('\r'); // Finish
    const code = await Promise.race([cli.exited, new Promise<number>((r) => setTimeout(() => r(-1), 15_000))]);
    if (code === -1) cli.pty.kill();
    const run = {name: 'wizard Run screen', raw: cli.raw(), screen: cli.screen(), code, dir};
    expectClean(run);
    // The file was printed (as text, the token masked), so the payloads did reach the screen and were neutralised.
    expect(run.screen).toMatch(/TOKEN_hf_…\w{4}/);
    // Shown, not obeyed: as <U+202E> by the log's own sanitiser, or as \u202e by the guarded output.
    expect(run.screen).toMatch(/bidi-(?:<U\+202E>|\\u202e)evil-marker/);
    for (const f of await writtenFiles(join(dir, 'my-first-hf-job')))
      expect(await readFile(f, 'utf8'), `${f} holds the token`).not.toContain(token);
  }, 150_000);
});

describe('token leak and terminal injection, every command in a pty', () => {
  it('troubleshoot --job: a job log carrying the token and OSC/CSI/bidi payloads', async () => {
    const run = await runInPty('troubleshoot --job', ['troubleshoot', '--job', jobId, '--endpoint', sb.current.url]);
    expectClean(run);
    // The log was read: its 401 line is the evidence, with the token masked.
    expect(run.screen).toMatch(/HTTP 401 Unauthorized token=hf_…\w{4}/);
  }, 60_000);

  it('troubleshoot FILE and check DIR: file contents carrying the token and payloads', async () => {
    const files = {
      'error.txt': `${hostileText(token)}\nHTTP 401 Unauthorized`,
      'train.py': `# ${Object.values(PLANTED).join(' ')}\nfrom huggingface_hub import run_job\nrun_job(image="python:3.12", command=["python", "x.py"], secrets={"HF_TOKEN": "${token}"})\n`,
      'hf-job.json': `{"script": "train.py", "${PLANTED.osc52}": 1, "env": {"HF_TOKEN": "${token}"}}`,
    };
    for (const [name, args] of [
      ['troubleshoot FILE', ['troubleshoot', 'error.txt', '--endpoint', sb.current.url]],
      ['troubleshoot FILE --json', ['troubleshoot', 'error.txt', '--json']],
      ['check DIR', ['check', '.', '--endpoint', sb.current.url]],
      ['check DIR --offline --json', ['check', '.', '--offline', '--json']],
    ] as [string, string[]][]) {
      const run = await runInPty(name, args, {files});
      expectClean(run);
      for (const f of await writtenFiles(join(run.dir, 'work')))
        if (!Object.keys(files).some((k) => f.endsWith(k))) expect(await readFile(f, 'utf8')).not.toContain(token);
    }
  }, 120_000);

  it('troubleshoot: a pasted text carrying the token, a bidi override and a zero-width space', async () => {
    const run = await runInPty('troubleshoot paste', ['troubleshoot', '--endpoint', sb.current.url], {
      waitFor: 'Paste the error you got',
      keys: [`HTTP 401 Unauthorized TOKEN_${token} ${PLANTED.bidi} ${PLANTED.zeroWidth}`, '\u0004'],
      // The answer is on screen before Ctrl-C ends the run (pressed 150 ms after Ctrl-D, it stopped the reading on a
      // busy machine: the screen then held only "Reading the error…"). Not the marker itself: the paste box shows it.
      thenWaitFor: 'Live diagnosis',
      lastKeys: ['\u0003'],
    });
    expectClean(run);
    expect(run.screen).toContain('bidi-<U+202E>evil-marker');
  }, 60_000);

  it('troubleshoot: a pasted coloured log with every planted sequence (Ink threw on ESC[0m, ending with a stack trace)', async () => {
    const run = await runInPty('troubleshoot paste (coloured)', ['troubleshoot', '--endpoint', sb.current.url], {
      waitFor: 'Paste the error you got',
      // Ctrl-C once the report is up (it was typed 150 ms after Ctrl-D: too soon on a loaded machine).
      keys: [`\u001b[31mHTTP 401 Unauthorized\u001b[0m ${hostileText(token)}`, '\u0004'],
      thenWaitFor: /Likely causes/,
      lastKeys: ['\u0003'],
    });
    expectClean(run);
    expect(run.screen).not.toContain('TypeError');
    expect(run.screen).toContain('401 Unauthorized');
  }, 60_000);

  it('status, login and check against a Hub whose whoami answer carries escape codes and the token', async () => {
    const status = await runInPty('status (hostile Hub)', ['status', '--endpoint', hostileUrl]);
    expectClean(status);
    expect(status.screen).toContain('alice␛]0;pwned-title␇'); // the server's name, shown as text
    const login = await runInPty('login (hostile Hub, pasted token)', ['login', '--endpoint', hostileUrl], {
      waitFor: 'Paste your token',
      keys: [token, '\r'],
    });
    expectClean(login);
    const check = await runInPty('check (hostile Hub)', ['check', '.', '--endpoint', hostileUrl], {
      files: {'run.sh': 'hf jobs run --secrets HF_TOKEN python:3.12 python -c "print(1)"\n'},
    });
    expectClean(check);
  }, 90_000);

  it('the token in HF_TOKEN, in argv and in a saved login: status, check, troubleshoot, logout, unknown commands', async () => {
    for (const [name, args, env] of [
      ['status (HF_TOKEN)', ['status', '--endpoint', sb.current.url], {HF_TOKEN: token}],
      ['status --json (saved login)', ['status', '--json', '--endpoint', sb.current.url], {}],
      ['troubleshoot TOKEN', ['troubleshoot', token], {}],
      ['check TOKEN', ['check', token, '--offline'], {}],
      ['status --endpoint TOKEN', ['status', '--endpoint', token], {}],
      ['unknown command TOKEN', [token], {}],
      ['logout NAME=TOKEN', ['logout', token], {}],
      ['example --endpoint (saved login)', ['example', 'token-check', '--endpoint', sb.current.url, '--yes'], {}],
      ['learn --list', ['learn', '--list'], {}],
    ] as [string, string[], Record<string, string>][]) {
      expectClean(await runInPty(name, args, {env}));
    }
  }, 180_000);

  it('revoke FILE: a leaked token (another practice token, after a colour code and glued) is revoked without being shown whole', async () => {
    const leaked = sb.current.tokens.read;
    const run = await runInPty('revoke FILE', ['revoke', 'leak.txt', '--endpoint', sb.current.url, '--yes'], {
      files: {
        'leak.txt': `${Object.values(PLANTED).join(' ')} token: \x1b[1m${leaked}\x1b[0m\nagain: TOKEN_${leaked}\n`,
      },
    });
    expectClean(run);
    expect(run.raw.includes(leaked), 'the revoked token reached the terminal whole').toBe(false);
    expect(run.code).toBe(0);
    expect(run.screen).toMatch(/hf_…\w{4}/);
  }, 60_000);
});
