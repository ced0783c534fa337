// A real-Hub error text pasted into the wizard while it runs on the sandbox is answered for the Hub it came from
// (huggingface.co: its pages, no practice tokens), not in the sandbox's words; a sandbox text stays a sandbox one.
// Real sandbox, real services; no token in HOME, so nothing asks huggingface.co anything.
import {describe, expect, it} from 'vitest';
import {textHub} from '../../src/core/troubleshoot/facts.js';
import {transition} from '../../src/core/wizard/machine.js';
import {reportLines} from '../../src/core/troubleshoot/report.js';
import {wizardReport} from '../../src/core/wizard/troubleshoot-report.js';
import {useSandbox} from '../helpers/sandbox.js';
import {advance, logIn, sandboxWizard, startWizard, useTempDirs} from '../helpers/wizard-flow.js';
import {forgetOwnSandboxes, rememberOwnSandbox} from '../../src/core/practice.js';

const sb = useSandbox();
const tempDir = useTempDirs();

async function pasteOnSandbox(text: string) {
  const dir = await tempDir('wizard-pasted-hub-');
  const {services} = sandboxWizard(sb.current, {dir});
  const controller = await startWizard(services, dir);
  await logIn(controller, services, sb.current.tokens.write);
  await advance(controller, {type: 'paste-error'}, {type: 'error-pasted', text});
  const state = controller.getState();
  await controller.dispose();
  return {state, text: reportLines(wizardReport(state)!).join('\n')};
}

