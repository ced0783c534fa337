// Findings of the session-5 attacker's review, each as the outsider's input that got through: an escape sequence or a
// token in HF_ENDPOINT / --endpoint echoed by an error message, and what the sandbox gave away to a local program.
import {execFileSync} from 'node:child_process';
import {chmod, chown, mkdir, mkdtemp, rm, stat, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {createServer, type Server} from 'node:http';
import {join} from 'node:path';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {approvalUrl, DEVICE_GRANT_TYPE, requestDeviceCode} from '../../src/core/auth/device-flow.js';
import {confirmationCode, deviceApprovalKey, newTokenPageLink} from '../../src/core/auth/sandbox-form-key.js';
import {checkDetails} from '../../src/core/wizard/check-notes.js';
import {browserCommand} from '../../src/wizard/services/desktop.js';
import {main} from '../../src/main.js';
import {describeHubError} from '../../src/core/hub/errors.js';
import {redactSecrets} from '../../src/core/tokens/mask.js';
import {startSandbox} from '../../src/sandbox/index.js';
import {MAX_PENDING_GRANTS} from '../../src/sandbox/routes/oauth.js';
import {makeIo, tempHome} from '../commands/helpers-auth.js';
import {useSandbox} from '../helpers/sandbox.js';

const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake4321'; // fake test token
/** An endpoint that sets the window title, clears the screen and writes the clipboard (OSC 52) when printed raw. */
const EVIL_ENDPOINT = 'http://127.0.0.1:1/\x1b]0;PWNED\x07\x1b[2J\x1b]52;c;ZWNobyBwd25lZA==\x07';

describe('an endpoint from the environment never drives the terminal', () => {
  let home: Awaited<ReturnType<typeof tempHome>>;
  beforeAll(async () => {
    home = await tempHome();
  });
  afterAll(async () => {
    await home.cleanup();
  });

  it('describeHubError names an unreachable endpoint with its escape codes made visible', () => {
    const error = new TypeError('fetch failed', {cause: new Error('bad port')});
    const {message} = describeHubError(error, {endpoint: EVIL_ENDPOINT});
    expect(message).toContain('Could not reach');
    expect(message).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(message).toContain('PWNED');
  });

  it('describeHubError masks a token standing in the endpoint (userinfo or query)', () => {
    for (const endpoint of [`http://u:${FAKE}@127.0.0.1:1`, `http://127.0.0.1:1/?t=${FAKE}`]) {
      const error = new TypeError('fetch failed', {cause: new Error('bad port')});
      expect(describeHubError(error, {endpoint}).message).not.toContain(FAKE);
    }
  });

  it('status with HF_ENDPOINT holding escape codes prints none of them (stdout and stderr)', async () => {
    const io = makeIo({...home.env, HF_ENDPOINT: EVIL_ENDPOINT, HF_TOKEN: FAKE});
    await main(['status'], io);
    const printed = io.out() + io.err();
    expect(printed).toContain('PWNED');
    expect(printed).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(printed).not.toContain(FAKE);
  });
});

/** A hostile "Hub" for browser login: its device answer is `answer` (status 200), or a 400 with `answer` as error. */
async function deviceServer(status: number, answer: Record<string, unknown>): Promise<{url: string; server: Server}> {
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(status, {'content-type': 'application/json'});
    res.end(JSON.stringify(answer));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server};
}

const ESCAPES = '\x1b]0;PWNED\x07\x1b[2J\x1b]52;c;ZWNobyBwd25lZA==\x07';

describe('argv echoed back is shown, not obeyed', () => {
  it('an unknown command holding escape codes is named with them visible', async () => {
    const home = await tempHome();
    try {
      const io = makeIo(home.env);
      expect(await main(['\x1b]0;PWNED\x07\x1b[2J'], io)).toBe(2);
      expect(io.err()).toContain('Unknown command');
      expect(io.err()).toContain('PWNED');
      expect(io.err()).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    } finally {
      await home.cleanup();
    }
  });
});

