// Which paths a .gitattributes sends to LFS (`filter=lfs`), with git's pattern rules as far as repos on the Hub use them.
import {wildmatchSource} from '../../core/wildmatch.js';

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
  re: RegExp;
  lfs: boolean;
}

function globToRegExp(pattern: string): RegExp {
  let p = pattern;
  if (p.endsWith('/')) p += '**';
  const {source: re, anchored} = wildmatchSource(p);
  return new RegExp(anchored ? `^${re}$` : `(?:^|/)${re}$`);
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
      rules.push({re: globToRegExp(pattern), lfs});
    } catch {
      // An unparsable pattern is ignored, as git does.
    }
  }
  return rules;
}

/** Whether the last matching rule says LFS. */
export function isLfsByAttributes(rules: Rule[], path: string): boolean {
  let lfs = false;
  for (const rule of rules) if (rule.re.test(path)) lfs = rule.lfs;
  return lfs;
}
