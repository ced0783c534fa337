// Property tests over everything that turns outside text into output: masking, sanitising, token normalisation,
// the stored_tokens INI reader, the hf-job.json parser, JSON error sentences, troubleshoot and check.
// A small seeded generator of our own (mulberry32), not fast-check: no dependency, the same inputs on every machine
// for a seed, and fragments aimed at this app (token shapes glued to text and escape codes, OSC 52/8, bidi and
// zero-width characters, INI and JSON punctuation, error-text and job-script phrases). Used by `npm run fuzz`
// (scripts/fuzz.ts, >=10,000 inputs a target) and by test/security/fuzz.test.ts (a few hundred in npm test).
import {checkText} from '../../src/core/checks/index.js';
import {parseJobConfig} from '../../src/core/jobspec/index.js';
import {IniParseError, parseIni, safeSectionName, serializeIni, type IniSection} from '../../src/core/store/ini.js';
import {explainJsonError} from '../../src/core/text/json-error.js';
import {sanitizeLine, sanitizeTerminal} from '../../src/core/text/sanitize.js';
import {findTokenLike, normalizeTokenInput, validateTokenFormat} from '../../src/core/tokens/format.js';
import {maskSecrets, redactSecrets} from '../../src/core/tokens/mask.js';
import {createSplitMasker} from '../../src/core/tokens/split.js';
import {classifyText} from '../../src/core/troubleshoot/classify.js';
import {parseJobRef} from '../../src/core/jobs/ref.js';
import {dropNonKeySequences, KeyInputFilter} from '../../src/core/text/key-input.js';
import {EventEmitter} from 'node:events';
import {createLineReader} from '../../src/plain/line-reader.js';
import {survivors, wrapCases} from './wrap-leak.js';

export type Rng = () => number;

/** mulberry32: a tiny seeded PRNG (32-bit state), good enough to spread inputs, identical everywhere. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An obviously fake token of a real shape: hf_ / hf_oauth_ / api_org_ then FAKE and 16-36 letters or digits. */
export function fakeToken(r: Rng): string {
  let body = 'FAKE';
  for (let i = int(r, 12, 32); i > 0; i--) body += ALNUM[int(r, 0, ALNUM.length - 1)];
  return pick(r, ['hf_', 'hf_', 'hf_oauth_', 'api_org_']) + body;
}

/** A secret the app registered (any shape: a sandbox key, a refresh token). */
function fakeSecret(r: Rng): string {
  let s = pick(r, ['s3cr3t-', 'rt_', 'key.', '']);
  for (let i = int(r, 10, 24); i > 0; i--) s += ALNUM[int(r, 0, ALNUM.length - 1)];
  return s;
}

/** Terminal control an attacker would plant: clipboard, hyperlinks, titles, screen clears, device queries... */
export const HOSTILE = [
  '\x1b]52;c;aGVsbG8=\x07', // OSC 52: write the clipboard
  '\x1b]52;c;aGVsbG8=\x1b\\',
  '\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\', // OSC 8 hyperlink
  '\x1b]0;pwned\x07', // window title
  '\x1b]2;pwned\x1b\\',
  '\x1b[2J\x1b[H', // clear screen, home
  '\x1b[3J',
  '\x1b[1A\x1b[2K', // up, erase line
  '\x1b[?1049h', // alternate screen
  '\x1b[6n', // device status report: the terminal types an answer into stdin
  '\x1b[21t', // report window title
  '\x1bP+q544e\x1b\\', // DCS
  '\x1b_apc\x1b\\',
  '\x1b^pm\x1b\\',
  '\x9b2J', // 8-bit CSI
  '\x9d0;title\x9c', // 8-bit OSC
  '\x1bc', // full reset
  '\x1b[31m',
  '\x1b[0m',
  '\x1b[38;2;255;0;0m',
  '\x07',
  '\x08\x08\x08',
  '\r',
  '\x00',
  '\x7f',
  '\x85',
  '\u202e', // right-to-left override
  '\u2066',
  '\u2069',
  '\u200b', // zero-width space
  '\u200d',
  '\ufeff',
  '\u2028',
  '\u00ad',
];

