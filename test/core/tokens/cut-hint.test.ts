// cutHintAt (core/tokens/hidden.ts) finds its candidate breaks with one pattern; the loop over every break it
// replaced (kept here as the reference) gives the same answers, on generated wrapped blocks and on real texts.
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {cutHintAt, mayHoldToken} from '../../../src/core/tokens/hidden.js';
import {mayHoldWrittenToken} from '../../../src/core/tokens/mask.js';
import {lineStartAfter} from '../../../src/core/tokens/wrapped.js';

const HINT = /aGZf|hmX|oZl|YXBpX29yZ1|FwaV9vcmdf|hcGlfb3JnX/g;
const isBase64Code = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 95 || c === 45;

/** The former loop: every break, the 40 characters before it read one by one. */
function reference(text: string, from: number): number {
  for (let i = text.indexOf('\n', from); i !== -1; i = text.indexOf('\n', i + 40)) {
    const end = text.charCodeAt(i - 1) === 0x0d ? i - 1 : i;
    let k = 0;
    while (k < 40 && isBase64Code(text.charCodeAt(end - 1 - k))) k++;
    if (k < 40) continue;
    let next = i + 1;
    while (next - i <= 64 && (text[next] === ' ' || text[next] === '\t')) next++;
    HINT.lastIndex = 0;
    if (HINT.test(text.slice(end - 9, end) + text.slice(next, next + 9))) return end;
  }
  return -1;
}

/**
 * A hint cut by a break after 24 base64 characters, the next line going on after a log prefix or an indentation (what
 * hidden.ts's base64 finder reads there, prefixedCutHints): every break, read one by one.
 */
function prefixedReference(text: string): boolean {
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    const end = text.charCodeAt(i - 1) === 0x0d ? i - 1 : i;
    let k = 0;
    while (k < 24 && isBase64Code(text.charCodeAt(end - 1 - k))) k++;
    if (k < 24) continue;
    const next = lineStartAfter(text, end, isBase64Code, 40);
    if (next === -1 || next === i + 1) continue;
    HINT.lastIndex = 0;
    if (HINT.test(text.slice(end - 9, end) + text.slice(next, next + 9))) return true;
  }
  return false;
}

const all = (find: (t: string, f: number) => number, text: string) => {
  const out: number[] = [];
  for (let at = find(text, 0); at !== -1; at = find(text, at + 2)) out.push(at);
  return out;
};

