// The step to the real tools, after a first completed sandbox job: the same job with the real `hf` CLI against the
// sandbox. The sandbox URL and practice token are written whole only to a 0600 env file in the sandbox's data folder
// (outside the project, core/store writeFileAtomic); the screen shows them masked. When `hf` is on PATH it runs
// `hf jobs uv run …` with the token in its environment (never in argv), streams its redacted output, and checks that
// the example's dataset got a new commit; otherwise it prints the exact commands. The texts are core/preflight/real-tools.ts'.
import {spawn} from 'node:child_process';
import {join} from 'node:path';
import {scriptKind} from '../../core/jobspec/index.js';
import {shellQuote} from '../../core/jobspec/shell.js';
import {hfFailureHint, realToolsStep} from '../../core/preflight/real-tools.js';
import {writeFileAtomic} from '../../core/store/atomic.js';
import {redactSecrets} from '../../core/tokens/mask.js';
import {createSplitMasker} from '../../core/tokens/split.js';
import {which} from '../../core/which.js';
import type {WizardServices} from '../../core/wizard/services.js';
import type {RealToolsView} from '../../core/wizard/types.js';
import {exists, jobFiles, type ServiceContext} from './context.js';

export type RealToolsServices = Pick<WizardServices, 'realTools'>;

/** `hf` is stopped after this long (it follows the job until it ends). */
const HF_MAX_MS = 10 * 60_000;

export function createRealToolsServices(ctx: ServiceContext): RealToolsServices {
  return {
    async realTools(session, onLine) {
      const account = session.account;
      const token = ctx.token(session);
      const sandbox = ctx.sandbox;
      if (!account || !token || session.target.kind !== 'sandbox' || !sandbox)
        throw new Error('The step to the real tools follows a job on the sandbox Hub.');
      const ex = ctx.example(session);
      const dir = ctx.configDir(session);
      const envFile = join(sandbox.dataDir, 'sandbox-hf.env');
      // The job as my-first-hf-job/hf-job.json has it (the one the wizard just ran), else the example's.
      const {config} = await jobFiles(ctx, session).catch(() => ({config: ex.config}));
      const flavor = config.flavor ?? 'cpu-basic';
      // No timeout in the file: the Hub's default, 30 minutes, said out loud.
      const timeout = String(config.timeout ?? '30m');
      const scriptName =
        config.script !== undefined && scriptKind(config.script) === 'path' ? config.script.trim() : ex.scriptName;
      const step = realToolsStep({
        endpoint: session.target.endpoint,
        token: token,
        envFilePath: envFile,
        scriptName,
        flavor,
        timeout,
      });
      await writeFileAtomic(envFile, step.envFileContent);
      const onDisk = await exists(join(dir, scriptName));
      const view: RealToolsView = {
        phase: 'done',
        exportLines: step.exportLines,
        envFile,
        commands: [`cd ${shellQuote(dir)}`, ...step.sandboxCommands],
        realHubCommands: step.realHubCommands,
        lines: [],
      };
      const hf = which('hf', ctx.options.env.PATH);
      if (!onDisk) {
        view.note = `${scriptName} is not on disk (the config step was skipped): write the files first ("Job config"), then run these.`;
        return view;
      }
      if (!hf) {
        view.note =
          '`hf` is not installed here (it comes with `pip install -U huggingface_hub`): run these in another terminal while this wizard stays open.';
        return view;
      }
      const repo = ex.repo?.(account.user);
      const client = ctx.client(session);
      const before = repo
        ? await client.latestCommit({type: repo.type, name: repo.id}).catch(() => undefined)
        : undefined;
      const args = ['jobs', 'uv', 'run', '--flavor', flavor, '--timeout', timeout, '--secrets', 'HF_TOKEN', scriptName];
      const exitCode = await runHf(
        hf,
        args,
        {cwd: dir, env: {...ctx.options.env, HF_ENDPOINT: session.target.endpoint, HF_TOKEN: token}},
        (line) => {
          const clean = redactSecrets(line, [token]);
          view.lines.push(clean);
          onLine(clean);
        },
      );
      const after = repo
        ? await client.latestCommit({type: repo.type, name: repo.id}).catch(() => undefined)
        : undefined;
      const verified = Boolean(repo && after && after !== before);
      const where = repo ? `${session.target.endpoint}/${repo.type === 'dataset' ? 'datasets/' : ''}${repo.id}` : '';
      const verdict =
        exitCode === 0
          ? verified
            ? `✓ hf ran the same job and it landed: ${repo!.id} has a new commit (${where}).`
            : `hf ended without an error, but ${repo ? `${repo.id} has no new commit` : 'nothing could be checked'}: look at its output above.`
          : `✗ hf ended with exit code ${exitCode ?? 'none (stopped)'}${verified ? `, though ${repo!.id} has a new commit` : ''}: ${hfFailureHint(view.lines) ?? 'its last lines above say why.'}`;
      view.hf = {exitCode, verified, verdict};
      return view;
    },
  };
}

/** Runs `hf` with the token in its environment only; every output line goes to onLine; stopped after HF_MAX_MS. */
function runHf(
  hf: string,
  args: string[],
  options: {cwd: string; env: Record<string, string | undefined>},
  onLine: (line: string) => void,
): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(hf, args, {
      cwd: options.cwd,
      env: options.env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), HF_MAX_MS);
    timer.unref();
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      // hf prints the job's log: a token it prints over two lines is masked as the token it spells (core/tokens/split.ts).
      const masker = createSplitMasker({
        onLine: (line) => {
          if (line.trim()) onLine(line);
        },
        secrets: options.env.HF_TOKEN ? [options.env.HF_TOKEN] : [],
      });
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const parts = (rest + chunk).split(/\r?\n/);
        rest = parts.pop() ?? '';
        for (const p of parts) masker.push(p);
      });
      stream.on('end', () => {
        if (rest) masker.push(rest);
        masker.flush();
      });
    }
    child.on('error', (error) => {
      clearTimeout(timer);
      onLine(`Could not start hf: ${error.message}`);
      resolve(null);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
