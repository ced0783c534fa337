// Pre-paint: the wizard's first line, written by plain Node in the first ~50 ms, before Ink and React have loaded
// (~190 ms on this machine; shared/design/startup.md). Ink's first frame starts on the same line, which is cleared
// just before it draws, so the handover cannot flicker. Raw mode goes on at once so early keys are not echoed.

let painted = false;

interface Terminal {
  stdout: NodeJS.WritableStream & {isTTY?: boolean; columns?: number};
  stdin: NodeJS.ReadableStream & {isTTY?: boolean; setRawMode?: (mode: boolean) => unknown};
  env: NodeJS.ProcessEnv;
}

function isCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI ?? env.CONTINUOUS_INTEGRATION;
  return ci !== undefined && ci !== '0' && ci !== 'false';
}

/** Paints the first line for the interactive wizard when Ink will draw next; does nothing otherwise. */
export function prepaintWizard(argv: string[], term: Terminal): void {
  if (!term.stdout.isTTY || !term.stdin.isTTY) return;
  if (argv.some((a) => a === '--plain' || a === '--help' || a === '-h')) return;
  if (term.env.TERM === 'dumb' || term.env.INK_SCREEN_READER || isCi(term.env)) return;
  term.stdin.setRawMode?.(true);
  const color = !term.env.NO_COLOR && term.env.FORCE_COLOR !== '0';
  term.stdout.write(color ? '\x1b[1mhf-jobs-wizard\x1b[22m\x1b[2m · starting…\x1b[22m' : 'hf-jobs-wizard · starting…');
  painted = true;
}

/** Clears the pre-painted line (before Ink draws, or before any other output). */
export function clearPrepaint(stdout: NodeJS.WritableStream): void {
  if (!painted) return;
  painted = false;
  stdout.write('\r\x1b[2K');
}
