// In the sandbox the fixes stay in the sandbox (issue 17 item 7): "Paste a token" points at the screen that links the
// sandbox page able to make one, a pasted token the sandbox rejects says to pick a practice token in place (not a
// command to run elsewhere), and no token-format message sends the person to huggingface.co. Real sandbox, real services.
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {gatherStatus} from '../../src/core/auth/status.js';
import {hubFixes} from '../../src/core/checks/hub-fixes.js';
import {WizardController} from '../../src/core/wizard/controller.js';
import {loginChoices} from '../../src/core/wizard/login-choices.js';
import {createServices} from '../../src/wizard/services/index.js';
import {servicesOnSandbox, useSandbox} from '../helpers/sandbox.js';

const sb = useSandbox();
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, {recursive: true, force: true});
});

async function wizardOnSandbox() {
  const dir = await mkdtemp(join(tmpdir(), 'wizard-sandbox-fixes-'));
  dirs.push(dir);
  const s = sb.current;
  const {services} = servicesOnSandbox(s, dir);
  const controller = new WizardController(services, {cwd: dir, presetTarget: 'sandbox'});
  controller.dispatch({type: 'start'});
  await controller.idle();
  return {controller, services, dir};
}

describe('in the sandbox the fixes stay in the sandbox', () => {
  it('"Paste a token" points at the next screen, whose link (with the form key) makes one; on a real Hub, its page', async () => {
    const {controller} = await wizardOnSandbox();
    const state = controller.getState();
    const paste = loginChoices(state).find((c) => c.value === 'paste')!;
    expect(paste.hint).toBe("Make one on the sandbox's token page (the next screen links it).");
    expect(state.tokenAdvice?.url).toContain(`${sb.current.url}/settings/tokens/new?`);
    expect(state.tokenAdvice?.url).toMatch(/[?&]key=t[0-9a-f]{36}$/);
    expect(state.tokenAdvice?.url).not.toContain(sb.current.formKey);
    expect(state.tokenAdvice?.confirmCode).toMatch(/^\d{4}-\d{4}$/);
    const hub = {...state, target: {...state.target!, practice: false, endpoint: 'https://huggingface.co'}};
    expect(loginChoices(hub).find((c) => c.value === 'paste')!.hint).toBe(
      'From https://huggingface.co/settings/tokens/new?tokenType=write',
    );
  });

  it('o on the token page says, after opening the link, the confirmation code the page asks for', async () => {
    const {controller, services} = await wizardOnSandbox();
    // No browser in a test: record the URL instead.
    const opened: string[] = [];
    services.openUrl = async (url) => {
      opened.push(url);
      return false;
    };
    const code = controller.getState().tokenAdvice?.confirmCode;
    expect(code).toMatch(/^\d{4}-\d{4}$/);
    controller.dispatch({type: 'open-token-page'});
    await controller.idle();
    expect(opened).toEqual([controller.getState().tokenAdvice?.url]);
    expect(controller.getState().notice).toContain(`The page asks for the code ${code}.`);
  });

  it('a badly copied token: the format message links the sandbox page that makes tokens, never huggingface.co', async () => {
    const {controller} = await wizardOnSandbox();
    controller.dispatch({type: 'login-method', method: 'paste'});
    controller.dispatch({type: 'paste-submit', value: 'hf_…iEzE'});
    const error = controller.getState().error ?? '';
    expect(error).toContain('This is the masked form shown on screen');
    expect(error).toContain(`${sb.current.url}/settings/tokens/new?`);
    expect(error).not.toContain('huggingface.co');
  });

  it('a pasted token the sandbox rejects: pick a practice token in place; an expired practice token: the write one above', async () => {
    const {controller} = await wizardOnSandbox();
    controller.dispatch({type: 'login-method', method: 'paste'});
    controller.dispatch({type: 'paste-submit', value: 'hf_FAKEsandboxFIXESsandboxFIXESsandbox'});
    await controller.idle();
    const pasted = controller.getState().error ?? '';
    expect(pasted).toContain('Invalid user token.');
    expect(pasted).toContain('Press Esc and pick "Use a practice token" (nothing to paste): the write one works here.');
    expect(pasted).not.toContain('login --sandbox');
    controller.dispatch({type: 'back'});
    controller.dispatch({type: 'login-method', method: 'practice'});
    controller.dispatch({type: 'practice-pick', label: 'expired'});
    await controller.idle();
    const expired = controller.getState().error ?? '';
    expect(expired).toMatch(
      /rejected the token you gave: it is wrong, revoked or expired\. Pick the write token above instead: it works here\.$/,
    );
    expect(expired).not.toContain('login --sandbox');
  });

  it("the checklist's token fix in the wizard: press t on the line (it logs in again here), not a command", async () => {
    const {services, dir} = await wizardOnSandbox();
    const {target} = await services.prepareTarget('sandbox');
    const read = await services.validateToken(target, sb.current.tokens.read, 'practice');
    if (!read.ok) throw new Error(read.message);
    const items = await services.runChecks(
      {target, account: read.account, exampleId: 'push-dataset', cwd: dir},
      () => {},
    );
    const failed = items.find((i) => i.status === 'fail' && i.id.startsWith('token-permission'));
    expect(failed?.fix ?? failed?.message).toContain('move to this ✗ line and press t: its first fix logs in again');
    expect(JSON.stringify(items)).not.toContain('login --sandbox');
    // The `check` command on the sandbox keeps its command: it is not in the wizard.
    expect(hubFixes(sb.current.url).newToken('a token')).toContain('login --sandbox --practice write');
  });

  it('no credits on the sandbox: the fix is the namespace (practice orgs fail on purpose), not a new login', () => {
    for (const fixes of [hubFixes(sb.current.url), hubFixes(sb.current.url, {wizard: true})]) {
      const text = fixes.credits();
      expect(text).toContain('practice-user');
      expect(text).toContain('hf-job.json');
      expect(text).toMatch(/namespace/);
      expect(text).toContain('the token is fine');
      expect(text).not.toContain('press t');
      expect(text).not.toContain('settings/billing');
    }
    expect(hubFixes().credits()).toContain('https://huggingface.co/settings/billing');
  });

  it('status on the sandbox: a saved token of the wrong form names the sandbox token page, not huggingface.co', async () => {
    const report = await gatherStatus({HF_TOKEN: 'hf_…iEzE', HOME: '/nonexistent'}, sb.current.url, {offline: true});
    expect(report.formatProblem).toContain(`${sb.current.url}/settings/tokens`);
    expect(report.formatProblem).not.toContain('huggingface.co');
  });
});

