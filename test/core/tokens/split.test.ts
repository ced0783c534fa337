import {afterEach, describe, expect, it} from 'vitest';
import {forgetSecrets, redactSecrets} from '../../../src/core/tokens/mask.js';
import {createSplitMasker, LOOK_BEHIND, maskSplitTokens, openTokenStart} from '../../../src/core/tokens/split.js';
import {rng} from '../../helpers/fuzz.js';
import {survivors, wrapCases} from '../../helpers/wrap-leak.js';

const TOKEN = 'hf_FAKEq3Rk9LmZ2xPw7TnB4vYc8HjD5s1234'; // hf_ and 34
const OAUTH = 'hf_oauth_FAKEq3Rk9LmZ2xPw7TnB4vYc8HjD5sGa12';
const ORG = 'api_org_FAKEq3Rk9LmZ2xPw7TnB4vYc8HjD5sGa12';

/** Every piece pushed, then flushed: the lines shown. */
function stream(pieces: string[], secrets: string[] = []): string[] {
  const lines: string[] = [];
  const masker = createSplitMasker({onLine: (l) => lines.push(redactSecrets(l, secrets)), secrets, holdMs: 0});
  for (const p of pieces) masker.push(p);
  masker.flush();
  return lines;
}

/** Every piece pushed and released at once (as when each waits longer than holdMs): the lines shown. */
function released(pieces: string[], secrets: string[] = []): string[] {
  const lines: string[] = [];
  const masker = createSplitMasker({onLine: (l) => lines.push(redactSecrets(l, secrets)), secrets, holdMs: 0});
  for (const p of pieces) {
    masker.push(p);
    masker.flush();
  }
  return lines;
}

const leaks = (out: string, token: string) => {
  // No 6 characters of the token's body beyond its last 4 may be shown.
  const body = token.slice(token.indexOf('_', 3) + 1 || 3);
  for (let i = 0; i + 6 <= body.length - 4; i++) if (out.includes(body.slice(i, i + 6))) return true;
  return false;
};

afterEach(() => forgetSecrets());

describe('maskSplitTokens', () => {
  it('masks a token cut by a line break at every position, for every prefix', () => {
    for (const token of [TOKEN, OAUTH, ORG])
      for (let cut = 1; cut < token.length; cut++) {
        for (const br of ['\n', '\r\n']) {
          const text = `token: ${token.slice(0, cut)}${br}${token.slice(cut)} done`;
          const out = redactSecrets(maskSplitTokens(text));
          expect(leaks(out, token), `${token} cut at ${cut}: ${out}`).toBe(false);
          expect(out).toContain('done');
        }
      }
  });

  it('masks a token cut over several lines (a character a line)', () => {
    const out = maskSplitTokens(`start\n${[...TOKEN].join('\n')}\nend`);
    expect(out).toBe(`start\nhf_…1234\nend`);
  });

  it('puts the mask where the token began and keeps what follows it on the second line', () => {
    expect(maskSplitTokens(`export HF_TOKEN=${TOKEN.slice(0, 10)}\n${TOKEN.slice(10)} # mine\nnext`)).toBe(
      'export HF_TOKEN=hf_…1234 # mine\nnext',
    );
  });

  it('masks a registered secret of any shape cut by a break', () => {
    const secret = 's3cr3t-FAKE.value-0123456789';
    const out = maskSplitTokens(`key ${secret.slice(0, 12)}\n${secret.slice(12)} ok`, [secret]);
    expect(out).not.toContain(secret.slice(12));
    expect(out).toContain(' ok');
  });

  it('leaves ordinary lines alone', () => {
    const text = [
      'Downloading hf_transfer',
      'Installing collected packages',
      'from huggingface_hub import HfApi',
      'api = HfApi()',
      'data',
      'pipeline',
      'abcdefghijklmnopqrstuvwxyz',
    ].join('\n');
    expect(maskSplitTokens(text)).toBe(text);
  });

  it('does not take the next line into a token that is whole on its own line', () => {
    expect(maskSplitTokens(`${TOKEN}\nDownloading files`)).toBe(`${TOKEN}\nDownloading files`);
  });
});

describe('hostile logs', () => {
  it('reads 8 million one-letter lines (a repeated pattern group overflowed the stack: troubleshoot on a 16 MB log)', () => {
    const text = `${'y\n'.repeat(8 * 1024 * 1024)}${TOKEN.slice(0, 9)}\n${TOKEN.slice(9)} end`;
    const out = maskSplitTokens(text);
    expect(out.endsWith('\nhf_…1234 end')).toBe(true);
  });
});

