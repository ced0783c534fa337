// `hf-jobs-wizard sandbox`: serve the offline sandbox Hub until Ctrl-C.
import {parseArgs} from 'node:util';
import {resolve} from 'node:path';
import {sandboxClientGuide} from '../core/sandbox-guide.js';
import {maskToken} from '../core/tokens/mask.js';
import {AppError, EXIT, writeLine, type CommandIo} from '../io.js';
import {appCommand} from '../core/invocation.js';
import {shellQuoteShown} from '../core/jobspec/shell.js';

const HELP = `Usage: hf-jobs-wizard sandbox [--port N] [--data DIR] [--json]

Serves the sandbox Hub: an offline emulation of huggingface.co and HF Jobs on 127.0.0.1,
with practice accounts and tokens. Point any Hugging Face client at it with HF_ENDPOINT.

Options:
  --port N     listen on port N (default: a free port)
  --data DIR   keep accounts, tokens, repos and jobs in DIR across restarts (workshops)
  --json       print one JSON line {url, tokens, users} (practice tokens in full), then serve
  -h, --help   show this help

Practice orgs that fail on purpose (practice-user is a member with write; run a job under one with
\`hf jobs run --namespace ORG ...\` or "namespace" in hf-job.json, then \`troubleshoot --job ORG/ID\`):
  practice-no-credits       submitting a job answers 402 (no pre-paid credits)
  practice-credits-run-out  jobs are canceled at their first output, within 3 s (cancel reason NO_CREDITS)
  practice-token-policy     every jobs request answers 403 (the org's token policy leaves the token pending)
  practice-outage           every jobs request answers 500 Internal Server Error
A job's own failures need no org: a timeout shorter than the script ends it with "Job timeout", and a
script importing a package it does not declare fails with ModuleNotFoundError.

Stops on Ctrl-C (exit 0).`;

const DATA_DIR_PROBLEMS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EEXIST: 'it is a file, not a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOENT: 'a part of the path cannot hold folders',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
};

/** One line saying why the sandbox could not start, naming the port or the --data folder instead of an errno dump. */
function startFailure(error: unknown, port: number, dataDir: string | undefined): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'EADDRINUSE') return `port ${port} is already in use; pick another with --port or omit it`;
  if (code === 'EACCES' && (error as {syscall?: string}).syscall === 'listen')
    return `port ${port} needs special privileges; pick one above 1023 or omit --port`;
  // Another process serves this folder: its URL, not a second server (sandbox/owner.ts).
  if ((error as Error).name === 'SandboxDataError' && (error as {reason?: string}).reason === 'busy')
    return (error as Error).message;
  const problem = DATA_DIR_PROBLEMS[code];
  if (problem && dataDir !== undefined)
    return `cannot use --data ${dataDir} (${problem}); pick a folder you can write to`;
  return (error as Error).message.split('\n')[0] ?? String(error);
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  let values: {port?: string; data?: string; json?: boolean; help?: boolean};
  try {
    ({values} = parseArgs({
      args,
      options: {
        port: {type: 'string'},
        data: {type: 'string'},
        json: {type: 'boolean'},
        help: {type: 'boolean', short: 'h'},
      },
      strict: true,
    }));
  } catch (error) {
    throw new AppError(`${(error as Error).message}. Run \`${appCommand('sandbox --help')}\`.`, {exitCode: EXIT.usage});
  }
  if (values.help) {
    writeLine(io.stdout, HELP);
    return EXIT.ok;
  }
  const port = values.port === undefined ? 0 : /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError(`--port takes a number from 0 to 65535, not "${values.port}".`, {exitCode: EXIT.usage});
  }

  const {startSandbox} = await import('../sandbox/index.js');
  let sandbox;
  try {
    sandbox = await startSandbox({
      port,
      dataDir: values.data === undefined ? undefined : resolve(io.cwd, values.data),
      attach: false,
      // Everyone reaches this one by its URL: its pages say `--endpoint URL` (`--sandbox` opens another sandbox).
      servedByUrl: true,
    });
  } catch (error) {
    const why = startFailure(error, port, values.data);
    throw new AppError(`could not start: ${why}`);
  }

  if (values.json) {
    writeLine(
      io.stdout,
      JSON.stringify({url: sandbox.url, tokens: sandbox.tokens, users: sandbox.users, formKey: sandbox.formKey}),
    );
    // stdout stays one JSON line for scripts; the how-to goes to stderr for the person who started it.
    for (const line of sandboxClientGuide(sandbox.url, sandbox.tokens.write, {printedAbove: true}))
      writeLine(io.stderr, line);
  } else {
    writeLine(io.stdout, `Sandbox Hub listening on ${sandbox.url} (offline, practice data only)`);
    writeLine(
      io.stdout,
      `State: ${sandbox.dataDir}${values.data ? '' : ' (temporary, removed on exit; keep it with --data DIR)'}`,
    );
    writeLine(io.stdout, `Users: ${sandbox.users.join(', ')}`);
    writeLine(io.stdout, 'Practice tokens (run with --json to print them in full):');
    for (const [label, token] of Object.entries(sandbox.tokens))
      writeLine(io.stdout, `  ${label.padEnd(13)} ${maskToken(token)}`);
    // The same folder and port print the same tokens at the same URL; a temporary sandbox's are gone when it stops.
    const flags = values.data
      ? `--data ${shellQuoteShown(sandbox.dataDir)} --port ${new URL(sandbox.url).port}`
      : undefined;
    for (const line of sandboxClientGuide(sandbox.url, sandbox.tokens.write, flags ? {flags} : {}))
      writeLine(io.stdout, line);
    writeLine(
      io.stdout,
      `Browser (device) logins: the approval page needs this process's key; add &key=${sandbox.formKey} to the link the tool prints.`,
    );
    writeLine(
      io.stdout,
      'Only requests to 127.0.0.1, localhost or [::1] on this port are served (no other Host: no DNS rebinding).',
    );
    // A workshop's folder: how the learners on this machine use it (their user must be able to read the folder).
    if (values.data)
      writeLine(
        io.stdout,
        `Learners on this machine (as a user who may read ${sandbox.dataDir}): \`${appCommand(`--endpoint ${sandbox.url}`)}\` (practice tokens offered), \`${appCommand(`learn --endpoint ${sandbox.url} --sandbox-data ${shellQuoteShown(sandbox.dataDir)}`)}\`.`,
      );
    writeLine(io.stdout, 'Press Ctrl-C to stop.');
  }

  await new Promise<void>((resolveStop) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolveStop();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await sandbox.close();
  return EXIT.ok;
}