const PROSE = [
  'error',
  ' ',
  ' ',
  '\n',
  '\n',
  '\t',
  'token',
  'HF_TOKEN',
  '=',
  ': ',
  '"',
  "'",
  '`',
  '\\',
  '/',
  '-',
  '_',
  '…',
  '...',
  'é',
  '日本',
  '😀',
  '\ud800',
  '\udc00',
];
const INI = [
  '[',
  ']',
  '[section]',
  '\n[oauth-alice]\n',
  'hf_token = ',
  ' = ',
  ':',
  'refresh_token = rt',
  '\n  continued',
  '\n\tcontinued',
  '#c\n',
  ';c\n',
  'DEFAULT',
  '[DEFAULT]\n',
  '\r\n',
];
const JSON_BITS = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ',',
  ':',
  'null',
  'true',
  'NaN',
  '"script": "train.py"',
  '"flavor": "cpu-basic"',
  '"secrets": {"HF_TOKEN": "$HF_TOKEN"}',
  '"env": {',
  '"timeout": "2h"',
  '"image": "python:3.12"',
  '\\u00',
  '\\n',
  '01',
  '1e',
  '-',
  '//',
  '/*',
];
const ERRORS = [
  '401 Unauthorized',
  'Invalid credentials in Authorization header',
  'Repository Not Found for url: https://huggingface.co/api/models/x',
  "Job 6789 finished with stage 'ERROR'",
  '{"stage": "ERROR"}',
  'Traceback (most recent call last):\n  File "train.py", line 3',
  'huggingface_hub.errors.HfHubHTTPError: 403 Forbidden',
  'token=',
  'Authorization: Bearer ',
  'CUDA out of memory',
  "ModuleNotFoundError: No module named 'torch'",
  'GatedRepoError',
];
const SCRIPTS = [
  'hf jobs run python:3.12 python -c "print(1)"',
  ' --secrets HF_TOKEN',
  ' -s HF_TOKEN=',
  ' -e HF_TOKEN=',
  'hf jobs uv run train.py',
  'run_job(image="python:3.12", command=["python", "x.py"], secrets={"HF_TOKEN": ',
  'os.environ["HF_TOKEN"]',
  'HF_TOKEN=',
  'export HF_TOKEN=',
  '```bash\n',
  '```python\n',
  '```\n',
  '!hf jobs run ',
  'login(token=',
  '{"cells": [{"cell_type": "code", "source": ["',
  '"]}]}',
  ' --flavor a10g-large',
  ' --timeout 2h',
  'cmd = ["hf", "jobs", "uv", "run", ',
  '    cmd += ["--secrets", ',
];
const FILES = ['hf-job.json', 'train.py', 'run.sh', 'README.md', '.env', 'job.ipynb', 'notes.txt', 'launch.yaml'];

export interface FuzzInput {
  text: string;
  /** Tokens planted in the text: none may come out whole. */
  tokens: string[];
  /** Tokens planted written another way (URL-encoded, JSON-escaped, fullwidth, base64...): none may come out as written. */
  encoded?: string[];
  /** A registered secret of any shape, planted too. */
  secret: string;
  file: string;
}

/**
 * One input: 1-40 fragments from every family, with 0-2 tokens glued to text, quotes and escape codes. One input in
 * three is then poured into a valid shape (an hf-job.json object, a stored_tokens file, a job log), so the parsers get
 * past their first line and their messages about keys, values and names are exercised too.
 */
