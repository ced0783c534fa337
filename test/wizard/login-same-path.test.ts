// One token path (issue 11): the wizard and the `login` command clean, check, verify and save a token through the same
// steps (core/auth/login-flow.ts), so the same pasted text leaves the same token file and stored_tokens entry on disk,
// and the same bad text gets the same reason.
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {loginWithToken} from '../../src/core/auth/login-flow.js';
import {WizardController} from '../../src/core/wizard/controller.js';
import {createServices} from '../../src/wizard/services/index.js';
import {makeIo, tempHome} from '../commands/helpers-auth.js';
import {viaMain} from '../helpers/command.js';
import {useSandbox} from '../helpers/sandbox.js';
import {advance, sandboxWizard, throughConfig} from '../helpers/wizard-flow.js';
import {OAUTH_TOKEN_TTL} from '../../src/sandbox/routes/oauth.js';

const login = viaMain('login');
const sb = useSandbox();
type Home = Awaited<ReturnType<typeof tempHome>>;
let homes: Home[] = [];
beforeEach(async () => {
  homes = [await tempHome(), await tempHome()];
});
afterEach(async () => {
  for (const home of homes) await home.cleanup();
});

// A sandbox reached by URL (as here) keeps its logins in the sandbox home, never in the real login's files.
const hfFile = (home: Home, name: string) =>
  readFile(join(home.dir, 'cache', 'hf-jobs-wizard', 'sandbox-home', name), 'utf8');

/** The wizard on the Hub target (here: the sandbox's URL as --endpoint), from the start to the written config. */
async function wizardPaste(home: Home, pasted: string): Promise<WizardController> {
  const services = createServices({env: home.env, cwd: home.dir, endpointFlag: sb.current.url});
  const controller = new WizardController(services, {cwd: home.dir, presetTarget: 'hub'});
  await advance(
    controller,
    {type: 'start'},
    {type: 'login-method', method: 'paste'},
    {type: 'paste-submit', value: pasted},
  );
  return controller;
}

describe('the wizard and `login` share one token path', () => {
  it('the same pasted text saves the same token file and the same stored_tokens entry', {timeout: 30_000}, async () => {
    const [viaLogin, viaWizard] = homes as [Home, Home];
    // Pasted with what people copy along: an export, quotes, a trailing CR/LF.
    const pasted = `export HF_TOKEN="${sb.current.tokens['fine-grained']}"\r\n`;
    const io = makeIo(viaLogin.env, {stdinText: pasted});
    expect(await login(['--token-stdin', '--endpoint', sb.current.url], io)).toBe(0);

    const controller = await wizardPaste(viaWizard, pasted);
    expect(controller.getState().error).toBeUndefined();
    expect(controller.getState().account?.user).toBe('practice-user');
    await throughConfig(controller);
    expect(controller.getState().error).toBeUndefined();

    const token = await hfFile(viaLogin, 'token');
    expect(token).toBe(sb.current.tokens['fine-grained']);
    expect(await hfFile(viaWizard, 'token')).toBe(token);
    const stored = await hfFile(viaLogin, 'stored_tokens');
    expect(stored).toContain(`hf_token = ${token}`);
    expect(await hfFile(viaWizard, 'stored_tokens')).toBe(stored);
  });

  it('the same bad text gets the same reason from both, and neither saves anything', {timeout: 30_000}, async () => {
    const [viaLogin, viaWizard] = homes as [Home, Home];
    for (const pasted of ['hf_…abcd', 'hf_YOUR_TOKEN_HERE', 'api_org_abcdefghijklmnopqrstuvwxyz12345678']) {
      const io = makeIo(viaLogin.env, {stdinText: `${pasted}\n`});
      expect(await login(['--token-stdin', '--endpoint', sb.current.url, '--json'], io)).toBe(1);
      const fromLogin = (JSON.parse(io.out()) as {error: {message: string}}).error.message;
      const controller = await wizardPaste(viaWizard, pasted);
      expect(controller.getState().error).toBe(fromLogin);
    }
    await expect(hfFile(viaLogin, 'token')).rejects.toThrow();
    await expect(hfFile(viaWizard, 'token')).rejects.toThrow();
  });

  it(
    "a browser login keeps its OAuth expiry: the wizard saves expires_at under the token's name, as `login --device` does",
    {timeout: 30_000},
    async () => {
      const [, home] = homes as [Home, Home];
      const s = sb.current;
      // The wizard's services over the sandbox, with its form key (the device approval page needs it).
      const {sandboxEnv: env, services} = sandboxWizard(s, {dir: home.dir, formKey: true});
      const controller = new WizardController(services, {cwd: home.dir, presetTarget: 'sandbox'});
      await advance(controller, {type: 'start'});
      const before = Math.floor(Date.now() / 1000);
      controller.dispatch({type: 'login-method', method: 'browser'});
      let url = '';
      await vi.waitFor(
        () => {
          url = controller.getState().login.browser?.url ?? '';
          expect(url).not.toBe('');
        },
        {timeout: 15_000, interval: 50},
      );
      // The browser: open the URL the wizard shows and submit its approval form from the sandbox's origin.
      const html = await (await fetch(url)).text();
      const fields = Object.fromEntries(
        [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]),
      );
      const approved = await fetch(new URL('/oauth/device/verify', url), {
        method: 'POST',
        headers: {'Content-Type': 'application/x-www-form-urlencoded', Origin: new URL(url).origin, Referer: url},
        body: new URLSearchParams({...fields, action: 'approve'}).toString(),
      });
      expect(approved.status).toBe(200);
      await vi.waitFor(() => expect(controller.getState().account?.source).toBe('browser'), {
        timeout: 15_000,
        interval: 50,
      });
      await controller.idle();
      await throughConfig(controller);
      expect(controller.getState().error).toBeUndefined();

      const hfHome = env.HF_HOME!;
      const token = await readFile(join(hfHome, 'token'), 'utf8');
      const stored = await readFile(join(hfHome, 'stored_tokens'), 'utf8');
      const expiresAt = Number(/^expires_at = (\d+)$/m.exec(stored)?.[1]);
      expect(expiresAt).toBeGreaterThanOrEqual(before + OAUTH_TOKEN_TTL);
      expect(expiresAt).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + OAUTH_TOKEN_TTL);
      // The entry `login` writes for the same token and expiry, in a third home: byte for byte the same.
      const name = controller.getState().account!.storageName;
      const third = await tempHome();
      homes.push(third);
      const viaLogin = await loginWithToken({
        env: {...third.env, HF_HOME: join(third.dir, 'cache', 'hf-jobs-wizard', 'sandbox-home')},
        endpoint: s.url,
        rawToken: token,
        expiresAt,
      });
      expect(viaLogin.ok && viaLogin.name).toBe(name);
      expect(await hfFile(third, 'stored_tokens')).toBe(stored);
    },
  );
});
