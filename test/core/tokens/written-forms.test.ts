// A token written another way than as it stands is both found (check, revoke, the leak warnings: findTokenLike) and
// masked (redactSecrets). Before session 11, findTokenLike found none of these forms (the masking hid all but
// `&lowbar;`, which it showed whole), so `revoke` and the paste box's warning said nothing.
import {describe, expect, it} from 'vitest';
import {findTokenLike} from '../../../src/core/tokens/format.js';
import {findLeakedTokens} from '../../../src/core/tokens/leak.js';
import {redactSecrets} from '../../../src/core/tokens/mask.js';

const T = 'hf_FAKE7qLm2xR9vT4wZ8kP3nB6cD1eF5gH0jS'; // fake test token (34 after hf_)
const ORG = 'api_org_FAKE7qLm2xR9vT4wZ8kP3nB6cD1eF5gH0jS';
const hex = (s: string) => Buffer.from(s).toString('hex');
const fullwidth = (s: string) => [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
const unicodeEscapes = (s: string) => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

const FORMS: [string, (t: string) => string][] = [
  ['hex (a bytes.hex(), a dump)', (t) => `token bytes: ${hex(t)}`],
  ['hex, upper case, 0x', (t) => `0x${hex(t).toUpperCase()}`],
  ['a JSON \\u005f', (t) => `{"t": "${t.replace(/_/g, '\\u005f')}"}`],
  ['every character a \\u escape', (t) => `"${unicodeEscapes(t)}"`],
  ["Python's \\x5f", (t) => `b'${t.replace(/_/g, '\\x5f')}'`],
  ['an HTML &#95;', (t) => `<code>${t.replace(/_/g, '&#95;')}</code>`],
  ['an HTML &#x5F;', (t) => `<code>${t.replace(/_/g, '&#x5F;')}</code>`],
  ['an HTML &lowbar;', (t) => `<code>${t.replace(/_/g, '&lowbar;')}</code>`],
  ['fullwidth letters', (t) => `token ${fullwidth(t)}`],
  ['a fullwidth underscore', (t) => `token ${t.replace(/_/g, '\uff3f')}`],
  [
    'zero-width characters between letters',
    (t) => `token ${t.slice(0, 10)}\u200b${t.slice(10, 24)}\u200c${t.slice(24)}`,
  ],
  ['a soft hyphen inside', (t) => `token ${t.slice(0, 20)}\u00ad${t.slice(20)}`],
];

describe('a token written another way', () => {
  for (const [what, write] of FORMS)
    it(`${what}: found (that token alone) and masked`, () => {
      for (const token of [T, ORG]) {
        const text = write(token);
        expect(findTokenLike(text).map((t) => t.token)).toEqual([token]);
        expect(findLeakedTokens(`line one\n${text}`, {glued: true})).toEqual([
          {token, masked: token.startsWith('api_org_') ? 'api_org_…H0jS' : 'hf_…H0jS', line: 2},
        ]);
        const shown = redactSecrets(text);
        expect(shown).not.toContain(token.slice(-20, -6));
        expect(shown).not.toContain(hex(token).slice(20, 40));
      }
    });

  it('finds nothing in ordinary text written with the same escapes', () => {
    for (const text of [
      'caf\\u00e9 and na\\u00efve, snake\\u005fcase, b"\\x00\\x5f\\xff"',
      '<p>a&lowbar;b and x&#95;y</p>, ｆｕｌｌｗｉｄｔｈ＿ｔｅｘｔ',
      'sha256:3b754f48e81dbfecb2494aa3f5c7c3f711882bf0f6afa7df667ea0368695c5d4',
      `${hex('hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')} (a placeholder, hex)`,
      'zero\u200bwidth hf_\u200babc',
    ])
      expect(findTokenLike(text)).toEqual([]);
  });
});
