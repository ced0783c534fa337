import {describe, expect, it} from 'vitest';
import {runCheckOnText} from '../../../src/core/checks/runner.js';
import {findTokenLike} from '../../../src/core/tokens/format.js';
import {findHiddenTokens, mayHoldToken} from '../../../src/core/tokens/hidden.js';
import {findLeakedTokens} from '../../../src/core/tokens/leak.js';

const TOKEN = 'hf_FAKEq3Rk9LmZ2xPw7TnB4vYc8HjD5s1234'; // hf_ and 34, random-looking
const ORG = 'api_org_FAKEq3Rk9LmZ2xPw7TnB4vYc8HjD5s1234';
const a = TOKEN.slice(0, 12);
const b = TOKEN.slice(12);

const found = (text: string) => findHiddenTokens(text).map((h) => `${h.how} ${h.token}`);
const hardcoded = (text: string, file: string) =>
  runCheckOnText('hardcoded-token', text, file).filter((r) => r.status === 'fail');

describe('concatenated literals', () => {
  it('finds a token made of literals joined by +, by adjacency, by . and .., over lines', () => {
    expect(found(`const t = "${a}" + "${b}";`)).toEqual([`concatenated ${TOKEN}`]);
    expect(found(`token = ('${a}'\n         '${b}')`)).toEqual([`concatenated ${TOKEN}`]);
    expect(found(`$t = "${a}" . "${b}";`)).toEqual([`concatenated ${TOKEN}`]);
    expect(found(`local t = "${a}" .. "${b}"`)).toEqual([`concatenated ${TOKEN}`]);
    expect(found(`t = "hf_" + "${TOKEN.slice(3, 20)}" +\n    "${TOKEN.slice(20)}"`)).toEqual([`concatenated ${TOKEN}`]);
    // Cut inside the prefix.
    expect(found(`t = "h" + "${TOKEN.slice(1)}"`)).toEqual([`concatenated ${TOKEN}`]);
    expect(found(`t = "api_" + "${ORG.slice(4)}"`)).toEqual([`concatenated ${ORG}`]);
  });

  it('is a hardcoded-token failure in check, on the line the concatenation starts', () => {
    const text = `import os\nfrom huggingface_hub import HfApi\napi = HfApi(token="${a}"\n  "${b}")\n`;
    const fails = hardcoded(text, 'train.py');
    expect(fails).toHaveLength(1);
    expect(fails[0]).toMatchObject({file: 'train.py', line: 3});
    expect(fails[0]!.message).toContain('hf_…1234');
    expect(JSON.stringify(fails)).not.toContain(b);
  });

  it('does not flag a variable joined in, placeholders, words, a list, or a token already whole', () => {
    for (const text of [
      `t = "hf_" + token`,
      `t = "hf_" + os.environ["REST"]`,
      `name = "hf_" + "transfer" + "Installing"`,
      `args = ["${a}", "${b}"]`,
      `t = "${TOKEN}" + "suffix"`,
      `print("hf_" "hub")`,
    ])
      expect(found(text), text).toEqual([]);
    // Doc placeholders, put together, are still placeholders (the plain scan's rule, in findTokenLike).
    expect(findTokenLike(`t = "hf_" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"`)).toEqual([]);
    expect(findTokenLike(`t = "hf_" + "YOURTOKENHEREabcdefghijklmnopqrstu"`)).toEqual([]);
  });
});

