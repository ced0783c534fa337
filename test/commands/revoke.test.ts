// `revoke`: a leaked token found in a file or piped text is shown masked, sent to POST /api/credentials/revoke only
// after a confirmation (--yes when stdin is not a terminal), and is dead afterwards (whoami 401) on a real sandbox.
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {viaMain} from '../helpers/command.js';
import {afterRevokeSteps, findLeakedTokens, leakWarning} from '../../src/core/tokens/leak.js';
import {useSandbox} from '../helpers/sandbox.js';
import {makeIo, tempHome} from './helpers-auth.js';

const revoke = viaMain('revoke');

const sb = useSandbox();
let home: Awaited<ReturnType<typeof tempHome>>;
beforeEach(async () => {
  home = await tempHome();
});
afterEach(async () => {
  await home.cleanup();
});

async function whoamiStatus(token: string): Promise<number> {
  return (await fetch(`${sb.current.url}/api/whoami-v2`, {headers: {Authorization: `Bearer ${token}`}})).status;
}

describe('finding leaked tokens', () => {
  it('finds each distinct real-format token once with its line, and never a placeholder', () => {
    const fake = 'hf_FAKEleakedTOKENabcdefghijklmnopqr';
    const text = `export HF_TOKEN=hf_xxx\nuse hf_YOUR_TOKEN here\ncurl -H "Authorization: Bearer ${fake}"\nagain ${fake}\n`;
    const leaks = findLeakedTokens(text);
    expect(leaks).toHaveLength(1);
    expect(leaks[0]).toMatchObject({token: fake, line: 3, masked: 'hf_…opqr'});
    const warning = leakWarning(leaks, 'this text', 'npx hf-jobs-wizard revoke -').join('\n');
    expect(warning).toMatch(/^this text contains a token: hf_…opqr \(line 3\)\. Do not post it/);
    expect(warning).not.toContain(fake);
    expect(leakWarning([], 'x', 'y')).toEqual([]);
  });

  it('after a revoke the steps name the token page, login, the secret form and a check', () => {
    const steps = afterRevokeSteps('http://127.0.0.1:1/settings/tokens', (a) => `npx hf-jobs-wizard ${a}`).join('\n');
    expect(steps).toContain('http://127.0.0.1:1/settings/tokens');
    expect(steps).toContain('npx hf-jobs-wizard login');
    expect(steps).toContain('--secrets HF_TOKEN');
    expect(steps).toContain('npx hf-jobs-wizard check');
  });
});

