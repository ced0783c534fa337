// Startup benchmark: time from spawn to the first visible frame in a real pseudo-terminal.
// Prints the median of several runs for each command and its ratio to a bare `node` write (the floor). The cases
// take turns run by run (not all runs of one, then the next) so a change in the machine's load hits them alike.
// Usage: node scripts/bench-startup.mjs [--runs N]
import {spawn} from '@lydell/node-pty';
import {mkdtempSync, rmSync} from 'node:fs';
import {loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07/g;

function env(home) {
  const e = {
    ...process.env,
    FORCE_COLOR: '0',
    TERM: 'xterm-256color',
    XDG_CACHE_HOME: home,
    XDG_CONFIG_HOME: home,
    HOME: home,
  };
  delete e.CI;
  delete e.CONTINUOUS_INTEGRATION;
  delete e.HF_TOKEN;
  return e;
}

/** ms from spawn until the screen shows `marker` (text after stripping escape sequences). */
function timeToText(args, marker, home) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const pty = spawn(process.execPath, args, {name: 'xterm-256color', cols: 100, rows: 30, cwd: home, env: env(home)});
    let seen = '';
    const timer = setTimeout(() => {
      pty.kill();
      reject(new Error(`timeout waiting for ${marker} from ${args.join(' ')}; saw: ${seen.slice(0, 300)}`));
    }, 10_000);
    pty.onData((chunk) => {
      seen += chunk.replace(ANSI, '');
      if (marker.test(seen)) {
        const ms = performance.now() - t0;
        clearTimeout(timer);
        pty.kill();
        resolve(ms);
      }
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const cases = [
  {name: 'floor: node writes one line', args: ['-e', "process.stdout.write('ready\\n')"], marker: /ready/},
  {name: 'hf-jobs-wizard --version', args: ['dist/cli.mjs', '--version'], marker: /\d+\.\d+\.\d+/},
  {name: 'wizard --sandbox: first visible line', args: ['dist/cli.mjs', '--sandbox'], marker: /hf-jobs-wizard/},
  {name: 'wizard --sandbox: full Ink frame', args: ['dist/cli.mjs', '--sandbox'], marker: /Step \d\/\d/},
];

const home = mkdtempSync(join(tmpdir(), 'bench-startup-'));
const cwd = process.cwd();
try {
  const loadBefore = loadavg()[0];
  const argsOf = (c) => c.args.map((a) => (a.startsWith('dist/') ? join(cwd, a) : a));
  for (const c of cases) await timeToText(argsOf(c), c.marker, home).catch(() => 0); // warm-up (file cache)
  const times = cases.map(() => []);
  for (let i = 0; i < runs; i++)
    for (const [j, c] of cases.entries()) times[j].push(await timeToText(argsOf(c), c.marker, home));
  const results = cases.map((c, j) => ({name: c.name, median: median(times[j])}));
  const floor = results[0].median;
  console.log(`startup, median of ${runs} runs in a 100x30 pty (ms from spawn to first visible text):`);
  for (const r of results)
    console.log(
      `  ${r.name.padEnd(42)} ${r.median.toFixed(1).padStart(7)} ms   ${(r.median / floor).toFixed(2)}x floor`,
    );
  console.log(`load average (1 min): ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after`);
} finally {
  rmSync(home, {recursive: true, force: true});
}
