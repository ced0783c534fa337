import {describe, expect, it} from 'vitest';
import {maskToken, redactSecrets} from '../../src/core/tokens/mask.js';

const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake1234';

describe('maskToken', () => {
  it('keeps only the prefix and the last four characters', () => {
    expect(maskToken(FAKE)).toBe('hf_…1234');
  });
  it('hides short strings completely', () => {
    expect(maskToken('hf_abc')).toBe('hf_…');
  });
});

describe('redactSecrets', () => {
  it('masks token-shaped substrings and known secret values', () => {
    const text = `token=${FAKE} other=not-a-token-value-xyz`;
    const out = redactSecrets(text, ['not-a-token-value-xyz']);
    expect(out).not.toContain(FAKE);
    expect(out).toContain('hf_…1234');
    expect(out).not.toContain('not-a-token-value-xyz');
  });
  it('masks an OAuth token (hf_oauth_…) it was not told about', () => {
    const oauth = 'hf_oauth_FAKEfakeFAKEfakeFAKEfakeFAKE12'; // fake test token
    const out = redactSecrets(`Authorization: Bearer ${oauth}`);
    expect(out).not.toContain(oauth);
    expect(out).not.toContain('FAKEfakeFAKE');
    expect(out).toContain('hf_…KE12');
  });
  it('leaves prose alone', () => {
    expect(redactSecrets('use hf_hub_download and HF_TOKEN')).toBe('use hf_hub_download and HF_TOKEN');
  });
});
