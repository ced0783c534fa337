// V8 settings for a process that scans one tree and exits: set by the check command, and by check's loader
// (check-loader.ts) before it compiles check's build, so that the code cache it keeps is made and used under the same
// flags (V8 refuses a cache made under other flags).
import {setFlagsFromString} from 'node:v8';

/**
 * For a process that scans one tree and exits (`check`), two V8 settings (process-wide, as V8 flags are: the worker
 * threads started after it get them too). Only when code is optimised and how big the young generation grows change,
 * never what runs; `check --json` output is byte-identical.
 * - Optimise a function after 8x more work than the default (interrupt budget 132 KB of bytecode -> 1056 KB). The
 *   scanner's code runs cold: with the default, TurboFan compiled some 55 functions during one scan of the
 *   10,000-file bench tree and that compiling cost more than it saved. Functions that stay hot are still optimised.
 * - Keep the young generation at its first size (semi-space growth factor 1; the default doubles it up to 16 MB):
 *   scanning allocates a text per file that dies at once, and a small young generation is reused while it is still in
 *   the cache instead of faulting in new pages (page faults 14.8k -> 7.4k on the bench tree). Its size limit cannot
 *   be changed once the process runs; the growth factor can.
 * CPU of `check --offline` on the bench tree, one thread, perf stat -r 5 at load 4-8: 1016-1540 ms before, 760-830
 * with the budget, 710-750 with both; on a 40,000-file tree no loss (2385-2465 before, 2240-2530 after).
 *
 * V8 puts the growth factor back to its default when it sets up another isolate's heap: every worker thread check
 * starts (its reading thread, its scan workers) undoes it, process-wide, as the thread starts. The threads call this
 * again as they start (their heap is set up by then), and so does the code cache's writer: a cache is accepted only
 * under the flags it was made with, and one written after a worker had reset the factor was refused at every run after,
 * so each run compiled check from scratch and wrote the cache again as it exited (~150 ms at every run over 1,500
 * files).
 */
export function tuneForOneScan(): void {
  setFlagsFromString('--interrupt-budget=1081344');
  setFlagsFromString('--semi-space-growth-factor=1');
}
