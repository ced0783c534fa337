// Benchmark: `check DIR --offline --json` over 10,000 generated files (.py/.json/.md/.sh/binaries, some with
// findings, padded to about 40 MB), against `grep -rE 'hf_[A-Za-z0-9]{34}'` on the same tree. Prints each run, both
// medians and the ratio (target: within 3x of grep), the CPU time of both (what the wall time hides on a busy
// machine), and check's peak memory (target < 150 MB). HF_WIZARD_SCAN_THREADS=1 measures the single-thread scan.
// Where check's time goes: the median of each phase check reports with HF_WIZARD_SCAN_DEBUG (start-up, walk, read,
// scan, link, report), and the floor under them: bare `node -e 0` and `check` on an empty folder. When
// NODE_EXTRA_CA_CERTS is set (as on the shared 2-core machine), check and node -e 0 are measured without it as well:
// Node 20 then parses the CA bundle at every start (~45 ms of CPU), which grep never pays.
// Run after a build: node scripts/bench-check.mjs
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {availableParallelism, loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';

const FILES = Number(process.env.BENCH_FILES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_RATIO = 3;
const TARGET_MB = 150;
/** Ordinary code and prose appended to each text file so the tree weighs about 40 MB, as a real project would. */
const PAD_BYTES = Number(process.env.BENCH_PAD ?? 4000);
const PAD_PY = '\n'
  .concat(Array.from({length: 200}, (_, i) => `def helper_${i}(x):\n    return [v * ${i} for v in x if v]\n`).join(''))
  .slice(0, PAD_BYTES);
// BENCH_CLI=path/to/cli.mjs measures another build (an A/B against an older checkout's dist/).
const cli = process.env.BENCH_CLI ?? new URL('../dist/cli.mjs', import.meta.url).pathname;
if (!existsSync(cli)) {
  console.error('dist/cli.mjs is missing: run `node scripts/build.mjs` first (npm run bench:check does).');
  process.exit(2);
}

const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12'; // fake, for benchmark findings only
const templates = [
  [
    'py',
    (i) =>
      `# /// script\n# dependencies = ["datasets"]\n# ///\nimport os\nfrom datasets import Dataset\n${i % 10 === 0 ? '' : 'assert os.environ.get("HF_TOKEN")\n'}Dataset.from_dict({"i": [${i}]}).push_to_hub("bench-user/ds-${i}")\n`,
  ],
  [
    'py',
    (i) =>
      `from huggingface_hub import run_uv_job, get_token\njob = run_uv_job("https://e.x/s${i}.py", dependencies=["trl"], flavor="${i % 7 === 0 ? 'a10g-smal' : 'a10g-small'}", timeout="2h", secrets={"HF_TOKEN": ${i % 9 === 0 ? '"$HF_TOKEN"' : 'get_token()'}})\nprint(job.url)\n`,
  ],
  [
    'json',
    (i) =>
      JSON.stringify(
        {
          operation: 'uv',
          args: {
            script: i % 8 === 0 ? 'train.py' : 'import os\nprint(1)\n',
            with_deps: ['datasets'],
            timeout: i % 11 === 0 ? '90min' : '30m',
            secrets: {HF_TOKEN: '$HF_TOKEN'},
          },
        },
        null,
        2,
      ),
  ],
  ['json', (i) => JSON.stringify({name: `pkg-${i}`, version: '1.0.0', dependencies: {lodash: '^4'}}, null, 2)],
  [
    'md',
    (i) =>
      `# Notes ${i}\n\nUse \`hf_hub_download\` and HF_TOKEN. Never paste hf_xxx.\n\n\`\`\`bash\nhf jobs uv run --flavor cpu-basic --secrets HF_TOKEN train.py\n\`\`\`\n\n${'Some prose line about datasets and models.\n'.repeat(20)}`,
  ],
  [
    'sh',
    (i) =>
      `#!/bin/sh\nset -e\nhf jobs uv run --flavor cpu-basic ${i % 13 === 0 ? `--token ${FAKE}` : '-s HF_TOKEN'} https://e.x/s.py\n`,
  ],
  ['txt', (i) => `log line ${i}\n`.repeat(50)],
  ['bin', (i) => Buffer.concat([Buffer.from([0, 1, 2, 3, 0]), Buffer.alloc(2048, i % 256)])],
];

const dir = await mkdtemp(join(tmpdir(), 'hfjw-bench-check-'));
try {
  const perDir = 200;
  for (let i = 0; i < FILES; i++) {
    const sub = join(dir, `d${Math.floor(i / perDir)}`);
    if (i % perDir === 0) await mkdir(sub, {recursive: true});
    const [ext, make] = templates[i % templates.length];
    const body = make(i);
    await writeFile(join(sub, `f${i}.${ext}`), typeof body === 'string' ? body + PAD_PY : body);
  }
  await writeFile(join(dir, '.gitignore'), 'd0/\n*.tmp\n');
  const du = spawnSync('du', ['-sm', '--apparent-size', dir], {encoding: 'utf8'}).stdout.split('\t')[0];
  console.log(`Generated ${FILES} files (${du} MB) in ${dir}`);

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const times = [];
  const grepTimes = [];
  let summary = '';
  let peakMb = 0;
  // CPU time (user + sys) as well as wall time: on a machine shared with other work the wall time mostly measures
  // the wait for a core, the CPU time what each program costs.
  const cpuOf = (stderr) => {
    const m = /^(\d+) ([\d.]+) ([\d.]+)$/m.exec(stderr);
    return m ? {kb: Number(m[1]), cpuMs: (Number(m[2]) + Number(m[3])) * 1000} : {kb: NaN, cpuMs: NaN};
  };
  const grepCpu = [];
  const cpu = [];
  const CA_CERTS = Boolean(process.env.NODE_EXTRA_CA_CERTS);
  const bareTimes = [];
  const bareCpu = [];
  // Phases from check's HF_WIZARD_SCAN_DEBUG lines: `scan phases: walk 35 ms, read 330 ms, ...` (wall) and
  // `check phases (wall/CPU ms): start-up 360/187, ...`.
  const phases = new Map();
  const collectPhases = (stderr) => {
    const scanLine = /^scan phases: (.*)$/m.exec(stderr)?.[1] ?? '';
    for (const m of scanLine.matchAll(/([a-z-]+) (\d+) ms/g))
      phases.set(m[1], [...(phases.get(m[1]) ?? []), Number(m[2])]);
    const checkLine = /^check phases \(wall\/CPU ms\): (.*)$/m.exec(stderr)?.[1] ?? '';
    for (const m of checkLine.matchAll(/([a-z-]+) (\d+)\/(\d+)/g))
      phases.set(`${m[1]} CPU`, [...(phases.get(`${m[1]} CPU`) ?? []), Number(m[3])]);
    // The main thread's own CPU (Linux): the wall time's floor on an idle machine when the reading thread helps it.
    const main = /; main thread (\d+) ms/.exec(checkLine)?.[1];
    if (main) phases.set('main-thread CPU', [...(phases.get('main-thread CPU') ?? []), Number(main)]);
    // What each run did: its code cache (none, used, rejected) and who scanned (the reading thread is off under load).
    const cache = /; code cache (\w+)$/m.exec(stderr)?.[1] ?? 'off';
    const helper = / by (the reader|\d+ worker)/.exec(stderr)?.[1] ?? 'no second thread';
    runKinds.set(`${cache}, ${helper}`, (runKinds.get(`${cache}, ${helper}`) ?? 0) + 1);
  };
  const runKinds = new Map();
  for (let r = 0; r < RUNS; r++) {
    const gStart = process.hrtime.bigint();
    const g = spawnSync('/usr/bin/time', ['-f', '%M %U %S', 'grep', '-rE', 'hf_[A-Za-z0-9]{34}', dir], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    grepTimes.push(Number(process.hrtime.bigint() - gStart) / 1e6);
    grepCpu.push(cpuOf(g.stderr).cpuMs);
    const start = process.hrtime.bigint();
    const res = spawnSync(
      '/usr/bin/time',
      ['-f', '%M %U %S', process.execPath, cli, 'check', dir, '--offline', '--json'],
      {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        env: {...process.env, HF_TOKEN: '', HOME: dir, XDG_CACHE_HOME: join(dir, '.cache'), HF_WIZARD_SCAN_DEBUG: '1'},
      },
    );
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    collectPhases(res.stderr);
    cpu.push(cpuOf(res.stderr).cpuMs);
    if (res.status !== 0 && res.status !== 1) {
      console.error(`check exited ${res.status}: ${res.stderr.split('\n')[0]}`);
      process.exit(1);
    }
    const kb = cpuOf(res.stderr).kb;
    if (Number.isFinite(kb)) peakMb = Math.max(peakMb, kb / 1024);
    if (r === 0) {
      const report = JSON.parse(res.stdout);
      const count = (s) => report.checks.filter((c) => c.status === s).length;
      summary = `${count('fail')} fail, ${count('warn')} warn, ${count('pass')} pass, ${count('skip')} skip`;
      if (res.stdout.includes(FAKE)) throw new Error('a whole token reached the output');
    }
    times.push(ms);
    // NODE_EXTRA_CA_CERTS makes every Node process parse the whole CA bundle as it starts (Node 20 loads it eagerly:
    // ~45 ms of CPU on the 2-core machine), a cost of the machine's set-up rather than of check: measured both ways.
    let bare = '';
    if (CA_CERTS) {
      const {NODE_EXTRA_CA_CERTS: _, ...env} = process.env;
      const t0 = process.hrtime.bigint();
      const b = spawnSync(
        '/usr/bin/time',
        ['-f', '%M %U %S', process.execPath, cli, 'check', dir, '--offline', '--json'],
        {
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
          env: {...env, HF_TOKEN: '', HOME: dir, XDG_CACHE_HOME: join(dir, '.cache')},
        },
      );
      bareTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
      bareCpu.push(cpuOf(b.stderr).cpuMs);
      bare = `; without NODE_EXTRA_CA_CERTS ${bareTimes[r].toFixed(0)} ms (CPU ${bareCpu[r].toFixed(0)} ms)`;
    }
    console.log(
      `run ${r + 1}: check ${ms.toFixed(0)} ms (CPU ${cpu[r].toFixed(0)} ms), grep ${grepTimes[r].toFixed(0)} ms (CPU ${grepCpu[r].toFixed(0)} ms)${bare}`,
    );
  }
  const m = median(times);
  const g = median(grepTimes);
  console.log(`findings: ${summary}`);
  console.log(
    `median over ${RUNS} runs: check --offline ${m.toFixed(0)} ms, grep -rE ${g.toFixed(0)} ms, ratio ${(m / g).toFixed(2)}x (target <= ${TARGET_RATIO}x) ${m / g <= TARGET_RATIO ? 'OK' : 'SLOWER THAN TARGET'}`,
  );
  console.log(
    `median CPU (user+sys): check ${median(cpu).toFixed(0)} ms, grep ${median(grepCpu).toFixed(0)} ms, ratio ${(median(cpu) / median(grepCpu)).toFixed(2)}x; load average when done: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  if (CA_CERTS)
    console.log(
      `NODE_EXTRA_CA_CERTS is set here (every node process parses the CA bundle as it starts); without it: check --offline ${median(bareTimes).toFixed(0)} ms (CPU ${median(bareCpu).toFixed(0)} ms), ratio ${(median(bareTimes) / g).toFixed(2)}x in wall, ${(median(bareCpu) / median(grepCpu)).toFixed(2)}x in CPU`,
    );
  console.log(`check's runs (code cache, second thread): ${[...runKinds].map(([k, n]) => `${n}x ${k}`).join('; ')}`);
  console.log(
    `check's phases (medians; scan phases are wall ms, CPU ones process-wide): ${[...phases]
      .map(([k, v]) => `${k} ${median(v)} ms`)
      .join(', ')}`,
  );
  // The floor under check: node itself, and check with nothing to scan (start-up, module loading, the report).
  const floor = (args, base = process.env) => {
    const wall = [];
    const used = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = process.hrtime.bigint();
      const res = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, ...args], {
        encoding: 'utf8',
        env: {...base, HF_TOKEN: '', HOME: empty, XDG_CACHE_HOME: join(empty, '.cache')},
      });
      wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
      used.push(cpuOf(res.stderr).cpuMs);
    }
    return `${median(wall).toFixed(0)} ms (CPU ${median(used).toFixed(0)} ms)`;
  };
  const empty = join(dir, 'empty-folder');
  await mkdir(empty);
  const {NODE_EXTRA_CA_CERTS: _, ...withoutCa} = process.env;
  console.log(
    `floor: node -e 0 ${floor(['-e', '0'])}; check --offline on an empty folder ${floor([cli, 'check', empty, '--offline', '--json'])}${CA_CERTS ? `; without NODE_EXTRA_CA_CERTS: node -e 0 ${floor(['-e', '0'], withoutCa)}` : ''}`,
  );
  console.log(
    `check peak memory (max RSS): ${peakMb ? peakMb.toFixed(0) + ' MB' : 'unknown (no /usr/bin/time)'} (target < ${TARGET_MB} MB) ${peakMb && peakMb < TARGET_MB ? 'OK' : ''}`,
  );

  const secretlint = spawnSync('npx', ['--no-install', 'secretlint', '--version'], {encoding: 'utf8'});
  if (secretlint.status === 0) {
    const start = process.hrtime.bigint();
    spawnSync('npx', ['--no-install', 'secretlint', `${dir}/**/*`], {encoding: 'utf8', maxBuffer: 256 * 1024 * 1024});
    console.log(
      `secretlint ${secretlint.stdout.trim()}: ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0)} ms (one run, for comparison)`,
    );
  } else {
    console.log('secretlint is not installed: no comparison run (not installing it).');
  }
} finally {
  if (process.env.BENCH_KEEP) console.log(`kept ${dir}`);
  else await rm(dir, {recursive: true, force: true});
}