describe('createSplitMasker', () => {
  it('masks a token cut between two pieces at every position', () => {
    for (const token of [TOKEN, OAUTH, ORG])
      for (let cut = 1; cut < token.length; cut++) {
        const lines = stream([`line one`, `the token ${token.slice(0, cut)}`, `${token.slice(cut)} and more`, 'last']);
        const out = lines.join('\n');
        expect(leaks(out, token), `${token} cut at ${cut}: ${out}`).toBe(false);
        expect(lines[0]).toBe('line one');
        expect(lines.at(-1)).toBe('last');
      }
  });

  it('masks a token cut over many pieces, and one cut inside a piece holding line breaks', () => {
    expect(stream([...TOKEN].map((c) => c)).join('\n')).toBe('hf_…1234');
    expect(stream([`a\nb ${TOKEN.slice(0, 5)}`, `${TOKEN.slice(5, 20)}\n${TOKEN.slice(20)}\nc`])).toEqual([
      'a',
      'b hf_…1234',
      'c',
    ]);
  });

  it('shows a line at once when its end cannot start a token', () => {
    const lines: string[] = [];
    const masker = createSplitMasker({onLine: (l) => lines.push(l), holdMs: 0});
    masker.push('Epoch 1/3 loss=0.53');
    expect(lines).toEqual(['Epoch 1/3 loss=0.53']);
    masker.push('saving to /data');
    expect(lines).toEqual(['Epoch 1/3 loss=0.53']); // "a" may start api_org_: held until the next piece
    masker.push('done.');
    expect(lines).toEqual(['Epoch 1/3 loss=0.53', 'saving to /data', 'done.']);
  });

  it('holds a line at most holdMs, then hides the rest of a token that arrives later', async () => {
    const lines: string[] = [];
    const masker = createSplitMasker({onLine: (l) => lines.push(redactSecrets(l)), holdMs: 30});
    masker.push(`token ${TOKEN.slice(0, 8)}`);
    expect(lines).toEqual([]);
    await new Promise((r) => setTimeout(r, 80));
    // None of the token's first characters: it may still become a token.
    expect(lines).toEqual(['token hf_…']);
    masker.push(`${TOKEN.slice(8)} rest`);
    masker.flush();
    expect(lines).toEqual(['token hf_…', '… rest']);
  });

  it("never shows a token's first characters when a piece is released before the next (every cut, every prefix)", () => {
    for (const token of [TOKEN, OAUTH, ORG])
      for (let cut = 1; cut < token.length; cut++)
        for (const second of [[token.slice(cut)], [token.slice(cut, cut + 3), token.slice(cut + 3)]]) {
          // Released at every piece, as a time out or a dropped stream does.
          const lines = released([`the token ${token.slice(0, cut)}`, ...second.filter(Boolean), ' and more', 'last']);
          const out = lines.join('');
          const body = token.replace(/^(?:hf_(?:oauth_)?|api_org_)/, '');
          for (let i = 0; i + 4 <= body.length; i++)
            expect(out, `${token} cut at ${cut}: ${lines.join(' | ')}`).not.toContain(body.slice(i, i + 4));
          expect(lines.at(-1)).toBe('last');
        }
  });

  it('shows a released bare prefix, and words after a released word (the cost: that word is masked)', () => {
    expect(released(['pip install h', 'ello'])).toEqual(['pip install h', 'ello']);
    expect(released(['saving to /data', 'done.'])).toEqual(['saving to /data', 'done.']);
    expect(released(['Collecting hf_transfer', 'Downloading hf_transfer-0.1.8.whl'])).toEqual([
      'Collecting hf_…',
      'Downloading hf_transfer-0.1.8.whl',
    ]);
  });

  it('masks the first characters of a registered secret released before its rest', () => {
    const secret = 'rt_FAKEsecretvalue0123456789';
    const lines = released([`refresh ${secret.slice(0, 9)}`, `${secret.slice(9)} ok`], [secret]);
    expect(lines).toEqual(['refresh …', '… ok']);
  });

  it('holds a bounded look-behind, whatever the pieces', () => {
    let held = 0;
    const lines: string[] = [];
    const masker = createSplitMasker({onLine: (l) => lines.push(l), holdMs: 0});
    // 10,000 pieces of word characters only, each ending like a token's start.
    for (let i = 0; i < 10_000; i++) {
      masker.push(`wordwordword${i}hf_AB`);
      held = i + 1 - lines.length;
      expect(held).toBeLessThanOrEqual(2 + Math.ceil(LOOK_BEHIND / 17));
    }
  });

  it('masks a registered secret cut between pieces', () => {
    const secret = 'rt_FAKEsecretvalue0123456789';
    const out = stream([`refresh ${secret.slice(0, 9)}`, `${secret.slice(9)} ok`], [secret]).join('\n');
    expect(out).not.toContain(secret.slice(9));
    expect(out).not.toContain(secret);
  });
});

