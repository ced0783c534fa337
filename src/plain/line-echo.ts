// What plain mode's line reader shows of the line being typed or pasted, a word (a run between spaces) at a time, so
// a token is never echoed whole in any form maskSecrets knows (hf_…, glued to a word as in `tokenhf_…`, base64,
// URL-encoded, with invisible characters inside):
// - a word pasted (it arrives with other characters in one read) is held until it ends, then shown masked;
// - a word typed is shown as typed, except from where a token prefix may start (`h`, `hf`, `api_o`… even glued to the
//   letters before it) and beyond 24 characters (no answer here is typed that long; an encoded token is longer):
//   the rest is held until the word ends, then the word is masked whole and what was not shown yet is shown.
// - a line of a paste that ends where a token (or its encoded form) may go on over the break (a wrap cut it) is held,
//   its line break too, with the lines after it until one ends with nothing open, or the read ends after a line: then
//   they are shown masked together (mask.ts reads a token over the lines a wrap, a log prefix, cut it into).
// Bidi and zero-width characters are kept in the line but never shown. ⌫ takes back a held character unseen, else
// the last thing shown (a masked token whole). Pure: writes go to the function it is given.
import {maskSecrets} from '../core/tokens/mask.js';
import {maskOpenTail, openEncodedStart, openTokenStart} from '../core/tokens/split.js';

