// The wizard header's status line: who, the token's kind masked, its source, what shadows the saved login, expiry,
// and the Hub in use; nothing before login, only the masked token.
import {describe, expect, it} from 'vitest';
import {statusLine} from '../../src/core/wizard/status-line.js';
import type {Account} from '../../src/core/wizard/types.js';
import {FAKE_ACCOUNT} from '../helpers/fake-services.js';

const account: Account = {...FAKE_ACCOUNT, source: 'file', sourceLabel: 'the saved login'};
const now = new Date('2026-12-06T20:00:00Z');

describe('statusLine', () => {
  it('nothing before login', () => {
    expect(statusLine({})).toBeUndefined();
  });
  it('who, kind masked, source and the Hub', () => {
    expect(statusLine({account, target: {kind: 'hub', endpoint: 'https://huggingface.co', practice: false}}, now)).toBe(
      'practice-user · write token (classic) · hf_…ke12 · on huggingface.co',
    );
    // The sandbox is named on the header's first line already.
    expect(
      statusLine({account, target: {kind: 'sandbox', endpoint: 'http://127.0.0.1:4321', practice: true}}, now),
    ).toBe('practice-user · write token (classic) · hf_…ke12');
  });
  it('an env variable shadowing the saved login, and the expiry (minutes when soon, else the date)', () => {
    const soon = {...account, shadowedBy: 'HF_TOKEN', info: {...account.info, expiresAt: '2026-12-06T20:05:00Z'}};
    expect(statusLine({account: soon}, now)).toBe(
      'practice-user · write token (classic) · hf_…ke12 · ! HF_TOKEN wins over the saved login · expires in 5 min',
    );
    expect(
      statusLine({account: {...account, info: {...account.info, expiresAt: '2027-01-05T20:00:00Z'}}}, now),
    ).toMatch(/ · expires 2027-01-05$/);
    expect(
      statusLine({account: {...account, info: {...account.info, expiresAt: '2026-12-06T19:00:00Z'}}}, now),
    ).toMatch(/ · expired$/);
  });
  it("the masked form only, never the services' handle", () => {
    expect(statusLine({account}, now)).not.toContain('token-1');
  });
});
