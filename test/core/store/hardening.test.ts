// The token store against a killed login, a hostile server and an unusable HF_HOME (issue 10 leftovers): stale temp
// files are cleaned, logout removes the backups that hold the token, a whoami token name cannot plant INI sections,
// the token file never names a token stored_tokens lacks, an interrupt exits 130 with the old file whole, and
// HF_HOME=/proc/x fails at once with one sentence.
import {spawn, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {loginWithToken} from '../../../src/core/auth/login-flow.js';
import {loadLessons} from '../../../src/core/lessons/loader.js';
import {prepareWorkspace, type FileExercise} from '../../../src/core/lessons/workspace.js';
import {removeStaleTemps} from '../../../src/core/store/atomic.js';
import {StoreError} from '../../../src/core/store/errors.js';
import {parseIni, safeSectionName, serializeIni} from '../../../src/core/store/ini.js';
import {logout, saveLogin} from '../../../src/core/store/session.js';
import {readStoredTokens} from '../../../src/core/store/stored-tokens.js';
import {makeIo} from '../../commands/helpers-auth.js';
import {viaMain} from '../../helpers/command.js';
import {generate, rng} from '../../helpers/fuzz.js';
import {useSandbox} from '../../helpers/sandbox.js';
import {CATALOG} from '../../helpers/lessons.js';

// Through main, as a person runs them: an error a command throws is reported there (one line, its exit code).
const loginCommand = viaMain('login');
const logoutCommand = viaMain('logout');

const FAKE_A = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfakeAA';
const FAKE_B = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfakeBB';
const FAKE_EVIL = 'hf_FAKEevilEVILevilEVILevilEVILevilEE';

let dir: string;
let hf: string;
let env: Record<string, string>;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hfjw-harden-'));
  hf = join(dir, 'hf');
  env = {HOME: dir, HF_HOME: hf, PATH: process.env.PATH ?? ''};
});
afterEach(async () => {
  await rm(dir, {recursive: true, force: true});
});

