// Benchmark: `check DIR --offline --json` over 10,000 generated files (.py/.json/.md/.sh/binaries, some with
// findings). Prints each run and the median; target under 2 s. Run after a build: node scripts/bench-check.mjs
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const FILES = Number(process.env.BENCH_FILES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 2000;
const cli = new URL('../dist/cli.mjs', import.meta.url).pathname;
if (!existsSync(cli)) {
  console.error('dist/cli.mjs is missing: run `node scripts/build.mjs` first (npm run bench:check does).');
  process.exit(2);
}

const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12'; // fake, for benchmark findings only
const templates = [
  ['py', (i) => `# /// script\n# dependencies = ["datasets"]\n# ///\nimport os\nfrom datasets import Dataset\n${i % 10 === 0 ? '' : 'assert os.environ.get("HF_TOKEN")\n'}Dataset.from_dict({"i": [${i}]}).push_to_hub("bench-user/ds-${i}")\n`],
  ['py', (i) => `from huggingface_hub import run_uv_job, get_token\njob = run_uv_job("https://e.x/s${i}.py", dependencies=["trl"], flavor="${i % 7 === 0 ? 'a10g-smal' : 'a10g-small'}", timeout="2h", secrets={"HF_TOKEN": ${i % 9 === 0 ? '"$HF_TOKEN"' : 'get_token()'}})\nprint(job.url)\n`],
  ['json', (i) => JSON.stringify({operation: 'uv', args: {script: i % 8 === 0 ? 'train.py' : 'import os\nprint(1)\n', with_deps: ['datasets'], timeout: i % 11 === 0 ? '90min' : '30m', secrets: {HF_TOKEN: '$HF_TOKEN'}}}, null, 2)],
  ['json', (i) => JSON.stringify({name: `pkg-${i}`, version: '1.0.0', dependencies: {lodash: '^4'}}, null, 2)],
  ['md', (i) => `# Notes ${i}\n\nUse \`hf_hub_download\` and HF_TOKEN. Never paste hf_xxx.\n\n\`\`\`bash\nhf jobs uv run --flavor cpu-basic --secrets HF_TOKEN train.py\n\`\`\`\n\n${'Some prose line about datasets and models.\n'.repeat(20)}`],
  ['sh', (i) => `#!/bin/sh\nset -e\nhf jobs uv run --flavor cpu-basic ${i % 13 === 0 ? `--token ${FAKE}` : '-s HF_TOKEN'} https://e.x/s.py\n`],
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
    await writeFile(join(sub, `f${i}.${ext}`), make(i));
  }
  await writeFile(join(dir, '.gitignore'), 'd0/\n*.tmp\n');
  console.log(`Generated ${FILES} files in ${dir}`);

  const times = [];
  let summary = '';
  for (let r = 0; r < RUNS; r++) {
    const start = process.hrtime.bigint();
    const res = spawnSync(process.execPath, [cli, 'check', dir, '--offline', '--json'], {encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: {...process.env, HF_TOKEN: '', HOME: dir, XDG_CACHE_HOME: join(dir, '.cache')}});
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (res.status !== 0 && res.status !== 1) {
      console.error(`check exited ${res.status}: ${res.stderr.split('\n')[0]}`);
      process.exit(1);
    }
    if (r === 0) {
      const report = JSON.parse(res.stdout);
      const count = (s) => report.checks.filter((c) => c.status === s).length;
      summary = `${count('fail')} fail, ${count('warn')} warn, ${count('pass')} pass, ${count('skip')} skip`;
      if (res.stdout.includes(FAKE)) throw new Error('a whole token reached the output');
    }
    times.push(ms);
    console.log(`run ${r + 1}: ${ms.toFixed(0)} ms`);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`findings: ${summary}`);
  console.log(`median: ${median.toFixed(0)} ms over ${RUNS} runs (target < ${TARGET_MS} ms) ${median < TARGET_MS ? 'OK' : 'SLOWER THAN TARGET'}`);

  const secretlint = spawnSync('npx', ['--no-install', 'secretlint', '--version'], {encoding: 'utf8'});
  if (secretlint.status === 0) {
    const start = process.hrtime.bigint();
    spawnSync('npx', ['--no-install', 'secretlint', `${dir}/**/*`], {encoding: 'utf8', maxBuffer: 256 * 1024 * 1024});
    console.log(`secretlint ${secretlint.stdout.trim()}: ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0)} ms (one run, for comparison)`);
  } else {
    console.log('secretlint is not installed: no comparison run (not installing it).');
  }
} finally {
  await rm(dir, {recursive: true, force: true});
}
