// `hf-jobs-wizard example`: submits an example job, streams its log with tokens masked, ends with the right exit
// code and a hint. Driven in-process against real sandboxes (its own --sandbox one, and one reached as "the Hub").
import {createServer, connect, type Server} from 'node:net';
import {networkInterfaces} from 'node:os';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {viaMain} from '../helpers/command.js';
import {startSandbox, type SandboxHandle} from '../../src/sandbox/index.js';
import {commandIo, tempHome} from './helpers.js';

const example = viaMain('example');
const login = viaMain('login');

const TIMEOUT = 60_000;

describe('example command with --sandbox', () => {
  let home: Awaited<ReturnType<typeof tempHome>>;
  beforeAll(async () => {
    home = await tempHome();
  });
  afterAll(async () => {
    await home.cleanup();
  });

  it(
    'token-check COMPLETES with the practice write token: exit 0, JSON summary, log on stderr, token masked',
    {timeout: TIMEOUT},
    async () => {
      const t = await commandIo({...home.env, HF_TOKEN: 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12'});
      const code = await example(['token-check', '--sandbox', '--json'], t.io);
      expect(code, t.err()).toBe(0);
      const summary = JSON.parse(t.out()) as {
        stage: string;
        runner: string;
        sandbox: boolean;
        url: string;
        id: string;
        namespace: string;
      };
      expect(summary).toMatchObject({
        stage: 'COMPLETED',
        runner: 'node-twin',
        sandbox: true,
        namespace: 'practice-user',
      });
      expect(summary.url).toMatch(new RegExp(`/jobs/practice-user/${summary.id}$`));
      expect(t.err()).toContain('from the sandbox practice write token');
      expect(t.err()).toContain('This job runs as practice-user, with a write token.');
      expect(t.err()).toContain('===== Job finished: status=COMPLETED =====');
      expect(t.err()).toMatch(/HF_TOKEN is set \(hf_…\w{4}\)/);
      expect(t.err()).toContain('Pre-flight: ');
      expect(t.err()).toMatch(/✓ At most \$[\d.]+ for 10 min on cpu-basic \(.*; practice prices/);
      expect((summary as unknown as {preflight: {verdict: string}}).preflight.verdict).not.toBe('fail');
      expect(t.err()).not.toMatch(/hf_[A-Za-z0-9]{34}/);
    },
  );

  it(
    'uses the sandbox login when there is one: a read token is stopped by pre-flight before submitting (exit 1, clear reason)',
    {timeout: TIMEOUT},
    async () => {
      const l = await commandIo(home.env);
      expect(await login(['--sandbox', '--practice', 'read'], l.io), l.err()).toBe(0);
      const t = await commandIo(home.env);
      const code = await example(['push-dataset', '--sandbox'], t.io);
      expect(code).toBe(1);
      expect(t.err()).toContain('from your saved login');
      expect(t.err()).toContain('Pre-flight: this job would be refused or fail');
      expect(t.err()).toMatch(/✗ .*read token/);
      expect(t.err()).toContain('the job was not submitted: pre-flight found what the Hub would refuse it for');
      // ... and the next step, not only the reason.
      expect(t.err()).toContain('login --sandbox --practice write');
      expect(t.err()).not.toContain('Job submitted');
      expect(t.err()).not.toMatch(/hf_[A-Za-z0-9]{34}/);
    },
  );

  it(
    'a fine-grained sandbox login (job.write + repo.write) pushes the dataset: COMPLETED, exit 0, link to it',
    {timeout: TIMEOUT},
    async () => {
      const l = await commandIo(home.env);
      expect(await login(['--sandbox', '--practice', 'fine-grained'], l.io), l.err()).toBe(0);
      const t = await commandIo(home.env);
      const code = await example(['push-dataset', '--sandbox'], t.io);
      expect(code, t.err()).toBe(0);
      expect(t.err()).toContain('This job runs as practice-user, with a fine-grained token.');
      expect(t.err()).toContain(' completed\n');
      expect(t.err()).toMatch(/See http:\/\/127\.0\.0\.1:\d+\/datasets\/practice-user\/hf-jobs-wizard-demo-dataset/);
    },
  );

  it(
    'stops following at HF_WIZARD_FOLLOW_MAX_MS and says the job is still running (exit 1, followed: timeout)',
    {timeout: TIMEOUT},
    async () => {
      const t = await commandIo({...home.env, HF_WIZARD_FOLLOW_MAX_MS: '1'});
      const code = await example(['token-check', '--sandbox', '--json'], t.io);
      expect(code, t.err()).toBe(1);
      const summary = JSON.parse(t.out()) as {followed?: string; hint?: string; id: string};
      expect(summary.followed).toBe('timeout');
      expect(summary.hint).toMatch(/^Stopped following after 0 s: the job is still \w* ?.*on the Hub/);
      expect(t.err()).toContain(`hf jobs logs -f ${summary.id}`);
    },
  );

  it('without a token for a Hub that is not the sandbox, says how to log in and submits nothing', async () => {
    const t = await commandIo({PATH: process.env.PATH ?? '', HOME: home.env.HOME!, XDG_CACHE_HOME: '/nonexistent'});
    const code = await example(['token-check', '--endpoint', 'https://hub.example.invalid'], t.io);
    expect(code).toBe(1);
    // The login for that Hub: a bare `login` logs in to huggingface.co.
    expect(t.err()).toContain('not logged in: run `npx hf-jobs-wizard login --endpoint https://hub.example.invalid`');
    expect(t.err()).toContain('for https://hub.example.invalid, or practise with');
    expect(t.err()).toContain('example token-check --sandbox');
    expect(t.err()).not.toContain('Job submitted');
  });

  it('rejects usage errors with exit 2 and a clear line', async () => {
    const unknown = await commandIo(home.env);
    expect(await example(['nope', '--sandbox'], unknown.io)).toBe(2);
    expect(unknown.err()).toContain(
      'unknown example "nope". Choose one of: token-check, push-dataset, push-model, read-private-dataset',
    );
    const none = await commandIo(home.env);
    expect(await example(['--sandbox'], none.io)).toBe(2);
    expect(none.err()).toContain('name an example');
    const both = await commandIo(home.env);
    expect(await example(['token-check', '--sandbox', '--endpoint', 'http://x'], both.io)).toBe(2);
    const flag = await commandIo(home.env);
    expect(await example(['--bogus'], flag.io)).toBe(2);
    expect(flag.err()).toContain("Unknown option '--bogus'");
  });
});

/** The machine's first non-loopback IPv4 address: a Hub there is not "local", so the real-Hub path runs. */
function externalAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return undefined;
}

describe("example command against a non-local Hub (a sandbox behind a TCP relay on this machine's LAN address)", () => {
  const address = externalAddress();
  let sb: SandboxHandle;
  let relay: Server;
  let endpoint = '';
  beforeAll(async () => {
    if (!address) return;
    // The relay's address is a foreign Host to the sandbox: allowed here on purpose (the sandbox refuses it by default).
    sb = await startSandbox({allowHost: (host) => host.startsWith(`${address}:`)});
    const port = Number(new URL(sb.url).port);
    relay = createServer((socket) => {
      const upstream = connect(port, '127.0.0.1');
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    });
    await new Promise<void>((r) => relay.listen(0, address, r));
    endpoint = `http://${address}:${(relay.address() as {port: number}).port}`;
  });
  afterAll(async () => {
    relay?.close();
    await sb?.close();
  });

  it.skipIf(!address)(
    'shows the price and refuses to spend without a TTY or --yes (exit 2)',
    {timeout: TIMEOUT},
    async () => {
      const t = await commandIo({PATH: process.env.PATH ?? '', HOME: '/nonexistent', HF_TOKEN: sb.tokens.write});
      const code = await example(['token-check', '--endpoint', endpoint], t.io);
      expect(code).toBe(2);
      expect(t.err()).toMatch(
        /✓ At most \$[\d.]+ for 10 min on cpu-basic \(CPU Basic, \$0\.01\/hour, billed per minute\)/,
      );
      expect(t.err()).toContain('pass --yes to confirm');
      expect(t.err()).not.toContain('Job submitted');
    },
  );

  it.skipIf(!address)(
    'with --yes submits the Python script on the uv image (token only in secrets)',
    {timeout: TIMEOUT},
    async () => {
      const t = await commandIo({PATH: process.env.PATH ?? '', HOME: '/nonexistent', HF_TOKEN: sb.tokens.write});
      const code = await example(['token-check', '--endpoint', endpoint, '--yes', '--json'], t.io);
      const summary = JSON.parse(t.out()) as {id: string; stage: string; runner: string; sandbox: boolean};
      expect(summary).toMatchObject({runner: 'python-uv', sandbox: false});
      const {getJob} = await import('@huggingface/hub');
      const job = await getJob({
        hubUrl: sb.url,
        accessToken: sb.tokens.write,
        namespace: 'practice-user',
        jobId: summary.id,
      });
      expect(job.dockerImage).toBe('ghcr.io/astral-sh/uv:python3.12-bookworm');
      expect(job.secrets).toEqual(['HF_TOKEN']);
      expect(JSON.stringify(job)).not.toContain(sb.tokens.write);
      // The sandbox has no uv on CI: the job fails saying so; where uv exists it runs the real script.
      if (summary.stage !== 'COMPLETED') {
        expect(code).toBe(1);
        expect(t.err()).toMatch(/needs uv|huggingface_hub/);
        expect(t.err()).toContain(`troubleshoot --job practice-user/${summary.id} --endpoint ${endpoint}`);
      } else {
        expect(code).toBe(0);
      }
    },
  );
});
