// A workshop: one sandbox for the room, reached by each learner with --endpoint URL (README "Workshops"). Here it is
// served in this process as another process would serve it: nothing in this test process opened it with --sandbox, so
// it is "a sandbox reached by its URL" (newcomer s10 A, B, C).
import {createServer, type Server} from 'node:http';
import {mkdtempSync} from 'node:fs';
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {defaultSandboxDataDir} from '../../src/core/auth/sandbox-session.js';
import {loginChoices} from '../../src/core/wizard/login-choices.js';
import {WizardController} from '../../src/core/wizard/controller.js';
import {startSandbox} from '../../src/sandbox/index.js';
import {createServices} from '../../src/wizard/services/index.js';
import {viaMain} from '../helpers/command.js';
import {useSandbox} from '../helpers/sandbox.js';
import {advance} from '../helpers/wizard-flow.js';
import {makeIo, tempHome} from './helpers-auth.js';

const servesDataDir = async (url: string, dir: string) =>
  (await import('../../src/sandbox/owner.js')).servesDataDir(url, dir);

const login = viaMain('login');
const status = viaMain('status');
const check = viaMain('check');
const troubleshoot = viaMain('troubleshoot');

// As a workshop runs it: `sandbox --data DIR`, whose owner.json lets the sandbox prove it serves DIR.
const room = mkdtempSync(join(tmpdir(), 'hfjw-room-'));
const sb = useSandbox({dataDir: join(room, 'data'), servedByUrl: true});
afterAll(async () => {
  await rm(room, {recursive: true, force: true});
});
let homes: Awaited<ReturnType<typeof tempHome>>[] = [];
const learner = async () => {
  const home = await tempHome();
  homes.push(home);
  return home;
};
beforeEach(() => {
  homes = [];
});

/** A learner's wizard on `endpoint` (the workshop's --endpoint URL), started: its services and its controller. */
async function startedWizard(home: Awaited<ReturnType<typeof tempHome>>, endpoint: string) {
  const services = createServices({
    env: home.env,
    cwd: home.dir,
    endpointFlag: endpoint,
    servesSandboxData: servesDataDir,
  });
  const controller = new WizardController(services, {cwd: home.dir, presetTarget: 'hub', hubEndpoint: endpoint});
  await advance(controller, {type: 'start'});
  return {services, controller};
}
afterEach(async () => {
  for (const home of homes) await home.cleanup();
});

