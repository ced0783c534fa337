// The config step's plan for the login files (issue 17 item 10): a login that is there already is shown as a diff,
// old -> new, both masked; the named tokens file shows the section being replaced and says the others are kept.
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {saveLogin} from '../../src/core/store/session.js';
import {maskToken} from '../../src/core/tokens/mask.js';
import type {Session} from '../../src/core/wizard/services.js';
import {servicesOnSandbox, useSandbox} from '../helpers/sandbox.js';

const sb = useSandbox();
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, {recursive: true, force: true});
});

async function planFor(before: (env: Record<string, string | undefined>, name: string) => Promise<void>) {
  const dir = await mkdtemp(join(tmpdir(), 'wizard-config-plan-'));
  dirs.push(dir);
  const s = sb.current;
  const {hfEnv, services} = servicesOnSandbox(s, dir);
  const {target} = await services.prepareTarget('sandbox');
  const valid = await services.validateToken(target, s.tokens.write, 'input');
  if (!valid.ok) throw new Error(valid.message);
  await before(hfEnv, valid.account.storageName);
  const session: Session = {target, account: valid.account, exampleId: 'push-dataset', cwd: dir};
  const plan = await services.planConfig(session);
  const file = (role: string) => plan.files.find((f) => f.role === role)!;
  return {login: file('saved login'), named: file('named tokens'), masked: valid.account.masked};
}

describe('the config step shows what changes in the login files', () => {
  it('another login there: old -> new, masked, and the other named tokens are said to be kept', async () => {
    const s = sb.current;
    const {login, named, masked} = await planFor(async (env, name) => {
      await saveLogin(env, {name: 'my-laptop', token: s.tokens['fine-grained']});
      await saveLogin(env, {name, token: s.tokens.read});
    });
    expect(login.exists).toBe(true);
    expect(login.diff).toEqual([
      `- ${maskToken(s.tokens.read)}`,
      `+ ${masked}  (the active login, read by hf and huggingface_hub)`,
    ]);
    expect(named.diff?.[0]).toMatch(new RegExp(`^- \\[.+\\]  hf_token = ${maskToken(s.tokens.read)}$`));
    expect(named.diff?.[1]).toMatch(new RegExp(`^\\+ \\[.+\\]  hf_token = ${masked}$`));
    expect(named.diff?.[2]).toBe('  (1 other named token, kept as it is)');
    const shown = JSON.stringify([login, named]);
    for (const token of Object.values(s.tokens)) expect(shown).not.toContain(token);
  });

  it('nothing there yet: the new files are previewed, no diff; the same login there: unchanged', async () => {
    const fresh = await planFor(async () => {});
    expect(fresh.login.exists).toBe(false);
    expect(fresh.login.diff).toBeUndefined();
    expect(fresh.named.diff).toBeUndefined();
    const same = await planFor(async (env, name) =>
      saveLogin(env, {name, token: sb.current.tokens.write}).then(() => {}),
    );
    expect(same.login.unchanged).toBe(true);
    expect(same.named.unchanged).toBe(true);
  });
});
