// Which paths a .gitattributes sends to LFS (`filter=lfs`), with git's pattern rules as far as repos on the Hub use them.
import {globMatcher} from '../../core/wildmatch.js';

/** The .gitattributes every new repo on the Hub starts with. */
export const DEFAULT_GITATTRIBUTES = [
  '*.7z',
  '*.arrow',
  '*.bin',
  '*.bz2',
  '*.ckpt',
  '*.ftz',
  '*.gz',
  '*.h5',
  '*.joblib',
  '*.lfs.*',
  '*.mlmodel',
  '*.model',
  '*.msgpack',
  '*.npy',
  '*.npz',
  '*.onnx',
  '*.ot',
  '*.parquet',
  '*.pb',
  '*.pickle',
  '*.pkl',
  '*.pt',
  '*.pth',
  '*.rar',
  '*.safetensors',
  'saved_model/**/*',
  '*.tar.*',
  '*.tar',
  '*.tflite',
  '*.tgz',
  '*.wasm',
  '*.xz',
  '*.zip',
  '*.zst',
  '*tfevents*',
]
  .map((p) => `${p} filter=lfs diff=lfs merge=lfs -text\n`)
  .join('');

interface Rule {
  test: (path: string) => boolean;
  lfs: boolean;
}

/** A pattern as a test over a file's path (core/wildmatch.ts: no backtracking RegExp for a hostile pattern). */
function globTest(pattern: string): (path: string) => boolean {
  return globMatcher(pattern.endsWith('/') ? `${pattern}**` : pattern, false).test;
}

export function parseGitAttributes(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [pattern, ...attrs] = line.split(/\s+/);
    if (!pattern || pattern.startsWith('!')) continue;
    let lfs: boolean | undefined;
    for (const attr of attrs) {
      if (attr === 'filter=lfs') lfs = true;
      else if (attr === '-filter' || attr === '!filter' || (attr.startsWith('filter=') && attr !== 'filter=lfs'))
        lfs = false;
    }
    if (lfs === undefined) continue;
    try {
      rules.push({test: globTest(pattern), lfs});
    } catch {
      // An unparsable pattern is ignored, as git does.
    }
  }
  return rules;
}

/** Whether the last matching rule says LFS. */
export function isLfsByAttributes(rules: Rule[], path: string): boolean {
  let lfs = false;
  for (const rule of rules) if (rule.test(path)) lfs = rule.lfs;
  return lfs;
}
