// `troubleshoot <(cmd)` and a named FIFO: a pipe given as FILE is read until its writer closes it, bounded in size and
// in silence (src/commands/read-text.ts). Before, both were refused as "not a regular file".
import {execFileSync, spawn, spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {main} from '../../src/main.js';
import {makeIo, tempHome} from './helpers-auth.js';

const CLI = join(process.cwd(), 'dist/cli.mjs');
const ERROR =
  'huggingface_hub.errors.HfHubHTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/whoami-v2';

describe('troubleshoot reads a pipe given as FILE', () => {
  let home: Awaited<ReturnType<typeof tempHome>>;
  beforeAll(async () => {
    home = await tempHome();
  });
  afterAll(async () => {
    await home.cleanup();
  });

  it('a named FIFO whose writer starts late and writes in two pieces is read to its end and classified', async () => {
    const fifo = join(home.dir, 'late.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', [
      '-c',
      `sleep 0.4; { echo 'Traceback (most recent call last):'; sleep 0.3; echo "$0"; } > "$1"`,
      ERROR,
      fifo,
    ]);
    const io = makeIo({...home.env, HF_WIZARD_PIPE_WAIT_MS: '5000'});
    expect(await main(['troubleshoot', fifo, '--offline', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out()).problem).toBe('unauthorized-401');
    await new Promise((r) => (writer.exitCode !== null ? r(null) : writer.once('exit', r)));
  });

  it('text then silence past the pipe wait: what came is classified, the wait is bounded', async () => {
    const fifo = join(home.dir, 'silent.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `{ echo "$0"; sleep 30; } > "$1"`, ERROR, fifo], {detached: true});
    try {
      const io = makeIo({...home.env, HF_WIZARD_PIPE_WAIT_MS: '700'});
      const started = Date.now();
      expect(await main(['troubleshoot', fifo, '--offline', '--json'], io)).toBe(0);
      expect(JSON.parse(io.out()).problem).toBe('unauthorized-401');
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      process.kill(-writer.pid!, 'SIGKILL');
    }
  });

  it.skipIf(spawnSync('bash', ['-c', 'true']).status !== 0)(
    'bash process substitution, troubleshoot <(cmd), as a person types it (the built CLI)',
    () => {
      const res = spawnSync(
        'bash',
        ['-c', `"$0" "$1" troubleshoot --offline <(echo "$2")`, process.execPath, CLI, ERROR],
        {
          encoding: 'utf8',
          env: {...home.env, PATH: process.env.PATH ?? ''},
          timeout: 30_000,
        },
      );
      expect(res.stderr).not.toMatch(/not a regular file/);
      expect(res.status).toBe(0);
      expect(res.stdout).toMatch(/401/);
    },
  );
});
