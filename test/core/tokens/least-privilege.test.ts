import {describe, expect, it} from 'vitest';
import {classifyWhoAmI, type RepoRef} from '../../../src/core/tokens/classify.js';
import {
  compareTokenToNeeds,
  leastPrivilegeTokenUrl,
  neededScopes,
  type JobNeeds,
} from '../../../src/core/tokens/least-privilege.js';
import {whoFine, whoRead, whoWrite} from './fixtures.js';

const dataset = (namespace: string, name = 'd'): RepoRef => ({type: 'dataset', namespace, name});
const pushOwn: JobNeeds = {user: 'alice', namespace: 'alice', writes: [dataset('alice')], reads: []};

describe('neededScopes', () => {
  it('asks job.write where the job runs, repo.write where it pushes, repo.content.read where it reads private data', () => {
    expect(
      neededScopes({user: 'alice', namespace: 'team-write', writes: [dataset('alice')], reads: [dataset('team-read')]}),
    ).toEqual([
      {entity: {type: 'org', name: 'team-write'}, permissions: ['job.write']},
      {entity: {type: 'user', name: 'alice'}, permissions: ['repo.write']},
      {entity: {type: 'org', name: 'team-read'}, permissions: ['repo.content.read']},
    ]);
  });
});

describe('leastPrivilegeTokenUrl', () => {
  it('builds the fine-grained token page with the own-user permissions the job needs', () => {
    const url = new URL(leastPrivilegeTokenUrl('http://127.0.0.1:9/', pushOwn));
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:9/settings/tokens/new');
    expect(url.searchParams.get('tokenType')).toBe('fineGrained');
    expect(url.searchParams.getAll('ownUserPermissions')).toEqual(['job.write', 'repo.write']);
    expect(url.searchParams.getAll('orgs')).toEqual([]);
    expect(url.searchParams.has('canReadGatedRepos')).toBe(false);
  });
  it('lists orgs with their permissions and the gated box when the job needs them', () => {
    const url = new URL(
      leastPrivilegeTokenUrl(undefined, {
        user: 'alice',
        namespace: 'acme',
        writes: [dataset('acme')],
        reads: [],
        readsGated: true,
      }),
    );
    expect(url.origin).toBe('https://huggingface.co');
    expect(url.searchParams.getAll('orgs')).toEqual(['acme']);
    expect(url.searchParams.getAll('orgPermissions')).toEqual(['job.write', 'repo.write']);
    expect(url.searchParams.getAll('ownUserPermissions')).toEqual([]);
    expect(url.searchParams.get('canReadGatedRepos')).toBe('true');
  });
});

describe('compareTokenToNeeds', () => {
  it('calls a classic write token enough but more than needed, and names the smaller token', () => {
    const fit = compareTokenToNeeds(classifyWhoAmI(whoWrite), pushOwn);
    expect(fit.enough).toBe(true);
    expect(fit.extra.join(' ')).toMatch(/can delete them/);
    expect(fit.advice).toContain('A fine-grained token with job.write, repo.write on alice is enough');
    // One sentence for what is extra, one for the smaller token: no parenthesis holding a colon, a semicolon and
    // another parenthesis (the wizard's Token type screen showed it so).
    expect(fit.advice).toMatch(
      /^This token is enough, and more than needed: write access to every repo of alice[^:]*, so it can delete them; every other right of your account \(settings, inference, discussions\)\. A fine-grained token with job\.write, repo\.write on alice is enough\.$/,
    );
  });
  it('calls a read token not enough and says what it lacks', () => {
    const fit = compareTokenToNeeds(classifyWhoAmI(whoRead), pushOwn);
    expect(fit.enough).toBe(false);
    expect(fit.missing).toEqual(['job.write on alice', 'repo.write on alice']);
  });
  it('checks a fine-grained token scope by scope and lists the permissions the job does not use', () => {
    const info = classifyWhoAmI(whoFine);
    const fit = compareTokenToNeeds(info, pushOwn);
    expect(fit.enough).toBe(true);
    expect(fit.extra.some((e) => e.startsWith('global: discussion.write'))).toBe(true);
    const orgJob = compareTokenToNeeds(info, {user: 'alice', namespace: 'nowhere-org', writes: [], reads: []});
    expect(orgJob.enough).toBe(false);
    expect(orgJob.missing).toContain('membership in nowhere-org');
    expect(orgJob.missing).toContain('job.write on nowhere-org');
  });
  it('says exactly enough when the token matches the needs', () => {
    const who = {
      name: 'alice',
      auth: {
        type: 'access_token',
        accessToken: {
          displayName: 'job',
          role: 'fineGrained',
          fineGrained: {
            scoped: [{entity: {type: 'user', name: 'alice'}, permissions: ['job.write', 'repo.write']}],
            global: [],
            canReadGatedRepos: false,
          },
        },
      },
    };
    const fit = compareTokenToNeeds(classifyWhoAmI(who), pushOwn);
    expect(fit).toMatchObject({enough: true, missing: [], extra: []});
    expect(fit.advice).toBe('This token is enough and no broader than the job needs.');
  });
});