describe('a Hub out of reach at login', () => {
  it('the login error says the sandbox runs the wizard offline; a stopped sandbox by URL, who starts it again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wizard-offline-'));
    dirs.push(dir);
    const services = createServices({env: {HOME: dir, XDG_CACHE_HOME: join(dir, 'cache')}, cwd: dir});
    // A Hub whose name does not resolve (.invalid never does): the same "Could not reach" as with no network.
    const remote = {kind: 'hub' as const, endpoint: 'http://hub.invalid', practice: false};
    const r = await services.validateToken(remote, 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12', 'input');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(/^Could not reach http:\/\/hub\.invalid/);
      expect(r.message).toContain('No network? `npx hf-jobs-wizard --sandbox` runs the whole wizard offline.');
      expect(r.message).not.toContain('hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12');
    }
    // Nothing listens on port 1 of this machine: a sandbox reached by its URL that stopped (a workshop's), not a
    // network problem (newcomer s10 fresh pass).
    const local = {kind: 'hub' as const, endpoint: 'http://127.0.0.1:1', practice: false};
    const l = await services.validateToken(local, 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12', 'input');
    expect(l.ok).toBe(false);
    if (!l.ok) {
      expect(l.message).toMatch(/^Could not reach http:\/\/127\.0\.0\.1:1/);
      expect(l.message).toContain('The sandbox at http://127.0.0.1:1 does not answer');
      expect(l.message).toContain('sandbox --data DIR --port 1');
      expect(l.message).not.toContain('No network?');
    }
    await services.dispose();
  });
});
