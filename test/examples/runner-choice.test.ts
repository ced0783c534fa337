// Which runner an example gets in the sandbox: the real Python script with uv, or with python3 when it has
// huggingface_hub (the sandbox's uv stand-in runs it), else the Node twin; the note says which and why.
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {findExample} from '../../src/examples/catalog.js';
import {python3HasHub, sandboxCommand} from '../../src/examples/sandbox-command.js';
import {which} from '../../src/core/which.js';

const example = findExample('token-check')!;

describe('the sandbox runner of an example', () => {
  it('runs the Python script with uv when uv is installed', () => {
    const cmd = sandboxCommand(example, {uvAvailable: true, pythonHasHub: false});
    expect(cmd).toMatchObject({runner: 'python-uv', dockerImage: 'ghcr.io/astral-sh/uv:python3.12-bookworm'});
    expect(cmd.note).toBe('runs check_token.py with uv (the Python script itself)');
  });

  it('runs the Python script with python3 when uv is missing but python3 has huggingface_hub', () => {
    const cmd = sandboxCommand(example, {uvAvailable: false, pythonHasHub: true});
    expect(cmd.runner).toBe('python-uv');
    expect(cmd.command.join(' ')).toContain('uv run check_token.py');
    expect(cmd.note).toBe(
      'runs check_token.py with python3 (uv is not installed here; python3 has huggingface_hub) (the Python script itself)',
    );
  });

  it('runs the Node twin when neither is there, and says why', () => {
    const cmd = sandboxCommand(example, {uvAvailable: false, pythonHasHub: false});
    expect(cmd.runner).toBe('node-twin');
    expect(cmd.note).toBe('runs the Node twin of check_token.py (uv is not installed here; same steps and messages)');
  });

  it('asks this machine whether python3 imports huggingface_hub', () => {
    const python = which('python3', process.env.PATH);
    const expected =
      python !== undefined && spawnSync(python, ['-c', 'import huggingface_hub'], {stdio: 'ignore'}).status === 0;
    expect(python3HasHub()).toBe(expected);
  });
});