describe('a hostile server answering the browser login drives neither the terminal nor the desktop', () => {
  const cases: [string, number, Record<string, unknown>][] = [
    [
      'escape codes in user_code',
      200,
      {device_code: 'd', user_code: `AB${ESCAPES}`, verification_uri: 'http://127.0.0.1/v'},
    ],
    [
      'escape codes in verification_uri_complete',
      200,
      {
        device_code: 'd',
        user_code: 'ABCD-EFGH',
        verification_uri: 'http://127.0.0.1/v',
        verification_uri_complete: `http://127.0.0.1/v${ESCAPES}`,
      },
    ],
    ['a file: link to open', 200, {device_code: 'd', user_code: 'ABCD-EFGH', verification_uri: 'file:///etc/passwd'}],
    [
      'a Windows shell metacharacter in the address',
      200,
      {device_code: 'd', user_code: 'ABCD-EFGH', verification_uri: 'http://127.0.0.1/v?a=1|calc'},
    ],
    ['escape codes and a token in error_description', 400, {error: 'x', error_description: `${ESCAPES} ${FAKE}`}],
  ];
  for (const [what, status, answer] of cases) {
    it(`login --device refuses ${what}, printing no control character and no token`, async () => {
      const {url, server} = await deviceServer(status, answer);
      try {
        await expect(requestDeviceCode({endpoint: url, clientId: 'c'})).rejects.toThrow(/could not start/);
        const home = await tempHome();
        try {
          const io = makeIo({...home.env, HF_WIZARD_NO_BROWSER: '1'});
          expect(await main(['login', '--device', '--endpoint', url], io)).not.toBe(0);
          const printed = io.out() + io.err();
          expect(printed).toMatch(/could not start/);
          expect(printed).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
          expect(printed).not.toContain(FAKE);
        } finally {
          await home.cleanup();
        }
      } finally {
        server.close();
      }
    });
  }
});

describe('a file name holding escape codes is shown, not obeyed, wherever a command names the file', () => {
  let home: Awaited<ReturnType<typeof tempHome>>;
  let evilFile: string;
  const FILE_TOKEN = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake8765'; // fake test token
  beforeAll(async () => {
    home = await tempHome();
    // Anyone who can write into a folder the user checks (a cloned repo, a shared drive) chooses its file names.
    await mkdir(join(home.dir, 'project', 'dir\x1b[31m'), {recursive: true});
    evilFile = join(home.dir, 'project', 'evil\x1b]0;PWNED\x07\x1b[2J.py');
    await writeFile(evilFile, `HF_TOKEN = "${FILE_TOKEN}"\n`);
    await writeFile(join(home.dir, 'project', 'dir\x1b[31m', 'a\u202eyp.txt'), `tok = "${FILE_TOKEN}"\n`);
  });
  afterAll(async () => {
    await home.cleanup();
  });

  const clean = (printed: string) => {
    expect(printed).toContain('PWNED');
    expect(printed).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e]/);
    expect(printed).not.toContain(FILE_TOKEN);
  };

  it('check names the file of a hard-coded token with its escape codes visible', async () => {
    const io = makeIo(home.env);
    expect(await main(['check', '--offline', join(home.dir, 'project')], io)).not.toBe(0);
    clean(io.out() + io.err());
  });

  it('check names a missing path it was given with its escape codes visible', async () => {
    const io = makeIo(home.env);
    expect(await main(['check', '--offline', `${home.dir}/\x1b]0;PWNED\x07nope`], io)).not.toBe(0);
    clean(io.out() + io.err());
  });

  it('check names the folder it scanned with its escape codes visible', async () => {
    const io = makeIo(home.env);
    await main(['check', '--offline', join(home.dir, 'project')], io);
    expect(io.out()).toMatch(/Scanned/);
    expect(io.out()).not.toMatch(/\x1b\[31m/);
  });

  it('troubleshoot on that file names it with its escape codes visible', async () => {
    const io = makeIo(home.env);
    await main(['troubleshoot', evilFile], io);
    clean(io.out() + io.err());
  });

  it('revoke on that file names it with its escape codes visible', async () => {
    const io = makeIo(home.env);
    await main(['revoke', evilFile], io);
    clean(io.out() + io.err());
  });

  it("the wizard's check details name the file with its escape codes visible", () => {
    const lines = checkDetails({id: 'hardcoded-token', status: 'fail', file: evilFile, line: 1}).join('\n');
    expect(lines).toContain('PWNED');
    expect(lines).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });
});