describe('a pasted error is answered for the Hub it came from', () => {
  it('textHub: huggingface.co or hf.co named, not the sandbox address, and only while on the sandbox', () => {
    const sandbox = 'http://127.0.0.1:4567';
    expect(textHub("Client error '402 Payment Required' for url 'https://huggingface.co/api/jobs/acme'", sandbox)).toBe(
      'https://huggingface.co',
    );
    expect(textHub('get one at hf.co/settings/tokens', sandbox)).toBe('https://huggingface.co');
    expect(textHub('403 for url http://127.0.0.1:4567/api/repos/create (see huggingface.co/docs)', sandbox)).toBe(
      undefined,
    );
    expect(textHub("KeyError: 'HF_TOKEN'", sandbox)).toBe(undefined);
    expect(textHub('https://huggingface.co.example.net/x', sandbox)).toBe(undefined);
    expect(textHub('https://huggingface.co/api/whoami-v2', 'https://huggingface.co')).toBe(undefined);
  });

  it("textHub the other way: on huggingface.co, a text whose Hub requests went to a local sandbox is the sandbox's", () => {
    const hub = 'https://huggingface.co';
    expect(textHub('401 Client Error: Unauthorized for url: http://127.0.0.1:43123/api/whoami-v2', hub)).toBe(
      'http://127.0.0.1:43123',
    );
    expect(
      textHub('404 for url: http://localhost:5000/api/datasets/practice-user/x (see https://huggingface.co/docs)', hub),
    ).toBe('http://127.0.0.1:5000');
    expect(textHub('see http://127.0.0.1:43123/jobs/practice-user/6650f0c2a1b2c3d4e5f60718', hub)).toBe(
      'http://127.0.0.1:43123',
    );
    // Local servers that are not a Hub (a Gradio app, an inference server) say nothing about where the text came from.
    expect(textHub("ConnectionError: HTTPConnectionPool(host='localhost', port=7860)", hub)).toBe(undefined);
    expect(textHub('POST http://127.0.0.1:8080/generate 503', hub)).toBe(undefined);
    // A request to huggingface.co's API in the same text: left to the wizard's Hub.
    expect(textHub('http://127.0.0.1:5000/api/whoami-v2 then https://huggingface.co/api/whoami-v2', hub)).toBe(
      undefined,
    );
  });

  it('on huggingface.co, a sandbox 402 is answered for the sandbox: practice-user pays, no billing page, its practice login', async () => {
    const dir = await tempDir('wizard-pasted-sandbox-');
    const {services} = sandboxWizard(sb.current, {dir});
    forgetOwnSandboxes(); // this process has not opened it as its own sandbox (no --sandbox, no recorded URL)
    // The wizard on huggingface.co with nobody logged in: nothing is asked of huggingface.co.
    const controller = await startWizard(services, dir, 'hub');
    expect(controller.getState().target?.endpoint).toBe('https://huggingface.co');
    await advance(
      controller,
      {type: 'paste-error'},
      {
        type: 'error-pasted',
        text: `huggingface_hub.errors.HfHubHTTPError: Client error '402 Payment Required' for url '${sb.current.url}/api/jobs/practice-no-credits'`,
      },
    );
    const state = controller.getState();
    await controller.dispose();
    const text = reportLines(wizardReport(state)!).join('\n');
    expect(state.troubleshoot.problem).toBe('payment-required');
    expect(state.troubleshoot.hub).toBe(sb.current.url);
    expect(text).toContain(
      `This text came from the sandbox at ${sb.current.url.replace('http://', '')}, not from huggingface.co`,
    );
    expect(text).toContain('practice-user');
    expect(text).not.toContain('https://huggingface.co/settings/billing');
    expect(transition(state, {type: 'fix', action: 'open-billing'}).effects).not.toEqual([
      {kind: 'open-url', url: 'https://huggingface.co/settings/billing'},
    ]);
    const relogin = transition(state, {type: 'fix', action: 're-login'});
    expect(relogin.state.notice).toContain(
      `This error came from the sandbox at ${sb.current.url.replace('http://', '')}`,
    );
    // Named as it can be reached (newcomer s10 A): by its URL, unless it is this user's own sandbox (--sandbox).
    expect(relogin.state.notice).toContain(`login --endpoint ${sb.current.url} --practice write`);
    rememberOwnSandbox(sb.current.url);
    const own = transition(state, {type: 'fix', action: 're-login'});
    expect(own.state.notice).toContain('login --sandbox --practice write');
  }, 30_000);

  it('a 402 from huggingface.co: the billing page, not the sandbox\'s "run under practice-user"', async () => {
    const {state, text} = await pasteOnSandbox(
      "huggingface_hub.errors.HfHubHTTPError: Client error '402 Payment Required' for url 'https://huggingface.co/api/jobs/acme-org'\nPre-paid credit balance is insufficient - add more credits to your account to use Jobs.",
    );
    expect(state.troubleshoot.problem).toBe('payment-required');
    expect(state.troubleshoot.hub).toBe('https://huggingface.co');
    expect(text).toContain('https://huggingface.co/settings/billing');
    expect(text).not.toMatch(/practice-user|practice token|--sandbox/);
    expect(text).toContain('This text came from huggingface.co, not from the sandbox');
    // The offered fix opens huggingface.co's billing page, not the sandbox's address.
    const opened = transition(state, {type: 'fix', action: 'open-billing'}).effects;
    expect(opened).toEqual([{kind: 'open-url', url: 'https://huggingface.co/settings/billing'}]);
    // "Log in again" does not send the person to the sandbox's login: it says where to log in for that Hub.
    const relogin = transition(state, {type: 'fix', action: 're-login'});
    expect(relogin.state.step).toBe('troubleshoot');
    expect(relogin.state.notice).toContain('This error came from huggingface.co: log in there');
    expect(transition(state, {type: 'fix', action: 'open-token-page'}).effects).toEqual([
      {kind: 'open-url', url: 'https://huggingface.co/settings/tokens/new?tokenType=write'},
    ]);
  }, 30_000);

  it('a token in the pasted text is said first (plain mode prints these lines), with the revoke for its Hub', async () => {
    const fake = 'hf_FAKEpastedTOKENabcdefghijklmnopqr';
    const {state, text} = await pasteOnSandbox(`KeyError: 'HF_TOKEN'\nmy token: ${fake}`);
    expect(text.split('\n')[0]).toBe(
      'This text contains a token: hf_…opqr (line 2). Do not post it anywhere; anyone who sees it can act as you.',
    );
    expect(text).toContain('`npx hf-jobs-wizard revoke - --sandbox`');
    expect(JSON.stringify(state)).not.toContain(fake);
    // A text with no token says nothing of the kind.
    expect((await pasteOnSandbox("KeyError: 'HF_TOKEN'")).text).not.toContain('contains a token');
    // Glued to the word before it (masked as a token): said the same way (newcomer s10 D).
    const glued = await pasteOnSandbox(`401 Unauthorized\nAuthorization: Bearer${fake}`);
    expect(glued.text.split('\n')[0]).toBe(
      'This text contains a token: hf_…opqr (line 2). Do not post it anywhere; anyone who sees it can act as you.',
    );
    expect(JSON.stringify(glued.state)).not.toContain(fake);
  }, 30_000);

  it('a text of the sandbox itself is still answered for the sandbox', async () => {
    const {state, text} = await pasteOnSandbox(
      `huggingface_hub.errors.HfHubHTTPError: Client error '402 Payment Required' for url '${sb.current.url}/api/jobs/practice-no-credits'`,
    );
    expect(state.troubleshoot.problem).toBe('payment-required');
    expect(state.troubleshoot.hub).toBeUndefined();
    expect(text).toContain('practice-user');
    expect(text).not.toContain('https://huggingface.co/settings/billing');
  }, 30_000);
});