export function generate(r: Rng): FuzzInput {
  const input = soup(r);
  const roll = r();
  if (roll < 0.15) {
    // Valid JSON: the soup's pieces become keys and values.
    const parts = input.text.match(/[\s\S]{1,24}/g) ?? [''];
    const at = (i: number) => parts[i % parts.length] as string;
    const config: Record<string, unknown> = {
      script: at(0),
      [at(1)]: at(2),
      env: {[at(3)]: at(4), HF_TOKEN: at(5)},
      secrets: {[at(6)]: at(7)},
      timeout: pick(r, [at(8), 3600, -1, 1e309]),
      flavor: at(9),
      script_args: [at(10), at(11)],
    };
    input.text = JSON.stringify(config, null, pick(r, [0, 2]));
    input.file = 'hf-job.json';
  } else if (roll < 0.25) {
    input.text = `[${input.text.replace(/\n/g, ' ').slice(0, 60)}]\nhf_token = ${input.tokens[0] ?? 'x'}\n\n[other]\nhf_token = ${input.text.slice(0, 40).replace(/\n/g, ' ')}\n`;
  } else if (roll < 0.33) {
    input.text = `===== Job started =====\n${input.text}\nTraceback (most recent call last):\n  File "train.py", line 7\nhuggingface_hub.errors.HfHubHTTPError: 401 Client Error\nJob 6789 finished with stage 'ERROR'\n`;
  }
  return input;
}

/** A token written another way: each form was shown whole before mask.ts decoded it. */
function encodeToken(r: Rng, t: string): string {
  const hex = (c: string) => c.charCodeAt(0).toString(16).padStart(2, '0');
  const at = int(r, 4, t.length - 4);
  switch (int(r, 0, 8)) {
    case 0:
      return t.replace('_', pick(r, ['%5F', '%5f', '%255F']));
    case 1:
      return [...t].map((c) => `%${hex(c)}`).join('');
    case 2:
      return t.replace('_', pick(r, ['\\u005f', '\\u005F', '\\x5f', '&#95;', '&#x5f;']));
    case 3:
      return [...t].map((c) => `\\u00${hex(c)}`).join('');
    case 4:
      return [...t].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    case 5:
      return t.slice(0, at) + pick(r, ['\u200b', '\u00ad', '\u2060', '\ufeff', '\u200d']) + t.slice(at);
    case 8:
      return [...(pick(r, ['', 'x']) + t)].map(hex).join('');
    default:
      return btoa(pick(r, ['', 'x', 'xy', 'user:']) + t).replace(/=+$/, pick(r, ['', '$&']));
  }
}

function soup(r: Rng): FuzzInput {
  const tokens: string[] = [];
  const encoded: string[] = [];
  const secret = fakeSecret(r);
  let text = '';
  const families = [PROSE, HOSTILE, INI, JSON_BITS, ERRORS, SCRIPTS];
  for (let n = int(r, 1, 40); n > 0; n--) {
    const roll = r();
    if (roll < 0.08 && tokens.length < 2) {
      const t = fakeToken(r);
      tokens.push(t);
      text +=
        pick(r, ['', '', 'TOKEN_', 'x', '\x1b[1m', '"', '=', 'Bearer ', '\u200b', '\x1b]52;c;']) +
        t +
        pick(r, ['', '', '\x1b[0m', '"', '\n', '.', '\u202e']);
    } else if (roll < 0.1 && !encoded.length) {
      const e = encodeToken(r, fakeToken(r));
      encoded.push(e);
      text += pick(r, ['', 'x', '=', 'Basic ', '\u200b', '"']) + e + pick(r, ['', '&', '"', '\n']);
    } else if (roll < 0.12) text += pick(r, ['', 'password=', '"']) + secret;
    else if (roll < 0.14) text += String.fromCodePoint(int(r, 0, 0x2ffff) & ~(r() < 0.5 ? 0 : 0xff00));
    else text += pick(r, pick(r, families));
  }
  return {text, tokens, secret, file: pick(r, FILES), encoded};
}

// C0 controls except \t and \n, DEL, C1, and the bidi / invisible characters a terminal would act on or hide.
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

export interface Violation {
  target: string;
  property: string;
  input: FuzzInput;
  detail?: string;
}

export interface Target {
  name: string;
  /** Runs the code under test on one input and returns what broke (empty: every property held). */
  check(input: FuzzInput): string[];
}

