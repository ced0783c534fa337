// JSON syntax errors become sentences: file, line, column, what is wrong, what to do; never the engine's raw text.
import {describe, expect, it} from 'vitest';
import {parseJobConfig} from '../../../src/core/jobspec/index.js';
import {explainJsonError, jsonErrorOffset} from '../../../src/core/text/json-error.js';

function explain(text: string) {
  try {
    JSON.parse(text);
  } catch (error) {
    return explainJsonError(text, error, 'hf-job.json');
  }
  throw new Error('valid JSON');
}

const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfakeAA';

describe('explainJsonError', () => {
  const cases: [string, string, number, number, RegExp][] = [
    ['trailing comma', '{\n  "script": "train.py",\n}', 3, 1, /comma after the last entry/],
    ['trailing comma in a list', '{"a": [1, 2,]}', 1, 13, /comma after the last entry/],
    [
      'missing comma',
      '{\n  "script": "train.py"\n  "flavor": "cpu-basic"\n}',
      3,
      3,
      /comma is missing between two entries/,
    ],
    ['unquoted key', '{script: "train.py"}', 1, 2, /key must be in "double quotes"/],
    ['single quotes', '{"script": \'train.py\'}', 1, 12, /double quotes, not 'single quotes'/],
    ['unterminated string', '{"script": "train.py}', 1, 22, /ends too early|not closed/],
    ['line break in a string', '{"script": "train\n.py"}', 1, 18, /line break or a tab/],
    ['Windows path', '{"script": "C:\\data\\train.py"}', 1, 16, /backslash/],
    ['comment', '{\n  // my job\n  "script": "a.py"\n}', 2, 3, /no comments/],
    ['NaN', '{"timeout": NaN}', 1, 13, /NaN is not a JSON value/],
    ['Python True', '{"detach": True}', 1, 12, /True is not a JSON value/],
    ['missing colon', '{"script" "a.py"}', 1, 11, /colon is missing/],
    ['text after', '{"script": "a.py"}\nmore', 2, 1, /more text after the end/],
    ['leading zero', '{"timeout": 0300}', 1, 14, /number/],
    ['truncated', '{"script": "a.py", "env": {', 1, 28, /ends too early/],
  ];

  it.each(cases)('%s: says the line, the column and what is wrong', (_name, text, line, column, what) => {
    const p = explain(text);
    expect({line: p.line, column: p.column}).toEqual({line, column});
    expect(p.what).toMatch(what);
    expect(p.message).toMatch(new RegExp(`^hf-job\\.json is not valid JSON \\(line ${line}, column ${column}\\): `));
    expect(p.message).toContain('Fix it in an editor');
    expect(p.message).not.toMatch(/position \d+|Unexpected token|in JSON at/);
  });

  it('an empty file is named as empty', () => {
    expect(explain('  \n').message).toMatch(/^hf-job\.json is not valid JSON: the file is empty/);
  });

  it('never repeats the file text back (the engine quotes it: a token in the file would reach the screen)', () => {
    const p = explain(`{"env": {"HF_TOKEN": "${FAKE}"}, "timeout": NaN}`);
    expect(p.message).not.toContain(FAKE);
    expect(p.what).toMatch(/NaN/);
  });

  it('jsonErrorOffset agrees with JSON.parse on which texts are valid', () => {
    for (const t of ['{}', '[]', '"x"', '1', '-0.5e+3', '{"a": [true, false, null, "\\u00e9"]}', ' \n{"a":1}\n '])
      expect(jsonErrorOffset(t)).toBeUndefined();
    for (const t of ['', '{', '[1,]', '{"a":1,}', "'x'", '01', '1.', '"\\x"', '{"a" 1}', 'nul', '[1] 2']) {
      expect(() => JSON.parse(t)).toThrow();
      expect(jsonErrorOffset(t)).toBeTypeOf('number');
    }
  });
});

describe('parseJobConfig on broken JSON', () => {
  it('reports the line and a sentence, not the engine message', () => {
    const r = parseJobConfig('{\n  "script": "train.py",\n  "flavor": "cpu-basic",\n}\n');
    expect(r.ok).toBe(false);
    const e = !r.ok ? r.errors[0] : undefined;
    expect(e?.line).toBe(4);
    expect(e?.message).toBe(
      'hf-job.json is not valid JSON (line 4, column 1): there is a comma after the last entry (JSON allows none): remove it. Fix it in an editor, then try again (JSON wants "double quotes" around keys and strings, a comma between entries, and no comma after the last one).',
    );
  });
});
