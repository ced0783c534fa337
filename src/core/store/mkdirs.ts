// Creating a folder and its parents one level at a time. Node's `mkdir(…, {recursive: true})` never returns for a path
// under /proc on Linux (it loops on ENOENT), so `HF_HOME=/proc/x` used to hang login; here each level fails at once
// with its errno, which storeError turns into one clear sentence.
import {mkdir, stat} from 'node:fs/promises';
import {dirname, parse, resolve} from 'node:path';

/** Like `mkdir -p` with `mode` for the levels it creates; existing levels are left as they are. */
export async function makeDirs(dir: string, mode = 0o777): Promise<void> {
  const full = resolve(dir);
  const levels: string[] = [];
  for (let d = full; d !== parse(d).root; d = dirname(d)) levels.unshift(d);
  for (const level of levels) {
    try {
      const s = await stat(level);
      if (s.isDirectory()) continue;
      throw Object.assign(new Error(`${level} is not a folder`), {code: level === full ? 'EEXIST' : 'ENOTDIR'});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    try {
      await mkdir(level, {mode});
    } catch (error) {
      // Another process made it between our stat and mkdir: fine, as long as it is a folder.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !(await stat(level)).isDirectory()) throw error;
    }
  }
}