describe('the sandbox keeps what an anonymous caller makes it hold bounded', () => {
  // No start quota here (test/sandbox/device-login-flood.test.ts has it): the list's own bound is what is tested.
  const sb = useSandbox({oauth: {startsPerMinute: 100_000}});
  // What a web page in the user's browser can send to the sandbox's port: a "simple" cross-origin POST (text/plain,
  // no preflight, Host 127.0.0.1:PORT). 20000 of them with a 60 kB client_id grew the sandbox to 1.3 GB before.
  const ask = (clientId: string) =>
    fetch(`${sb.current.url}/oauth/device`, {
      method: 'POST',
      headers: {'content-type': 'text/plain', origin: 'https://evil.example'},
      body: `client_id=${clientId}`,
    });

  it('refuses a client_id longer than a client id (nothing is kept for it)', async () => {
    // From a process (no Origin: a page is refused before its body is read, see below).
    const res = await fetch(`${sb.current.url}/oauth/device`, {
      method: 'POST',
      body: `client_id=${'x'.repeat(60_000)}`,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as {error: string}).error).toBe('invalid_request');
  });

  it('refuses a device login started by a web page (its Origin), keeping nothing', async () => {
    for (let i = 0; i < MAX_PENDING_GRANTS + 20; i++) {
      const res = await ask('c');
      expect(res.status).toBe(403);
      expect(((await res.json()) as {error: string}).error).toBe('access_denied');
    }
    const app = await requestDeviceCode({endpoint: sb.current.url, clientId: 'hf-jobs-wizard'});
    expect(app.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
  });

  it(`a local flood of ${MAX_PENDING_GRANTS * 2} device logins ends its own oldest grants, never locks the app's login out`, async () => {
    const poll = async (deviceCode: string, clientId: string) =>
      (
        (await (
          await fetch(`${sb.current.url}/oauth/token`, {
            method: 'POST',
            body: new URLSearchParams({grant_type: DEVICE_GRANT_TYPE, device_code: deviceCode, client_id: clientId}),
          })
        ).json()) as {error: string}
      ).error;
    const flood = (n: number) =>
      Promise.all(
        Array.from({length: n}, () =>
          fetch(`${sb.current.url}/oauth/device`, {method: 'POST', body: new URLSearchParams({client_id: 'flood'})}),
        ),
      );
    // The app's login started first, then the list is filled twice over from a process (no Origin).
    const before = await requestDeviceCode({endpoint: sb.current.url, clientId: 'hf-jobs-wizard'});
    for (const res of await flood(MAX_PENDING_GRANTS * 2)) expect(res.status).toBe(200);
    expect(await poll(before.deviceCode, 'hf-jobs-wizard')).toBe('authorization_pending');
    // A login started after the flood starts too.
    const after = await requestDeviceCode({endpoint: sb.current.url, clientId: 'hf-jobs-wizard'});
    expect(await poll(after.deviceCode, 'hf-jobs-wizard')).toBe('authorization_pending');
  });
});

describe('the browser opener opens web addresses only, and never through a shell', () => {
  const desktop = {DISPLAY: ':0'};
  it('refuses file:, javascript: and app links, and text that is no URL', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'ms-msdt:/id', 'vscode://x', 'not a url'])
      for (const platform of ['linux', 'darwin', 'win32'] as const)
        expect(browserCommand(url, platform, desktop)).toBeUndefined();
  });

  it('on Windows hands the URL to rundll32 as one argument, not to cmd (which runs what follows & or |)', () => {
    const how = browserCommand('http://127.0.0.1:5/oauth/device/verify?user_code=A&key=b|calc', 'win32', {});
    expect(how?.command).toBe('rundll32');
    expect(how?.args).toEqual([
      'url.dll,FileProtocolHandler',
      'http://127.0.0.1:5/oauth/device/verify?user_code=A&key=b|calc',
    ]);
    expect(how?.command).not.toMatch(/cmd/i);
  });

  it('on Linux uses xdg-open only with a desktop, on macOS open', () => {
    expect(browserCommand('https://huggingface.co/settings/tokens', 'linux', desktop)).toEqual({
      command: 'xdg-open',
      args: ['https://huggingface.co/settings/tokens'],
    });
    expect(browserCommand('https://huggingface.co/', 'linux', {})).toBeUndefined();
    expect(browserCommand('https://huggingface.co/', 'darwin', {})?.command).toBe('open');
  });
});

