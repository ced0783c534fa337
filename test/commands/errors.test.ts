// One error path for every command (issue 11): a command throws an AppError (or lets an error escape) and main
// reports it once through src/io.ts: one line "hf-jobs-wizard NAME: ...", the exit code, no stack trace. Asserted by
// running each command with a bad flag and a usage error, and by a scan that no command prints its own error line.
import {readdirSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';
import {COMMANDS} from '../../src/commands/registry.js';
import {main} from '../../src/main.js';
import {makeIo, tempHome} from './helpers-auth.js';

/** A write of the app's error prefix to stderr: `writeLine(io.stderr, 'hf-jobs-wizard x: …')`, `io.stderr.write(…)`, `err(…)`. */
const OWN_ERROR_LINE = /(stderr\.write\(|writeLine\(io\.stderr,\s*|\berr\()\s*['`]hf-jobs-wizard( [a-z-]+)?: /;

describe('command errors go through main, once', () => {
  const listed = COMMANDS.filter((c) => !c.hidden);

  it('an unknown flag: every command answers with exactly one line naming itself and its --help, exit 2', async () => {
    const home = await tempHome();
    try {
      for (const c of listed) {
        const io = makeIo(home.env);
        const code = await main([c.name, '--no-such-flag'], io);
        const lines = io.err().trim().split('\n');
        expect(code, c.name).toBe(2);
        expect(lines, c.name).toHaveLength(1);
        expect(lines[0], c.name).toMatch(new RegExp(`^hf-jobs-wizard ${c.name}: .*--no-such-flag.*${c.name} --help`));
        expect(io.out(), c.name).toBe('');
      }
    } finally {
      await home.cleanup();
    }
  });

  it('a usage error thrown deep in a command keeps its exit code and its words, and --sandbox/--endpoint clash says so', async () => {
    const home = await tempHome();
    try {
      for (const name of ['status', 'check', 'troubleshoot', 'revoke']) {
        const io = makeIo(home.env);
        const code = await main([name, '--sandbox', '--endpoint', 'http://127.0.0.1:9'], io);
        expect(code, name).toBe(2);
        expect(io.err().trim().split('\n'), name).toHaveLength(1);
        expect(io.err(), name).toMatch(new RegExp(`^hf-jobs-wizard ${name}: .*--sandbox`));
      }
      const logout = makeIo(home.env);
      expect(await main(['logout', 'a', 'b'], logout)).toBe(2);
      expect(logout.err()).toBe('hf-jobs-wizard logout: takes at most one NAME (quote names with spaces).\n');
    } finally {
      await home.cleanup();
    }
  });

  it('no command writes its own "hf-jobs-wizard NAME:" error line, and src/commands/io.ts is gone', () => {
    const dir = resolve(import.meta.dirname, '../../src/commands');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files).not.toContain('io.ts');
    const own = files.flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .map((line, i) => ({line, at: `${f}:${i + 1}`}))
        .filter(({line}) => OWN_ERROR_LINE.test(line))
        .map(({at}) => at),
    );
    expect(own).toEqual([]);
    // The scan sees the shapes it bans (each was in src/commands before).
    expect(OWN_ERROR_LINE.test('writeLine(io.stderr, `hf-jobs-wizard check: ${flagProblem}`);')).toBe(true);
    expect(OWN_ERROR_LINE.test("io.stderr.write('hf-jobs-wizard learn: --token goes with --run.\\n');")).toBe(true);
    expect(OWN_ERROR_LINE.test('err(`hf-jobs-wizard example: ${text}`);')).toBe(true);
    expect(OWN_ERROR_LINE.test("throw new AppError('give one FILE (or - for stdin).', {exitCode: EXIT.usage});")).toBe(
      false,
    );
  });
});