describe('openTokenStart', () => {
  it('finds a token start cut anywhere in its prefix, and nothing in ordinary ends', () => {
    expect(openTokenStart('x h')).toBe(2);
    expect(openTokenStart('x hf_oau')).toBe(2);
    expect(openTokenStart('x api_or')).toBe(2);
    expect(openTokenStart(`x ${TOKEN}`)).toBe(-1); // whole already
    expect(openTokenStart('loss=0.53')).toBe(-1);
    expect(openTokenStart('done.')).toBe(-1);
  });
});

describe('a stream whose lines carry a log prefix', () => {
  it('keeps a timestamped next line its own: its date is not the rest of the token (it was: hf_…2026, the rest shown)', () => {
    const text =
      '2026-12-08 00:16:11,101 INFO repo do HF_TOKEN=hf_FAKE15mdUhBmCF0qQvGu\n2026-12-08 00:16:12,102 INFO 7scu1ptOe0lTPa token';
    expect(maskSplitTokens(text)).toBe(
      '2026-12-08 00:16:11,101 INFO repo do HF_TOKEN=hf_…lTPa\n2026-12-08 00:16:12,102 INFO  token',
    );
  });

  it("leaves what follows a wrapped token's form on its line: a secret glued after it stays whole there and masked", () => {
    // npm run fuzz (seed 31): the hex's mask took `key` from the last line along, and neither line held the secret whole.
    const secret = 'key.lOIG6UghNz3Ca'; // fake
    const hex = Buffer.from('hf_oauth_FAKElAzwhd4yQiYx7HyQz2X3wSdOrCR').toString('hex');
    const text = `"${hex.slice(0, 30)}\n${hex.slice(30, 66)}\n${hex.slice(66)}${secret}:h`;
    const lines = maskSplitTokens(text, [secret])
      .split('\n')
      .map((line) => redactSecrets(line, [secret]));
    expect(lines.join('')).not.toContain(secret);
    expect(lines.join('')).not.toContain(hex.slice(40, 56));
  });

  it('shows no 8 characters of a token whose wrapped lines are printed one at a time, in any form (150 tokens)', () => {
    // Before session 11, one line a piece (seed 1, 200 tokens): a log prefix 29 readable, every percent-encoded URL wrapped
    // at 40/60/80 columns, base64 under a prefix 71 (a line ending in an encoded run was shown before the next came).
    const r = rng(9);
    const leaks: string[] = [];
    for (let i = 0; i < 150; i++)
      for (const c of wrapCases(r)) {
        if (c.kind.startsWith('json')) continue; // one line: nothing streamed apart
        const lines: string[] = [];
        const masker = createSplitMasker({onLine: (line) => lines.push(redactSecrets(line)), holdMs: 0});
        for (const piece of c.text.split('\n')) masker.push(piece);
        masker.flush();
        if (survivors(lines.join('\n'), c).length) leaks.push(`${c.kind}: ${JSON.stringify(c.text)}`);
      }
    expect(leaks.slice(0, 3)).toEqual([]);
  });

  it("masks a token cut between two entries with a timestamp before each (the pieces' lines read together)", () => {
    const token = 'hf_FAKE7qLm2xR9vT4wZ8kP3nB6cD1eF5gH0jS'; // fake test token
    const lines: string[] = [];
    const masker = createSplitMasker({onLine: (line) => lines.push(redactSecrets(line)), holdMs: 0});
    masker.push(`2026-12-08T00:16:11.000001Z INFO HF_TOKEN=${token.slice(0, 13)}`);
    masker.push(`2026-12-08T00:16:11.000002Z INFO ${token.slice(13)} done`);
    masker.flush();
    expect(lines).toEqual([
      '2026-12-08T00:16:11.000001Z INFO HF_TOKEN=hf_…H0jS',
      '2026-12-08T00:16:11.000002Z INFO  done',
    ]);
  });
});

describe('a known secret cut between two log entries, the second ending in an encoded run', () => {
  it('is masked whole: the encoded run held its own line only, and the secret was shown read over the two', () => {
    // Found by `npm run fuzz -- --seed 12 --only 'split log stream'` (3 of 1,500 inputs; seeds 7 and 2026: 1 each).
    const secret = 'key.3BJnaLmStTzofL7n';
    const lines: string[] = [];
    const masker = createSplitMasker({
      onLine: (l) => lines.push(redactSecrets(l, [secret])),
      secrets: [secret],
      holdMs: 0,
    });
    for (const piece of ['cmd += ["--secrets", key.', '3BJnaLmStTzofL7nx%68%66%5f%46%41%4b%45', 'done'])
      masker.push(piece);
    masker.flush();
    expect(lines.join('')).not.toContain(secret);
    expect(lines.join('\n')).not.toContain('3BJnaLmS');
    expect(lines.join('\n')).toContain('done');
  });
});
