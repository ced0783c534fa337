// The command that runs a failed job again (troubleshoot --job's "Run the job again"): built from the Hub's job JSON.
import {describe, expect, it} from 'vitest';
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
      "hf jobs run --flavor a10g-small --timeout 2h -e 'MODE=x y' --secrets OPENAI_KEY --namespace acme-org python:3.12 python3 -c 'print('\\''hi'\\'')' --n 2",
    );
    expect(shellSplit(r.command).slice(-6)).toEqual(['python:3.12', 'python3', '-c', "print('hi')", '--n', '2']);
    expect(r.change).toBeUndefined();
  });

  it("the user's own job has no --namespace; another Hub is named by HF_ENDPOINT, the sandbox's login by HF_HOME", () => {
    const own = jobAsSubmitted('alice', {dockerImage: 'python:3.12', command: ['true']})!;
    expect(rerunCommand(own, {user: 'alice'})!.command).toBe('hf jobs run python:3.12 true');
    expect(rerunCommand(own, {user: 'alice', endpoint: 'http://127.0.0.1:5000/', hfHome: '/tmp/a b'})!.command).toBe(
      "HF_ENDPOINT=http://127.0.0.1:5000 HF_HOME='/tmp/a b' hf jobs run python:3.12 true",
    );
  });

  it('a token the job did not get is passed as a secret when that is the diagnosed cause', () => {
    const r = rerunCommand(job({secrets: []}), {user: 'alice', cause: 'no-token-in-job'})!;
    expect(r.command).toContain('--secrets HF_TOKEN');
    expect(r.change).toBe('with HF_TOKEN passed as a secret');
    expect(rerunCommand(job({secrets: ['HF_TOKEN']}), {cause: 'no-token-in-job'})!.change).toBeUndefined();
  });

  it('a job that hit its timeout is run again with twice the timeout (the default 30 minutes when unknown)', () => {
    const r = rerunCommand(job({timeoutSeconds: 2}), {user: 'acme-org', problem: 'job-timeout'})!;
    expect(r.command).toContain('--timeout 4s');
    expect(r.change).toBe('with a timeout twice as long (4s; set what the work needs)');
    const unknown = rerunCommand(job({timeoutSeconds: undefined}), {user: 'acme-org', problem: 'job-timeout'})!;
    expect(unknown.command).toContain('--timeout 1h');
    expect(rerunCommand(job({timeoutSeconds: 5400}), {user: 'acme-org'})!.command).toContain('--timeout 90m');
  });

  it("a namespace that could not pay is not tried again when the user's own can: the job runs there", () => {
    const r = rerunCommand(job(), {user: 'alice', userCanPay: true, problem: 'payment-required'})!;
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
    expect(r.change).toBe('with OPENAI_API_KEY, DB_PASSWORD as secrets (export them first)');
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
    expect(rerunCommand(space, {user: 'alice'})!.command).toBe('hf jobs run hf.co/spaces/alice/duckdb duckdb');
    expect(jobAsSubmitted('alice', {command: ['x']})).toBeUndefined();
    expect(jobAsSubmitted('alice', null)).toBeUndefined();
    expect(rerunCommand(job({environment: {UV_SCRIPT: 'A'.repeat(5000)}}), {})).toBeUndefined();
  });

  it('control characters from the server are written as escapes: the command stays one line', () => {
    const r = rerunCommand(job({command: ['python3', '-c', 'print(1)\nprint(2)\x1b[2J']}), {user: 'acme-org'})!;
    expect(r.command).not.toMatch(/[\n\x1b]/);
    expect(r.command).toContain("$'print(1)\\nprint(2)\\x1b[2J'");
  });
});
