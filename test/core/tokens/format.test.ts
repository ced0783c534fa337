import {describe, expect, it} from 'vitest';
import {isPlaceholderToken, normalizeTokenInput, validateTokenFormat} from '../../../src/core/tokens/format.js';

const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12'; // 34 after hf_, fake test token

describe('normalizeTokenInput', () => {
  it('strips whitespace, CR/LF, quotes and bracketed-paste markers', () => {
    expect(normalizeTokenInput(`  ${FAKE}\r\n`)).toBe(FAKE);
    expect(normalizeTokenInput(`"${FAKE}"`)).toBe(FAKE);
    expect(normalizeTokenInput(`'${FAKE}'\n`)).toBe(FAKE);
    expect(normalizeTokenInput(`\x1b[200~${FAKE}\x1b[201~`)).toBe(FAKE);
    expect(normalizeTokenInput(`[200~${FAKE}[201~`)).toBe(FAKE);
  });
  it('drops a copied HF_TOKEN= or Bearer prefix', () => {
    expect(normalizeTokenInput(`export HF_TOKEN="${FAKE}"`)).toBe(FAKE);
    expect(normalizeTokenInput(`Bearer ${FAKE}`)).toBe(FAKE);
  });
  it('leaves inner text alone', () => {
    expect(normalizeTokenInput('hf_ab cd')).toBe('hf_ab cd');
  });
});

describe('validateTokenFormat', () => {
  it('accepts the real shape and tolerates 30-40 characters', () => {
    expect(validateTokenFormat(FAKE)).toEqual({ok: true, token: FAKE});
    expect(validateTokenFormat('hf_' + 'Fake'.repeat(7) + 'zz').ok).toBe(true); // 30, fake
    expect(validateTokenFormat('hf_' + 'Fake'.repeat(10)).ok).toBe(true); // 40, fake
    expect(validateTokenFormat('hf_oauth_' + 'Fake'.repeat(9)).ok).toBe(true);
  });
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['api_org_FAKEfakeFAKEfakeFAKEfakeFAKEfake', 'org-token'],
    ['sk-FAKEfakeFAKEfakeFAKEfakeFAKEfake12', 'wrong-prefix'],
    ['HF_FAKEfakeFAKEfakeFAKEfakeFAKEfake12', 'wrong-prefix'],
    ['hf_xxx', 'placeholder'],
    ['hf_YOUR_TOKEN', 'placeholder'],
    ['hf_FAKEfakeFAKE fakeFAKEfakeFAKEfake', 'contains-whitespace'],
    ['hf_FAKEfakeFAKE-fakeFAKEfakeFAKEfake', 'bad-characters'],
    ['hf_FAKEfakeFAKEfake12', 'too-short'],
    ['hf_' + 'Fake'.repeat(11), 'too-long'],
  ])('rejects %j as %s with a one-line reason and no token in it', (input, problem) => {
    const r = validateTokenFormat(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toBe(problem);
    expect(r.reason).not.toContain('\n');
    if (input.length > 8 && problem !== 'placeholder') expect(r.reason).not.toContain(input);
  });
  it('explains that org tokens are replaced by personal or fine-grained tokens', () => {
    const r = validateTokenFormat('api_org_FAKEfakeFAKEfakeFAKEfakeFAKEfake');
    expect(!r.ok && r.reason).toMatch(/personal.*fine-grained/);
  });
});

describe('isPlaceholderToken', () => {
  it.each([
    'hf_xxx',
    'hf_XXXXXXXX',
    'hf_YOUR_TOKEN',
    'hf_your_token_here',
    'hf_abc123...',
    'hf_abc123',
    'hf_...',
    'hf_<token>',
    'hf_****',
    'hf_…',
  ])('%s is a placeholder', (v) => expect(isPlaceholderToken(v)).toBe(true));
  it.each([FAKE, 'hf_hub_download', 'HF_TOKEN', 'hello', 'hf_Fakehere0fakeFAKEfakeFAKEfakeFAKE1'])('%s is not', (v) =>
    expect(isPlaceholderToken(v)).toBe(false),
  );
});

describe('validateTokenFormat names what a newcomer actually pasted', () => {
  // A fake body in the real shape; each case is a way a person gets it wrong.
  const BODY = 'FAKEqsLkVwTnRpZmYbXcDfGhJkLmNpQrSt';
  it.each([
    [
      'the masked form copied off the screen',
      `hf_…${BODY.slice(-4)}`,
      'masked',
      /masked form shown on screen.*paste the whole token/,
    ],
    ['the masked form with three dots', `hf_...${BODY.slice(-4)}`, 'masked', /masked form shown on screen/],
    ['a preview cut with an ellipsis', `hf_${BODY.slice(0, 16)}…`, 'shortened', /ends in "…": it was shortened/],
    ['a preview cut with three dots', `hf_${BODY.slice(0, 30)}...`, 'shortened', /shortened for display/],
    [
      'a token split by a space',
      `hf_${BODY.slice(0, 20)} ${BODY.slice(20)}`,
      'contains-whitespace',
      /space or a line break inside it/,
    ],
    [
      'a token split by a line break',
      `hf_${BODY.slice(0, 20)}\n${BODY.slice(20)}`,
      'contains-whitespace',
      /split while copying/,
    ],
    ['a cut-off copy', `hf_${BODY.slice(0, 14)}`, 'too-short', /too short \(14 characters.*cut off/],
    ['a cut-off copy that starts like a placeholder', `hf_abc${BODY.slice(4, 20)}`, 'too-short', /cut off/],
    ['a doc placeholder', 'hf_xxxxxxxxxxxxxxxx', 'placeholder', /placeholder from docs/],
    ['a doc placeholder with an ellipsis', 'hf_abc123...', 'placeholder', /placeholder/],
  ])('%s', (_what, input, problem, reason) => {
    const r = validateTokenFormat(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toBe(problem);
    expect(r.reason).toMatch(reason);
    if (problem !== 'placeholder') expect(r.reason).not.toContain('placeholder');
    expect(r.reason).not.toContain(BODY.slice(0, 8));
  });
  it('sends the person to the token page of the Hub in use (the sandbox, not huggingface.co)', () => {
    const r = validateTokenFormat(`hf_…${BODY.slice(-4)}`, {tokensPage: 'http://127.0.0.1:4321/settings/tokens'});
    expect(!r.ok && r.reason).toContain('http://127.0.0.1:4321/settings/tokens');
    expect(!r.ok && r.reason).not.toContain('huggingface.co');
    const w = validateTokenFormat('sk-FAKEfakeFAKEfakeFAKEfakeFAKEfake12', {
      tokensPage: 'http://127.0.0.1:4321/settings/tokens',
    });
    expect(!w.ok && w.reason).not.toContain('huggingface.co');
  });
});