/** A small HTTP server on 127.0.0.1 answering every request with `answer`: another local Hub, or a fake info route. */
let other: Server;
let otherUrl = '';
let answer: (url: string) => {status: number; body: unknown} = () => ({status: 404, body: {error: 'Not Found'}});
beforeAll(async () => {
  other = createServer((req, res) => {
    const a = answer(req.url ?? '');
    res.writeHead(a.status, {'Content-Type': 'application/json'}).end(JSON.stringify(a.body));
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', () => r()));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => other.close(() => r()));
});

describe('practice tokens on a sandbox reached by its URL (B)', () => {
  it('two learners each log in with `login --endpoint URL --practice write`; neither real login is touched', async () => {
    for (const who of ['first', 'second']) {
      const home = await learner();
      const real = join(home.dir, 'cache', 'huggingface');
      await mkdir(real, {recursive: true});
      await writeFile(join(real, 'token'), `hf_FAKE${who}REALfakeREALfakeREALfake9\n`);
      const io = makeIo(home.env);
      expect(await login(['--endpoint', sb.current.url, '--practice', 'write'], io), io.err()).toBe(0);
      expect(io.out()).toContain('belongs to practice-user');
      expect(io.out() + io.err()).not.toContain(sb.current.tokens.write);
      expect(await readFile(join(real, 'token'), 'utf8')).toBe(`hf_FAKE${who}REALfakeREALfakeREALfake9\n`);
      const st = makeIo(home.env);
      expect(await status(['--endpoint', sb.current.url, '--json'], st)).toBe(0);
      expect(JSON.parse(st.out())).toMatchObject({account: {user: 'practice-user'}, token: {kind: 'write'}});
    }
  });

  it('HF_ENDPOINT at the sandbox works as --endpoint; elsewhere --practice is refused with what to do', async () => {
    const home = await learner();
    const viaEnv = makeIo({...home.env, HF_ENDPOINT: sb.current.url});
    expect(await login(['--practice', 'read'], viaEnv)).toBe(0);
    expect(viaEnv.out()).toContain('read token');
    const remote = makeIo(home.env);
    expect(await login(['--practice', 'write'], remote)).toBe(2);
    expect(remote.err()).toContain('--practice works with --sandbox, or --endpoint at a sandbox on this machine');
    // Another Hub on this machine (not this app's sandbox): no practice tokens there, and how to log in instead.
    answer = () => ({status: 404, body: {error: 'Not Found'}});
    const notSandbox = makeIo(home.env);
    expect(await login(['--endpoint', otherUrl, '--practice', 'write'], notSandbox)).toBe(1);
    expect(notSandbox.err()).toContain(`${otherUrl} does not answer as this app's sandbox`);
    expect(notSandbox.err()).toContain(`login --endpoint ${otherUrl} --token-stdin`);
  });

  it("a program on a port that names a folder it does not serve (this learner's own sandbox) is sent nothing", async () => {
    const home = await learner();
    // The learner's own sandbox folder, readable by them: the program claims it as its own.
    const own = await startSandbox({dataDir: defaultSandboxDataDir(home.env)});
    await own.close();
    const seen: (string | undefined)[] = [];
    answer = (url) =>
      url === '/_sandbox/info'
        ? {status: 200, body: {app: 'hf-jobs-wizard sandbox', dataDir: defaultSandboxDataDir(home.env)}}
        : {status: 200, body: {proof: 'x'}};
    other.on('request', (req) => seen.push(req.headers.authorization));
    const io = makeIo(home.env);
    expect(await login(['--endpoint', otherUrl, '--practice', 'write'], io)).toBe(1);
    expect(io.err()).toContain('does not prove it serves it');
    expect(seen.filter(Boolean)).toEqual([]);
    // The wizard does not offer them either.
    const {controller} = await startedWizard(home, otherUrl);
    expect(controller.getState().target).toMatchObject({practice: false});
    // The login screen says why (it was a silent paste box), and what to do here.
    expect(controller.getState().notice).toContain('No practice token here:');
    expect(controller.getState().notice).toContain('does not prove it serves it');
    expect(controller.getState().notice).toContain('paste it here');
    await controller.dispose();
  });

  it('a sandbox whose folder has no readable tokens: says where they are and who can read them', async () => {
    const home = await learner();
    const empty = await mkdtemp(join(tmpdir(), 'hfjw-ws-empty-'));
    try {
      answer = (url) =>
        url === '/_sandbox/info'
          ? {status: 200, body: {app: 'hf-jobs-wizard sandbox', dataDir: empty}}
          : {status: 404, body: {}};
      const io = makeIo(home.env);
      expect(await login(['--endpoint', otherUrl, '--practice', 'write'], io)).toBe(1);
      expect(io.err()).toContain(`are in ${join(empty, 'accounts.json')}: it does not exist`);
      expect(io.err()).toContain('ask them for the write practice token');
    } finally {
      await rm(empty, {recursive: true, force: true});
    }
  });

  it('the wizard on --endpoint URL offers "Use a practice token" and logs in with it', async () => {
    const home = await learner();
    const {services, controller} = await startedWizard(home, sb.current.url);
    const state = controller.getState();
    expect(state.target).toMatchObject({kind: 'hub', endpoint: sb.current.url, practice: true});
    expect(loginChoices(state).map((c) => c.value)).toContain('practice');
    const result = await services.practiceLogin(state.target!, 'write');
    expect(result.ok && result.account.user).toBe('practice-user');
    await controller.dispose();
  });
});

/** An empty folder to run check in (no job files: only the token checks speak). */
async function emptyDir(home: string): Promise<string> {
  const dir = join(home, 'project');
  await mkdir(dir, {recursive: true});
  return dir;
}

describe('fixes name the sandbox as it was reached (A)', () => {
  it('--endpoint URL: the commands carry --endpoint URL, not --sandbox (check, status, troubleshoot)', async () => {
    const home = await learner();
    const at = ['--endpoint', sb.current.url];
    const c = {...makeIo(home.env), cwd: await emptyDir(home.dir)};
    expect(await check(['.', ...at], c)).toBe(1);
    expect(c.out()).toContain(`Run \`npx hf-jobs-wizard login --endpoint ${sb.current.url}\``);
    expect(c.out()).not.toContain('--sandbox');
    const s = makeIo(home.env);
    expect(await status(at, s)).toBe(1);
    expect(s.out()).toContain(`login --endpoint ${sb.current.url} --practice write`);
    const t = makeIo(home.env, {stdinText: '401 Client Error: Unauthorized for url: x\nInvalid user token.\n'});
    expect(await troubleshoot(['-', ...at, '--offline'], t)).toBe(0);
    expect(t.out()).toContain(`login --endpoint ${sb.current.url} --practice write`);
    expect(t.out()).not.toContain('login --sandbox');
  });

  it('a stopped sandbox reached by URL: whoever started it starts it again with its folder and port', async () => {
    const home = await learner();
    const env = {...home.env, HF_TOKEN: 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12'};
    const c = {...makeIo(env), cwd: await emptyDir(home.dir)};
    await check(['.', '--endpoint', 'http://127.0.0.1:9'], c);
    expect(c.out()).toContain('The sandbox at http://127.0.0.1:9 does not answer');
    expect(c.out()).toContain('sandbox --data DIR --port 9');
  });

  it("--endpoint at this user's own sandbox (its recorded URL): --sandbox, as the state file says", async () => {
    const home = await learner();
    const own = await startSandbox({dataDir: defaultSandboxDataDir(home.env)});
    try {
      const c = {...makeIo(home.env), cwd: await emptyDir(home.dir)};
      expect(await check(['.', '--endpoint', own.url], c)).toBe(1);
      expect(c.out()).toContain('login --sandbox');
      expect(c.out()).not.toContain(`--endpoint ${own.url}`);
      // One login for both ways in: by its URL it is saved where --sandbox reads it, and logged out there too.
      const io = makeIo(home.env);
      expect(await login(['--endpoint', own.url, '--practice', 'write'], io), io.err()).toBe(0);
      const st = makeIo(home.env);
      expect(await status(['--sandbox', '--json'], st)).toBe(0);
      expect(JSON.parse(st.out())).toMatchObject({account: {user: 'practice-user'}, token: {kind: 'write'}});
      const out = makeIo(home.env);
      expect(await viaMain('logout')(['--endpoint', own.url], out)).toBe(0);
      expect(out.out()).toContain(join(defaultSandboxDataDir(home.env), 'hf-home'));
    } finally {
      await own.close();
    }
  });
});

describe("the token page of a workshop's sandbox (newcomer s11)", () => {
  it("a learner's wizard links the Create button (the folder's form key), and the page makes the token", async () => {
    const home = await learner();
    const {services, controller} = await startedWizard(home, sb.current.url);
    const target = controller.getState().target!;
    const advice = services.tokenAdvice({target, exampleId: 'push-dataset', cwd: home.dir});
    // Was: no key (only the app that started the sandbox had one), so the learner's page had no Create button.
    expect(advice.url).toContain('&key=');
    expect(advice.confirmCode).toMatch(/^\d{4}-\d{4}$/);
    const page = await (await fetch(advice.url)).text();
    expect(page).toContain('Create token');
    const fields = [...page.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map(
      (m) => [m[1]!, m[2]!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)))] as [string, string],
    );
    const created = await fetch(`${sb.current.url}/settings/tokens/new`, {
      method: 'POST',
      headers: {'Content-Type': 'application/x-www-form-urlencoded', Origin: sb.current.url},
      body: new URLSearchParams([...fields, ['name', 'learner'], ['code', advice.confirmCode!]]).toString(),
    });
    expect(created.status).toBe(201);
    expect(await created.text()).toContain(`login --endpoint ${sb.current.url}`);
    await controller.dispose();
  });

  it('its pages name `--endpoint URL` in every command (`--sandbox` would open another sandbox)', async () => {
    const tokens = await (await fetch(`${sb.current.url}/settings/tokens`)).text();
    expect(tokens).toContain(`login --endpoint ${sb.current.url} --practice write`);
    expect(tokens).not.toContain('login --sandbox');
    const bare = await (await fetch(`${sb.current.url}/settings/tokens/new?tokenType=write`)).text();
    expect(bare).toContain(`npx hf-jobs-wizard --endpoint ${sb.current.url}`);
    expect(bare).not.toContain('--sandbox');
  });
});
