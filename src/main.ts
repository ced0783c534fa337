// Picks a command and loads only that command's code. src/cli.tsx runs it; tests call main() directly.
import {COMMANDS, findCommand} from './commands/registry.js';
import {sanitizeLine} from './core/text/sanitize.js';
import {appCommand} from './core/invocation.js';
import {EXIT, guardIo, type CommandIo} from './io.js';
import {prepaintWizard} from './prepaint.js';
import {applyNetworkEnv, runLoaded} from './run-command.js';
import {VERSION} from './version.js';

export function usageText(): string {
  const listed = COMMANDS.filter((c) => !c.hidden);
  return [
    `hf-jobs-wizard ${VERSION}: from a Hugging Face account to a first HF Job that ran with the right token.`,
    '',
    'Usage:',
    `  hf-jobs-wizard [--sandbox | --endpoint URL] [--plain]`,
    '      the interactive wizard (--sandbox: practise offline on the built-in sandbox Hub)',
    '',
    'Commands:',
    // Each usage on its own line and what it does under it: a usage padded to the longest (108 characters) with
    // its summary beside it wrapped every line on an 80- or 100-column terminal.
    ...listed.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '',
    'Every command takes --help.',
    'Exit codes: 0 ok (quitting the wizard with q too), 1 a check or job failed, 2 usage error, 130 Ctrl-C.',
    'Endpoint: --endpoint, else HF_ENDPOINT, else https://huggingface.co. Token: HF_TOKEN, else the saved login.',
  ].join('\n');
}

export async function main(argv: string[], rawIo: CommandIo): Promise<number> {
  await applyNetworkEnv(rawIo.env);
  const [first, ...rest] = argv;
  // Every byte a command writes goes through the mask: a token echoed from argv, a server answer or a log is cut.
  // Except `sandbox`: printing its own practice tokens (offline, minted for this sandbox) is what it is for.
  const io = first === 'sandbox' ? rawIo : guardIo(rawIo);
  if (first === '--version' || first === '-V') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(usageText() + '\n');
    return EXIT.ok;
  }
  const command = first !== undefined && !first.startsWith('-') ? findCommand(first) : undefined;
  if (first !== undefined && !first.startsWith('-') && !command) {
    // The word typed is echoed: shown, never obeyed (an escape code in argv).
    // The command as it can be pasted (npx), like every other hint.
    io.stderr.write(`Unknown command "${sanitizeLine(first)}". Run \`${appCommand('--help')}\` for the list.\n`);
    return EXIT.usage;
  }
  if (!command) prepaintWizard(argv, io);
  return command
    ? runLoaded(command.load, rest, io, `hf-jobs-wizard ${command.name}`)
    : runLoaded(() => import('./commands/wizard.js'), argv, io, 'hf-jobs-wizard');
}

/** Kept for callers that imported it from here; the port owns it now. */
export {describeError} from './io.js';