function leaked(out: string, input: FuzzInput, withSecret = false): string[] {
  const found = input.tokens.filter((t) => out.includes(t)).map((t) => `token ${t.slice(0, 12)}… whole in the output`);
  for (const e of input.encoded ?? [])
    if (out.includes(e)) found.push(`encoded token ${e.slice(0, 16)}… as written in the output`);
  if (withSecret && out.includes(input.secret)) found.push('registered secret whole in the output');
  return found;
}

function controls(out: string, what: string): string[] {
  const m = RAW_CONTROL.exec(out);
  return m ? [`${what} holds raw U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0')}`] : [];
}

function sameSections(a: IniSection[], b: IniSection[]): boolean {
  return (
    JSON.stringify(a.map((s) => [s.name, [...s.values]])) === JSON.stringify(b.map((s) => [s.name, [...s.values]]))
  );
}

/**
 * What plain mode's line reader echoes of `text` on a terminal: typed (one character a read) or pasted (reads cut at
 * places the text decides, some inside a token), then Enter.
 */
function plainEcho(text: string, how: 'typed' | 'pasted'): string {
  const stdin = Object.assign(new EventEmitter(), {
    isTTY: true,
    setRawMode: () => undefined,
    setEncoding: () => undefined,
    resume: () => undefined,
    pause: () => undefined,
  });
  let out = '';
  const stdout = {write: (s: string) => ((out += s), true)};
  const reader = createLineReader({stdin: stdin as never, stdout: stdout as never}, () => {});
  if (how === 'typed') for (const ch of text) stdin.emit('data', ch);
  else
    for (let at = 0, step = 1 + (text.length % 37); at < text.length; at += step, step = 1 + ((step * 7 + at) % 61))
      stdin.emit('data', text.slice(at, at + step));
  stdin.emit('data', '\r');
  reader.close();
  return out;
}

// eslint-disable-next-line no-control-regex
const UNSHOWN_CHARS = /[\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\u00ad]/g;

/** A job's log text cut into entries: inside each planted token and the secret, and every 29 to 41 characters. */
function logPieces(input: FuzzInput): string[] {
  const text = input.text;
  const cuts = new Set<number>();
  for (const t of [...input.tokens, input.secret]) {
    const at = text.indexOf(t);
    if (at >= 0) cuts.add(at + 1 + (text.length % (t.length - 1)));
  }
  for (let at = 1 + (text.length % 29); at < text.length; at += 29 + (at % 13)) cuts.add(at);
  const pieces: string[] = [];
  let from = 0;
  for (const at of [...cuts].sort((a, b) => a - b)) {
    pieces.push(text.slice(from, at));
    from = at;
  }
  pieces.push(text.slice(from));
  return pieces;
}

