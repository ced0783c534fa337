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

export async function openInBrowser(url: string, env: Env): Promise<boolean> {
  if (env.HF_WIZARD_NO_BROWSER) return false;
  if (process.platform === 'darwin') return runHelper('open', [url]);
  if (process.platform === 'win32') return runHelper('cmd', ['/c', 'start', '""', url]);
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return false;
  return runHelper('xdg-open', [url]);
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
