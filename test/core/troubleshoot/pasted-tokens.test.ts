// A token glued to the word before it in a pasted text is warned about as a bare one is (newcomer s10 D): the masking
// hid it as a token, and the warning and `revoke` missed it.
import {describe, expect, it} from 'vitest';
import {findLeakedTokens} from '../../../src/core/tokens/leak.js';
import {redactSecrets} from '../../../src/core/tokens/mask.js';
import {findPastedTokens} from '../../../src/core/troubleshoot/pasted-tokens.js';

const A = 'hf_FAKEgluedTOKENabcdefghijklmnopqrs';
const B = 'hf_FAKEbareTOKENabcdefghijklmnopqrst';

describe('findPastedTokens', () => {
  it('finds a token glued to letters, digits or _, where the masking hides it, with its line', () => {
    for (const glued of [`token${A}`, `Bearer${A}`, `TOKEN_${A}`, `x9${A}`, `=${A}`, `"token":"${A}"`]) {
      const text = `401 Unauthorized\n  ${glued} was sent`;
      expect(redactSecrets(text)).not.toContain(A);
      expect(findPastedTokens(text), glued).toEqual([{token: A, masked: 'hf_…pqrs', line: 2}]);
    }
    // The leak finder check uses leaves the glued ones out (an identifier's part in code): this is what was missed.
    expect(findLeakedTokens(`token${A}`)).toEqual([]);
  });

  it('keeps bare and glued tokens in line order, each once, and never a placeholder', () => {
    const text = `first ${B}\nagain token${B}\nthen key${A}\nand ${A}\ntokenhf_YOUR_TOKEN_HERE tokenhf_xxxxxxxxxxxxxxxxxxxxxxx`;
    expect(findPastedTokens(text).map((l) => [l.token, l.line])).toEqual([
      [B, 1],
      [A, 3],
    ]);
    expect(findPastedTokens('no token here: hf_abc, Bearer $HF_TOKEN')).toEqual([]);
  });
});
