// The one list of practice tokens and the one sandbox-endpoint test: the sandbox mints exactly those tokens, and
// only endpoints on this machine count as the sandbox.
import {describe, expect, it} from 'vitest';
import {isPracticeToken, isSandboxEndpoint, PRACTICE_TOKENS} from '../../src/core/practice.js';
import {useSandbox} from '../helpers/sandbox.js';

describe('practice tokens', () => {
  const sb = useSandbox();

  it('the sandbox mints one working token for each label of the list, and no other label', () => {
    expect(Object.keys(sb.current.tokens).sort()).toEqual([...PRACTICE_TOKENS].sort());
    for (const label of PRACTICE_TOKENS) expect(sb.current.tokens[label]).toMatch(/^hf_/);
  });

  it('a label outside the list is refused', () => {
    expect(isPracticeToken('write')).toBe(true);
    expect(isPracticeToken('admin')).toBe(false);
    expect(isPracticeToken('')).toBe(false);
  });
});

describe('isSandboxEndpoint', () => {
  it('accepts 127.0.0.1, localhost and [::1] on any port', () => {
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:1', 'http://[::1]:3000/', 'http://127.0.0.1'])
      expect(isSandboxEndpoint(url)).toBe(true);
  });

  it('refuses the Hub, look-alike hosts and text that is not a URL', () => {
    for (const url of [
      'https://huggingface.co',
      'http://127.0.0.1.evil.example',
      'http://localhost.example.com',
      'localhost:8080/x y',
      'not a url',
      '',
      undefined,
    ]) {
      expect(isSandboxEndpoint(url)).toBe(false);
    }
  });
});
