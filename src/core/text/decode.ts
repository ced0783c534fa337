// The bytes of a text a person saved or piped to us (an error log for troubleshoot): UTF-8, or UTF-16 where that is
// what was written. Windows PowerShell 5.1's `python job.py 2>&1 > error.txt` writes UTF-16LE with a byte order mark:
// read as UTF-8, every other character was a NUL and no rule recognised the 401 in it ("Not recognised"). Pure.

function swapped(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1]!;
    out[i + 1] = bytes[i]!;
  }
  return out;
}

/** Whether the start looks like UTF-16 without a mark: NUL in most odd (LE) or even (BE) bytes, none in the others. */
function utf16Without(bytes: Uint8Array): 'le' | 'be' | undefined {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 8) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.6 && evenNul === 0) return 'le';
  if (evenNul >= pairs * 0.6 && oddNul === 0) return 'be';
  return undefined;
}

/** Whether the bytes start with a UTF-16 byte order mark (FF FE little-endian, FE FF big-endian). */
export function hasUtf16Mark(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The text: UTF-8 (its mark dropped), or UTF-16 LE/BE when it starts with that mark or looks like it. */
export function decodeText(bytes: Uint8Array): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16le').decode(swapped(bytes.subarray(2)));
  const guess = utf16Without(bytes);
  if (guess === 'le') return new TextDecoder('utf-16le').decode(bytes);
  if (guess === 'be') return new TextDecoder('utf-16le').decode(swapped(bytes));
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}
