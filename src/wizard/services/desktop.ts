// The wizard's desktop services: open a URL in the browser and copy a text to the clipboard, with the platform's
// helper programs (never a shell); both answer false when nothing could do it, so the screen shows the text instead.
import {spawn} from 'node:child_process';
import type {Env} from '../../core/store/paths.js';
import type {WizardServices} from '../../core/wizard/services.js';
import type {ServiceContext} from './context.js';

export type DesktopServices = Pick<WizardServices, 'openUrl' | 'copyToClipboard'>;

export function createDesktopServices(ctx: ServiceContext): DesktopServices {
  const env = ctx.options.env;
  return {
    openUrl: (url) => openInBrowser(url, env),
    copyToClipboard: (text) => copyText(text, env),
  };
}

/** Runs a helper, feeding it stdin; resolves true on exit code 0, false on any failure (missing program included). */
function runHelper(command: string, args: string[], input?: string): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, {
        stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'ignore'],
        detached: input === undefined,
      });
      child.on('error', () => resolve(false));
      child.on('exit', (code) => resolve(code === 0));
      if (input !== undefined) child.stdin?.end(input);
      else child.unref();
      if (input === undefined) setTimeout(() => resolve(true), 300);
    } catch {
      resolve(false);
    }
  });
}

/**
 * The program and arguments that open `url` in the browser here, or undefined (not a web address, or no desktop).
 * Only http(s): the URL may come from a server (a device login's verification address, a job page), and the
 * desktop opens whatever a file: or app link names. On Windows never through `cmd /c start`: cmd splits the URL at
 * `&` and `|` and runs the rest as commands (the sandbox's own `?user_code=…&key=…` link was cut there).
 */
export function browserCommand(
  url: string,
  platform: NodeJS.Platform,
  env: Env,
): {command: string; args: string[]} | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const href = parsed.href;
  if (platform === 'darwin') return {command: 'open', args: [href]};
  if (platform === 'win32') return {command: 'rundll32', args: ['url.dll,FileProtocolHandler', href]};
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
  return {command: 'xdg-open', args: [href]};
}

export async function openInBrowser(url: string, env: Env): Promise<boolean> {
  if (env.HF_WIZARD_NO_BROWSER) return false;
  const how = browserCommand(url, process.platform, env);
  return how ? runHelper(how.command, how.args) : false;
}

export async function copyText(text: string, env: Env): Promise<boolean> {
  if (process.platform === 'darwin') return runHelper('pbcopy', [], text);
  if (process.platform === 'win32') return runHelper('clip', [], text);
  if (env.WSL_DISTRO_NAME && (await runHelper('clip.exe', [], text))) return true;
  if (env.WAYLAND_DISPLAY && (await runHelper('wl-copy', [], text))) return true;
  if (env.DISPLAY)
    return (
      (await runHelper('xclip', ['-selection', 'clipboard'], text)) ||
      runHelper('xsel', ['--clipboard', '--input'], text)
    );
  return false;
}
