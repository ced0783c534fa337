// Least privilege in the wizard, against a real sandbox Hub: the login and token-type screens link the prefilled
// page for the smallest token the chosen job needs (with the sandbox's form key, so its Create button works); a token
// made from that link is found enough and no broader; a classic write token is enough but more than needed; "o" opens
// the page and the URL is printed too.
import {PassThrough} from 'node:stream';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {WizardController} from '../../src/core/wizard/controller.js';
import {runPlain} from '../../src/plain/wizard.js';
import {App} from '../../src/ui/App.js';
import {compareTokenToNeeds} from '../../src/core/tokens/least-privilege.js';
import {findExample} from '../../src/examples/catalog.js';
import {evaluateExample} from '../../src/wizard/services/index.js';
import {FAKE_ACCOUNT, FAKE_TARGET, fakeServices} from '../helpers/fake-services.js';
import {useSandbox} from '../helpers/sandbox.js';
import {advance, logIn, sandboxWizard, startWizard, useTempDirs} from '../helpers/wizard-flow.js';
import {press, waitForText} from './helpers.js';

const sb = useSandbox();
afterEach(() => cleanup());
const tempDir = useTempDirs();
const FAKE_TOKEN = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake34';

async function setup() {
  const dir = await tempDir('wizard-lp-');
  const {env, services} = sandboxWizard(sb.current, {dir, pollMs: 100, formKey: true});
  const opened: string[] = [];
  // No browser in a test: record what would be opened (the screens must print the URL either way).
  services.openUrl = async (url) => {
    opened.push(url);
    return false;
  };
  const controller = await startWizard(services, dir);
  return {dir, env, services, controller, opened};
}

/**
 * Creates a token through the sandbox's page as a person would: open the link, type the code the terminal shows next
 * to it, press Create (the form's other fields as they are).
 */
async function createFrom(url: string, code: string | undefined): Promise<string> {
  const page = await (await fetch(url)).text();
  expect(page).toContain('<form method="post"');
  const fields = [...page.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map(
    (m) => [m[1]!, m[2]!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)))] as [string, string],
  );
  const r = await fetch(`${sb.current.url}/settings/tokens/new`, {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded', Origin: sb.current.url},
    body: new URLSearchParams([...fields, ['code', code ?? '']]).toString(),
  });
  expect(r.status).toBe(201);
  return /value="(hf_[A-Za-z0-9]{34})"/.exec(await r.text())![1]!;
}

