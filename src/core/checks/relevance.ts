// Whether a file's text can matter to any check: shared by the scanner (scan.ts) and check's reading thread
// (read-ahead.ts), which answers it for the files it reads so that the main thread neither decodes nor searches
// the ones that hold nothing.
import {isAscii} from 'node:buffer';
import {mayHoldToken} from '../tokens/hidden.js';

/** A NUL in a file's first this-many bytes makes it binary. */
export const SNIFF_BYTES = 8192;

/**
 * Words without which a file holds nothing any check reads: no token, no job submission, no Hub call, no job config.
 * Files without any of them are counted but not parsed (most of a real project).
 */
export const RELEVANT =
  /hf_|api_org_|TOKEN|[Tt]oken|jobs|run_job|run_uv_job|scheduled|push_to_hub|upload|create_|delete_|login|whoami|repo_id|"operation"|"script"|CommitScheduler|duplicate_space|_bucket|hf:\/\//;

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
  if (!RELEVANT.test(text)) return 'irrelevant';
  return mayHoldToken(text) ? 'token' : 'relevant';
}
