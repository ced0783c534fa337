// Whether a file's text can matter to any check: shared by the scanner (scan.ts) and check's reading thread
// (read-ahead.ts), which answers it for the files it reads so that the main thread neither decodes nor searches
// the ones that hold nothing.
import {isAscii} from 'node:buffer';
import {extname, sep} from 'node:path';
import {BASE64_HINT_PATTERN, mayHoldToken} from '../tokens/hidden.js';

/** A NUL in a file's first this-many bytes makes it binary. */
export const SNIFF_BYTES = 8192;

/**
 * Words without which a file holds nothing any check reads: no token, no job submission, no Hub call, no job config.
 * Files without any of them are counted but not parsed (most of a real project). A token written in base64 holds
 * none of them (`HF_B64=aGZf…` in a .env): the base64 hints of the token prefixes (core/tokens/hidden.ts) are among
 * the words, searched last.
 */
export const RELEVANT =
  /hf_|api_org_|TOKEN|[Tt]oken|jobs|run_job|run_uv_job|scheduled|push_to_hub|upload|create_|delete_|login|whoami|repo_id|"operation"|"script"|CommitScheduler|duplicate_space|_bucket|hf:\/\/|aGZf|hmX|oZl|YXBpX29yZ1|FwaV9vcmdf|hcGlfb3JnX/;

/**
 * Shorter words that every RELEVANT word holds one of (`hf` for `hf_` and `hf://`, `oken`/`OKEN` for the token words,
 * `job` for `jobs`/`run_job`/`run_uv_job`, `chedule` for `scheduled`/`CommitScheduler`), each its own pattern. A file
 * without any of them holds no RELEVANT word; one with them is scanned (a few more files than RELEVANT passes, never
 * fewer). Searched one at a time they cost half the one alternation's pass over a text that holds none (which is most
 * texts): V8 tries each of the alternation's 21 words at every character, while one word's pattern skips ahead
 * (Boyer-Moore). Counted with valgrind on 2,500 such files of 4 KB: 149,000 instructions a file before, 75,000 after.
 */
const RELEVANT_WORDS = [
  /hf/,
  /OKEN/,
  /oken/,
  /job/,
  /push_to_hub/,
  /upload/,
  /create_/,
  /delete_/,
  /login/,
  /whoami/,
  /repo_id/,
  /chedule/,
  /"operation"/,
  /"script"/,
  /_bucket/,
  /duplicate_space/,
  /api_org_/,
  // Last: a base64 token's hints (one pattern; only texts with none of the words above pay for it).
  BASE64_HINT_PATTERN,
];

/** Whether a text may hold a RELEVANT word (see RELEVANT_WORDS); false only when it holds none. */
export function mayBeRelevant(text: string): boolean {
  for (let i = 0; i < RELEVANT_WORDS.length; i++) if (RELEVANT_WORDS[i]!.test(text)) return true;
  return false;
}

/**
 * For an ASCII file's bytes: 'binary' (a NUL in its first SNIFF_BYTES), 'irrelevant' (text without a RELEVANT word),
 * 'token' (relevant, and it may hold a token in some form: mayHoldToken) or 'relevant'; undefined for a file that is not
 * ASCII (the scanner decodes and judges it itself).
 */
export function asciiVerdict(
  buf: Buffer,
  from: number,
  to: number,
): 'binary' | 'irrelevant' | 'relevant' | 'token' | undefined {
  if (!isAscii(buf.subarray(from, to))) return undefined;
  const text = buf.toString('latin1', from, to);
  const nul = text.indexOf('\0');
  if (nul !== -1 && nul < SNIFF_BYTES) return 'binary';
  if (!mayBeRelevant(text)) return 'irrelevant';
  return mayHoldToken(text) ? 'token' : 'relevant';
}

/** Files read by neither the scanner nor its reading thread: binary by their name. */
export const BINARY_EXT = new Set([
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.ico',
  '.pdf',
  '.zip',
  '.gz',
  '.tgz',
  '.bz2',
  '.xz',
  '.zst',
  '.7z',
  '.tar',
  '.whl',
  '.so',
  '.dylib',
  '.dll',
  '.exe',
  '.bin',
  '.pt',
  '.pth',
  '.ckpt',
  '.safetensors',
  '.onnx',
  '.gguf',
  '.parquet',
  '.arrow',
  '.npy',
  '.npz',
  '.pkl',
  '.h5',
  '.mp3',
  '.mp4',
  '.wav',
  '.mov',
  '.woff',
  '.woff2',
  '.ttf',
  '.otf',
  '.pyc',
  '.class',
  '.jar',
  '.db',
  '.sqlite',
]);

/**
 * path.extname for the paths the walk gives (absolute, normalised, with `/`), lower-cased: the same answer from two
 * native searches instead of a character-by-character loop over the whole path (it ran 2-3 times a file). Elsewhere
 * (Windows separators) path.extname itself.
 */
export function extOf(file: string): string {
  if (sep !== '/') return extname(file).toLowerCase();
  const base = file.lastIndexOf('/') + 1;
  const dot = file.lastIndexOf('.');
  // No dot in the name, or only a leading one (`.bashrc`), or the name `..`: no extension.
  if (dot <= base || (dot === base + 1 && file.length === base + 2 && file[base] === '.')) return '';
  return file.slice(dot).toLowerCase();
}
