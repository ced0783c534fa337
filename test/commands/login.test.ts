// login/logout/status driven in-process against a real sandbox Hub (no mocked fetch).
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {viaMain} from '../helpers/command.js';
import {useSandbox} from '../helpers/sandbox.js';
import {makeIo, tempHome} from './helpers-auth.js';

const login = viaMain('login');
const logout = viaMain('logout');
const status = viaMain('status');

const sb = useSandbox();
let home: Awaited<ReturnType<typeof tempHome>>;
beforeEach(async () => {
  home = await tempHome();
});
afterEach(async () => {
  await home.cleanup();
});
const hfDir = () => join(home.dir, 'cache', 'huggingface');
/** Where a login to a sandbox reached by URL (--endpoint http://127.0.0.1:PORT) is saved: never the real login. */
const sbHome = () => join(home.dir, 'cache', 'hf-jobs-wizard', 'sandbox-home');

describe('login', () => {
  it('--token-stdin with a write token: validates, prints who and what, saves like huggingface_hub (in the sandbox home)', async () => {
    const token = sb.current.tokens.write;
    const io = makeIo(home.env, {stdinText: `  ${token}\r\n`});
    expect(await login(['--token-stdin', '--endpoint', sb.current.url], io)).toBe(0);
    expect(io.out()).toContain('belongs to practice-user');
    expect(io.out()).toContain('write token (classic)');
    expect(io.out()).toContain('practice-org (write)');
    expect(io.out()).toContain(`saved to ${join(sbHome(), 'token')}`);
    expect(io.out()).toContain(`HF_HOME=${sbHome()} HF_ENDPOINT=${sb.current.url}`);
    expect(io.out() + io.err()).not.toContain(token);
    expect(await readFile(join(sbHome(), 'token'), 'utf8')).toBe(token);
    expect(await readFile(join(sbHome(), 'stored_tokens'), 'utf8')).toBe(
      `[practice write token]\nhf_token = ${token}\n\n`,
    );
  });

  it('--json reports the fine-grained scopes and the HF_TOKEN shadow', async () => {
    const token = sb.current.tokens['fine-grained'];
    const io = makeIo({...home.env, HF_TOKEN: sb.current.tokens.read}, {stdinText: token});
    expect(await login(['--token-stdin', '--endpoint', sb.current.url, '--json', '--name', 'ci'], io)).toBe(0);
    const result = JSON.parse(io.out());
    expect(result).toMatchObject({
      ok: true,
      user: 'practice-user',
      savedAs: 'ci',
      shadowedBy: 'HF_TOKEN',
      token: {kind: 'fineGrained'},
    });
    expect(result.token.scopes[0].permissions).toContain('job.write');
    expect(io.err()).toContain('HF_TOKEN environment variable is set and is still the active token');
    expect(io.out()).not.toContain(token);
  });

  it('an expired token: "Invalid user token", exit 1, nothing saved', async () => {
    const io = makeIo(home.env, {stdinText: sb.current.tokens.expired + '\n'});
    expect(await login(['--token-stdin', '--endpoint', sb.current.url], io)).toBe(1);
    expect(io.err()).toMatch(/^hf-jobs-wizard login: Invalid user token\. .*rejected the token you gave/);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    // On the sandbox the next step is a practice token, not a settings page that dies with the command.
    expect(io.err()).toContain('--practice write');
    expect(io.err()).not.toContain('/settings/tokens');
    await expect(readFile(join(hfDir(), 'token'), 'utf8')).rejects.toThrow();
  });

  it('format problems are caught before any request', async () => {
    const io = makeIo(home.env, {stdinText: 'api_org_FAKEfakeFAKEfakeFAKEfakeFAKEfake\n'});
    expect(await login(['--token-stdin', '--endpoint', 'http://127.0.0.1:9'], io)).toBe(1);
    expect(io.err()).toContain('organization API token');
    const empty = makeIo(home.env, {stdinText: ''});
    expect(await login(['--token-stdin', '--endpoint', 'http://127.0.0.1:9'], empty)).toBe(1);
    expect(empty.err()).toContain('empty');
  });

  it('refuses --token in argv with exit 2 and explains why', async () => {
    const fake = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12';
    for (const args of [['--token', fake], [`--token=${fake}`]]) {
      const io = makeIo(home.env);
      expect(await login(args, io)).toBe(2);
      expect(io.err()).toContain('shell history');
      expect(io.err()).not.toContain(fake);
    }
    const positional = makeIo(home.env);
    expect(await login([fake], positional)).toBe(2);
    expect(positional.err()).not.toContain(fake);
    // A short or odd secret is not token-shaped, so masking would miss it: the argument is never repeated.
    const short = makeIo(home.env);
    expect(await login(['hf_abc123secret'], short)).toBe(2);
    expect(short.err()).not.toContain('hf_abc123secret');
  });

  it('--token-stdin skips blank lines before the token instead of waiting for the end of input', async () => {
    const token = sb.current.tokens.write;
    const io = makeIo(home.env);
    io.stdin.write(`\n  \r\n${token}\n`); // the writer keeps stdin open (a script that goes on)
    expect(await login(['--token-stdin', '--endpoint', sb.current.url], io)).toBe(0);
    expect(await readFile(join(sbHome(), 'token'), 'utf8')).toBe(token);
    io.stdin.end();
  });

  it('without a TTY and without --token-stdin: exit 2, never waits', async () => {
    const io = makeIo(home.env);
    expect(await login(['--endpoint', sb.current.url], io)).toBe(2);
    expect(io.err()).toContain('--token-stdin');
  });

  it('a TTY gets a masked prompt', async () => {
    const token = sb.current.tokens.write;
    const io = makeIo(home.env, {tty: true});
    const done = login(['--endpoint', sb.current.url], io);
    // Type only once the prompt is up (its module loads lazily: a fixed 150 ms was too short on a loaded machine).
    for (const t0 = Date.now(); !io.err().includes('Paste your token') && Date.now() - t0 < 10_000;)
      await new Promise((r) => setTimeout(r, 20));
    io.stdin.write(token);
    await new Promise((r) => setTimeout(r, 20));
    io.stdin.write('\r');
    expect(await done).toBe(0);
    expect(io.err()).toContain('Paste your token (input is hidden; on Windows, right-click pastes)');
    expect(io.err()).not.toContain(token);
    expect(await readFile(join(sbHome(), 'token'), 'utf8')).toBe(token);
  });

  it('an unreachable endpoint is a calm one-line network error', async () => {
    const io = makeIo(home.env, {stdinText: 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12\n'});
    expect(await login(['--token-stdin', '--endpoint', 'http://127.0.0.1:9'], io)).toBe(1);
    expect(io.err()).toMatch(/^hf-jobs-wizard login: Could not reach http:\/\/127\.0\.0\.1:9/);
  });

  it('--help and usage errors', async () => {
    const io = makeIo(home.env);
    expect(await login(['--help'], io)).toBe(0);
    expect(io.out()).toContain('--token-stdin');
    expect(await login(['--bogus'], makeIo(home.env))).toBe(2);
    expect(await login(['--practice', 'write'], makeIo(home.env))).toBe(2);
    expect(await login(['--device'], makeIo({...home.env, HF_ENDPOINT: 'https://huggingface.co'}))).toBe(1);
  });
});

describe('login --sandbox, status, logout', () => {
  it('practice login lives in the sandbox HF_HOME and never touches the real one', async () => {
    const io = makeIo({...home.env, HF_TOKEN: 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12'});
    expect(await login(['--sandbox', '--practice', 'write'], io)).toBe(0);
    expect(io.out()).toContain('Sandbox login');
    expect(io.err()).toBe(''); // the real HF_TOKEN is not considered in sandbox mode
    const sandboxHome = join(home.dir, 'cache', 'hf-jobs-wizard', 'sandbox-data', 'hf-home');
    expect(await readFile(join(sandboxHome, 'stored_tokens'), 'utf8')).toContain('[practice write token]');
    await expect(readFile(join(hfDir(), 'token'), 'utf8')).rejects.toThrow();

    const st = makeIo(home.env);
    expect(await status(['--sandbox', '--json'], st)).toBe(0);
    const report = JSON.parse(st.out());
    expect(report).toMatchObject({
      loggedIn: true,
      source: 'file',
      online: 'ok',
      account: {user: 'practice-user'},
      token: {kind: 'write'},
      activeName: 'practice write token',
    });

    const out = makeIo(home.env);
    expect(await logout(['--sandbox'], out)).toBe(0);
    expect(out.out()).toContain('Successfully logged out');
  });
});

describe('login --sandbox points at --practice (newcomer #5)', () => {
  it('no TTY: exit 2 with the --practice hint, not the separate `sandbox --json` tokens', async () => {
    const io = makeIo(home.env);
    expect(await login(['--sandbox'], io)).toBe(2);
    expect(io.err()).toContain('npx hf-jobs-wizard login --sandbox --practice write');
    expect(io.err()).not.toContain('sandbox --json');
  });

  it('a TTY: the hint before the prompt names --practice', async () => {
    const io = makeIo(home.env, {tty: true});
    const done = login(['--sandbox'], io);
    while (!io.err().includes('Paste your token')) await new Promise((r) => setTimeout(r, 20));
    io.stdin.write('hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12\r');
    expect(await done).toBe(1);
    expect(io.err()).toContain('--practice write');
    expect(io.err()).not.toContain('sandbox --json');
    expect(io.err()).not.toContain('Create a token at');
  });

  it('the top-level usage mentions --practice', async () => {
    const {COMMANDS} = await import('../../src/commands/registry.js');
    expect(COMMANDS.find((c) => c.name === 'login')?.usage).toContain('--practice write|read|fine-grained|expired');
  });
});

describe('status', () => {
  it('not logged in: says how to log in where it looked, exit 1', async () => {
    // Another Hub (here a sandbox reached by --endpoint): its own --endpoint, not huggingface.co's `login`.
    const io = makeIo(home.env);
    expect(await status(['--endpoint', sb.current.url], io)).toBe(1);
    expect(io.out()).toContain('Not logged in');
    expect(io.out()).toContain(`\`npx hf-jobs-wizard login --endpoint ${sb.current.url}\``);
    expect(io.out()).not.toContain('`npx hf-jobs-wizard login`');
    // The built-in sandbox: its practice login.
    const onSandbox = makeIo({...home.env, XDG_CACHE_HOME: join(home.dir, 'status-sandbox-cache')});
    expect(await status(['--sandbox'], onSandbox)).toBe(1);
    expect(onSandbox.out()).toContain('Log in with `npx hf-jobs-wizard login --sandbox --practice write`');
    expect(onSandbox.out()).not.toContain('`npx hf-jobs-wizard login`');
    // huggingface.co: login, the browser, or practise on the sandbox.
    const onHub = makeIo(home.env);
    expect(await status(['--offline'], onHub)).toBe(1);
    expect(onHub.out()).toContain('`npx hf-jobs-wizard login`');
    expect(onHub.out()).toContain('`npx hf-jobs-wizard login --sandbox --practice write`');
  });

  it('HF_TOKEN shadowing a saved login: source, masked token, warning', async () => {
    const saved = sb.current.tokens.write;
    await login(['--token-stdin', '--endpoint', sb.current.url], makeIo(home.env, {stdinText: saved}));
    const envToken = sb.current.tokens['fine-grained'];
    const io = makeIo({...home.env, HF_TOKEN: envToken});
    expect(await status(['--endpoint', sb.current.url], io)).toBe(0);
    expect(io.out()).toContain('from the HF_TOKEN environment variable');
    expect(io.out()).toContain('fine-grained token');
    expect(io.out()).toContain('user practice-user: repo.content.read, repo.write, job.write');
    // The 402 troubleshooting's verify step sends people here: status says whether the account can pay.
    expect(io.out()).toContain('Billing:   your account can pay for Jobs');
    expect(io.out()).toMatch(/ {3}practice write token/);
    expect(io.err()).toContain('wins over your saved token "practice write token"');
    expect(io.out() + io.err()).not.toContain(envToken);
    expect(io.out() + io.err()).not.toContain(saved);
  });

  it('invalid env token: named, exit 1', async () => {
    const io = makeIo({...home.env, HF_TOKEN: sb.current.tokens.expired});
    expect(await status(['--endpoint', sb.current.url, '--json'], io)).toBe(1);
    const report = JSON.parse(io.out());
    expect(report).toMatchObject({online: 'invalid-token', source: 'HF_TOKEN'});
    expect(report.error.message).toContain('HF_TOKEN environment variable is invalid');
  });

  it('offline: local facts, calm network message, exit 1', async () => {
    const token = sb.current.tokens.read;
    await login(['--token-stdin', '--endpoint', sb.current.url], makeIo(home.env, {stdinText: token}));
    const io = makeIo(home.env);
    expect(await status(['--endpoint', 'http://127.0.0.1:9'], io)).toBe(1);
    expect(io.out()).toContain('from the saved login');
    expect(io.out()).toContain('* practice read token');
    expect(io.err()).toContain('Could not check the token online: Could not reach http://127.0.0.1:9');
  });
});

describe('logout', () => {
  it('by name, all, and the env warning', async () => {
    await login(['--token-stdin', '--endpoint', sb.current.url], makeIo(home.env, {stdinText: sb.current.tokens.read}));
    await login(
      ['--token-stdin', '--endpoint', sb.current.url],
      makeIo(home.env, {stdinText: sb.current.tokens.write}),
    );
    const at = ['--endpoint', sb.current.url];
    const missing = makeIo(home.env);
    expect(await logout(['nope', ...at], missing)).toBe(1);
    expect(missing.err()).toContain('"practice read token"');
    const one = makeIo(home.env);
    expect(await logout(['practice read token', ...at], one)).toBe(0);
    expect(one.out()).toContain('Successfully logged out from access token: practice read token.');
    const all = makeIo({...home.env, HF_TOKEN: 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12'});
    expect(await logout(at, all)).toBe(1);
    expect(all.out()).toContain('Successfully logged out from all access tokens');
    expect(all.err()).toContain('still logged in through the HF_TOKEN environment variable');
    const again = makeIo(home.env);
    expect(await logout(at, again)).toBe(0);
    expect(again.out()).toContain('Not logged in');
  });
});

describe('a sandbox reached by URL never replaces the real login (newcomer s10 C)', () => {
  const REAL_TOKEN = 'hf_FAKErealREALfakeREALfakeREALfake99\n';
  const REAL_STORED = '[my real token]\nhf_token = hf_FAKErealREALfakeREALfakeREALfake99\n\n';

  async function plantRealLogin(): Promise<void> {
    await mkdir(hfDir(), {recursive: true});
    await writeFile(join(hfDir(), 'token'), REAL_TOKEN);
    await writeFile(join(hfDir(), 'stored_tokens'), REAL_STORED);
  }
  async function expectRealLoginUntouched(): Promise<void> {
    expect(await readFile(join(hfDir(), 'token'), 'utf8')).toBe(REAL_TOKEN);
    expect(await readFile(join(hfDir(), 'stored_tokens'), 'utf8')).toBe(REAL_STORED);
  }

  it('login --endpoint <sandbox> --token-stdin, status, --switch and logout use the sandbox home; the real files survive byte for byte', async () => {
    await plantRealLogin();
    const at = ['--endpoint', sb.current.url];
    for (const label of ['read', 'write'] as const) {
      const io = makeIo(home.env, {stdinText: sb.current.tokens[label]});
      expect(await login(['--token-stdin', ...at], io)).toBe(0);
      expect(io.out()).toContain('your real Hugging Face login is untouched');
    }
    await expectRealLoginUntouched();
    expect(await readFile(join(sbHome(), 'token'), 'utf8')).toBe(sb.current.tokens.write);

    const st = makeIo(home.env);
    expect(await status([...at, '--json'], st)).toBe(0);
    expect(JSON.parse(st.out())).toMatchObject({source: 'file', account: {user: 'practice-user'}, online: 'ok'});
    expect(await login(['--switch', 'practice read token', ...at], makeIo(home.env))).toBe(0);
    expect(await readFile(join(sbHome(), 'token'), 'utf8')).toBe(sb.current.tokens.read);
    // HF_ENDPOINT at the sandbox is the same Hub as --endpoint: the same home.
    expect(await logout([], makeIo({...home.env, HF_ENDPOINT: sb.current.url}))).toBe(0);
    await expect(readFile(join(sbHome(), 'token'), 'utf8')).rejects.toThrow();
    await expectRealLoginUntouched();

    // HF_TOKEN_PATH names the real login's file: a sandbox login is not written there either.
    const viaPath = makeIo({...home.env, HF_TOKEN_PATH: join(hfDir(), 'token')}, {stdinText: sb.current.tokens.write});
    expect(await login(['--token-stdin', ...at], viaPath)).toBe(0);
    await expectRealLoginUntouched();
    // huggingface.co's logout still removes the real login (not the sandbox's).
    expect(await logout([], makeIo(home.env))).toBe(0);
    await expect(readFile(join(hfDir(), 'token'), 'utf8')).rejects.toThrow();
    expect(await readFile(join(sbHome(), 'token'), 'utf8')).toBe(sb.current.tokens.write);
  });
});
