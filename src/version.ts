// The package version, injected by scripts/build.mjs; read from package.json when running from source.
import {readFileSync} from 'node:fs';

declare const __VERSION__: string | undefined;

function versionFromPackageJson(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version?: string};
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : versionFromPackageJson();