describe('revoke against the sandbox Hub', () => {
  it('revokes a token found in a file after --yes, and the token then gets 401', async () => {
    const token = sb.current.tokens.write;
    expect(await whoamiStatus(token)).toBe(200);
    const dir = await mkdtemp(join(tmpdir(), 'hfjw-leak-'));
    try {
      await writeFile(join(dir, 'notebook.py'), `from huggingface_hub import login\nlogin("${token}")\n`);
      const io = {...makeIo(home.env), cwd: dir};
      expect(await revoke(['notebook.py', '--yes', '--endpoint', sb.current.url], io)).toBe(0);
      expect(io.err()).toMatch(/Found hf_…\w{4} in notebook\.py, line 2\./);
      expect(io.out()).toMatch(/Sent hf_…\w{4} to .* for revocation \(the Hub answered 202/);
      expect(io.out()).toContain('Make a new token');
      expect(io.out() + io.err()).not.toContain(token);
      expect(await whoamiStatus(token)).toBe(401);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });

  it('reads piped text, answers --json, and never prints the token', async () => {
    const token = sb.current.tokens.read;
    const io = makeIo(home.env, {stdinText: `Traceback ...\nHTTPError: 401 for token ${token}\n`});
    expect(await revoke(['-', '--yes', '--json', '--endpoint', sb.current.url], io)).toBe(0);
    const out = JSON.parse(io.out());
    expect(out).toMatchObject({status: 202, sent: [expect.stringMatching(/^hf_…\w{4}$/)]});
    expect(io.out() + io.err()).not.toContain(token);
    expect(await whoamiStatus(token)).toBe(401);
  });

  it('sends nothing without a confirmation when stdin is not a terminal', async () => {
    const token = sb.current.tokens['fine-grained'];
    const io = makeIo(home.env, {stdinText: token});
    expect(await revoke(['-', '--endpoint', sb.current.url], io)).toBe(2);
    expect(io.err()).toContain('pass --yes');
    expect(await whoamiStatus(token)).toBe(200);
  });

  it('refuses a token given as an argument and says why, masked', async () => {
    const fake = 'hf_FAKEargvTOKENabcdefghijklmnopqrst';
    const io = makeIo(home.env, {stdinText: ''});
    expect(await revoke([fake, '--endpoint', sb.current.url], io)).toBe(2);
    expect(io.err()).toContain('argv is visible');
    expect(io.err()).not.toContain(fake);
  });

  it('says so when the text holds no real token', async () => {
    const io = makeIo(home.env, {stdinText: 'HF_TOKEN=hf_xxx\n'});
    expect(await revoke(['-', '--yes', '--endpoint', sb.current.url], io)).toBe(1);
    expect(io.err()).toContain('no real-format token');
  });
});

describe('a token in a pasted error comes first', () => {
  it('troubleshoot says the text holds a token, masked, before anything else, and points at revoke', async () => {
    const {run: troubleshoot} = await import('../../src/commands/troubleshoot.js');
    const fake = 'hf_FAKEpastedTOKENabcdefghijklmnopqr';
    const io = makeIo(home.env, {
      stdinText: `huggingface_hub.errors.HfHubHTTPError: 401 Client Error: Unauthorized\nmy token is ${fake}\n`,
    });
    expect(await troubleshoot(['-', '--endpoint', sb.current.url], io)).toBe(0);
    expect(io.out()).toMatch(/^This text contains a token: hf_…opqr \(line 2\)\. Do not post it/);
    // On the Hub the text was answered for: a revoke sent to huggingface.co cannot revoke a token of this one.
    expect(io.out()).toContain(`\`npx hf-jobs-wizard revoke - --endpoint ${sb.current.url}\``);
    expect(io.out() + io.err()).not.toContain(fake);

    const json = makeIo(home.env, {stdinText: `401 Unauthorized ${fake}`});
    await troubleshoot(['-', '--json', '--endpoint', sb.current.url], json);
    expect(JSON.parse(json.out()).leakedTokens).toEqual(['hf_…opqr']);
  });
});

describe('a token glued to a word (newcomer s10 D)', () => {
  it('troubleshoot warns about `tokenhf_…` as about a bare token, and the revoke it offers finds and revokes it', async () => {
    const {run: troubleshoot} = await import('../../src/commands/troubleshoot.js');
    const token = sb.current.tokens.expiring;
    expect(await whoamiStatus(token)).toBe(200);
    const text = `huggingface_hub.errors.HfHubHTTPError: 401 Client Error: Unauthorized\nmy token${token}\n`;
    const io = makeIo(home.env, {stdinText: text});
    expect(await troubleshoot(['-', '--endpoint', sb.current.url], io)).toBe(0);
    expect(io.out()).toMatch(/^This text contains a token: hf_…\w{4} \(line 2\)\. Do not post it/);
    expect(io.out()).toContain(`\`npx hf-jobs-wizard revoke - --endpoint ${sb.current.url}\``);
    expect(io.out() + io.err()).not.toContain(token);
    const revoked = makeIo(home.env, {stdinText: text});
    expect(await revoke(['-', '--yes', '--endpoint', sb.current.url], revoked)).toBe(0);
    expect(revoked.err()).toMatch(/Found hf_…\w{4} in the text on stdin, line 2\./);
    expect(revoked.out() + revoked.err()).not.toContain(token);
    expect(await whoamiStatus(token)).toBe(401);
  });
});

describe('check points a written token at revoke', () => {
  it('the hardcoded-token fix names `revoke FILE` first, with the token masked', async () => {
    const {run: check} = await import('../../src/commands/check.js');
    const fake = 'hf_FAKEwrittenTOKENabcdefghijklmnopq';
    const dir = await mkdtemp(join(tmpdir(), 'hfjw-leak-'));
    try {
      await writeFile(join(dir, 'train.py'), `import os\nos.environ["HF_TOKEN"] = "${fake}"\n`);
      const io = {...makeIo(home.env), cwd: dir};
      expect(await check(['train.py', '--offline'], io)).toBe(1);
      expect(io.out()).toContain('npx hf-jobs-wizard revoke train.py');
      expect(io.out() + io.err()).not.toContain(fake);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});