describe('a link the app opens, read by another local user from the browser command line, mints no token', () => {
  // xdg-open URL: every local user reads it in /proc/PID/cmdline. Before, the link carried the sandbox's form key:
  // POST /settings/tokens/new with it (no Origin, from curl) answered a new write token, and a job ran a command as
  // the user who started the sandbox.
  const sb = useSandbox();
  const post = (path: string, fields: Record<string, string>) =>
    fetch(`${sb.current.url}${path}`, {
      method: 'POST',
      headers: {'Content-Type': 'application/x-www-form-urlencoded'},
      body: new URLSearchParams(fields).toString(),
    });
  const deviceCode = async () =>
    (await (await post('/oauth/device', {client_id: 'c'})).json()) as {
      user_code: string;
      verification_uri: string;
      verification_uri_complete: string;
    };

  it('the device approval link carries a key for its own code only: it approves no other code', async () => {
    const victim = await deviceCode();
    const attacker = await deviceCode();
    const link = new URL(
      approvalUrl(
        {
          userCode: victim.user_code,
          verificationUri: victim.verification_uri,
          verificationUriComplete: victim.verification_uri_complete,
        },
        sb.current.formKey,
      ),
    );
    expect(link.href).not.toContain(sb.current.formKey);
    const key = link.searchParams.get('key')!;
    const stolen = await post('/oauth/device/verify', {user_code: attacker.user_code, action: 'approve', key});
    expect(stolen.status).toBe(403);
    // Its own code: approved (what the person in front of the browser does).
    expect((await post('/oauth/device/verify', {user_code: victim.user_code, action: 'approve', key})).status).toBe(
      200,
    );
  });

  it('the token page link alone creates nothing: the form also wants the code shown only in the terminal', async () => {
    const link = newTokenPageLink(sb.current.formKey);
    const page = await (await fetch(`${sb.current.url}/settings/tokens/new?tokenType=write&key=${link.key}`)).text();
    expect(page).toContain('<form method="post"');
    expect(page).toContain('name="code"');
    expect(page).not.toContain(link.code);
    const bare = await post('/settings/tokens/new', {tokenType: 'write', key: link.key});
    expect(bare.status).toBe(403);
    expect(await bare.text()).not.toMatch(/hf_[A-Za-z0-9]{34}/);
    const right = await post('/settings/tokens/new', {tokenType: 'write', key: link.key, code: link.code});
    expect(right.status).toBe(201);
  });

  it('five wrong codes end the link, the right code included (8 digits cannot be guessed in five tries)', async () => {
    const link = newTokenPageLink(sb.current.formKey);
    const wrong = link.code === '0000-0000' ? '1111-1111' : '0000-0000';
    for (let i = 0; i < 5; i++)
      expect((await post('/settings/tokens/new', {tokenType: 'write', key: link.key, code: wrong})).status).toBe(403);
    const late = await post('/settings/tokens/new', {tokenType: 'write', key: link.key, code: link.code});
    expect(late.status).toBe(403);
    expect(await late.text()).toMatch(/too many wrong confirmation codes/);
  });

  it('a forged token-page key, or a device key, opens no form and creates nothing', async () => {
    const forged = `t${'0'.repeat(12)}${'f'.repeat(24)}`;
    const device = deviceApprovalKey(sb.current.formKey, 'BCDF-GHJK');
    for (const key of [forged, device]) {
      const page = await (await fetch(`${sb.current.url}/settings/tokens/new?tokenType=write&key=${key}`)).text();
      expect(page).not.toContain('<form method="post"');
      const nonce = '0'.repeat(12);
      const code = confirmationCode(sb.current.formKey, nonce);
      expect((await post('/settings/tokens/new', {tokenType: 'write', key, code})).status).toBe(403);
    }
  });
});

