// The practice switch orgs exist in a fresh sandbox and are added to a practice world saved before they existed.
import {describe, expect, it} from 'vitest';
import {createPracticeAccounts, MAIN_USER} from '../../src/sandbox/accounts.js';
import {ensurePracticeSwitches, practiceSwitchOf, SWITCH_ORGS} from '../../src/sandbox/practice-switches.js';

describe('practice switches', () => {
  it('an older saved world gains the switch orgs and practice-user\'s write membership, once', () => {
    const accounts = createPracticeAccounts();
    ensurePracticeSwitches(accounts, MAIN_USER);
    ensurePracticeSwitches(accounts, MAIN_USER);
    const names = Object.keys(SWITCH_ORGS);
    expect(accounts.orgs.filter((o) => names.includes(o.name)).map((o) => o.name).sort()).toEqual([...names].sort());
    const user = accounts.users.find((u) => u.name === MAIN_USER)!;
    expect(user.orgs.filter((o) => names.includes(o.name)).every((o) => o.roleInOrg === 'write')).toBe(true);
    expect(user.orgs.filter((o) => names.includes(o.name))).toHaveLength(names.length);
    // The practice org stays the first one (answers that name "your org" keep naming it).
    expect(user.orgs[0]!.name).toBe('practice-org');
    expect(accounts.orgs.find((o) => o.name === 'practice-token-policy')?.securityRestrictions).toEqual(['token-policy']);
  });

  it('only the switch orgs have a switch', () => {
    expect(practiceSwitchOf('practice-no-credits')).toBe('no-credits');
    expect(practiceSwitchOf('practice-org')).toBeUndefined();
    expect(practiceSwitchOf('constructor')).toBeUndefined();
  });
});