/** A small seeded generator (xorshift). */
function rng(seed: number) {
  let x = seed || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

describe('cutHintAt', () => {
  it('answers as the loop it replaced on 3,000 generated texts (wrapped base64 with hints, CRLF, indents, words)', () => {
    const r = rng(42);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-';
    const pieces = [
      'aGZf',
      'hmX',
      'oZl',
      'YXBpX29yZ1',
      'a',
      'aG',
      'h',
      'o',
      ' ',
      '\t',
      '\n',
      '\r\n',
      'word ',
      '= ',
      ':',
    ];
    let found = 0;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const width = 38 + Math.floor(r() * 8);
      const indent = r() < 0.3 ? '  ' : '';
      while (text.length < 600) {
        if (r() < 0.5) {
          let line = indent;
          for (let k = 0; k < width; k++)
            line += r() < 0.05 ? pieces[Math.floor(r() * 4)] : alphabet[Math.floor(r() * alphabet.length)];
          text += line + (r() < 0.2 ? '\r\n' : '\n');
        } else text += pieces[Math.floor(r() * pieces.length)];
      }
      const want = all(reference, text);
      found += want.length;
      expect(all(cutHintAt, text), JSON.stringify(text)).toEqual(want);
    }
    expect(found).toBeGreaterThan(100); // the generated texts do hold cut hints
  });

  it('answers as the loop on the texts of this repository (sources, tests, lessons, fixtures)', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, {withFileTypes: true})) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.isFile() && statSync(p).size < 1_000_000) files.push(p);
      }
    };
    for (const dir of ['src', 'test', 'lessons']) walk(dir);
    expect(files.length).toBeGreaterThan(300);
    for (const f of files) {
      const text = readFileSync(f, 'latin1');
      expect(all(cutHintAt, text), f).toEqual(all(reference, text));
    }
  });

  it('is what mayHoldToken reads as three passes: its one-pass gate answers as the three (generated and repository texts)', () => {
    // mayHoldToken as it was: each sign its own pass (session 12 added the written forms' and prefixedCutHints' signs).
    const PREFIX_CUT = /(?<![A-Za-z0-9_])(?:hf?|a(?:p(?:i(?:_(?:o(?:rg?)?)?)?)?)?)(?:["'`]|\\\r?\n)/;
    // A written underscore (or fullwidth letters) right after a prefix's letters: the written forms' sign.
    const WRITTEN_AT_PREFIX =
      /(?<![A-Za-z0-9_])(?:hf?|a(?:p(?:i(?:_(?:o(?:rg?)?)?)?)?)?)(?:&|\\[ux]|[\uFE33\uFE34\uFE4D-\uFE4F\uFF3F\u00ad\u200b-\u200f\u2060-\u2064\ufeff])|\uFF48\uFF46|\uFF41\uFF50\uFF49/;
    const oldMayHold = (t: string) => {
      HINT.lastIndex = 0;
      return (
        t.includes('hf_') ||
        t.includes('api_org_') ||
        HINT.test(t) ||
        reference(t, 0) !== -1 ||
        PREFIX_CUT.test(t) ||
        ((t.includes('%5') || t.includes('%25')) && /%(?:25)*5[fF]/.test(t)) ||
        // The gate's other signs let a written form elsewhere in the text through too.
        ((WRITTEN_AT_PREFIX.test(t) || /(?<=[A-Za-z0-9+/_-]{24}\r?)\n/.test(t)) && mayHoldWrittenToken(t)) ||
        prefixedReference(t)
      );
    };
    const r = rng(7);
    const pieces = [
      'aGZf',
      'hmX',
      'oZl',
      'YXBpX29yZ1',
      '"h" + "f_',
      "'a' + 'pi_",
      'api_\\\n',
      '%5F',
      'hf\\u005f',
      'hf&#95;',
      '68665f',
      'hf\uff3f',
      `\n2026-12-08 00:16:10,101 INFO ${'x'.repeat(30)}aG\n2026-12-08 00:16:11,102 INFO ZfQ`,
      '%255f',
      'hf_',
      ' ',
      '\n',
      '\r\n',
      'ab',
    ];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-';
    let yes = 0;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      while (text.length < 300) {
        if (r() < 0.008) text += pieces[Math.floor(r() * pieces.length)];
        // A wrapped line that ends in a hint's first half, the next line starting with its second (the only sign).
        else if (r() < 0.01)
          text += `${alphabet.slice(10, 48)}aG${r() < 0.5 ? '\n' : '\r\n'}${r() < 0.5 ? '  ' : ''}ZfQ`;
        else if (r() < 0.1) text += alphabet.slice(0, 10 + Math.floor(r() * 28)) + (r() < 0.5 ? '\n' : '\r\n');
        else text += alphabet[Math.floor(r() * alphabet.length)] + (r() < 0.1 ? ' ' : '');
      }
      const want = oldMayHold(text);
      if (want) yes++;
      expect(mayHoldToken(text), JSON.stringify(text)).toBe(want);
    }
    // Both answers are common among the generated texts.
    expect(yes).toBeGreaterThan(300);
    expect(yes).toBeLessThan(2700);
    for (const dir of ['src', 'test', 'lessons']) {
      const walk = (d: string): void => {
        for (const e of readdirSync(d, {withFileTypes: true})) {
          const p = join(d, e.name);
          if (e.isDirectory()) walk(p);
          else if (e.isFile() && statSync(p).size < 1_000_000) {
            const text = readFileSync(p, 'latin1');
            expect(mayHoldToken(text), p).toBe(oldMayHold(text));
          }
        }
      };
      walk(dir);
    }
  });
});