/** A "Hub" whose every answer is a JSON string that never ends (1 MiB writes as fast as the client reads). */
async function endlessServer(): Promise<{url: string; server: Server; sent: () => number}> {
  let sent = 0;
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, {'content-type': 'application/json'});
    res.write('{"type":"user","name":"');
    const chunk = 'a'.repeat(1 << 20);
    const pump = () => {
      while (!res.destroyed && res.write(chunk)) sent += chunk.length;
      if (!res.destroyed) res.once('drain', pump);
    };
    res.on('close', () => res.destroy());
    pump();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, sent: () => sent};
}

describe('an endless answer is not read without bound', () => {
  it('status against a server streaming an endless body stops after 64 MB with a clear message', async () => {
    const {url, server, sent} = await endlessServer();
    const home = await tempHome();
    try {
      const io = makeIo({...home.env, HF_ENDPOINT: url, HF_TOKEN: FAKE});
      expect(await main(['status'], io)).not.toBe(0);
      expect(io.err()).toMatch(/larger than 64 MB/);
      // Reading stopped near the cap (before: 5.2 GB read in 120 s, never ending).
      expect(sent()).toBeLessThan(200 * 1024 * 1024);
    } finally {
      server.closeAllConnections();
      server.close();
      await home.cleanup();
    }
  }, 60_000);

  it('browser login against a server streaming an endless body fails with a clear message', async () => {
    const {url, server} = await endlessServer();
    try {
      await expect(requestDeviceCode({endpoint: url, clientId: 'c'})).rejects.toThrow(/larger than 1 MB/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe("a hostile Hub's job answer is shown, not obeyed, by troubleshoot --job", () => {
  it('secret names, status message and log lines with escape codes and a token print none of them', async () => {
    const evil = `${ESCAPES} ${FAKE} \u202e`;
    const server = createServer((req, res) => {
      req.resume();
      const url = req.url ?? '';
      if (url.includes('whoami')) {
        res.writeHead(200, {'content-type': 'application/json'});
        res.end(
          JSON.stringify({
            type: 'user',
            id: 'x',
            name: 'practice-user',
            fullname: 'x',
            email: 'x',
            orgs: [],
            auth: {accessToken: {displayName: 'x', role: 'write'}},
          }),
        );
      } else if (url.includes('/logs')) {
        res.writeHead(200, {'content-type': 'text/event-stream'});
        res.end(
          `data: ${JSON.stringify({data: `Traceback ${evil} 401 Unauthorized`, timestamp: new Date().toISOString()})}\n\n`,
        );
      } else if (url.startsWith('/api/jobs/')) {
        res.writeHead(200, {'content-type': 'application/json'});
        res.end(
          JSON.stringify({
            type: 'job',
            id: 'abc',
            status: {stage: 'ERROR', message: `msg ${evil}`},
            createdAt: new Date().toISOString(),
            owner: {id: 'x', name: 'practice-user', type: 'user'},
            dockerImage: 'python:3.12',
            command: ['python', 'x.py'],
            arguments: [],
            environment: {},
            secrets: [`HF_TOKEN${evil}`],
            flavor: 'cpu-basic',
          }),
        );
      } else {
        res.writeHead(404, {'content-type': 'application/json'});
        res.end('{"error":"not found"}');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const home = await tempHome();
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const io = makeIo({...home.env, HF_ENDPOINT: url, HF_TOKEN: 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake1111'});
      await main(['troubleshoot', '--job', 'practice-user/abc'], io);
      const printed = io.out() + io.err();
      expect(printed).toMatch(/The job passes "HF_TOKEN/);
      expect(printed).toContain('PWNED');
      expect(printed).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e]/);
      expect(printed).not.toContain(FAKE);
    } finally {
      server.close();
      await home.cleanup();
    }
  }, 60_000);
});

describe('a token with invisible characters inside is masked as the token it spells', () => {
  const T = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake2468'; // fake test token
  const half = 12;
  const cases: [string, string][] = [
    ['a NUL', '\x00'],
    ['a zero-width space', '\u200b'],
    ['a bidi override', '\u202e'],
    ['a byte-order mark', '\ufeff'],
    ['a bold code', '\x1b[1m'],
    ['a C1 control', '\x85'],
  ];
  for (const [what, inside] of cases) {
    it(`masks a token split by ${what}, keeping what follows it`, () => {
      const out = redactSecrets(`tok=${T.slice(0, half)}${inside}${T.slice(half)} end`);
      expect(out).toContain('hf_…2468');
      expect(out).not.toContain(T.slice(half));
      expect(out).toMatch(/ end$/);
    });
  }

  it('leaves words on two lines apart, and short split words alone', () => {
    // A token cut by a wrap is masked over its lines (mask.ts maskWrapped; before session 11 both pieces were shown).
    expect(redactSecrets(`hf_FAKEfakeFAKE\nfakeFAKEfakeFAKEfake`)).toBe('hf_…fake\n');
    expect(redactSecrets(`pip install hf_transfer\nInstalling collected packages`)).toBe(
      'pip install hf_transfer\nInstalling collected packages',
    );
    expect(redactSecrets('hf_ab\x00cd')).toBe('hf_ab␀cd');
  });
});

describe('a FILE argument that is no regular file is refused at once, and a big one is read in part', () => {
  // What a cloned repo can hold: `error.log -> /dev/zero`, a named pipe nobody writes to.
  let home: Awaited<ReturnType<typeof tempHome>>;
  beforeAll(async () => {
    home = await tempHome();
    await symlink('/dev/zero', join(home.dir, 'error.log'));
    execFileSync('mkfifo', [join(home.dir, 'pipe.log')]);
    // 20 MB of noise, then the error that matters at the end.
    await writeFile(
      join(home.dir, 'big.log'),
      `${'y\n'.repeat(10 * 1024 * 1024)}401 Client Error: Unauthorized for url\n`,
    );
  });
  afterAll(async () => {
    await home.cleanup();
  });

  for (const command of ['troubleshoot', 'revoke']) {
    it(`${command} error.log (-> /dev/zero) says it is not a regular file or a pipe, within a second`, async () => {
      const io = makeIo(home.env);
      const started = Date.now();
      expect(await main([command, join(home.dir, 'error.log')], io)).not.toBe(0);
      expect(io.err()).toMatch(/not a regular file or a pipe/);
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it(`${command} pipe.log (a FIFO nobody writes to) says nothing arrived, after the pipe wait and no longer`, async () => {
      const io = makeIo({...home.env, HF_WIZARD_PIPE_WAIT_MS: '600'});
      const started = Date.now();
      expect(await main([command, join(home.dir, 'pipe.log')], io)).not.toBe(0);
      expect(io.err()).toMatch(/nothing arrived from .*pipe\.log \(a pipe\) within 1 s/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(550);
      expect(Date.now() - started).toBeLessThan(5000);
    });
  }

  it('troubleshoot reads the end of a 20 MB log (its last 16 MB) and finds the 401 there', async () => {
    const io = makeIo(home.env);
    await main(['troubleshoot', join(home.dir, 'big.log')], io);
    expect(io.out()).toMatch(/unauthorized-401/);
  });
});

describe("the sandbox's pages tell the browser to run nothing and to show them in no frame", () => {
  const sb = useSandbox();
  for (const path of ['/settings/tokens', '/settings/tokens/new?tokenType=write', '/oauth/device/verify', '/']) {
    it(`${path} carries a script-free, frame-free policy and sends its address to no other site`, async () => {
      const res = await fetch(`${sb.current.url}${path}`);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      const policy = res.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("form-action 'self'");
      expect(policy).not.toMatch(/script-src/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    });
  }
});

describe('a sandbox data folder another local user made or could change is not used', () => {
  // `--data /tmp/workshop` on a shared machine: whoever made the folder first could put an accounts.json with tokens
  // they know in it, then run jobs (commands, as the user who serves it) through the sandbox's port.
  const root = process.getuid?.() === 0;
  const OTHER = 65534; // nobody
  let base: string;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'hfjw-attack-data-'));
  });
  afterAll(async () => {
    await rm(base, {recursive: true, force: true});
  });

  it.skipIf(!root || process.platform === 'win32')('refuses a folder that belongs to another user', async () => {
    const dir = join(base, 'theirs');
    await mkdir(dir, {mode: 0o777});
    await chown(dir, OTHER, OTHER);
    await expect(startSandbox({dataDir: dir, attach: false})).rejects.toThrow(/belongs to another user/);
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a folder under a parent others can write to (no sticky bit), naming the parent and the fix',
    async () => {
      const parent = join(base, 'open-parent');
      await mkdir(parent);
      await chmod(parent, 0o777);
      const dir = join(parent, 'data');
      await expect(startSandbox({dataDir: dir, attach: false})).rejects.toThrow(
        new RegExp(`other users can change ${parent} above it \\(mode 0777, no sticky bit\\).*chmod go-w`),
      );
      // The same folder reached through a symlink from a safe place: the path it leads to is checked too.
      await mkdir(dir, {recursive: true});
      await symlink(dir, join(base, 'link-to-open'));
      await expect(startSandbox({dataDir: join(base, 'link-to-open'), attach: false})).rejects.toThrow(
        /other users can change .*open-parent above it/,
      );
    },
  );

  it.skipIf(process.platform === 'win32')(
    'accepts a folder under a sticky world-writable parent (as /tmp)',
    async () => {
      const parent = join(base, 'sticky');
      await mkdir(parent);
      await chmod(parent, 0o1777);
      const sandbox = await startSandbox({dataDir: join(parent, 'data'), attach: false});
      await sandbox.close();
    },
  );

  it.skipIf(!root || process.platform === 'win32')(
    'refuses a folder of ours under a parent that belongs to another user',
    async () => {
      const parent = join(base, 'their-parent');
      await mkdir(join(parent, 'data'), {recursive: true});
      await chown(parent, OTHER, OTHER);
      await expect(startSandbox({dataDir: join(parent, 'data'), attach: false})).rejects.toThrow(
        new RegExp(`${parent} above it belongs to another user \\(uid ${OTHER}\\)`),
      );
    },
  );

  it.skipIf(!root || process.platform === 'win32')(
    'refuses a folder of ours that others could write to when it holds a file another user made',
    async () => {
      const dir = join(base, 'open-planted');
      await mkdir(dir);
      await chmod(dir, 0o777);
      await writeFile(join(dir, 'accounts.json'), '{"users":[],"orgs":[],"tokens":[]}');
      await chown(join(dir, 'accounts.json'), OTHER, OTHER);
      await expect(startSandbox({dataDir: dir, attach: false})).rejects.toThrow(/made by another user/);
    },
  );

  it.skipIf(process.platform === 'win32')(
    'closes a folder of ours that others could write to (0700), then serves it',
    async () => {
      const dir = join(base, 'open-ours');
      await mkdir(dir);
      await chmod(dir, 0o777);
      const sandbox = await startSandbox({dataDir: dir, attach: false});
      try {
        expect((await stat(dir)).mode & 0o777).toBe(0o700);
        expect(
          (await fetch(`${sandbox.url}/api/whoami-v2`, {headers: {authorization: `Bearer ${sandbox.tokens.write}`}}))
            .status,
        ).toBe(200);
      } finally {
        await sandbox.close();
      }
    },
  );
});

describe('what a command prints never carries a raw C1 control, bidi override or zero-width character', () => {
  it('check --json names a file holding them with JSON escapes: no raw character, the same name once parsed', async () => {
    const home = await tempHome();
    try {
      const dir = join(home.dir, 'repo');
      await mkdir(dir);
      const name = 'a\u202eyp.\u009b2Jtxt\u200b';
      await writeFile(join(dir, name), `tok = "${FAKE}"\n`);
      const io = makeIo(home.env);
      await main(['check', '--offline', '--json', dir], io);
      expect(io.out()).not.toMatch(/[\x80-\x9f\u202a-\u202e\u200b-\u200f]/);
      const report = JSON.parse(io.out()) as {checks: {id: string; file?: string}[]};
      expect(report.checks.find((c) => c.id === 'hardcoded-token')?.file).toBe(join(dir, name));
      expect(io.out()).not.toContain(FAKE);
    } finally {
      await home.cleanup();
    }
  });
});