export const TARGETS: Target[] = [
  {
    name: 'maskSecrets',
    check(input) {
      const out = maskSecrets(input.text, [input.secret]);
      return [...leaked(out, input, true), ...(maskSecrets(out, [input.secret]) === out ? [] : ['not idempotent'])];
    },
  },
  {
    name: 'redactSecrets',
    check(input) {
      const out = redactSecrets(input.text, [input.secret]);
      return [
        ...leaked(out, input, true),
        ...controls(out, 'output'),
        ...(redactSecrets(out, [input.secret]) === out ? [] : ['not idempotent']),
      ];
    },
  },
  {
    name: 'sanitizeTerminal',
    check(input) {
      const out = sanitizeTerminal(input.text);
      const line = sanitizeLine(input.text);
      return [
        ...controls(out, 'output'),
        ...(sanitizeTerminal(out) === out ? [] : ['not idempotent']),
        ...(line.includes('\n') ? ['sanitizeLine kept a line break'] : []),
      ];
    },
  },
  {
    name: 'token format',
    check(input) {
      const problems: string[] = [];
      for (const raw of [
        input.text,
        ...input.tokens.map((t) => `  ${pick(rng(t.length), ['export HF_TOKEN=', 'Bearer ', '"', ''])}${t}\r\n`),
      ]) {
        const normal = normalizeTokenInput(raw);
        const result = validateTokenFormat(normal);
        if (!result.ok) problems.push(...leaked(result.reason, input), ...controls(result.reason, 'reason'));
      }
      return problems;
    },
  },
  {
    name: 'stored_tokens INI',
    check(input) {
      const problems: string[] = [];
      let sections: IniSection[] | undefined;
      try {
        sections = parseIni(input.text);
      } catch (error) {
        if (!(error instanceof IniParseError)) problems.push(`threw ${(error as Error).name}`);
        else if (!Number.isInteger(error.line) || error.line < 1) problems.push('error without a line');
      }
      if (sections) {
        try {
          if (!sameSections(parseIni(serializeIni(sections)), sections))
            problems.push('read -> write -> read changed the sections');
        } catch (error) {
          problems.push(`what we wrote does not read back: ${(error as Error).message}`);
        }
      }
      // A name a server sent: safe, idempotent, exactly one section holding only our token.
      const name = safeSectionName(input.text);
      if (safeSectionName(name) !== name) problems.push('safeSectionName not idempotent');
      problems.push(...controls(name, 'section name'));
      try {
        const back = parseIni(
          serializeIni([{name, values: new Map([['hf_token', 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfakeAA']])}]),
        );
        if (back.length !== 1 || back[0]?.name !== name || [...(back[0]?.values.keys() ?? [])].join() !== 'hf_token')
          problems.push(`section name ${JSON.stringify(name)} does not read back as one section`);
      } catch (error) {
        problems.push(`section name ${JSON.stringify(name)} breaks the file: ${(error as Error).message}`);
      }
      return problems;
    },
  },
  {
    name: 'hf-job.json parser',
    check(input) {
      const r = parseJobConfig(input.text);
      const issues = [...(r.ok ? [] : r.errors), ...r.warnings];
      const problems: string[] = [];
      for (const issue of issues) {
        if (!Number.isInteger(issue.line) || issue.line < 1) problems.push(`issue without a line: ${issue.message}`);
        problems.push(...leaked(issue.message, input), ...controls(issue.message, 'message'));
      }
      try {
        JSON.parse(input.text);
      } catch (error) {
        const p = explainJsonError(input.text, error, 'hf-job.json');
        problems.push(...leaked(p.message, input), ...controls(p.message, 'JSON error sentence'));
        if (/position \d+|Unexpected token/.test(p.message))
          problems.push('raw engine message in the JSON error sentence');
      }
      return problems;
    },
  },
  {
    name: 'troubleshoot',
    check(input) {
      const c = classifyText(input.text);
      const shown = [c.title, ...c.evidence, ...c.causes, ...c.solutions, ...c.checks].join('\n');
      return [...leaked(shown, input), ...controls(shown, 'answer')];
    },
  },
  {
    name: 'check',
    check(input) {
      const report = checkText(input.text, input.file);
      const shown = report.checks.map((c) => `${c.title}\n${c.message}\n${c.fix}`).join('\n');
      return [...leaked(shown, input), ...controls(shown, 'report')];
    },
  },
  {
    // A job's log stream cut anywhere (inside every token among them) into entries, through the split masker and
    // redactSecrets as followJob shows it: the lines shown, even read one after another, never spell a token.
    name: 'split log stream',
    check(input) {
      const pieces = logPieces(input);
      const lines: string[] = [];
      const masker = createSplitMasker({
        onLine: (l) => lines.push(redactSecrets(l, [input.secret])),
        secrets: [input.secret],
        holdMs: 0,
      });
      for (const p of pieces) masker.push(p);
      masker.flush();
      const shown = lines.join('\n');
      // Read one after another (no break between lines), a token or the secret as written must not be there; a token
      // written another way (URL-encoded, base64) and cut in two is not looked for across the cut.
      const plain = {...input, encoded: []};
      return [...leaked(shown, input, true), ...leaked(lines.join(''), plain, true), ...controls(shown, 'log')];
    },
  },
  {
    // The same stream with each entry released before the next comes (each waits longer than the masker holds a line,
    // or the stream drops): no 6 characters of a token's body are shown, but in the mask's last 4.
    name: 'split log stream, released',
    check(input) {
      const lines: string[] = [];
      const masker = createSplitMasker({
        onLine: (l) => lines.push(redactSecrets(l, [input.secret])),
        secrets: [input.secret],
        holdMs: 0,
      });
      for (const p of logPieces(input)) {
        masker.push(p);
        masker.flush();
      }
      const shown = lines.join('');
      const problems: string[] = [];
      // The tokens written whole in the text (the generator's layout cuts some: those are no token to begin with).
      for (const token of input.tokens.filter((t) => input.text.includes(t))) {
        const body = token.replace(/^(?:hf_(?:oauth_)?|api_org_)/, '');
        const written = input.text.split(token).length - 1;
        for (let i = 0; i + 6 <= body.length - 4; i++)
          // Not when the text holds those characters elsewhere too (a cut-off copy of the token is no token).
          if (shown.includes(body.slice(i, i + 6)) && input.text.split(body.slice(i, i + 6)).length - 1 === written) {
            problems.push(`token ${token.slice(0, 8)}…: ${body.slice(i, i + 6)} of its body shown`);
            break;
          }
      }
      return [...problems, ...leaked(lines.join('\n'), input, true)];
    },
  },
  {
    // A token written encoded among the text: base64 of a .env wrapped at 40-79 columns (indented or not, as `base64`,
    // PEM or a YAML block write it), percent-encoded and cut by a line break anywhere. check and revoke must find it
    // (findTokenLike, core/tokens/hidden.ts), wherever the wrap or the cut falls.
    name: 'wrapped encoded token',
    check(input) {
      // A planted token made the Hub's length (34 after the prefix): where a break cuts a URL, only that length
      // tells where the token ends (a 36-long one cut after 34 reads as a token on its line).
      const planted = input.tokens.find((t) => /^(?:hf_(?:oauth_)?|api_org_)[A-Za-z0-9]{16,}$/.test(t));
      if (!planted) return [];
      const prefix = /^(?:hf_(?:oauth_)?|api_org_)/.exec(planted)![0];
      const body = planted.slice(prefix.length);
      const token = prefix + body.repeat(3).slice(0, 34);
      const n = input.text.length;
      const pad = input.text.slice(0, n % 50);
      const width = 40 + (n % 40);
      const indent = n % 3 === 0 ? '    ' : n % 3 === 1 ? '\t' : '';
      const encoded = Buffer.from(`${pad}HF_TOKEN=${token}\nSEED=${n}\n`, 'utf8').toString('base64');
      const wrapped = encoded.match(new RegExp(`.{1,${width}}`, 'g'))!.map((l) => indent + l);
      const url = `https://example.com/cb?t=${[...token].map((c) => (c === '_' || n % 2 ? `%${c.charCodeAt(0).toString(16).toUpperCase()}` : c)).join('')}`;
      const cut = url.indexOf('?t=') + 4 + (n % (url.length - url.indexOf('?t=') - 4));
      // Not inside the encoded underscore itself (the sign looked for; a break there is not joined).
      const at = /%5?$/.test(url.slice(0, cut)) && url.slice(cut - 2, cut + 2).includes('%5') ? cut + 2 : cut;
      const problems: string[] = [];
      for (const [how, text] of [
        ['base64', `${input.text}\ndata:\n${wrapped.join('\n')}\n${input.text}`],
        ['percent', `${input.text}\nsee ${url.slice(0, at)}\n${indent}${url.slice(at)} now\n${input.text}`],
      ] as const)
        if (!findTokenLike(text).some((t) => t.token === token))
          problems.push(`${how}: ${token.slice(0, 8)}… not found`);
      return problems;
    },
  },
  {
    // A token a wrap cut over lines (a terminal's width, a log prefix on each line, a JSON "\n", a wrapped URL or
    // base64 value: test/helpers/wrap-leak.ts), after the generated text: no 8 characters of its secret part readable.
    name: 'wrapped token masked',
    check(input) {
      let seed = input.text.length;
      for (let i = 0; i < input.text.length; i += 7) seed = (seed * 31 + input.text.charCodeAt(i)) >>> 0;
      const problems: string[] = [];
      for (const c of wrapCases(rng(seed))) {
        const text = `${input.text}\n${c.text}`;
        for (const [how, out] of [
          ['maskSecrets', maskSecrets(text)],
          ['redactSecrets', redactSecrets(text)],
        ] as const)
          if (survivors(out, {...c, text}).length) problems.push(`${how} ${c.kind}: ${c.token.slice(0, 7)}… readable`);
      }
      return problems;
    },
  },
  {
    // `troubleshoot --job REF`: an accepted ref is one or two plain URL path segments; a refused one is told as text.
    name: 'job ref',
    check(input) {
      const ref = parseJobRef(input.text.slice(0, 300));
      if (!ref.ok) return [...controls(ref.message, 'message')];
      const parts = [ref.id, ...(ref.namespace !== undefined ? [ref.namespace] : [])];
      return parts.some((p) => !p || p === '.' || p === '..' || /[/?#%\s\\]/.test(p) || RAW_CONTROL.test(p))
        ? [`accepted ${JSON.stringify(parts)}`]
        : [];
    },
  },
  {
    // Plain mode's echo of what is typed or pasted (newcomer review, session 9): no token whole in what is written to
    // the terminal, as planted, encoded, or with the invisible characters of an encoded one left out; no raw control.
    name: 'plain echo',
    check(input) {
      const problems: string[] = [];
      for (const how of ['typed', 'pasted'] as const) {
        const out = plainEcho(input.text, how);
        const seen = {...input, encoded: (input.encoded ?? []).map((e) => e.replace(UNSHOWN_CHARS, ''))};
        problems.push(
          ...leaked(out, input).map((p) => `${how}: ${p}`),
          ...leaked(out, seen).map((p) => `${how}: ${p} (invisible characters left out)`),
          ...controls(out.replaceAll('\b \b', ''), `${how} echo`),
        );
      }
      return problems;
    },
  },
  {
    // Keyboard input in two reads split anywhere: nothing reaches Ink that it would join into a non-key sequence.
    name: 'key input',
    check(input) {
      const at = input.text.length ? input.text.length % 97 : 0;
      const f = new KeyInputFilter();
      const joined = f.push(input.text.slice(0, at), 0) + f.push(input.text.slice(at), 1);
      return dropNonKeySequences(joined) === joined ? [] : ['a non-key sequence got through'];
    },
  },
];

export interface FuzzRun {
  target: string;
  inputs: number;
  violations: Violation[];
  /** Inputs that threw (a crash is a violation too). */
  crashes: number;
  maxMs: number;
  totalMs: number;
}

/** Runs `n` generated inputs through one target; an input slower than `slowMs` counts as a hang. */
export function fuzzTarget(target: Target, n: number, seed: number, slowMs = 2000): FuzzRun {
  const r = rng(seed);
  const run: FuzzRun = {target: target.name, inputs: 0, violations: [], crashes: 0, maxMs: 0, totalMs: 0};
  for (let i = 0; i < n; i++) {
    const input = generate(r);
    const t0 = performance.now();
    let problems: string[];
    try {
      problems = target.check(input);
    } catch (error) {
      run.crashes++;
      problems = [`threw: ${(error as Error)?.stack?.split('\n').slice(0, 2).join(' ') ?? String(error)}`];
    }
    const ms = performance.now() - t0;
    run.inputs++;
    run.totalMs += ms;
    run.maxMs = Math.max(run.maxMs, ms);
    if (ms > slowMs) problems.push(`took ${Math.round(ms)} ms`);
    for (const p of problems) run.violations.push({target: target.name, property: p, input});
  }
  return run;
}