describe('line continuations', () => {
  it('finds a token cut by backslash-newline (shell, Python, Makefile)', () => {
    expect(found(`export HF_TOKEN=${a}\\\n${b}\n`)).toEqual([`continued ${TOKEN}`]);
    expect(found(`hf jobs run --token ${a}\\\r\n${b} python:3.12 python x.py`)).toEqual([`continued ${TOKEN}`]);
    expect(found(`x = "${TOKEN.slice(0, 5)}\\\n${TOKEN.slice(5, 9)}\\\n${TOKEN.slice(9)}"`)).toEqual([
      `continued ${TOKEN}`,
    ]);
  });

  it('is a hardcoded-token failure in check, and not called a cut-off token (the shell joins it whole)', () => {
    const text = `#!/bin/sh\nexport HF_TOKEN=${a}\\\n${b}\nhf jobs run python:3.12 python x.py\n`;
    const fails = hardcoded(text, 'run.sh');
    expect(fails).toHaveLength(1);
    expect(fails[0]).toMatchObject({file: 'run.sh', line: 2});
    // token-format read `HF_TOKEN=hf_FAKEq3Rk9` (the first line only) and said it was cut off while copying.
    expect(
      runCheckOnText('token-format', text, 'run.sh').filter((r) => r.status !== 'pass' && r.status !== 'skip'),
    ).toEqual([]);
  });

  it('does not join words the continuation separates with spaces, or ordinary continued commands', () => {
    expect(found(`hf jobs run --token ${a}\\\n    ${b}`)).toEqual([]); // the indent ends the word: two arguments
    expect(found(`pip install hf_transfer \\\n  huggingface_hub \\\n  datasets\n`)).toEqual([]);
    expect(found(`hf jobs uv run --flavor a10g-small\\\ntrain.py`)).toEqual([]);
  });
});

