// The command that runs a failed job again (troubleshoot --job's "Run the job again"): built from the Hub's job JSON.
import {describe, expect, it} from 'vitest';
import {dotenvAssignment} from '../../../src/core/jobspec/dotenv.js';
import {jobAsSubmitted, rerunCommand} from '../../../src/core/troubleshoot/rerun.js';
import {shellSplit} from '../../../src/core/jobspec/shell.js';

const TOKEN = 'hf_FAKEabcdefghijklmnopqrstuvwxyz1234';

const job = (extra: Record<string, unknown> = {}) =>
  jobAsSubmitted('acme-org', {
    dockerImage: 'python:3.12',
    command: ['python3', '-c', "print('hi')"],
    arguments: ['--n', '2'],
    flavor: 'a10g-small',
    timeoutSeconds: 7200,
    environment: {MODE: 'x y'},
    secrets: ['OPENAI_KEY'],
    ...extra,
  })!;

describe('rerunCommand', () => {
  it("gives the job's image, command, arguments, flavor, timeout, env, secret names and namespace, as words a shell splits back", () => {
    const r = rerunCommand(job(), {user: 'alice'})!;
    expect(r.command).toBe(
      "hf jobs run --flavor a10g-small --timeout 2h -e 'MODE=x y' --secrets OPENAI_KEY --namespace acme-org -- python:3.12 python3 -c 'print('\\''hi'\\'')' --n 2",
    );
    expect(shellSplit(r.command).slice(-6)).toEqual(['python:3.12', 'python3', '-c', "print('hi')", '--n', '2']);
    // The job's secret is taken from the environment of whoever runs the command: the label says so.
    expect(r.change).toBe('with OPENAI_KEY from your environment as secrets (export it first)');
    expect(rerunCommand(job({secrets: []}), {user: 'alice'})!.change).toBeUndefined();
  });

  it("the user's own job has no --namespace; another Hub is named by HF_ENDPOINT, the sandbox's login by HF_HOME", () => {
    const own = jobAsSubmitted('alice', {dockerImage: 'python:3.12', command: ['true']})!;
    expect(rerunCommand(own, {user: 'alice'})!.command).toBe('hf jobs run -- python:3.12 true');
    expect(rerunCommand(own, {user: 'alice', endpoint: 'http://127.0.0.1:5000/', hfHome: '/tmp/a b'})!.command).toBe(
      "HF_ENDPOINT=http://127.0.0.1:5000 HF_HOME='/tmp/a b' hf jobs run -- python:3.12 true",
    );
  });

  it('a token the job did not get is passed as a secret when that is the diagnosed cause', () => {
    const r = rerunCommand(job({secrets: []}), {user: 'alice', cause: 'no-token-in-job'})!;
    expect(r.command).toContain('--secrets HF_TOKEN');
    expect(r.change).toBe('with HF_TOKEN passed as a secret');
    expect(rerunCommand(job({secrets: ['HF_TOKEN']}), {cause: 'no-token-in-job'})!.change).toBeUndefined();
  });

  it('a job that hit its timeout is run again with twice the timeout (the default 30 minutes when unknown)', () => {
    const r = rerunCommand(job({timeoutSeconds: 2, secrets: []}), {user: 'acme-org', problem: 'job-timeout'})!;
    expect(r.command).toContain('--timeout 4s');
    expect(r.change).toBe('with a timeout twice as long (4s; set what the work needs)');
    const unknown = rerunCommand(job({timeoutSeconds: undefined}), {user: 'acme-org', problem: 'job-timeout'})!;
    expect(unknown.command).toContain('--timeout 1h');
    expect(rerunCommand(job({timeoutSeconds: 5400}), {user: 'acme-org'})!.command).toContain('--timeout 90m');
  });

  it("a namespace that could not pay is not tried again when the user's own can: the job runs there", () => {
    const r = rerunCommand(job({secrets: []}), {user: 'alice', userCanPay: true, problem: 'payment-required'})!;
    expect(r.command).not.toContain('--namespace');
    expect(r.change).toBe('under your own namespace alice, which can pay (acme-org could not)');
    // The user cannot pay either (or it is the user's own 402): the same namespace, once it has credits.
    expect(rerunCommand(job(), {user: 'alice', problem: 'payment-required'})!.command).toContain(
      '--namespace acme-org',
    );
  });

  it("an API key or password in the job's env is not printed: it is passed as a secret, to export first", () => {
    const r = rerunCommand(job({environment: {MODE: 'x', OPENAI_API_KEY: 'sk-FAKE123', DB_PASSWORD: 'p'}}), {
      user: 'acme-org',
    })!;
    expect(r.command).not.toContain('sk-FAKE123');
    expect(r.command).toContain('-e MODE=x --secrets OPENAI_KEY --secrets OPENAI_API_KEY --secrets DB_PASSWORD');
    expect(r.change).toBe(
      'with OPENAI_KEY, OPENAI_API_KEY, DB_PASSWORD from your environment as secrets (export them first)',
    );
  });

  it('never prints a token: one in HF_TOKEN of the env becomes a secret; one anywhere else means no command', () => {
    const inEnv = rerunCommand(job({environment: {HF_TOKEN: TOKEN}}), {token: TOKEN})!;
    expect(inEnv.command).toContain('--secrets HF_TOKEN');
    expect(inEnv.command).not.toContain('hf_FAKE');
    expect(rerunCommand(job({environment: {KEY: TOKEN}}), {})).toBeUndefined();
    expect(rerunCommand(job({command: ['echo', TOKEN]}), {})).toBeUndefined();
    const b64 = Buffer.from(`token=${TOKEN}`).toString('base64');
    expect(rerunCommand(job({arguments: [b64]}), {})).toBeUndefined();
    // The token in use, whatever its shape, by value.
    expect(rerunCommand(job({arguments: ['s3cr3t-value-in-use']}), {token: 's3cr3t-value-in-use'})).toBeUndefined();
  });

  it('a Space job runs its Space; a job with neither image nor Space, or too long to paste, gets no command', () => {
    const space = jobAsSubmitted('alice', {spaceId: 'alice/duckdb', command: ['duckdb']})!;
    expect(rerunCommand(space, {user: 'alice'})!.command).toBe('hf jobs run -- hf.co/spaces/alice/duckdb duckdb');
    expect(jobAsSubmitted('alice', {command: ['x']})).toBeUndefined();
    expect(jobAsSubmitted('alice', null)).toBeUndefined();
    expect(rerunCommand(job({environment: {UV_SCRIPT: 'A'.repeat(5000)}}), {})).toBeUndefined();
  });

  it('control characters from the server are written as escapes: the command stays one line', () => {
    const r = rerunCommand(job({command: ['python3', '-c', 'print(1)\nprint(2)\x1b[2J']}), {user: 'acme-org'})!;
    expect(r.command).not.toMatch(/[\n\x1b]/);
    expect(r.command).toContain("$'print(1)\\nprint(2)\\x1b[2J'");
  });

  // Attacks from a hostile job spec (a job another member of an org submitted through the API, or a hostile Hub),
  // checked against huggingface_hub's own `hf jobs run` parser (click) and dotenv reader (utils/_dotenv.py).
  it("the job's own words are after `--`: hf takes none of them as its options (--secrets HF_TOKEN, -v, --namespace)", () => {
    const hostile = ['python', '--secrets', 'HF_TOKEN', '-v', '/home/u/.ssh:/m', '--namespace', 'evil', '-dsHF_TOKEN'];
    const r = rerunCommand(job({command: hostile, arguments: [], environment: {}, secrets: []}), {user: 'acme-org'})!;
    // Before: `hf jobs run --flavor … python:3.12 python --secrets HF_TOKEN -v …`, which click reads as hf's own
    // options (the login's token sent to the job as a secret, ~/.ssh synced to a bucket, another namespace).
    expect(r.command).toBe(
      'hf jobs run --flavor a10g-small --timeout 2h -- python:3.12 python --secrets HF_TOKEN -v /home/u/.ssh:/m --namespace evil -dsHF_TOKEN',
    );
    const words = shellSplit(r.command);
    expect(words.indexOf('--')).toBe(words.indexOf('python:3.12') - 1);
    expect(words.slice(0, words.indexOf('--'))).not.toContain('--secrets');
    // An image that looks like an option is the image too.
    expect(rerunCommand(job({dockerImage: '--token'}), {user: 'acme-org'})!.command).toContain(' -- --token python3');
  });

  it("an env value hf's dotenv reader would cut or split is written in its double quotes; a name it would misread means no command", () => {
    // `-e 'A=1<newline>HF_TOKEN'` was two dotenv lines: the bare second one took HF_TOKEN from the user's login and
    // put it in the new job's visible env. Now the break is the reader's \n escape inside its quotes.
    const r = rerunCommand(job({environment: {A: '1\nHF_TOKEN', COLOR: '#fff', PAD: ' x ', Q: `'q'`}}), {user: 'x'})!;
    expect(r.command).toContain(`-e 'A="1\\nHF_TOKEN"' -e 'COLOR="#fff"' -e 'PAD=" x "' -e 'Q="'\\''q'\\''"'`);
    expect(r.command).not.toMatch(/\n/);
    const ws = shellSplit(r.command);
    expect(ws.filter((w, i) => ws[i - 1] === '-e')).toEqual([
      'A="1\\nHF_TOKEN"',
      'COLOR="#fff"',
      'PAD=" x "',
      `Q="'q'"`,
    ]);
    // Breaks the reader has no escape for, and names it reads as another variable ('HF_TOKEN X' is HF_TOKEN, bare).
    for (const environment of [
      {A: '1\rHF_TOKEN'},
      {A: '1\u2028HF_TOKEN'},
      {A: '1\x0bHF_TOKEN'},
      {A: '1\x85HF_TOKEN'},
      {'HF_TOKEN X': 'y'},
      {'HF_TOKEN#': 'y'},
      {'1A': 'y'},
    ])
      expect(rerunCommand(job({environment}), {user: 'x'}), JSON.stringify(environment)).toBeUndefined();
    expect(rerunCommand(job({secrets: ['X\nHF_TOKEN']}), {user: 'x'})).toBeUndefined();
    expect(rerunCommand(job({secrets: ['AWS KEY']}), {user: 'x'})).toBeUndefined();
  });

  it('dotenvAssignment: plain values stay plain, the rest quoted with the escapes the reader knows', () => {
    expect(dotenvAssignment('MODE', 'x y')).toBe('MODE=x y');
    expect(dotenvAssignment('E', '')).toBe('E=');
    expect(dotenvAssignment('U', 'https://x/?a=1&b="2"\\')).toBe('U=https://x/?a=1&b="2"\\');
    expect(dotenvAssignment('T', 'a\tb')).toBe('T="a\\tb"');
    expect(dotenvAssignment('B', '"a\\" # c')).toBe('B="\\"a\\\\\\" # c"');
    expect(dotenvAssignment('S', 'x\x1f')).toBe('S="x\x1f"');
    expect(dotenvAssignment('N', 'a\u2029b')).toBeUndefined();
  });

  it('bidi overrides and zero-width characters from the server are escapes too: the command reads as it runs', () => {
    const r = rerunCommand(job({arguments: ['safe\u202e; rm -rf ~ #', 'a\u200bb']}), {user: 'acme-org'})!;
    expect(r.command).not.toMatch(/[\u202e\u200b]/);
    expect(r.command).toContain("$'safe\\u202e; rm -rf ~ #' $'a\\u200bb'");
  });
});