/** A pid that belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'});
  return Number(child.stdout);
}

const temps = async (): Promise<string[]> => (await readdir(hf)).filter((f) => f.includes('.tmp-')).sort();

describe('temp files a killed login left behind', () => {
  it('are removed by the next write when their process is gone, and kept while their writer runs', async () => {
    await mkdir(hf, {recursive: true});
    const dead = deadPid();
    await writeFile(join(hf, `.token.tmp-${dead}-0a1b2c3d`), FAKE_A);
    await writeFile(join(hf, `.stored_tokens.tmp-${dead}-0a1b2c3d`), `[a]\nhf_token = ${FAKE_A}\n`);
    // Our parent (the vitest worker's parent) is alive: a write in flight in another process is not touched.
    const live = `.stored_tokens.tmp-${process.ppid}-deadbeef`;
    await writeFile(join(hf, live), 'in flight');
    await saveLogin(env, {name: 'b', token: FAKE_B});
    expect(await temps()).toEqual([live]);
    // Older than ten minutes: stale even if that pid is alive (reused).
    expect(await removeStaleTemps(join(hf, 'stored_tokens'), Date.now() + 11 * 60_000)).toEqual([join(hf, live)]);
    expect(await temps()).toEqual([]);
  });

  it('a SIGKILL in the middle of a real write leaves a temp file, which the next login removes', async () => {
    await mkdir(hf, {recursive: true});
    const atomic = resolve('src/core/store/atomic.ts');
    // The child kills itself (SIGKILL: no handler runs) as soon as its temp file exists.
    const script = `
      import {readdirSync} from 'node:fs';
      import {writeFileAtomic} from ${JSON.stringify(atomic)};
      const dir = ${JSON.stringify(hf)};
      const timer = setInterval(() => {
        if (readdirSync(dir).some((f) => f.includes('.tmp-'))) process.kill(process.pid, 'SIGKILL');
      }, 1);
      await writeFileAtomic(dir + '/stored_tokens', ${JSON.stringify(`[a]\nhf_token = ${FAKE_A}\n`)} + '#'.repeat(64 * 1024 * 1024));
      clearInterval(timer);
      console.log('write-finished');
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout).not.toContain('write-finished');
    expect((await temps()).length).toBe(1);
    await saveLogin(env, {name: 'b', token: FAKE_B});
    expect(await temps()).toEqual([]);
  }, 60_000);
});

describe('logout and the backups of an unreadable stored_tokens', () => {
  async function corruptThenLogin(content: string): Promise<string> {
    await mkdir(hf, {recursive: true});
    await writeFile(join(hf, 'stored_tokens'), content);
    const r = await saveLogin(env, {name: 'a', token: FAKE_A});
    return r.backedUpTo as string;
  }

  it('logout of everything removes every backup (they are old copies of the file it removes)', async () => {
    const backup = await corruptThenLogin(`junk ${FAKE_B}\n`);
    expect(existsSync(backup)).toBe(true);
    const r = await logout(env);
    expect(r).toMatchObject({status: 'logged-out-all', removedCopies: [backup]});
    expect(await readdir(hf)).toEqual([]);
  });

  it('logout NAME removes the backups holding that token and names the ones it keeps', async () => {
    const holdsA = await corruptThenLogin(`junk ${FAKE_A}\n`);
    await writeFile(join(hf, 'stored_tokens.corrupt-2020-01-01T00-00-00-000Z'), `junk ${FAKE_B}\n`);
    const r = await logout(env, 'a');
    expect(r).toMatchObject({
      status: 'logged-out-name',
      wasActive: true,
      removedCopies: [holdsA],
      keptBackups: [join(hf, 'stored_tokens.corrupt-2020-01-01T00-00-00-000Z')],
    });
    expect(existsSync(holdsA)).toBe(false);
  });

  it('the logout command says what it removed and what it kept, without the token', async () => {
    await corruptThenLogin(`junk ${FAKE_A}\n`);
    await writeFile(join(hf, 'stored_tokens.corrupt-2020-01-01T00-00-00-000Z'), `junk ${FAKE_B}\n`);
    const io = makeIo(env);
    expect(await logoutCommand(['a'], io)).toBe(0);
    expect(io.out()).toContain('Also removed a leftover copy that held the token');
    expect(io.err()).toContain(
      'stored_tokens.corrupt-2020-01-01T00-00-00-000Z is a backup of an unreadable stored_tokens holding other tokens; kept.',
    );
    expect(io.out() + io.err()).not.toContain(FAKE_A);
  });
});

describe('a token name a server sent, written into stored_tokens', () => {
  const hostile = [
    `evil]\n[evil]\nhf_token = ${FAKE_EVIL}`,
    `x\r\nhf_token = ${FAKE_EVIL}`,
    'DEFAULT',
    '',
    '   ',
    '\x1b]52;c;aGk=\x07clip',
    'a\u202eb\u200bc',
    'name = value',
    '[[brackets]]',
    'x'.repeat(5000),
  ];

  it.each(hostile.map((n) => [JSON.stringify(n).slice(0, 40), n]))(
    '%s is saved as exactly one section holding only our token',
    async (_label, name) => {
      const r = await saveLogin(env, {name, token: FAKE_A});
      const read = await readStoredTokens(join(hf, 'stored_tokens'));
      expect(read.status).toBe('ok');
      expect(read.tokens).toHaveLength(1);
      expect(read.tokens[0]).toMatchObject({name: r.name, token: FAKE_A});
      expect(Object.keys(read.tokens[0]?.values ?? {})).toEqual(['hf_token']);
      expect(r.name).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202e\u200b]/);
      expect(r.name).not.toBe('DEFAULT');
      expect(r.name.length).toBeGreaterThan(0);
      expect(r.name.length).toBeLessThanOrEqual(100);
      // The planted text may survive as part of the name (harmless in a header), never as a key of its own.
      expect(
        (await readFile(join(hf, 'stored_tokens'), 'utf8')).split('\n').filter((l) => l.startsWith('hf_token')),
      ).toEqual([`hf_token = ${FAKE_A}`]);
    },
  );

  it('safeSectionName round-trips through our INI writer and reader, and keeps ordinary names as they are', () => {
    for (const name of [...hostile, 'practice write token', 'oauth-alice', 'ci: nightly (2024)']) {
      const safe = safeSectionName(name);
      expect(
        parseIni(serializeIni([{name: safe, values: new Map([['hf_token', FAKE_A]])}])).map((s) => s.name),
      ).toEqual([safe]);
    }
    expect(safeSectionName('practice write token')).toBe('practice write token');
    expect(safeSectionName('a]b')).toBe('a]b');
  });

  const hasPython = spawnSync('python3', ['-c', 'import configparser, json'], {stdio: 'ignore'}).status === 0;
  it.skipIf(!hasPython)(
    'python3 configparser (what huggingface_hub uses) reads 300 cleaned hostile names back as the same sections',
    () => {
      const r = rng(7);
      const names = [
        ...new Set([...hostile, ...Array.from({length: 300}, () => generate(r).text)].map(safeSectionName)),
      ];
      const ini = serializeIni(names.map((name) => ({name, values: new Map([['hf_token', FAKE_A]])})));
      const py =
        'import configparser, json, sys\nc = configparser.ConfigParser(interpolation=None)\nc.read_string(sys.stdin.read())\nprint(json.dumps([[s, dict(c[s])] for s in c.sections()]))';
      const out = spawnSync('python3', ['-c', py], {input: ini, encoding: 'utf8'});
      expect(out.stderr).toBe('');
      const sections = JSON.parse(out.stdout) as [string, Record<string, string>][];
      expect(sections.map(([name]) => name)).toEqual(names);
      expect(sections.every(([, values]) => JSON.stringify(values) === JSON.stringify({hf_token: FAKE_A}))).toBe(true);
    },
  );

  describe('from a hostile Hub over real HTTP', () => {
    let server: Server;
    let url: string;
    beforeAll(async () => {
      server = createServer((req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            type: 'user',
            id: '1',
            name: 'alice',
            auth: {
              type: 'access_token',
              accessToken: {displayName: `mine]\n[evil]\nhf_token = ${FAKE_EVIL}\n[x`, role: 'write'},
            },
          }),
        );
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((r) => server.close(r));
    });

    it('login saves one section under the cleaned name, and the planted section does not exist', async () => {
      const out = await loginWithToken({env, endpoint: url, rawToken: FAKE_A});
      expect(out.ok).toBe(true);
      const read = await readStoredTokens(join(hf, 'stored_tokens'));
      expect(read.tokens.map((t) => [t.name, t.token])).toEqual([
        ['mine] [evil] hf_token = hf_FAKEevilEVILevilEVILevilEVILevilEE [x', FAKE_A],
      ]);
      expect(read.tokens.some((t) => t.name === 'evil')).toBe(false);
    });
  });
});

describe('a login interrupted between its two writes', () => {
  it('never leaves the token file naming a token stored_tokens lacks (SIGKILL at random moments)', async () => {
    await saveLogin(env, {name: 'first', token: FAKE_A});
    const session = resolve('src/core/store/session.ts');
    // The child logs in again and again under new names with new tokens; we kill it at a random moment.
    const script = `
      import {saveLogin} from ${JSON.stringify(session)};
      process.stdout.write('go\\n');
      for (let i = 0; ; i++) {
        const token = 'hf_FAKE' + String(i).padStart(30, '0');
        await saveLogin({HOME: ${JSON.stringify(dir)}, HF_HOME: ${JSON.stringify(hf)}}, {name: 'n' + i, token});
      }
    `;
    let kills = 0;
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((r) => child.stdout.once('data', () => r()));
      await new Promise((r) => setTimeout(r, 20 + Math.floor(Math.random() * 150)));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      kills++;
      const active = (await readFile(join(hf, 'token'), 'utf8')).trim();
      const stored = await readStoredTokens(join(hf, 'stored_tokens'));
      expect(stored.status).toBe('ok');
      expect(stored.tokens.map((t) => t.token)).toContain(active);
    }
    expect(kills).toBe(3);
  }, 90_000);
});

describe('an interrupt during a write while the app listens for Ctrl-C itself', () => {
  it('exits 130, says the file was left as it was, and the old file is whole (no false "Could not write")', async () => {
    await mkdir(hf, {recursive: true});
    await writeFile(join(hf, 'stored_tokens'), 'old\n');
    const atomic = resolve('src/core/store/atomic.ts');
    // Like Ink's exit hook or a command's Ctrl-C handler: another SIGINT listener keeps the process alive.
    const script = `
      import {readdirSync} from 'node:fs';
      import {writeFileAtomic} from ${JSON.stringify(atomic)};
      process.on('SIGINT', () => {});
      const dir = ${JSON.stringify(hf)};
      const timer = setInterval(() => {
        if (readdirSync(dir).some((f) => f.includes('.tmp-'))) { clearInterval(timer); process.kill(process.pid, 'SIGINT'); }
      }, 1);
      try {
        await writeFileAtomic(dir + '/stored_tokens', 'x'.repeat(64 * 1024 * 1024));
        console.log('write-finished');
      } catch (error) {
        console.log('write-failed: ' + error.message);
      }
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.status).toBe(130);
    expect(child.stdout).not.toContain('write-');
    expect(child.stderr).toContain(`Interrupted: ${join(hf, 'stored_tokens')} left as it was.`);
    expect(await readdir(hf)).toEqual(['stored_tokens']);
    expect(await readFile(join(hf, 'stored_tokens'), 'utf8')).toBe('old\n');
  }, 60_000);
});

describe('HF_HOME where no folder can be made', () => {
  const sb = useSandbox();
  const procOk = existsSync('/proc/self');

  it.skipIf(!procOk)(
    'saveLogin fails at once with one sentence naming the folder (it used to hang in mkdir -p)',
    async () => {
      const t0 = Date.now();
      const error = await saveLogin({...env, HF_HOME: '/proc/x'}, {name: 'a', token: FAKE_A}).catch((e: unknown) => e);
      expect(Date.now() - t0).toBeLessThan(2000);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as Error).message).toBe(
        'Could not create the folder /proc/x (a part of the path does not exist and cannot be created there): use a folder you can write to (for the login files: set HF_HOME to one), then try again.',
      );
    },
  );

  it.skipIf(!procOk)(
    'a lesson workspace there (learn --workspace /proc/x) fails at once too, naming the folder',
    async () => {
      const lesson = (await loadLessons(CATALOG)).find((l) => l.exercises.some((e) => e.kind !== 'quiz'))!;
      const exercise = lesson.exercises.find((e) => e.kind !== 'quiz') as FileExercise;
      const t0 = Date.now();
      const error = await prepareWorkspace('/proc/x', lesson, exercise, CATALOG).catch((e: unknown) => e);
      expect(Date.now() - t0).toBeLessThan(2000);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as Error).message).toMatch(
        /^Could not create the folder \/proc\/x\/.* \(a part of the path does not exist and cannot be created there\)/,
      );
    },
  );

  it.skipIf(!procOk)('the login command says so in one line and exits 1, with no stack and no token', async () => {
    const token = sb.current.tokens.write;
    // A sandbox reached by URL saves under the cache's sandbox home (XDG_CACHE_HOME), not HF_HOME.
    const io = makeIo({...env, XDG_CACHE_HOME: '/proc/x/cache'}, {stdinText: token});
    const t0 = Date.now();
    const code = await loginCommand(['--token-stdin', '--endpoint', sb.current.url], io);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(code).toBe(1);
    expect(io.err()).toContain('Could not create the folder /proc/x');
    expect(io.err()).not.toMatch(/\n\s+at /);
    expect(io.out() + io.err()).not.toContain(token);
  });
});
