// Masking wherever a token stands (glued to text, after an escape code, hf_oauth_, api_org_, known secrets of any
// shape) and neutralising escape sequences from outside. Each case passed a token whole, or an OSC 52, on 262c575.
import {describe, expect, it} from 'vitest';
import {findTokenLike} from '../../src/core/jobspec/placeholder.js';
import {redactSecrets, registerSecret} from '../../src/core/tokens/mask.js';
import {sanitizeLine, sanitizeTerminal} from '../../src/core/text/sanitize.js';

const T = 'hf_FAKEgluedTOKENabcdefghijklmnopqrs';

describe('redactSecrets masks a token wherever it stands', () => {
  for (const [name, text] of [
    ['glued after a name', `TOKEN_${T}`],
    ['glued after a letter', `x${T}`],
    ['after an ANSI bold code, as rich prints it', `\x1b[1m${T}\x1b[0m`],
    ['inside a URL', `https://user:${T}@huggingface.co`],
    ['an OAuth token', 'token=hf_oauth_FAKEabcdefghijklmnopqrstuvwx'],
    ['an org API token', 'api_org_FAKEabcdefghijklmnopqrstu'],
  ] as const) {
    it(name, () => {
      const out = redactSecrets(text);
      expect(out).not.toMatch(/(?:hf_(?:oauth_)?|api_org_)[A-Za-z0-9]{16,}/);
      expect(out).toMatch(/(?:hf_|api_org_)…\w{4}/);
    });
  }

  it('masks a registered secret of any shape, even when not passed in', () => {
    registerSecret('s3cr3t-not-token-shaped-value');
    expect(redactSecrets('value: s3cr3t-not-token-shaped-value.')).toBe('value: …alue.');
  });
});

describe('escape sequences from outside are neutralised', () => {
  it('OSC 52 (clipboard), OSC 0 (title), screen clear and cursor moves become visible text; colours are dropped', () => {
    const out = sanitizeTerminal('\x1b]52;c;ZXZpbA==\x07 \x1b]0;pwned\x07 \x1b[2J\x1b[H \x1b[31mred\x1b[0m \x9b2J');
    expect(out).not.toContain('\x1b');
    expect(out).not.toContain('\x07');
    expect(out).not.toContain('\x9b');
    expect(out).toContain('␛]52;c;ZXZpbA==␇');
    expect(out).toContain('␛[2J');
    expect(out).toContain(' red ');
  });

  it('keeps newlines and tabs, turns carriage returns into newlines, and a line value into one line', () => {
    expect(sanitizeTerminal('a\tb\r\nc\rd')).toBe('a\tb\nc\nd');
    expect(sanitizeLine('name\n[evil]\x1b[2J')).toBe('name [evil]␛[2J');
  });

  it('redactSecrets sanitises too, so every output point that masks also neutralises', () => {
    expect(redactSecrets(`\x1b]52;c;${T}\x07`)).toBe('␛]52;c;hf_…pqrs␇');
  });
});

describe('check finds OAuth tokens written in files', () => {
  it('hf_oauth_ tokens are token-like; placeholders are not', () => {
    expect(findTokenLike('login(token="hf_oauth_FAKEabcdefghijklmnopqrstuvwx")')).toHaveLength(1);
    expect(findTokenLike('HF_TOKEN=hf_xxx')).toHaveLength(0);
  });
});

describe('troubleshoot answers any text', () => {
  it('a bare {"stage": "ERROR"} gets an answer (it crashed with "reading \'trim\'")', async () => {
    const {classifyText} = await import('../../src/core/troubleshoot/classify.js');
    expect(() => classifyText('{"stage": "ERROR"}')).not.toThrow();
  });

  it('the fallback evidence line is masked and neutralised', async () => {
    const {classifyText} = await import('../../src/core/troubleshoot/classify.js');
    const c = classifyText(`Error: Job 123 finished with stage 'ERROR' token=${T} \x1b]52;c;eA==\x07`);
    const all = JSON.stringify(c);
    expect(all).not.toContain(T);
    expect(all).not.toContain('\x1b');
  });
});
