// The property a wrapped token's masking must keep: however the token was written over lines (a terminal's wrap at
// 40/60/80 columns, a log prefix on every line, a JSON string's "\n", a percent-encoded or base64 URL or value cut by a
// wrap), no 8 consecutive characters of its secret part (after hf_ / hf_oauth_ / api_org_) can be read from what is
// printed: on a line as it stands, with the lines joined (their prefixes and breaks left out), or decoded as it was
// encoded. A generator of such texts (random fake tokens, widths, offsets, prefixes, encodings) and the check.
import type {Rng} from './fuzz.js';

export interface WrapCase {
  /** What kind of wrap (for counting): `terminal 80`, `log prefix`, `json \n`, `percent 40`, `base64 prefix`... */
  kind: string;
  text: string;
  token: string;
  /** The token's secret part (its body). */
  secret: string;
  /** What each line starts with that is not the text's own (a log prefix): left out when the lines are joined. */
  linePrefix?: RegExp;
}

const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const WORDS = ['the', 'job', 'token', 'Uploading', 'shard', 'to', 'repo', 'with', 'INFO', 'done', 'step', 'loss=0.31'];

/** A fake token of the Hub's shape (34 after the prefix, starting FAKE). */
export function wrapToken(r: Rng): {token: string; secret: string} {
  let secret = 'FAKE';
  while (secret.length < 34) secret += ALNUM[int(r, 0, ALNUM.length - 1)];
  const prefix = pick(r, ['hf_', 'hf_', 'hf_', 'hf_oauth_', 'api_org_']);
  return {token: prefix + secret, secret};
}

function words(r: Rng, chars: number): string {
  let out = '';
  while (out.length < chars) out += (out ? ' ' : '') + pick(r, WORDS);
  return out.slice(0, chars);
}

/** A line cut every `width` characters, as a terminal wraps it (no word wrap). */
function hardWrap(line: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < line.length; i += width) out.push(line.slice(i, i + width));
  return out;
}

/** Log prefixes: each a maker (line number in) and the pattern that strips it at a line's start. */
const PREFIXES: {make: (i: number) => string; strip: RegExp}[] = [
  {
    make: (i) => `2026-12-08T00:16:${String(10 + i).padStart(2, '0')}.${String(123456 + 7 * i)}Z `,
    strip: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z /gm,
  },
  {
    make: (i) => `2026-12-08 00:16:${String(10 + i).padStart(2, '0')},${100 + i} INFO `,
    strip: /^[\d-]+ [\d:]+,\d+ INFO /gm,
  },
  {make: () => '> ', strip: /^> /gm},
  {make: () => '# ', strip: /^# /gm},
  {make: () => '[stdout] ', strip: /^\[stdout\] /gm},
  {make: (i) => `job-6650f0c2 | ${i} | `, strip: /^job-6650f0c2 \| \d+ \| /gm},
];

function percentAll(text: string): string {
  return [...text].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** One case of each kind for a random token, width and offset. */
export function wrapCases(r: Rng): WrapCase[] {
  const {token, secret} = wrapToken(r);
  const cases: WrapCase[] = [];
  const before = words(r, int(r, 0, 40));
  const after = ` ${words(r, int(r, 0, 30))}`;
  for (const width of [40, 60, 80]) {
    const line = `${words(r, int(r, 0, width))}${int(r, 0, 1) ? ' ' : '='}${token}${after}`;
    cases.push({
      kind: `terminal ${width}`,
      text: `${before}\n${hardWrap(line, width).join('\n')}\n${before}`,
      token,
      secret,
    });
  }
  const width = pick(r, [40, 60, 80]);
  const line = `${words(r, int(r, 0, width))} HF_TOKEN=${token}${after}`;
  const p = pick(r, PREFIXES);
  const lines = hardWrap(line, width);
  cases.push({
    kind: 'log prefix',
    text: [before, ...lines, before].map((l, i) => p.make(i) + l).join('\n'),
    token,
    secret,
    linePrefix: p.strip,
  });
  cases.push({kind: 'json \\n', text: `{"log": "${lines.join('\\n')}", "stream": "stdout"}`, token, secret});
  const all = int(r, 0, 1) === 1;
  const url = `curl https://huggingface.co/api/whoami-v2?access_token=${all ? percentAll(token) : token.replace(/_/g, '%5F')}&x=1`;
  const urlWidth = pick(r, [40, 60, 80]);
  cases.push({kind: `percent ${urlWidth}`, text: `${before}\n${hardWrap(url, urlWidth).join('\n')}\n`, token, secret});
  const encoded = Buffer.from(pick(r, [`user:${token}`, `HF_TOKEN=${token}\n`, `{"token": "${token}"}`])).toString(
    'base64',
  );
  const q = pick(r, PREFIXES);
  const b64 = hardWrap(`data: ${encoded}`, pick(r, [40, 60, 76]));
  cases.push({
    kind: 'base64 prefix',
    text: [before, ...b64].map((l, i) => q.make(i) + l).join('\n'),
    token,
    secret,
    linePrefix: q.strip,
  });
  return cases;
}

/** Each run of base64 characters decoded at its 4 starting points, as Latin-1. */
function base64Readings(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/[A-Za-z0-9+/_-]{8,}/g) ?? []) {
    const std = run.replace(/-/g, '+').replace(/_/g, '/');
    for (let skip = 0; skip < 4; skip++) {
      let body = std.slice(skip);
      body = body.slice(0, body.length - (body.length % 4));
      try {
        out.push(atob(body));
      } catch {
        // not base64 there
      }
    }
  }
  return out;
}

function percentDecoded(text: string): string {
  let out = text;
  for (let i = 0; i < 3; i++)
    out = out.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return out;
}

/**
 * The 8-character pieces of the case's secret that can be read from `output`: on a line as printed, with the lines
 * joined (breaks, JSON's "\n" and the case's line prefixes left out), percent-decoded, or base64-decoded.
 */
export function survivors(output: string, c: WrapCase): string[] {
  const stripped = c.linePrefix ? output.replace(c.linePrefix, '') : output;
  const joined = stripped.replace(/\r?\n|\\r\\n|\\n/g, '');
  const forms = [output, joined, percentDecoded(joined), ...base64Readings(joined)];
  const found: string[] = [];
  for (let i = 0; i + 8 <= c.secret.length; i++) {
    const piece = c.secret.slice(i, i + 8);
    if (forms.some((f) => f.includes(piece))) found.push(piece);
  }
  return found;
}
