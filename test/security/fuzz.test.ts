// The fuzz properties inside npm test: 400 generated inputs a target (a fixed seed, so a failure reproduces with
// `npm run fuzz -- --seed 20261206 --n 400`), and the inputs `npm run fuzz` found breaking things, kept as cases.
import {describe, expect, it} from 'vitest';
import {parseJobConfig} from '../../src/core/jobspec/index.js';
import {findLeakedTokens} from '../../src/core/tokens/leak.js';
import {parseIni, serializeIni} from '../../src/core/store/ini.js';
import {sanitizeTerminal} from '../../src/core/text/sanitize.js';
import {maskSecrets, redactSecrets} from '../../src/core/tokens/mask.js';
import {TARGETS, fuzzTarget} from '../helpers/fuzz.js';

const SEED = 20261206;

describe('properties over generated inputs (no token whole, no raw control, idempotent, never throws)', () => {
  it.each(TARGETS.map((t) => [t.name, t]))('%s holds on 400 inputs', (_name, target) => {
    const run = fuzzTarget(target, 400, SEED, 5000);
    expect(run.inputs).toBe(400);
    expect(
      run.violations.slice(0, 3).map((v) => `${v.property}: ${JSON.stringify(v.input.text).slice(0, 200)}`),
    ).toEqual([]);
  });
});

describe('what npm run fuzz found', () => {
  const A = 'hf_oauth_FAKEvkOfMVkqIoz92Mx';
  const B = 'hf_FAKEy2r1cRNITj2Z7X9k';

  it('two tokens glued together are both masked (the first mask ended in "hf" and left the second whole)', () => {
    const out = maskSecrets(`${A}${B}`);
    expect(out).not.toContain(B);
    expect(maskSecrets(out)).toBe(out);
  });

  it('bidi overrides, isolates and zero-width characters are shown, not obeyed', () => {
    expect(sanitizeTerminal('a\u202eb\u2066c\u200bd\ufeffe')).toBe('a<U+202E>b<U+2066>c<U+200B>d<U+FEFF>e');
    expect(sanitizeTerminal('a\u2028b')).toBe('a\nb');
    // Inside a token the zero-width space does not save it: shown with a marker, all of the token would be readable.
    expect(redactSecrets(`hf_FAKE\u200bfakeFAKEfakeFAKEfakeFAKE`)).toBe('hf_…FAKE');
    expect(redactSecrets(`a name\u200bhf_x`)).toBe('a name<U+200B>hf_x');
  });

  it('an hf-job.json key holding a token or an escape code is quoted masked and visible', () => {
    const r = parseJobConfig(JSON.stringify({script: 'a.py', [`EN_${B}`]: 1, ['\x1b]52;c;aGk=\x07x']: 2}));
    const messages = [...(r.ok ? [] : r.errors), ...r.warnings].map((i) => i.message).join('\n');
    expect(messages).not.toContain(B);
    expect(messages).not.toMatch(/\x1b|\x07/);
    expect(messages).toContain('␛]52');
  });

  it('a broken hf-job.json starting with a token is not quoted back by the JSON error (the engine quotes the text)', () => {
    const r = parseJobConfig(`TOKEN_${B} = 1`);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain(B);
  });

  it('a token right after a colour code (rich prints it bold) is found for revoke and check, not only masked', () => {
    expect(findLeakedTokens(`token: \x1b[1m${B}\x1b[0m\nnext`).map((l) => [l.token, l.line])).toEqual([[B, 1]]);
    expect(findLeakedTokens(`my_${B}`)).toEqual([]); // an identifier that merely contains the prefix stays out
  });

  it('a U+2028 inside an INI value does not move the key/value split (what we write reads back the same)', () => {
    const text = '[a]\nkey\u2028x = value\n';
    const sections = parseIni(text);
    expect([...(sections[0]?.values.keys() ?? [])]).toEqual(['key\u2028x']);
    expect(parseIni(serializeIni(sections))).toEqual(sections);
  });
});
