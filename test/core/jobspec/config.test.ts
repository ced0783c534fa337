import {describe, expect, it} from 'vitest';
import {parseJobConfig} from '../../../src/core/jobspec/config.js';
import {checkFlavor, JOB_FLAVORS} from '../../../src/core/jobspec/flavors.js';
import {formatTimeout, parseTimeout} from '../../../src/core/jobspec/timeout.js';

describe('parseTimeout', () => {
  it.each([
    ['30s', 30],
    ['5m', 300],
    ['2h', 7200],
    ['1.5h', 5400],
    ['1d', 86400],
    ['1800', 1800],
    [300, 300],
  ])('accepts %s', (value, seconds) => {
    expect(parseTimeout(value)).toEqual({ok: true, seconds});
  });

  it.each(['90min', '2 hours', '1hr', 'soon', '-5m', '0', ''])('rejects %s and names the accepted forms', (value) => {
    const r = parseTimeout(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('"30s", "5m", "2h"');
  });

  it('says what the MCP tool would do with "90min" and suggests "90m"', () => {
    const r = parseTimeout('90min');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toContain('90 seconds');
      expect(r.reason).toContain('"90m"');
    }
  });

  it('formats back to the shortest exact unit', () => {
    expect([formatTimeout(7200), formatTimeout(5400), formatTimeout(45), formatTimeout(86400)]).toEqual([
      '2h',
      '90m',
      '45s',
      '1d',
    ]);
  });
});

describe('flavors', () => {
  it('knows the documented flavors, suggests the nearest for typos, explains retired ones', () => {
    expect(JOB_FLAVORS).toContain('a10g-large');
    expect(checkFlavor('a10g-large').ok).toBe(true);
    expect(checkFlavor('a10g-larg')).toMatchObject({ok: false, suggestion: 'a10g-large'});
    expect(checkFlavor('v5e-1x1').message).toContain('TPU');
    expect(checkFlavor('gpu-t4-small')).toMatchObject({ok: false, suggestion: 't4-small'});
    expect(checkFlavor('my-new-gpu', ['my-new-gpu']).ok).toBe(true);
  });
});

describe('parseJobConfig', () => {
  it('parses a full config', () => {
    const text = JSON.stringify(
      {
        script: 'train.py',
        dependencies: ['datasets'],
        python: '3.12',
        flavor: 'a10g-small',
        timeout: '2h',
        env: {A: 'b'},
        secrets: {HF_TOKEN: '$HF_TOKEN'},
        namespace: 'me',
      },
      null,
      2,
    );
    const r = parseJobConfig(text, 'hf-job.json');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.config).toMatchObject({
        script: 'train.py',
        flavor: 'a10g-small',
        timeout: '2h',
        secrets: {HF_TOKEN: '$HF_TOKEN'},
      });
      expect(r.warnings).toEqual([]);
    }
  });

  it('points at the line of an unknown flavor with the nearest name', () => {
    const text = '{\n  "script": "train.py",\n  "flavor": "a10g-smal"\n}\n';
    const r = parseJobConfig(text, 'hf-job.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({file: 'hf-job.json', line: 3, key: 'flavor'});
    if (!r.ok) expect(r.errors[0]!.message).toContain('"a10g-small"');
  });

  it('rejects "90min" on its line with the accepted forms', () => {
    const r = parseJobConfig('{\n  "script": "t.py",\n\n  "timeout": "90min"\n}', 'x.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]).toMatchObject({line: 4, key: 'timeout'});
      expect(r.errors[0]!.message).toMatch(/"30s", "5m", "2h", "1\.5h", "1d" or plain seconds/);
    }
  });

  it('suggests the nearest key for unknown ones, and explains with_deps', () => {
    const r = parseJobConfig('{"script": "t.py",\n "flavour": "cpu-basic",\n "with_deps": ["x"]}', 'hf-job.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.find((e) => e.key === 'flavour')).toMatchObject({line: 2});
      expect(r.errors.find((e) => e.key === 'flavour')!.message).toContain('did you mean "flavor"');
      expect(r.errors.find((e) => e.key === 'with_deps')!.message).toContain('"dependencies"');
    }
  });

  it('reports JSON syntax errors with a line, and refuses tokens in the file', () => {
    const bad = parseJobConfig('{\n  "script": "t.py",\n  "flavor": cpu\n}', 'hf-job.json');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]!.line).toBe(3);
    const token = parseJobConfig(
      '{"script": "t.py", "secrets": {"HF_TOKEN": "hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12"}}',
      'hf-job.json',
    );
    expect(token.ok).toBe(false);
    if (!token.ok) {
      expect(token.errors[0]!.message).toContain('$HF_TOKEN');
      expect(JSON.stringify(token.errors)).not.toContain('FAKEfakeFAKEfake');
    }
  });

  it('accepts seconds as number or digit string; warns on HF_TOKEN in env; needs script or command', () => {
    expect(parseJobConfig('{"script": "t.py", "timeout": 600}').ok).toBe(true);
    expect(parseJobConfig('{"script": "t.py", "timeout": "600"}').ok).toBe(true);
    const env = parseJobConfig('{"script": "t.py", "env": {"HF_TOKEN": "$HF_TOKEN"}}');
    expect(env.ok && env.warnings[0]!.message).toContain('secrets');
    const none = parseJobConfig('{"flavor": "cpu-basic"}');
    expect(none.ok).toBe(false);
    const both = parseJobConfig('{"script": "t.py", "command": ["ls"]}');
    expect(both.ok).toBe(false);
  });

  it('python as a number is an error that explains 3.10 -> 3.1', () => {
    const r = parseJobConfig('{"script": "t.py", "python": 3.10}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toContain('"3.10"');
  });
});
