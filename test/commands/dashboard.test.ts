// The token dashboard (`status` lists every saved token with what the Hub says of it) and `login --switch`,
// against a real sandbox Hub, in the same files as `hf auth list` / `hf auth switch`.
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {viaMain} from '../helpers/command.js';
import {revokeCredentials} from '../../src/core/hub/extra-routes.js';
import {useSandbox} from '../helpers/sandbox.js';
import {makeIo, tempHome} from './helpers-auth.js';

const login = viaMain('login');
const status = viaMain('status');

const sb = useSandbox();
let home: Awaited<ReturnType<typeof tempHome>>;
beforeEach(async () => {
  home = await tempHome();
});
afterEach(async () => {
  await home.cleanup();
});
// A sandbox reached by URL keeps its logins in the sandbox home (never the real login's files).
const hfDir = () => join(home.dir, 'cache', 'hf-jobs-wizard', 'sandbox-home');

async function save(token: string, name: string): Promise<void> {
  expect(
    await login(['--token-stdin', '--endpoint', sb.current.url, '--name', name], makeIo(home.env, {stdinText: token})),
  ).toBe(0);
}

describe('the token dashboard', () => {
  it('status shows every saved token with its kind, scopes, gated box and validity, and the active one', async () => {
    await save(sb.current.tokens['fine-grained'], 'jobs');
    await save(sb.current.tokens.read, 'reader');
    const io = makeIo(home.env);
    expect(await status(['--endpoint', sb.current.url], io)).toBe(0);
    const out = io.out();
    expect(out).toMatch(/\* reader +hf_…\w{4} +read token \(classic\) of practice-user/);
    expect(out).toMatch(/ {3}jobs +hf_…\w{4} +fine-grained token of practice-user/);
    expect(out).toContain('user practice-user: repo.content.read, repo.write, job.write');
    expect(out).toContain('cannot read public gated repos');
    expect(out).toContain('login --switch NAME');
    expect(out + io.err()).not.toContain(sb.current.tokens.read);

    const json = makeIo(home.env);
    await status(['--endpoint', sb.current.url, '--json'], json);
    const report = JSON.parse(json.out());
    expect(report.storedTokens.find((t: {name: string}) => t.name === 'jobs').check).toMatchObject({
      valid: true,
      kind: 'fineGrained',
      canReadGatedRepos: false,
    });
  });

  it('a saved token that was revoked is shown as invalid, not hidden', async () => {
    const doomed = sb.current.tokens.write;
    await save(doomed, 'doomed');
    await save(sb.current.tokens.read, 'reader');
    await revokeCredentials({hubUrl: sb.current.url}, [doomed]);
    const io = makeIo(home.env);
    await status(['--endpoint', sb.current.url], io);
    expect(io.out()).toMatch(/ {3}doomed +hf_…\w{4} +invalid \(revoked or expired\)/);
  });
});

describe('login --switch', () => {
  it('makes a saved token the active one in the token file, like hf auth switch', async () => {
    await save(sb.current.tokens['fine-grained'], 'jobs');
    await save(sb.current.tokens.read, 'reader');
    const io = makeIo(home.env);
    expect(await login(['--switch', 'jobs', '--endpoint', sb.current.url], io)).toBe(0);
    expect(io.out()).toContain('The active token is now "jobs"');
    expect(await readFile(join(hfDir(), 'token'), 'utf8')).toBe(sb.current.tokens['fine-grained']);
    expect(io.out() + io.err()).not.toContain(sb.current.tokens['fine-grained']);
  });

  it('names the saved tokens when the name is unknown, and warns when HF_TOKEN still wins', async () => {
    await save(sb.current.tokens.read, 'reader');
    const missing = makeIo(home.env);
    expect(await login(['--switch', 'nope', '--endpoint', sb.current.url], missing)).toBe(1);
    expect(missing.err()).toContain('No saved token is named "nope"');
    expect(missing.err()).toContain('Saved tokens: "reader"');
    const shadowed = makeIo({...home.env, HF_TOKEN: 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfakeFA'});
    expect(await login(['--switch', 'reader', '--endpoint', sb.current.url], shadowed)).toBe(0);
    expect(shadowed.err()).toContain('HF_TOKEN environment variable is set and still wins');
  });

  it('refuses --switch together with another way of logging in', async () => {
    const io = makeIo(home.env);
    expect(await login(['--switch', 'x', '--token-stdin'], io)).toBe(2);
  });
});
