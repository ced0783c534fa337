// Which Hub the app talks to: --endpoint, else HF_ENDPOINT, else huggingface.co, as huggingface_hub resolves it.
import {describe, expect, it} from 'vitest';
import {resolveEndpoint} from '../../src/core/endpoint.js';

describe('resolveEndpoint', () => {
  it('prefers the flag, then HF_ENDPOINT, then huggingface.co, without a trailing slash', () => {
    expect(resolveEndpoint('http://127.0.0.1:9/', {HF_ENDPOINT: 'https://hub.example'})).toBe('http://127.0.0.1:9');
    expect(resolveEndpoint(undefined, {HF_ENDPOINT: 'https://hub.example//'})).toBe('https://hub.example');
    expect(resolveEndpoint(undefined, {})).toBe('https://huggingface.co');
  });

  it('treats an empty or blank HF_ENDPOINT as unset (links were "/settings/tokens" with HF_ENDPOINT="")', () => {
    expect(resolveEndpoint(undefined, {HF_ENDPOINT: ''})).toBe('https://huggingface.co');
    expect(resolveEndpoint(undefined, {HF_ENDPOINT: '  '})).toBe('https://huggingface.co');
  });
});
