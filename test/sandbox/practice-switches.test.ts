// The practice switch orgs exist in a fresh sandbox and are added to a practice world saved before they existed; on a
// running sandbox they answer as the Hub does, in the Hub's order (rights before credits).
import {describe, expect, it} from 'vitest';
import {createPracticeAccounts, MAIN_USER} from '../../src/sandbox/accounts.js';
import {ensurePracticeSwitches, practiceSwitchOf, SWITCH_ORGS} from '../../src/sandbox/practice-switches.js';
import {createHubClient} from '../../src/core/hub/client.js';
import {describeHubError} from '../../src/core/hub/errors.js';
import {useSandbox} from '../helpers/sandbox.js';

describe('practice switches', () => {
  it("an older saved world gains the switch orgs and practice-user's write membership, once", () => {
    const accounts = createPracticeAccounts();
    ensurePracticeSwitches(accounts, MAIN_USER);
    ensurePracticeSwitches(accounts, MAIN_USER);
    const names = Object.keys(SWITCH_ORGS);
    expect(
      accounts.orgs
        .filter((o) => names.includes(o.name))
        .map((o) => o.name)
        .sort(),
    ).toEqual([...names].sort());
    const user = accounts.users.find((u) => u.name === MAIN_USER)!;
    expect(user.orgs.filter((o) => names.includes(o.name)).every((o) => o.roleInOrg === 'write')).toBe(true);
    expect(user.orgs.filter((o) => names.includes(o.name))).toHaveLength(names.length);
    // The practice org stays the first one (answers that name "your org" keep naming it).
    expect(user.orgs[0]!.name).toBe('practice-org');
    expect(accounts.orgs.find((o) => o.name === 'practice-token-policy')?.securityRestrictions).toEqual([
      'token-policy',
    ]);
  });

  it('only the switch orgs have a switch', () => {
    expect(practiceSwitchOf('practice-no-credits')).toBe('no-credits');
    expect(practiceSwitchOf('practice-org')).toBeUndefined();
    expect(practiceSwitchOf('constructor')).toBeUndefined();
  });
});

describe('practice switches on a running sandbox', () => {
  const sb = useSandbox();
  const spec = {
    dockerImage: 'python:3.12',
    command: ['python3', '-c', 'print(1)'],
    flavor: 'cpu-basic',
    environment: {},
  } as never;
  const status = async (p: Promise<unknown>) =>
    p.then(
      () => 200,
      (e: {statusCode?: number}) => e.statusCode ?? 0,
    );

  it('practice-no-credits: the rights come first (a read token gets 403), a write token gets 402, reading jobs still works', async () => {
    const read = createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.read});
    const write = createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
    expect(await status(read.runJob('practice-no-credits', spec))).toBe(403);
    expect(await status(write.runJob('practice-no-credits', spec))).toBe(402);
    expect(await status(write.listJobs('practice-no-credits'))).toBe(200);
  });

  it('practice-token-policy and practice-outage refuse reads too; whoami says the org has a token policy', async () => {
    const write = createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
    expect(await status(write.listJobs('practice-token-policy'))).toBe(403);
    expect(await status(write.listJobs('practice-outage'))).toBe(500);
    const who = (await write.whoAmI()) as unknown as {orgs: {name: string; securityRestrictions?: string[]}[]};
    expect(who.orgs.find((o) => o.name === 'practice-token-policy')?.securityRestrictions).toEqual(['token-policy']);
    expect(who.orgs.find((o) => o.name === 'practice-org')?.securityRestrictions).toBeUndefined();
  });

  it('the token policy\'s 403 is described as the policy, not as "a read token" lacking a permission', async () => {
    const write = createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
    const error = await write.listJobs('practice-token-policy').then(
      () => undefined,
      (e: unknown) => e,
    );
    const d = describeHubError(error, {endpoint: sb.current.url});
    expect(d.message).toMatch(/^403 Forbidden: the organization's token policy refuses this token/);
    expect(d.message).not.toContain('read token');
  });

  it('practice-credits-run-out: a job that prints and ends within a second is canceled too (NO_CREDITS), its output kept', async () => {
    const write = createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
    const job = await write.runJob('practice-credits-run-out', {
      dockerImage: 'python:3.12',
      command: ['python3', '-c', 'print("step 1", flush=True)'],
      flavor: 'cpu-basic',
      environment: {},
    } as never);
    let status: {stage: string; cancelReason?: string} = {stage: 'SCHEDULING'};
    for (let n = 0; n < 150 && ['SCHEDULING', 'RUNNING'].includes(status.stage); n++) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await write.getJob('practice-credits-run-out', job.id)).status as unknown as typeof status;
    }
    expect(status).toMatchObject({stage: 'CANCELED', cancelReason: 'NO_CREDITS'});
    const log = await fetch(`${sb.current.url}/api/jobs/practice-credits-run-out/${job.id}/logs`, {
      headers: {authorization: `Bearer ${sb.current.tokens.write}`},
    }).then((r) => r.text());
    expect(log).toContain('step 1');
  }, 30_000);
});
