// Realistic whoami-v2 answers (hf-auth-and-jobs.md §2) for practice/test accounts.
import type {WhoAmIResponse} from '../../../src/core/tokens/classify.js';

function base(role: string | undefined, extra: Partial<NonNullable<WhoAmIResponse['auth']>> = {}): WhoAmIResponse {
  return {
    type: 'user',
    id: '64b1f0c2a1b2c3d4e5f60718',
    name: 'alice',
    fullname: 'Alice Example',
    email: 'alice@example.invalid',
    isPro: false,
    canPay: true,
    orgs: [
      {type: 'org', name: 'team-write', roleInOrg: 'write'},
      {type: 'org', name: 'team-read', roleInOrg: 'read'},
      {type: 'org', name: 'team-contrib', roleInOrg: 'contributor'},
      {type: 'org', name: 'team-norole'},
    ],
    auth: {
      type: 'access_token',
      accessToken:
        role === undefined ? undefined : {displayName: `${role} token`, role, createdAt: '2026-01-01T00:00:00.000Z'},
      ...extra,
    },
  } as WhoAmIResponse;
}

export const whoRead = base('read');
export const whoWrite = base('write');
export const whoAdmin = base('admin');
export const whoGod = base('god');
export const whoFine: WhoAmIResponse = {
  ...base('fineGrained'),
  auth: {
    type: 'access_token',
    accessToken: {
      displayName: 'ci jobs',
      role: 'fineGrained',
      createdAt: '2026-01-01T00:00:00.000Z',
      fineGrained: {
        scoped: [
          {
            entity: {_id: '64b1f0c2a1b2c3d4e5f60718', type: 'user', name: 'alice'},
            permissions: ['repo.content.read', 'repo.write', 'job.write'],
          },
          {
            entity: {_id: '64b1f0c2a1b2c3d4e5f60719', type: 'org', name: 'team-write'},
            permissions: ['repo.content.read'],
          },
          {
            entity: {_id: '64b1f0c2a1b2c3d4e5f60720', type: 'model', name: 'team-write/one-model'},
            permissions: ['repo.write'],
          },
        ],
        global: ['discussion.write'],
        canReadGatedRepos: true,
      },
    },
  },
};
export const whoOauth: WhoAmIResponse = {...base(undefined, {type: 'oauth', expiresAt: '2026-09-01T00:00:00.000Z'})};
