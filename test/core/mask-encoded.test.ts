// A token written another way is still a token (src/core/tokens/mask.ts): URL-encoded, JSON-escaped, HTML entities,
// fullwidth letters, invisible format characters inside, base64. Each case below was shown whole before 2026-12-07
// (open item 1 of the last attack review). Near misses (ordinary percents, escapes, fullwidth words, hashes, other
// base64) stay exactly as they were.
import {afterEach, describe, expect, it} from 'vitest';
import {forgetSecrets, maskSecrets, redactSecrets, registerSecret} from '../../src/core/tokens/mask.js';

const T = 'hf_FAKEencodedTOKENabcdefghijklmnop';
const BODY = T.slice(3);
const hex = (c: string) => c.charCodeAt(0).toString(16).padStart(2, '0');
const b64 = (s: string) => Buffer.from(s, 'latin1').toString('base64');

afterEach(() => forgetSecrets());

/** The token's body (or any 12 characters of it) must not survive, in any encoding the case used. */
function expectMasked(out: string, encodedForm: string): void {
  expect(out).not.toContain(BODY.slice(0, 12));
  expect(out).not.toContain(encodedForm);
  expect(out).toMatch(/hf_…mnop/);
}

describe('a token written another way is masked', () => {
  for (const [name, text] of [
    ['URL-encoded underscore (hf%5F)', `token=${T.replace('_', '%5F')}&x=1`],
    ['URL-encoded underscore in lower case', T.replace('_', '%5f')],
    ['every character URL-encoded', [...T].map((c) => `%${hex(c)}`).join('')],
    ['URL-encoded twice (%255F)', T.replace('_', '%255F')],
    ['JSON-escaped underscore (hf\\u005f)', JSON.stringify({token: T}).replace('_', '\\u005f')],
    ['every character JSON-escaped', [...T].map((c) => `\\u00${hex(c)}`).join('')],
    ['a \\x escape', T.replace('_', '\\x5f')],
    ['an HTML entity, decimal', T.replace('_', '&#95;')],
    ['an HTML entity, hex', T.replace('_', '&#x5F;')],
    ['fullwidth letters', [...T].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')],
    ['a fullwidth low line only', T.replace('_', '\uff3f')],
    ['a zero-width space inside', `${T.slice(0, 10)}\u200b${T.slice(10)}`],
    ['a soft hyphen inside', `${T.slice(0, 10)}\u00ad${T.slice(10)}`],
    ['a word joiner and a BOM inside', `${T.slice(0, 5)}\u2060${T.slice(5, 20)}\ufeff${T.slice(20)}`],
    ['URL-encoded fullwidth (UTF-8 bytes)', encodeURIComponent(`hf\uff3f${BODY}`)],
  ] as const) {
    it(name, () => {
      expectMasked(maskSecrets(text), text.slice(0, 20));
      expectMasked(redactSecrets(text), text.slice(0, 20));
    });
  }

  it('an org token, URL-encoded', () => {
    expect(maskSecrets('api%5Forg%5FFAKEabcdefghijklmnopqr')).toBe('api_org_…opqr');
  });

  it('base64 of the token, at each of the three byte alignments, padded or not, base64url too', () => {
    for (const before of ['', 'x', 'xy', 'user:']) {
      const encoded = b64(before + T);
      for (const form of [encoded, encoded.replace(/=+$/, ''), encoded.replace(/\+/g, '-').replace(/\//g, '_')]) {
        const out = maskSecrets(`Authorization: Basic ${form}`);
        expect(out).toBe('Authorization: Basic [base64 holding hf_…mnop]');
      }
    }
  });

  it('hex of the token (a dump, bytes.hex()), glued to text at either digit alignment', () => {
    const hexed = Buffer.from(T).toString('hex');
    expect(maskSecrets(`payload=${hexed}`)).toBe('payload=[hex holding hf_…mnop]');
    expect(maskSecrets(`0x${hexed.toUpperCase()}`)).toBe('0x[hex holding hf_…mnop]');
    expect(maskSecrets(`a${Buffer.from(`_${T}`).toString('hex')}`)).not.toContain(hexed.slice(6, 30));
    // The shortest token (16 characters after hf_: 38 digits) after one hex digit: an odd run (found by the fuzzer).
    const short = Buffer.from('hf_FAKEG6cWly6u6a2I').toString('hex');
    expect(maskSecrets(`\x1bc${short}`)).toBe('\x1bc[hex holding hf_…6a2I]');
    // A hash, or hex of something else, stays.
    const other = Buffer.from('hf_short and not a token at all').toString('hex');
    expect(maskSecrets(other)).toBe(other);
  });

  it('a registered secret of any shape, URL-encoded or in base64', () => {
    registerSecret('s3cr3t/value+with=odd&chars');
    expect(maskSecrets(`x=${encodeURIComponent('s3cr3t/value+with=odd&chars')}`)).not.toContain('value');
    expect(maskSecrets(`blob ${b64('prefix s3cr3t/value+with=odd&chars suffix')}`)).toMatch(/\[base64 holding …/);
  });

  it('a decoded run never brings a control character back: %1b stays written as it was', () => {
    const out = maskSecrets(`%1b[2J${T.replace('_', '%5F')}%07`);
    expect(out).not.toMatch(/[\x00-\x1f]/);
    expect(out).toContain('%1b[2J');
    expect(out).not.toContain(BODY.slice(0, 12));
  });
});

describe('hostile runs', () => {
  it('a run of 150,000 escapes (or hints) is decoded without overflowing the stack, and a token inside is masked', () => {
    for (const filler of ['\\u005f', '%5F', 'hmX', '\uff3f', '_\u200b'])
      expect(() => redactSecrets(filler.repeat(150_000))).not.toThrow();
    const out = redactSecrets(`${'\\u0041'.repeat(150_000)}${T.replace('_', '\\u005f')}`);
    expect(out).not.toContain(BODY.slice(0, 12));
    expect(out.endsWith('hf_…mnop')).toBe(true);
  });
});

describe('ordinary text is left exactly as it was', () => {
  for (const text of [
    '100% done, 50%% left, a%20b, %E2%9C%93 ok, 100%5 typo',
    'caf\\u00e9 and \\u005f alone, \\x1b[0m written out, &#39;quoted&#39; &amp; &#x263A;',
    'ｈｅｌｌｏ ｗｏｒｌｄ，全角テキスト＿ではない, naïve café résumé, Ｈｆ＿ｓｈｏｒｔ',
    'sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08, commit 5eee86d',
    'base64 dXNlcjpwYXNzd29yZA== and aGVsbG8gd29ybGQgdGhpcyBpcyBub3QgYSB0b2tlbg== and ohmXabcdefghijklmnopqrstuvwxyz012',
    'aGZfc2hvcnQ= (hf_short) and hf%5Fshort and hf\\u005fshort and ｈｆ＿ｓｈｏｒｔ',
    'the_snake_case_identifier_is_long_enough_to_look_like_one and HF_TOKEN=%HF_TOKEN%',
    '\u200bzero width before a word\u200b, soft\u00adhyphen, a\ufeffBOM',
  ]) {
    it(JSON.stringify(text.slice(0, 40)), () => {
      expect(maskSecrets(text)).toBe(text);
    });
  }
});