describe('least privilege in the wizard (real sandbox)', () => {
  it('before login the page asks exactly job.write and repo.write for your own account, with a token-page key and a code; a token made there is enough and no broader', async () => {
    const {services, controller} = await setup();
    const advice = controller.getState().tokenAdvice;
    expect(advice?.scopes).toBe('job.write, repo.write on your account');
    const url = new URL(advice!.url);
    expect(url.origin + url.pathname).toBe(`${sb.current.url}/settings/tokens/new`);
    expect(url.searchParams.get('tokenType')).toBe('fineGrained');
    expect(url.searchParams.getAll('ownUserPermissions')).toEqual(['job.write', 'repo.write']);
    expect(url.searchParams.getAll('orgs')).toEqual([]);
    // A key for the token page only (never the form key: the browser gets the link on its command line), and the
    // code its form asks for, shown in the terminal only.
    expect(url.searchParams.get('key')).toMatch(/^t[0-9a-f]{36}$/);
    expect(url.href).not.toContain(sb.current.formKey);
    expect(advice?.confirmCode).toMatch(/^\d{4}-\d{4}$/);
    expect(advice?.fit).toBeUndefined();

    const token = await createFrom(advice!.url, advice!.confirmCode);
    await logIn(controller, services, token, 'input');
    expect(controller.getState().account?.kind).toBe('fineGrained');
    await advance(controller, {type: 'login-continue'});
    const s = controller.getState();
    expect(s.verdict?.ok).toBe(true);
    expect(s.tokenAdvice?.scopes).toBe('job.write, repo.write on practice-user');
    expect(s.tokenAdvice?.fit).toEqual({
      enough: true,
      broader: false,
      advice: 'This token is enough and no broader than the job needs.',
    });
    await controller.dispose();
  }, 30_000);

  it('a read token is not enough, and the advice names what it lacks', async () => {
    const {services, controller} = await setup();
    await logIn(controller, services, sb.current.tokens.read);
    await advance(controller, {type: 'login-continue'});
    const fit = controller.getState().tokenAdvice?.fit;
    expect(fit?.enough).toBe(false);
    expect(fit?.advice).toMatch(
      /^This token is not enough: it lacks job\.write on practice-user; repo\.write on practice-user\. A fine-grained token with job\.write, repo\.write on practice-user is enough\.$/,
    );
    await controller.dispose();
  }, 30_000);

  it('plain: the paste step prints the least-privilege link; the token-type step prints the fit', async () => {
    const {dir, env, services} = await setup();
    const controller = new WizardController(services, {cwd: dir, presetTarget: 'sandbox'});
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    // login: paste (2) · an empty line goes back · practice (1) · write (1) · goal (Enter) · then the input ends
    stdin.end(['2', '', '1', '1', '', ''].map((a) => a + '\n').join(''));
    await runPlain(controller, {stdin, stdout, stderr: new PassThrough(), env, cwd: dir});
    await controller.dispose();
    expect(out).toMatch(
      /Make a token with just what this job needs \(job\.write, repo\.write on your account\) at http:\/\/127\.0\.0\.1:\d+\/settings\/tokens\/new\?tokenType=fineGrained&ownUserPermissions=job\.write&ownUserPermissions=repo\.write&key=t[0-9a-f]+ \(the page asks for the code \d{4}-\d{4}\) /,
    );
    expect(out).toContain('Least privilege: This token is enough, and more than needed');
    expect(out).toMatch(/Open the page for a token with exactly job\.write, repo\.write on practice-user: http/);
  }, 30_000);
});

describe('least privilege on the token-type screen (FakeServices: the screen is the point)', () => {
  it('Ink: a write token fits but is broader than needed; o opens the least-privilege page and the URL is shown', async () => {
    // The advice the login services give a classic write token for the push-dataset job (core/tokens/least-privilege).
    const needs = {
      user: 'practice-user',
      namespace: 'practice-user',
      writes: [{type: 'dataset' as const, namespace: 'practice-user', name: 'hf-jobs-wizard-demo-dataset'}],
      reads: [],
    };
    const fit = compareTokenToNeeds(FAKE_ACCOUNT.info, needs);
    const services = fakeServices({
      advice: {
        url: `${FAKE_TARGET.endpoint}/settings/tokens/new?tokenType=fineGrained&ownUserPermissions=job.write&ownUserPermissions=repo.write`,
        scopes: 'job.write, repo.write on practice-user',
        fit: {enough: fit.enough, broader: fit.extra.length > 0, advice: fit.advice},
      },
      verdict: evaluateExample(FAKE_ACCOUNT.info, findExample('push-dataset')!, 'practice-user'),
    });
    const opened: string[] = [];
    services.openUrl = async (url) => {
      opened.push(url);
      return false;
    };
    const controller = await startWizard(services, await tempDir('wizard-lp-fake-'));
    await logIn(controller, services, FAKE_TOKEN);
    await advance(controller, {type: 'login-continue'});
    const app = render(<App controller={controller} onExit={() => {}} />);
    const frame = (await waitForText(app.lastFrame, 'Least privilege:')).replace(/\s+/g, ' ');
    // In full on a roomy terminal, in one sentence on a small one (this one).
    expect(frame).toMatch(
      /Least privilege: (This token is enough, and more than needed: write access to every repo of practice-user|enough, but more than this job needs)/,
    );
    // The header's status line: who, the kind masked, where from, the Hub.
    expect(frame).toMatch(/practice-user · write token \(classic\) · hf_…\w{4}/);
    await press(app.stdin, 'o');
    await waitForText(app.lastFrame, 'No browser could be opened from here');
    const url = controller.getState().tokenAdvice!.url;
    expect(opened).toEqual([url]);
    expect(controller.getState().notice).toBe(`No browser could be opened from here: open ${url} yourself.`);
    for (const f of app.frames) expect(f).not.toContain(FAKE_TOKEN);
    await controller.dispose();
  });
});
