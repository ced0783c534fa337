// A real terminal for end-to-end tests: @lydell/node-pty + @xterm/headless (stack.md §7).
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll} from 'vitest';
import {spawn} from '@lydell/node-pty';
import xterm from '@xterm/headless';

const {Terminal} = xterm;

/** `color: true` leaves FORCE_COLOR unset, so the app decides colours itself (as in a real terminal). */
export function startCli(
  args: string[],
  opts: {cols?: number; rows?: number; env?: Record<string, string>; cwd?: string; color?: boolean} = {},
) {
  const cols = opts.cols ?? 80;
  const rows = opts.rows ?? 40;
  const term = new Terminal({cols, rows, allowProposedApi: true, scrollback: 2000});
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (
      v !== undefined &&
      k !== 'CI' &&
      k !== 'CONTINUOUS_INTEGRATION' &&
      k !== 'NO_COLOR' &&
      k !== 'FORCE_COLOR' &&
      k !== 'INK_SCREEN_READER'
    )
      env[k] = v;
  const pty = spawn(process.execPath, args, {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: opts.cwd ?? process.cwd(),
    env: {...env, ...(opts.color ? {} : {FORCE_COLOR: '0'}), ...opts.env},
  });
  let raw = '';
  let lastData = Date.now();
  pty.onData((d) => {
    raw += d;
    lastData = Date.now();
    term.write(d);
  });
  // Exited once the app has ended AND its last output is on the emulator's screen: the pty may report the exit before
  // its last bytes are read, and the emulator parses what it is given later (a busy machine showed a screen without
  // the app's last lines). Settled when no byte came for 50 ms (at most 1 s after the exit), then the emulator flushed.
  const exited = new Promise<number>((r) =>
    pty.onExit((e) => {
      const exitAt = Date.now();
      const settle = () => {
        if (Date.now() - lastData < 50 && Date.now() - exitAt < 1000) setTimeout(settle, 20);
        else term.write('', () => r(e.exitCode));
      };
      setTimeout(settle, 20);
    }),
  );
  const screen = () => {
    const b = term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < b.length; i++) out.push(b.getLine(i)?.translateToString(true) ?? '');
    return out.join('\n').replace(/\n+$/, '');
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const waitFor = async (text: string | RegExp, timeoutMs = 10_000) => {
    const t0 = Date.now();
    for (;;) {
      await new Promise<void>((r) => term.write('', r));
      const s = screen();
      if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
      if (Date.now() - t0 > timeoutMs) throw new Error(`timeout waiting for ${String(text)}\n${s}`);
      await sleep(25);
    }
  };
  const press = async (keys: string, ms = 80) => {
    pty.write(keys);
    await sleep(ms);
  };
  /** Resize the terminal as a window manager would: the pty (SIGWINCH to the app) and the emulator (which reflows). */
  const resize = async (c: number, r: number, ms = 300) => {
    term.resize(c, r);
    pty.resize(c, r);
    await sleep(ms);
  };
  /** Only the visible screen (no scrollback). */
  const visible = () => {
    const b = term.buffer.active;
    const out: string[] = [];
    for (let i = b.viewportY; i < b.viewportY + term.rows; i++) out.push(b.getLine(i)?.translateToString(true) ?? '');
    return out.join('\n').replace(/\n+$/, '');
  };
  return {pty, screen, visible, waitFor, press, resize, exited, raw: () => raw};
}

/** The built app, built once if a test run starts without it. */
export const CLI = join(process.cwd(), 'dist/cli.mjs');

/**
 * Registers the build-if-missing and clean-up hooks of an e2e file; `home()` gives each test its own HOME, cache
 * and a separate real HF_HOME (which must stay untouched), all removed after the file.
 */
export function useE2eHomes(
  extraEnv: Record<string, string> = {},
): () => Promise<{dir: string; env: Record<string, string>}> {
  const homes: string[] = [];
  beforeAll(() => {
    if (!existsSync(CLI)) execFileSync(process.execPath, ['scripts/build.mjs']);
  }, 60_000);
  afterAll(async () => {
    for (const dir of homes) await rm(dir, {recursive: true, force: true});
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wizard-e2e-'));
    homes.push(dir);
    return {dir, env: {HOME: dir, XDG_CACHE_HOME: join(dir, 'cache'), HF_HOME: join(dir, 'real-hf-home'), ...extraEnv}};
  };
}
