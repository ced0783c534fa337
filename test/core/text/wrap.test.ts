import {describe, expect, it} from 'vitest';
import {wrapAtSpaces} from '../../../src/core/text/wrap.js';

describe('wrapAtSpaces', () => {
  const line =
    'The Hub canceled the job (NO_CREDITS): its namespace could not pay. Run npx hf-jobs-wizard --sandbox to try again under one that can: files already written are kept (shown as unchanged).';

  it('breaks only at spaces, every row within the width, no word lost or cut', () => {
    for (const width of [20, 40, 60, 80]) {
      const rows = wrapAtSpaces(line, width).split('\n');
      expect(rows.every((r) => r.length <= width)).toBe(true);
      expect(rows.join(' ')).toBe(line);
    }
  });

  it('keeps a word longer than the width whole (a URL stays copyable), and short text as it is', () => {
    const url = 'http://127.0.0.1:8765/settings/tokens/new?tokenType=fineGrained';
    expect(wrapAtSpaces(`open ${url} now`, 20).split('\n')).toEqual(['open', url, 'now']);
    expect(wrapAtSpaces('short', 80)).toBe('short');
    expect(wrapAtSpaces('a\nb c', 3)).toBe('a\nb c');
    expect(wrapAtSpaces(line, 0)).toBe(line);
  });
});
