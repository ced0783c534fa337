// Outside text with runs of millions of characters (a 16 MB log troubleshoot reads, a pasted text): masking and the
// token scans must answer, not throw. A pattern with an unbounded repeat over 8 million letters ('hf_' then letters,
// 'aGZf' then base64, '68665f' then hex) overflowed the pattern engine's stack: redactSecrets and findTokenLike threw
// "Maximum call stack size exceeded", and troubleshoot said only that. And findLeakedTokens counted each token's line
// from the start: 400,000 tokens on one 15 MB line did not finish in 120 s.
import {describe, expect, it} from 'vitest';
import {findTokenLike} from '../../src/core/tokens/format.js';
import {findLeakedTokens, leakWarning} from '../../src/core/tokens/leak.js';
import {redactSecrets} from '../../src/core/tokens/mask.js';
import {maskSplitTokens} from '../../src/core/tokens/split.js';

const TOKEN = 'hf_FAKEq3Rk9LmZ2xPw7TnB4vYc8HjD5s1234';
const N = 8_000_000;

describe('runs of millions of characters', () => {
  it('are masked without throwing; a token after the run is still masked', () => {
    for (const run of [
      'hf_' + 'A'.repeat(N),
      'aGZf' + 'A'.repeat(N),
      '68665f' + '0'.repeat(N),
      'hf_' + 'A\u200b'.repeat(N / 2),
    ]) {
      const text = `${run} ${TOKEN}\n`;
      const out = redactSecrets(text);
      expect(out).not.toContain(TOKEN);
      expect(out).toContain('hf_…1234');
      expect(findTokenLike(text).map((t) => t.token)).toContain(TOKEN);
      expect(maskSplitTokens(`${run}\n${TOKEN.slice(0, 9)}\n${TOKEN.slice(9)}`)).toContain('hf_…1234');
    }
  }, 60_000);

  it('400,000 tokens on one line are listed with their line at once, the warning naming the first 10', () => {
    let text = '';
    for (let i = 0; i < 400_000; i++) text += `hf_FAKE${String(i).padStart(30, '0')}Zz `;
    const leaks = findLeakedTokens(text);
    expect(leaks).toHaveLength(400_000);
    expect(leaks.at(-1)!.line).toBe(1);
    const [first] = leakWarning(leaks, 'big.log', 'npx hf-jobs-wizard revoke big.log');
    expect(first!.length).toBeLessThan(400);
    expect(first).toContain('and 399990 more');
  }, 20_000);
});
