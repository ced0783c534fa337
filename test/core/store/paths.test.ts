import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {envForEndpoint, resolveHfPaths, sandboxEnv, sandboxHfHome} from '../../../src/core/store/paths.js';

describe('resolveHfPaths', () => {
  it('defaults to ~/.cache/huggingface', () => {
    expect(resolveHfPaths({HOME: '/home/u'})).toEqual({
      hfHome: '/home/u/.cache/huggingface',
      tokenPath: '/home/u/.cache/huggingface/token',
      storedTokensPath: '/home/u/.cache/huggingface/stored_tokens',
    });
  });
  it('takes an empty HOME as the root, as Python does, never a folder relative to where the app was started', () => {
    expect(resolveHfPaths({HOME: ''}).tokenPath).toBe('/.cache/huggingface/token');
    expect(resolveHfPaths({HOME: '', HF_HOME: '~/hf'}).tokenPath).toBe('/hf/token');
  });
  it('respects XDG_CACHE_HOME, HF_HOME (with ~ and $VAR) and HF_TOKEN_PATH', () => {
    expect(resolveHfPaths({HOME: '/h', XDG_CACHE_HOME: '/x'}).tokenPath).toBe('/x/huggingface/token');
    expect(resolveHfPaths({HOME: '/h', HF_HOME: '~/hf'}).tokenPath).toBe('/h/hf/token');
    expect(resolveHfPaths({HOME: '/h', BASE: '/b', HF_HOME: '$BASE/hf'}).tokenPath).toBe('/b/hf/token');
    const custom = resolveHfPaths({HOME: '/h', HF_TOKEN_PATH: '/secrets/hf-token'});
    expect(custom).toMatchObject({
      hfHome: '/h/.cache/huggingface',
      tokenPath: '/secrets/hf-token',
      storedTokensPath: '/secrets/stored_tokens',
    });
  });
});

describe('sandbox home', () => {
  it('lives apart from the real HF_HOME', () => {
    expect(sandboxHfHome({HOME: '/h'})).toBe('/h/.cache/hf-jobs-wizard/sandbox-home');
    expect(sandboxHfHome({HOME: '/h'}, '/data/sb')).toBe(join('/data/sb', 'hf-home'));
  });
  it('drops real token variables', () => {
    const env = sandboxEnv({
      HOME: '/h',
      HF_TOKEN: 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12',
      HF_TOKEN_PATH: '/t',
      HF_HOME: '/real',
    });
    expect(env).toEqual({HOME: '/h', HF_HOME: '/h/.cache/hf-jobs-wizard/sandbox-home'});
  });
});

describe('envForEndpoint', () => {
  const real = {
    HOME: '/h',
    HF_HOME: '/real',
    HF_TOKEN_PATH: '/real/token',
    HF_TOKEN: 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12',
  };
  it('a Hub on this machine (the sandbox by URL): the sandbox home, HF_TOKEN kept, HF_TOKEN_PATH dropped', () => {
    for (const url of ['http://127.0.0.1:8765', 'http://localhost:1/', 'http://[::1]:9']) {
      const env = envForEndpoint(real, url);
      expect(resolveHfPaths(env).tokenPath).toBe('/h/.cache/hf-jobs-wizard/sandbox-home/token');
      expect(env.HF_TOKEN).toBe(real.HF_TOKEN);
    }
  });
  it('huggingface.co or another remote Hub: the environment as it is', () => {
    expect(envForEndpoint(real, 'https://huggingface.co')).toBe(real);
    expect(envForEndpoint(real, 'https://hub.example.org')).toBe(real);
  });
});