describe('base64', () => {
  const b64 = btoa(TOKEN);
  it('finds a token base64-encoded in a .env, a Kubernetes Secret, a Basic header, base64url, glued to a key', () => {
    expect(found(`HF_TOKEN_B64=${b64}\n`)).toEqual([`base64 ${TOKEN}`]);
    expect(found(`apiVersion: v1\nkind: Secret\ndata:\n  HF_TOKEN: ${b64}\n`)).toEqual([`base64 ${TOKEN}`]);
    expect(found(`Authorization: Basic ${btoa(`alice:${TOKEN}`)}`)).toEqual([`base64 ${TOKEN}`]);
    const url = btoa(`x${TOKEN}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(found(`token=${url}`)).toEqual([`base64 ${TOKEN}`]);
    expect(found(`key:${btoa(ORG)}`)).toEqual([`base64 ${ORG}`]);
  });

  it('is found by findTokenLike (check, config writes) and by revoke/troubleshoot (findLeakedTokens)', () => {
    const text = `# k8s\ndata:\n  HF_TOKEN: ${b64}\n`;
    expect(findTokenLike(text).map((t) => t.token)).toEqual([TOKEN]);
    expect(findLeakedTokens(text)).toEqual([{token: TOKEN, masked: 'hf_…1234', line: 3}]);
    // check's scan looks for token text only where this says so (a base64 token holds no `hf_`).
    expect(mayHoldToken(text)).toBe(true);
  });

  it('does not flag other base64, hashes, or a base64 placeholder', () => {
    for (const text of [
      `data:\n  password: ${btoa('correct horse battery staple and more words here')}\n`,
      `sha512-${btoa('x'.repeat(64))}`,
      `integrity: sha512-aGZfbm90IGEgdG9rZW4gYXQgYWxsIGJ1dCBsb29rcyBsaWtlIG9uZQ==`,
      `HF_TOKEN: ${btoa('hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')}`,
    ])
      expect(
        findHiddenTokens(text, (t) => !/^hf_x+$/.test(t)),
        text,
      ).toEqual([]);
    expect(findTokenLike(`HF_TOKEN: ${btoa('hf_YOUR_TOKEN_HERE_abcdefghijklmnopq')}`)).toEqual([]);
  });
});

describe('base64 wrapped over lines', () => {
  /** `base64`'s own layout: 76 characters a line (or `width`), each line indented by `indent`. */
  const wrap = (encoded: string, width = 76, indent = '') =>
    encoded
      .match(new RegExp(`.{1,${width}}`, 'g'))!
      .map((l) => indent + l)
      .join('\n');
  const env = (token: string, pad: string) => btoa(`${pad}HF_TOKEN=${token}\nWANDB_MODE=offline\nSEED=1\n`);

  it('finds a token whose base64 a wrap cuts, at every cut, in base64 -w N output, PEM width, a YAML block', () => {
    for (let pad = 0; pad < 40; pad++) {
      const encoded = env(TOKEN, 'x'.repeat(pad));
      for (const width of [76, 64, 40])
        expect(found(wrap(encoded, width)), `pad ${pad} width ${width}`).toEqual([`base64 ${TOKEN}`]);
      const yaml = `apiVersion: v1\nkind: Secret\ndata:\n  env: |\n${wrap(encoded, 64, '    ')}\n`;
      expect(found(yaml), `pad ${pad} yaml`).toEqual([`base64 ${TOKEN}`]);
    }
  });

  it('finds it, and only it, when every line has a log prefix (a timestamp, > , # , [stdout]), at every cut', () => {
    // Before session 11 (main at 4968977), with '> ' at 76 columns: 49 of 80 offsets missed, 10 a shorter wrong
    // token; at 40 columns all 80 missed. The prefix was read as base64 (a timestamp's digits and letters), or not skipped.
    const prefixes = ['2026-12-08T00:16:11.123456Z ', '> ', '# ', '[stdout] ', 'job-6650f0c2 | 3 | '];
    const misses: string[] = [];
    for (const prefix of prefixes)
      for (const width of [76, 64, 40])
        for (let pad = 0; pad < 80; pad++) {
          const lines = env(TOKEN, 'x'.repeat(pad)).match(new RegExp(`.{1,${width}}`, 'g'))!;
          const text = [`${prefix}begin`, ...lines.map((l) => prefix + l), `${prefix}end`].join('\n');
          const tokens = findTokenLike(text).map((t) => t.token);
          if (tokens.join() !== TOKEN) misses.push(`${JSON.stringify(prefix)} ${width} ${pad}: ${tokens.join()}`);
        }
    expect(misses.slice(0, 5)).toEqual([]);
    // A header value cut at 40 columns: its first line holds 16 base64 characters after the label.
    const header = `Authorization: Basic ${btoa(`user:${TOKEN}`)}`.match(/.{1,40}/g)!.map((l) => `> ${l}`);
    expect(findTokenLike(['> 401 Unauthorized', ...header].join('\n')).map((t) => t.token)).toEqual([TOKEN]);
  });

  it("says the line where the token's base64 starts (check, revoke)", () => {
    const text = `# the job token's .env\n${wrap(env(TOKEN, 'y'.repeat(110)), 48)}\n`;
    // 'y' x 110 and HF_TOKEN= are 119 bytes: the token's base64 starts at character 158, on the 4th line of 48.
    expect(findLeakedTokens(text)).toEqual([{token: TOKEN, masked: 'hf_…1234', line: 5}]);
    expect(hardcoded(text, 'secret.yaml').length).toBe(1);
    expect(mayHoldToken(text)).toBe(true);
  });

  it('does not join a line that ends in a short word, a space, or base64 that decodes to no token', () => {
    const encoded = env(TOKEN, '');
    const cut = encoded.indexOf('aGZf') + 2; // inside the token's prefix
    // The line before ends in fewer base64 characters than a wrap leaves, or in a space: no wrap.
    expect(found(`key: ${encoded.slice(cut - 10, cut)}\n${encoded.slice(cut)}`)).toEqual([]);
    expect(found(`${encoded.slice(0, cut)} \n${encoded.slice(cut)}`)).toEqual([]);
    expect(found(wrap(btoa('correct horse battery staple, and many more words than a token has'), 40))).toEqual([]);
    expect(found(wrap(btoa(`HF_TOKEN=hf_${'x'.repeat(34)}`), 40)).filter((f) => !f.endsWith('x'.repeat(30)))).toEqual(
      [],
    );
  });
});

describe('percent-encoded', () => {
  const every = (token: string) => [...token].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('');

  it('finds a token with its underscore encoded, every character encoded, or encoded twice, in a URL', () => {
    expect(found(`https://example.com/cb?token=hf%5F${TOKEN.slice(3)}&x=1`)).toEqual([`url-encoded ${TOKEN}`]);
    expect(found(`curl "https://x.test/?t=${every(TOKEN)}"`)).toEqual([`url-encoded ${TOKEN}`]);
    expect(found(`next=%2Fcb%3Ftoken%3Dhf%255F${TOKEN.slice(3)}`)).toEqual([`url-encoded ${TOKEN}`]);
    expect(found(`api_org%5F${ORG.slice(8)}`)).toEqual([]); // api_ is written plain: its own prefix, not this form
    expect(found(`api%5Forg%5F${ORG.slice(8)}`)).toEqual([`url-encoded ${ORG}`]);
  });

  it('finds it cut by a line break anywhere (a URL a mail or an editor wrapped), and tells its line', () => {
    const url = `https://example.com/cb?token=hf%5F${TOKEN.slice(3)}`;
    // Any cut but inside the %5F itself (the sign looked for; a break inside an escape is not).
    const inUnderscore = (text: string, cut: number) =>
      /%5?$/.test(text.slice(0, cut).slice(-2)) && text.slice(cut - 2, cut + 2).includes('%5');
    for (let cut = url.indexOf('hf%') + 1; cut < url.length - 1; cut++) {
      if (inUnderscore(url, cut)) continue;
      const text = `see\n${url.slice(0, cut)}\n  ${url.slice(cut)}&x=1\n`;
      expect(found(text), `cut at ${cut}`).toEqual([`url-encoded ${TOKEN}`]);
      expect(findLeakedTokens(text)[0]?.line).toBe(2);
      expect(mayHoldToken(text)).toBe(true);
    }
    const all = every(TOKEN);
    for (let cut = 1; cut < all.length; cut++)
      if (!inUnderscore(all, cut))
        expect(found(`${all.slice(0, cut)}\n${all.slice(cut)}`), `cut at ${cut}`).toEqual([`url-encoded ${TOKEN}`]);
  });

  it('takes a URL whole at a line end as it is, not joined to the word on the next line', () => {
    const url = `https://example.com/cb?t=hf%5F${TOKEN.slice(3)}`;
    for (const next of ['now', '    now', 'and then'])
      expect(findTokenLike(`see ${url}\n${next}`).map((t) => t.token)).toEqual([TOKEN]);
  });

  it('does not flag an encoded underscore in words, a short value, or a placeholder', () => {
    for (const text of [
      'path=my%5Fmodel%5Fname&rev=main',
      'hf%5Fxet and hf%5Ftransfer',
      `q=hf%5F${'x'.repeat(34)}`,
      'hf%5Fabc\ndef',
      '100%5 Fine',
    ])
      expect(findTokenLike(text), text).toEqual([]);
  });
});

describe('hostile texts', () => {
  it('reads long runs of spaces, quotes, continuations, hints and escapes in one pass (a literal then 100,000 spaces took 27 s)', () => {
    for (const text of [
      `"a"${' '.repeat(100_000)}x`,
      `"${' '.repeat(100_000)}x`,
      '"a" + '.repeat(50_000),
      `hf_a${'\\\n'.repeat(50_000)} `,
      `aGZf${'A'.repeat(500_000)}`,
      // Millions of joins (2 MB, check's cap a file): a repeated pattern group overflowed the stack.
      `hf_${'y\\\n'.repeat(700_000)}`,
      `${'"a"+'.repeat(500_000)}"hf_"`,
      // Hints on every line of a wrapped block, or cut by every break; encoded underscores by the million: each
      // window reads the hints it holds (read one by one: 44 s, 57 s, 9 s).
      `${'aGZf'.repeat(19)}\n`.repeat(100_000),
      `${'B'.repeat(72)}aGZ\nf`.repeat(27_000),
      '%5F'.repeat(1_000_000),
      'hf%5FAAAA\n'.repeat(200_000),
    ])
      expect(findHiddenTokens(text)).toEqual([]);
  }, 20_000);
});

describe('mayHoldToken', () => {
  it('says yes to every form above and no to ordinary text', () => {
    expect(mayHoldToken(`t = "h" + "f_abc"`)).toBe(true);
    expect(mayHoldToken(`x = api_\\\norg_abc`)).toBe(true);
    expect(mayHoldToken(`HF_TOKEN: ${btoa(TOKEN)}`)).toBe(true);
    expect(mayHoldToken('import os\nprint("hello")\n')).toBe(false);
  });
});
