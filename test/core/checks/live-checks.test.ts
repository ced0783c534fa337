// The live checks against a real sandbox Hub (no mocked fetch), each with a passing and a failing token.
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {runChecks} from '../../../src/core/checks/runner.js';
import {createHubClient} from '../../../src/core/hub/client.js';
import type {CheckId, CheckResult} from '../../../src/core/checks/types.js';
import {useSandbox} from '../../helpers/sandbox.js';

const sb = useSandbox();
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hfjw-live-'));
});
afterEach(async () => {
  await rm(dir, {recursive: true, force: true});
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {HOME: dir, XDG_CACHE_HOME: join(dir, 'cache'), ...extra};
}

async function live(
  e: Record<string, string>,
  files: Record<string, string> = {},
  only?: CheckId[],
): Promise<CheckResult[]> {
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const report = await runChecks({
    paths: Object.keys(files).length ? Object.keys(files) : ['.'],
    cwd: dir,
    env: e,
    endpoint: sb.current.url,
    ...(only ? {only} : {}),
  });
  const tokens = Object.values(sb.current.tokens);
  for (const t of tokens) expect(JSON.stringify(report)).not.toContain(t);
  return report.checks;
}

const status = (checks: CheckResult[], id: CheckId) => checks.filter((c) => c.id === id).map((c) => c.status);

describe('live checks', () => {
  it('logged-in: fail with no token, pass with HF_TOKEN', async () => {
    expect(status(await live(env(), {}, ['logged-in']), 'logged-in')).toEqual(['fail']);
    expect(status(await live(env({HF_TOKEN: sb.current.tokens.write}), {}, ['logged-in']), 'logged-in')).toEqual([
      'pass',
    ]);
  });

  it("logged-in's fix logs in to the Hub checked, not to huggingface.co", async () => {
    const onSandbox = (await live(env(), {}, ['logged-in']))[0]!;
    // A sandbox reached by its URL is named by it (newcomer s10 A); `--sandbox` is for the app's own sandbox.
    expect(onSandbox.fix).toBe(
      `Run \`npx hf-jobs-wizard login --endpoint ${sb.current.url}\` (or \`hf auth login\`), or export HF_TOKEN.`,
    );
    const other = await runChecks({
      paths: ['.'],
      cwd: dir,
      env: env(),
      endpoint: 'https://hub.example',
      only: ['logged-in'],
    });
    expect(other.checks[0]!.fix).toContain('`npx hf-jobs-wizard login --endpoint https://hub.example`');
  });

  it('token-valid: pass for the write token, fail for the expired one (naming its source)', async () => {
    const ok = await live(env({HF_TOKEN: sb.current.tokens.write}), {}, ['token-valid']);
    expect(ok[0]).toMatchObject({status: 'pass'});
    expect(ok[0]!.message).toContain('practice-user');
    const bad = await live(env({HF_TOKEN: sb.current.tokens.expired}), {}, ['token-valid']);
    expect(bad[0]).toMatchObject({status: 'fail'});
    expect(bad[0]!.message).toContain('HF_TOKEN environment variable');
  });

  it('token-permission: a write token may run jobs; a read token may not', async () => {
    expect(
      status(await live(env({HF_TOKEN: sb.current.tokens.write}), {}, ['token-permission']), 'token-permission'),
    ).toEqual(['pass']);
    const read = await live(env({HF_TOKEN: sb.current.tokens.read}), {}, ['token-permission']);
    expect(read[0]).toMatchObject({status: 'fail'});
    expect(read[0]!.message).toContain('read token');
  });

  it('token-permission on the sandbox: the fix names the practice write token, not huggingface.co settings', async () => {
    const read = await live(env({HF_TOKEN: sb.current.tokens.read}), {}, ['token-permission']);
    expect(read[0]).toMatchObject({status: 'fail'});
    expect(read[0]!.fix).toContain(`hf-jobs-wizard login --endpoint ${sb.current.url} --practice write`);
    expect(read[0]!.fix).not.toContain('huggingface.co');
    const job = {
      'hf-job.json': JSON.stringify({
        script: 'https://e.x/s.py',
        namespace: 'practice-org',
        secrets: {HF_TOKEN: '$HF_TOKEN'},
      }),
    };
    const fine = await live(env({HF_TOKEN: sb.current.tokens['fine-grained']}), job, ['token-permission']);
    expect(fine[0]!.fix).toContain('--practice write');
    expect(fine[0]!.fix).not.toContain('huggingface.co');
  });

  it('token-permission and repo-access name a dataset push as a dataset', async () => {
    const files = {
      'hf-job.json': JSON.stringify({script: 'push.py', secrets: {HF_TOKEN: '$HF_TOKEN'}}),
      'push.py':
        'import os\nfrom huggingface_hub import create_repo\nassert os.environ.get("HF_TOKEN")\ncreate_repo("practice-user/results", repo_type="dataset", exist_ok=True)\n',
    };
    const r = await live(env({HF_TOKEN: sb.current.tokens['fine-grained']}), files, ['token-permission']);
    expect(r[0]).toMatchObject({status: 'pass'});
    expect(r[0]!.message).toContain('push to dataset practice-user/results');
  });

  it('token-permission: the fine-grained token has job.write on the user but not on the org', async () => {
    const job = {
      'hf-job.json': JSON.stringify({
        script: 'https://e.x/s.py',
        namespace: 'practice-org',
        secrets: {HF_TOKEN: '$HF_TOKEN'},
      }),
    };
    const fine = await live(env({HF_TOKEN: sb.current.tokens['fine-grained']}), job, ['token-permission']);
    expect(fine[0]).toMatchObject({status: 'fail', file: 'hf-job.json'});
    expect(fine[0]!.message).toContain('job.write');
    await rm(join(dir, 'hf-job.json'));
    expect(
      status(
        await live(env({HF_TOKEN: sb.current.tokens['fine-grained']}), {}, ['token-permission']),
        'token-permission',
      ),
    ).toEqual(['pass']);
  });

  it("repo-access: an org where you can write passes; someone else's namespace fails", async () => {
    const org = {'hf-job.json': JSON.stringify({script: 'https://e.x/s.py', namespace: 'practice-org'})};
    expect(status(await live(env({HF_TOKEN: sb.current.tokens.write}), org, ['repo-access']), 'repo-access')).toEqual([
      'pass',
    ]);
    const other = {'hf-job.json': JSON.stringify({script: 'https://e.x/s.py', namespace: 'practice-friend'})};
    const r = await live(env({HF_TOKEN: sb.current.tokens.write}), other, ['repo-access']);
    expect(r[0]).toMatchObject({status: 'fail', file: 'hf-job.json'});
  });

  it('env-token-override: warns when HF_TOKEN hides a different saved login, passes otherwise', async () => {
    await mkdir(join(dir, 'cache', 'huggingface'), {recursive: true});
    await writeFile(join(dir, 'cache', 'huggingface', 'token'), sb.current.tokens.write);
    expect(status(await live(env(), {}, ['env-token-override']), 'env-token-override')).toEqual(['pass']);
    const shadowed = await live(env({HF_TOKEN: sb.current.tokens.read}), {}, ['env-token-override']);
    expect(shadowed[0]).toMatchObject({status: 'warn'});
    expect(shadowed[0]!.fix).toContain('unset HF_TOKEN');
  });

  it('offline skips the network checks; an unreachable endpoint is a warning, not a failure', async () => {
    const report = await runChecks({
      paths: ['.'],
      cwd: dir,
      env: env({HF_TOKEN: sb.current.tokens.write}),
      offline: true,
    });
    expect(
      report.checks
        .filter((c) => ['token-valid', 'token-permission', 'repo-access'].includes(c.id))
        .map((c) => c.status),
    ).toEqual(['skip', 'skip', 'skip']);
    const down = await runChecks({
      paths: ['.'],
      cwd: dir,
      env: env({HF_TOKEN: sb.current.tokens.write}),
      endpoint: 'http://127.0.0.1:9',
      only: ['token-valid'],
    });
    expect(down.checks[0]).toMatchObject({id: 'token-valid', status: 'warn'});
    expect(down.ok).toBe(true);
  });
});

describe('unknown-flavor with the live hardware list', () => {
  const config = JSON.stringify({script: 'job.py', flavor: 'future-gpu-x1', secrets: {HF_TOKEN: '$HF_TOKEN'}});

  it('fails a flavor missing from both lists, and passes one the Hub lists although this app does not know it yet', async () => {
    await writeFile(join(dir, 'hf-job.json'), config);
    const e = env({HF_TOKEN: sb.current.tokens.write});
    const offline = await runChecks({
      paths: ['hf-job.json'],
      cwd: dir,
      env: e,
      endpoint: sb.current.url,
      offline: true,
      only: ['unknown-flavor'],
    });
    expect(status(offline.checks, 'unknown-flavor')).toEqual(['fail']);
    const sandboxList = await runChecks({
      paths: ['hf-job.json'],
      cwd: dir,
      env: e,
      endpoint: sb.current.url,
      only: ['unknown-flavor'],
    });
    expect(status(sandboxList.checks, 'unknown-flavor')).toEqual(['fail']);
    // A Hub whose hardware list has grown: the real client for the sandbox, its answer extended by one flavor.
    const newerHub = (o: {hubUrl: string; accessToken?: string}) => {
      const real = createHubClient(o);
      return {
        ...real,
        whoAmI: () => real.whoAmI(),
        listJobHardware: async () => [
          ...(await real.listJobHardware()),
          {...(await real.listJobHardware())[0]!, name: 'future-gpu-x1'},
        ],
      };
    };
    const newer = await runChecks({
      paths: ['hf-job.json'],
      cwd: dir,
      env: e,
      endpoint: sb.current.url,
      hub: newerHub,
      only: ['unknown-flavor'],
    });
    expect(status(newer.checks, 'unknown-flavor')).toEqual(['pass']);
  });
});
