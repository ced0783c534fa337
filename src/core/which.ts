// Finds a program on a PATH string, as a shell would (first executable match). A small shared leaf: the sandbox's
// job runner and the examples' local command both use it, so neither imports the other.
import {accessSync, constants} from 'node:fs';
import {delimiter, join} from 'node:path';

/** First executable `name` on a PATH string. */
export function which(name: string, path: string | undefined): string | undefined {
  for (const dir of (path ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return undefined;
}