/** Kept in the line (a pasted token with one inside is still found and masked), never shown. */
export const UNSHOWN = /[\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const UNSHOWN_ALL = /[\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
/** How a token starts as typed: its prefix, with the _ URL-, HTML- or backslash-escaped, or in fullwidth letters. */
const TOKEN_PREFIXES = ['hf_', 'hf%', 'hf\\', 'hf&', 'api_', 'api%', 'api\\', 'api&', 'ｈｆ＿', 'ａｐｉ＿'];
/** A typed word's characters beyond this are held until the word ends. */
const TYPED_SHOWN_MAX = 24;

/** How much of the end of `s` is the start of a token prefix (`h`, `hf`, `ap`), or 0. */
function prefixTail(s: string): number {
  for (let n = Math.min(s.length, 3); n > 0; n--) {
    const tail = s.slice(-n);
    if (TOKEN_PREFIXES.some((p) => p.startsWith(tail))) return n;
  }
  return 0;
}

/** `s` without its last character (a surrogate pair is one). */
function dropLast(s: string): string {
  const n =
    s.length >= 2 && /[\udc00-\udfff]/.test(s[s.length - 1]!) && /[\ud800-\udbff]/.test(s[s.length - 2]!) ? 2 : 1;
  return s.slice(0, -n);
}

const visible = (s: string) => s.replace(UNSHOWN_ALL, '');

/** Whether a token, or a token's encoded form, may go on past the end of `text` (split.ts: a wrap may have cut it). */
const openAtEnd = (text: string) => openTokenStart(text) !== -1 || openEncodedStart(text) !== -1;
/** Characters of a held paste's lines read for an open token at their end: more than split.ts looks back (256). */
const BLOCK_LOOK = 512;

export class LineEcho {
  /** The line as typed (what the app reads). */
  line = '';
  /** What the screen shows for the line, as pairs (UTF-16 units of the line, columns shown): a character (1 or 2, 1
   *  or 0 unshown) or a masked piece (its length, its mask's). Flat numbers: a long paste makes no object a character. */
  private units: number[] = [];
  /** The current word: what of it was shown (as typed), and what is held back. */
  private shown = '';
  private held = '';
  /** Hold the rest of the current word until it ends (a paste, a token prefix, a long word). */
  private holdAll = false;
  /** What the screen shows of the line being typed (masked pieces as masked). */
  private screen = '';
  /** The lines of a paste held (joined by their breaks) while a token may go on over a break; what the screen shows
   *  of the first (the rest of it and the lines after are not shown yet). */
  private block: {lines: string[]; screen: string} | undefined;

  constructor(private readonly write: (text: string) => void) {}

  /** A printable character; `pasted` when it came with others in one read. */
  type(ch: string, pasted: boolean): void {
    this.line += ch;
    // In a held paste, a line is held whole until it ends.
    if (this.block) return;
    // A space ends a word; an invisible one (U+FEFF, U+2028) inside a token does not cut it in two shown halves.
    if (/\s/.test(ch) && !UNSHOWN.test(ch)) {
      this.endWord();
      this.show(ch);
      return;
    }
    this.held += ch;
    if (this.holdAll || pasted) {
      this.holdAll = true;
      return;
    }
    if (TOKEN_PREFIXES.some((p) => this.held.startsWith(p)) || this.shown.length + this.held.length > TYPED_SHOWN_MAX) {
      this.holdAll = true;
      return;
    }
    const keep = prefixTail(this.held);
    const release = this.held.slice(0, this.held.length - keep);
    this.held = this.held.slice(this.held.length - keep);
    for (const c of release) {
      this.show(c);
      this.shown += c;
    }
  }

  /** Shows what is held of the current word (masked when the word is or holds a token) and starts a new word. */
  endWord(): void {
    const held = this.held;
    const shown = this.shown;
    this.held = '';
    this.shown = '';
    this.holdAll = false;
    if (!held) return;
    const whole = shown + held;
    const masked = maskSecrets(whole);
    if (masked === whole) for (const c of held) this.show(c);
    else if (masked.startsWith(shown)) {
      const rest = visible(masked.slice(shown.length));
      this.print(rest);
      this.units.push(held.length, rest.length);
    } else {
      // The mask rewrites what was shown of the word: take that back and show the word masked.
      this.erase(shown.length);
      const all = visible(masked);
      this.print(all);
      this.units.push(whole.length, all.length);
    }
  }

  /** ⌫: a held character goes unseen, else the last thing shown (a masked token whole). */
  backspace(): void {
    if (this.block || this.held) {
      this.held = dropLast(this.held);
      this.line = dropLast(this.line);
      return;
    }
    if (!this.units.length) return;
    const cols = this.units.pop()!;
    const chars = this.units.pop()!;
    this.line = this.line.slice(0, this.line.length - chars);
    this.unprint(cols);
    // Back inside a word: what is typed next joins it, so it is held and the word masked whole at its end.
    this.shown = /\S*$/.exec(this.line)![0];
    this.holdAll = this.shown !== '';
  }

  /** Ctrl-U: the whole line, on screen too. */
  clear(): void {
    const block = this.block;
    let cols = 0;
    for (let i = 1; i < this.units.length; i += 2) cols += this.units[i]!;
    this.unprint(cols);
    this.reset();
    this.block = block;
  }

  /**
   * Enter: the line, after its last word is shown, then a line break. `pasted`: the Enter came with other characters
   * in one read; a line that may end inside a token is then held with the next (see the top of this file).
   */
  end(pasted = false): string {
    const done = this.line;
    if (this.block) {
      this.block.lines.push(done);
      // Only the end is read (split.ts looks back 256 characters): a long paste is not read again at every line.
      if (!(pasted && openAtEnd(`${this.block.lines.at(-2)!.slice(-BLOCK_LOOK)}\n${done}`))) this.showBlock(false);
    } else if (pasted && this.held && openAtEnd(done)) {
      this.block = {lines: [done], screen: this.screen};
    } else {
      this.endWord();
      this.write('\n');
    }
    const block = this.block;
    this.reset();
    this.block = block;
    return done;
  }

  /** The end of a read: the held lines of a paste are shown when no line is under way (a token open at their end with
   *  8 characters or more of its body shown as its prefix and `…`); a line under way keeps them held until it ends. */
  pause(): void {
    if (!this.block || this.line !== '') return;
    const text = this.block.lines.slice(-2).join('\n').slice(-BLOCK_LOOK);
    const open = openTokenStart(text);
    const body =
      open === -1
        ? ''
        : text
            .slice(open)
            .replace(/[\r\n]/g, '')
            .replace(/^(?:hf_(?:oauth_)?|api_org_)/, '');
    this.showBlock(body.length >= 8);
  }

  /** Shows the held lines masked together, from where the screen's first line differs from them, and a break. */
  private showBlock(open: boolean): void {
    const text = this.block!.lines.join('\n');
    const shown = [...this.block!.screen];
    const masked = [...visible(maskSecrets(open ? maskOpenTail(text) : text))];
    let same = 0;
    while (same < shown.length && masked[same] === shown[same]) same++;
    this.write(`${'\b \b'.repeat(shown.length - same)}${masked.slice(same).join('')}\n`);
    this.block = undefined;
  }

  reset(): void {
    this.block = undefined;
    this.screen = '';
    this.line = '';
    this.units = [];
    this.shown = '';
    this.held = '';
    this.holdAll = false;
  }

  private show(c: string): void {
    const cols = UNSHOWN.test(c) ? 0 : 1;
    if (cols) this.print(c);
    this.units.push(c.length, cols);
  }

  /** Writes `text` on the line being typed. */
  private print(text: string): void {
    this.write(text);
    this.screen += text;
  }

  /** Takes back `cols` characters of the line being typed, on screen. */
  private unprint(cols: number): void {
    this.write('\b \b'.repeat(cols));
    this.screen = [...this.screen].slice(0, [...this.screen].length - cols).join('');
  }

  /** Takes back the last `chars` characters shown (whole units), on screen. */
  private erase(chars: number): void {
    let cols = 0;
    let n = 0;
    while (n < chars && this.units.length) {
      cols += this.units.pop()!;
      n += this.units.pop()!;
    }
    this.unprint(cols);
  }
}
