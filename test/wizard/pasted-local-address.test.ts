// A pasted error whose requests went to a local address is answered for that sandbox with the sandbox's saved
// practice login: only when the server there proves it serves the sandbox's data folder (owner.json's instance id).
// Before (session 10's attacker review), a text naming http://127.0.0.1:PORT/api/… (copied from an issue, or made
// up) sent the saved practice write token to whatever listened on PORT: another local user's program gets a token
// that runs jobs, i.e. commands, as this user on their sandbox.
import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {defaultSandboxDataDir} from '../../src/core/auth/sandbox-session.js';
import {sandboxEnv} from '../../src/core/store/paths.js';
import {reportLines} from '../../src/core/troubleshoot/report.js';
import {wizardReport} from '../../src/core/wizard/troubleshoot-report.js';
import {startSandbox} from '../../src/sandbox/index.js';
import {servesDataDir} from '../../src/sandbox/owner.js';
import {transition} from '../../src/core/wizard/machine.js';
import {createServices} from '../../src/wizard/services/index.js';
import {recordingStranger} from '../helpers/local-server.js';
import {advance, startWizard, useTempDirs} from '../helpers/wizard-flow.js';

const tempDir = useTempDirs();

describe('the wizard on huggingface.co, a pasted sandbox error', () => {
  it('is diagnosed with the practice login only at the address that proves it is the sandbox', async () => {
    const dir = await tempDir('wizard-pasted-local-');
    const env = {HOME: dir, XDG_CACHE_HOME: join(dir, 'cache'), PATH: process.env.PATH};
    // This person's sandbox (the folder every --sandbox command shares), serving, with its practice login saved.
    const sandbox = await startSandbox({dataDir: defaultSandboxDataDir(env)});
    const home = sandboxEnv(env, defaultSandboxDataDir(env)).HF_HOME!;
    await mkdir(home, {recursive: true});
    await writeFile(join(home, 'token'), sandbox.tokens.write);
    // Another program on another local port.
    const other = await recordingStranger();
    const {url: otherUrl, seen} = other;
    const services = createServices({env, cwd: dir, servesSandboxData: servesDataDir});
    const paste = async (url: string) => {
      const controller = await startWizard(services, dir, 'hub');
      await advance(
        controller,
        {type: 'paste-error'},
        {type: 'error-pasted', text: `401 Client Error: Unauthorized for url: ${url}/api/whoami-v2`},
      );
      const text = reportLines(wizardReport(controller.getState())!).join('\n');
      await controller.dispose();
      return text;
    };
    try {
      const elsewhere = await paste(otherUrl);
      expect(seen.filter((h) => h.authorization)).toEqual([]);
      expect(elsewhere).toContain(`Nothing was asked at ${otherUrl}`);
      expect(elsewhere).not.toContain('The Hub accepts it');
      const own = await paste(sandbox.url);
      expect(own).toContain('The Hub accepts it: write token (classic) of practice-user');
      expect(own).not.toContain('Nothing was asked');
    } finally {
      await other.close();
      await sandbox.close();
    }
  }, 40_000);
  it('offers and opens "the token page" only at huggingface.co or at the address that proves it is the sandbox', async () => {
    const dir = await tempDir('wizard-pasted-page-');
    const env = {HOME: dir, XDG_CACHE_HOME: join(dir, 'cache'), PATH: process.env.PATH};
    const sandbox = await startSandbox({dataDir: defaultSandboxDataDir(env)});
    const other = await recordingStranger();
    const services = createServices({env, cwd: dir, servesSandboxData: servesDataDir});
    // A 403 of a read token: the answer offers the token page (a token with write access is the fix).
    const paste = async (url: string) => {
      const controller = await startWizard(services, dir, 'hub');
      await advance(
        controller,
        {type: 'paste-error'},
        {
          type: 'error-pasted',
          text: `huggingface_hub.errors.HfHubHTTPError: 403 Client Error: Forbidden for url: ${url}/api/repos/create\nYou don't have the rights to create a model under the namespace "practice-user". Use a write token.`,
        },
      );
      const state = controller.getState();
      await controller.dispose();
      return state;
    };
    try {
      const elsewhere = await paste(other.url);
      expect(elsewhere.troubleshoot.hub).toBe(other.url);
      expect(elsewhere.troubleshoot.diagnosis?.actions).not.toContain('open-token-page');
      expect(reportLines(wizardReport(elsewhere)!).join('\n')).not.toContain(`${other.url}/settings`);
      // Even asked for (a key press on an older screen, a test), nothing at that address is opened: it says what to open.
      const fix = transition(elsewhere, {type: 'fix', action: 'open-token-page'});
      expect(fix.effects).toEqual([]);
      expect(fix.state.notice).toContain(
        `${other.url.replace('http://', '')} does not prove to be this machine's sandbox`,
      );
      expect(fix.state.notice).toContain('https://huggingface.co/settings/tokens');
      expect(transition(elsewhere, {type: 'fix', action: 'open-billing'}).effects).toEqual([]);
      const own = await paste(sandbox.url);
      expect(own.troubleshoot.hub).toBe(sandbox.url);
      expect(own.troubleshoot.diagnosis?.actions).toContain('open-token-page');
      expect(transition(own, {type: 'fix', action: 'open-token-page'}).effects).toEqual([
        {kind: 'open-url', url: `${sandbox.url}/settings/tokens/new?tokenType=write`},
      ]);
    } finally {
      await other.close();
      await sandbox.close();
    }
  }, 40_000);
});
