import {describe, expect, it} from 'vitest';
import {
  classifyWhoAmI,
  describeKind,
  evaluateGoal,
  summarizePermissions,
  type RepoRef,
} from '../../../src/core/tokens/classify.js';
import {whoAdmin, whoFine, whoGod, whoOauth, whoRead, whoWrite} from './fixtures.js';

const model = (namespace: string, name = 'm'): RepoRef => ({type: 'model', namespace, name});

describe('classifyWhoAmI', () => {
  it('reads kind, user, orgs with roles and storage name', () => {
    const info = classifyWhoAmI(whoWrite);
    expect(info).toMatchObject({
      user: 'alice',
      kind: 'write',
      role: 'write',
      storageName: 'write token',
      canReadGatedRepos: true,
    });
    expect(info.orgs).toContainEqual({name: 'team-write', roleInOrg: 'write'});
    expect(info.orgs).toContainEqual({name: 'team-norole'});
    expect(classifyWhoAmI(whoRead).kind).toBe('read');
  });
  it('treats admin and god as write-like and says so', () => {
    for (const who of [whoAdmin, whoGod]) {
      const info = classifyWhoAmI(who);
      expect(info.kind).toBe('write');
      expect(info.roleNote).toMatch(/treated like a write token/);
      expect(describeKind(info)).toContain(info.role as string);
    }
  });
  it('reads fine-grained scopes, global permissions and the gated checkbox', () => {
    const info = classifyWhoAmI(whoFine);
    expect(info.kind).toBe('fineGrained');
    expect(info.scopes[0]).toEqual({
      entity: {type: 'user', name: 'alice'},
      permissions: ['repo.content.read', 'repo.write', 'job.write'],
    });
    expect(info.globalPermissions).toEqual(['discussion.write']);
    expect(info.canReadGatedRepos).toBe(true);
    expect(info.storageName).toBe('ci jobs');
    expect(summarizePermissions(info).join('\n')).toContain('org team-write: repo.content.read');
  });
  it('names OAuth tokens oauth-<user> and keeps the expiry', () => {
    const info = classifyWhoAmI(whoOauth);
    expect(info).toMatchObject({kind: 'oauth', storageName: 'oauth-alice', expiresAt: '2026-09-01T00:00:00.000Z'});
  });
  it('says unknown for a role it does not know', () => {
    const info = classifyWhoAmI({
      name: 'bob',
      auth: {type: 'access_token', accessToken: {displayName: 'x', role: 'weird'}},
    });
    expect(info.kind).toBe('unknown');
    expect(evaluateGoal(info, {kind: 'run-job', namespace: 'bob'}).ok).toBe(false);
  });
});

describe('evaluateGoal', () => {
  const read = classifyWhoAmI(whoRead);
  const write = classifyWhoAmI(whoWrite);
  const fine = classifyWhoAmI(whoFine);

  it('read token: cannot push or run jobs, can read private repos of the account', () => {
    const push = evaluateGoal(read, {kind: 'push', repo: model('alice')});
    expect(push.ok).toBe(false);
    expect(push.explanation).toContain('needs a write token or a fine-grained token with repo.write on alice');
    const job = evaluateGoal(read, {kind: 'run-job', namespace: 'alice'});
    expect(job.ok).toBe(false);
    expect(job.explanation).toContain('job.write on alice');
    expect(evaluateGoal(read, {kind: 'read-private', repo: model('team-read')}).ok).toBe(true);
  });

  it('write token: own namespace and write/admin/contributor orgs, not read-role orgs or strangers', () => {
    expect(evaluateGoal(write, {kind: 'run-job', namespace: 'alice'}).ok).toBe(true);
    expect(evaluateGoal(write, {kind: 'push', repo: model('team-write')}).ok).toBe(true);
    expect(evaluateGoal(write, {kind: 'push', repo: model('team-contrib')}).ok).toBe(true);
    const readRole = evaluateGoal(write, {kind: 'push', repo: model('team-read')});
    expect(readRole).toMatchObject({ok: false, missing: 'write role in team-read'});
    expect(readRole.explanation).toContain('"read"');
    const stranger = evaluateGoal(write, {kind: 'run-job', namespace: 'someone-else'});
    expect(stranger).toMatchObject({ok: false, missing: 'membership in someone-else'});
    expect(stranger.explanation).toContain('not a member');
    const noRole = evaluateGoal(write, {kind: 'push', repo: model('team-norole')});
    expect(noRole).toMatchObject({ok: true, uncertain: true});
  });

  it('fine-grained: only where scoped', () => {
    expect(evaluateGoal(fine, {kind: 'run-job', namespace: 'alice'}).ok).toBe(true);
    expect(evaluateGoal(fine, {kind: 'push', repo: model('alice')}).ok).toBe(true);
    const orgJob = evaluateGoal(fine, {kind: 'run-job', namespace: 'team-write'});
    expect(orgJob).toMatchObject({ok: false, missing: 'job.write on team-write'});
    expect(orgJob.explanation).toContain('missing job.write on team-write');
    expect(evaluateGoal(fine, {kind: 'push', repo: model('team-write')})).toMatchObject({
      ok: false,
      missing: 'repo.write on team-write',
    });
    expect(evaluateGoal(fine, {kind: 'push', repo: model('team-write', 'one-model')}).ok).toBe(true);
    expect(evaluateGoal(fine, {kind: 'read-private', repo: model('team-write')}).ok).toBe(true);
    expect(
      evaluateGoal(fine, {kind: 'read-private', repo: {type: 'dataset', namespace: 'team-contrib', name: 'd'}}).ok,
    ).toBe(false);
  });

  it('fine-grained in an org the user cannot write to: says the role is the problem', () => {
    const v = evaluateGoal(fine, {kind: 'push', repo: model('team-read')});
    expect(v).toMatchObject({ok: false, missing: 'write role in team-read'});
  });

  it('OAuth without reported scopes: allowed but uncertain', () => {
    expect(evaluateGoal(classifyWhoAmI(whoOauth), {kind: 'run-job', namespace: 'alice'})).toMatchObject({
      ok: true,
      uncertain: true,
    });
  });
});
