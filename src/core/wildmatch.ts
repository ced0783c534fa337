// Git's glob patterns (as in .gitignore and .gitattributes) turned into a regular expression source.
// Shared by the checklist's folder walk and the sandbox's LFS rules.

/**
 * `*` matches within one path segment, `**` across segments, `?` one character, `[...]` a class (`[!...]` negated).
 * `anchored` is true when the pattern contains a slash (git then matches it from the base folder, not at any depth).
 * A leading `/` is dropped after deciding that.
 */
export function wildmatchSource(pattern: string): {source: string; anchored: boolean} {
  let p = pattern;
  const anchored = p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*') {
      if (p[i + 1] === '*') {
        const slashAfter = p[i + 2] === '/';
        re += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = p.indexOf(']', i + 1);
      if (close === -1) re += '\\[';
      else {
        re +=
          '[' +
          p
            .slice(i + 1, close)
            .replace(/^!/, '^')
            .replace(/\\/g, '\\\\') +
          ']';
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return {source: re, anchored};
}

const enum Kind {
  Char,
  Any,
  Class,
  Star,
  DoubleStar,
  DirStar,
}

type Token =
  | {kind: Kind.Char; ch: string}
  | {kind: Kind.Class; re: RegExp}
  | {kind: Kind.Any | Kind.Star | Kind.DoubleStar | Kind.DirStar};

/** The pattern as tokens, read as wildmatchSource reads it (a class becomes a one-character RegExp, as strict). */
function tokens(p: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*') {
      if (p[i + 1] === '*') {
        const slashAfter = p[i + 2] === '/';
        out.push({kind: slashAfter ? Kind.DirStar : Kind.DoubleStar});
        i += slashAfter ? 2 : 1;
      } else out.push({kind: Kind.Star});
    } else if (c === '?') out.push({kind: Kind.Any});
    else if (c === '[' && p.indexOf(']', i + 1) !== -1) {
      const close = p.indexOf(']', i + 1);
      const body = p
        .slice(i + 1, close)
        .replace(/^!/, '^')
        .replace(/\\/g, '\\\\');
      out.push({kind: Kind.Class, re: new RegExp(`^[${body}]$`)});
      i = close;
    } else out.push({kind: Kind.Char, ch: c});
  }
  return out;
}

const looping = (t: Token | undefined) =>
  t !== undefined && (t.kind === Kind.Star || t.kind === Kind.DoubleStar || t.kind === Kind.DirStar);

/**
 * Whether the tokens match `path` (a simulation of their automaton, every state at once: time in path length x
 * pattern length whatever the pattern, where a backtracking RegExp of `*a*a*a*b` took minutes on a long name). From
 * the start, or (`anchored` false) after any '/'; to the end, or (`prefix`) before any '/'.
 */
function simulate(toks: Token[], path: string, anchored: boolean, prefix: boolean): boolean {
  const end = toks.length;
  // `cur`: states reached, each with the loops after it skipped; `inDir`: inside a `**/` loop, which may only be left
  // by a '/' (it is `(?:.*/)?`: skipped at its start, or ended by a slash).
  let cur = new Uint8Array(end + 1);
  let next = new Uint8Array(end + 1);
  let inDir = new Uint8Array(end + 1);
  let nextInDir = new Uint8Array(end + 1);
  const add = (set: Uint8Array, from: number) => {
    for (let i = from; i <= end && !set[i]; i++) {
      set[i] = 1;
      if (!looping(toks[i])) break;
    }
  };
  add(cur, 0);
  for (let at = 0; ; at++) {
    if (cur[end] && (at === path.length || (prefix && path[at] === '/'))) return true;
    if (at === path.length) return false;
    const c = path[at]!;
    next.fill(0);
    nextInDir.fill(0);
    for (let i = 0; i < end; i++) {
      if (inDir[i]) {
        nextInDir[i] = 1;
        if (c === '/') add(next, i + 1);
      }
      if (!cur[i]) continue;
      const t = toks[i]!;
      if (t.kind === Kind.Char) {
        if (c === t.ch) add(next, i + 1);
      } else if (t.kind === Kind.Any) {
        if (c !== '/') add(next, i + 1);
      } else if (t.kind === Kind.Class) {
        if (t.re.test(c)) add(next, i + 1);
      } else if (t.kind === Kind.Star) {
        if (c !== '/') add(next, i);
      } else if (t.kind === Kind.DoubleStar) {
        add(next, i);
      } else {
        nextInDir[i] = 1;
        if (c === '/') add(next, i + 1);
      }
    }
    if (!anchored && c === '/') add(next, 0);
    [cur, next] = [next, cur];
    [inDir, nextInDir] = [nextInDir, inDir];
  }
}

/**
 * A git pattern (as wildmatchSource reads it) as a test over a '/'-separated path: the whole path when the pattern
 * holds a slash, else its last segments; with `prefix`, also a leading part of the path that ends before a '/' (a
 * folder the path is in, as .gitignore rules match). A pattern with at most one `*` and no `**` is a RegExp (fast,
 * and with one loop it cannot backtrack far); any other is simulated (simulate above): a .gitignore line such as
 * `*a*a*a*a*a*b` or `**` repeated, against long names, hung `check` (over 60 s) and could hang the sandbox's commits.
 */
export function globMatcher(pattern: string, prefix: boolean): {anchored: boolean; test: (path: string) => boolean} {
  const {source, anchored} = wildmatchSource(pattern);
  const p = pattern.startsWith('/') ? pattern.slice(1) : pattern;
  const toks = tokens(p);
  const loops = toks.filter(looping);
  if (loops.length <= 1 && loops.every((t) => t.kind === Kind.Star)) {
    const re = new RegExp(`${anchored ? '^' : '(?:^|/)'}${source}${prefix ? '(?:/.*)?' : ''}$`);
    return {anchored, test: (path) => re.test(path)};
  }
  // The longest run of plain characters must be in any path that matches: most paths are ruled out by one search.
  let longest = '';
  let run = '';
  for (const t of [...toks, undefined]) {
    if (t?.kind === Kind.Char) run += t.ch;
    else {
      if (run.length > longest.length) longest = run;
      run = '';
    }
  }
  const simulated = toks.length <= 30 ? simulateBits(toks, anchored, prefix) : undefined;
  return {
    anchored,
    test: (path) => path.includes(longest) && (simulated ? simulated(path) : simulate(toks, path, anchored, prefix)),
  };
}

/** simulate, with the states of a pattern of at most 30 tokens as the bits of one number (several times faster). */
function simulateBits(toks: Token[], anchored: boolean, prefix: boolean): (path: string) => boolean {
  const end = toks.length;
  // closure[i]: state i and the states after the loops it may skip.
  const closure = new Int32Array(end + 2);
  for (let i = end; i >= 0; i--) closure[i] = (1 << i) | (looping(toks[i]) ? closure[i + 1]! : 0);
  const done = 1 << end;
  return (path) => {
    let cur = closure[0]!;
    let inDir = 0;
    for (let at = 0; ; at++) {
      if (cur & done && (at === path.length || (prefix && path[at] === '/'))) return true;
      if (at === path.length || (cur === 0 && inDir === 0 && anchored)) return false;
      const c = path[at]!;
      let next = 0;
      let nextInDir = inDir;
      for (let m = inDir; m; m &= m - 1) if (c === '/') next |= closure[31 - Math.clz32(m & -m) + 1]!;
      for (let m = cur & ~done; m; m &= m - 1) {
        const i = 31 - Math.clz32(m & -m);
        const t = toks[i]!;
        if (t.kind === Kind.Char) {
          if (c === t.ch) next |= closure[i + 1]!;
        } else if (t.kind === Kind.Any) {
          if (c !== '/') next |= closure[i + 1]!;
        } else if (t.kind === Kind.Class) {
          if (t.re.test(c)) next |= closure[i + 1]!;
        } else if (t.kind === Kind.Star) {
          if (c !== '/') next |= closure[i]!;
        } else if (t.kind === Kind.DoubleStar) next |= closure[i]!;
        else {
          nextInDir |= 1 << i;
          if (c === '/') next |= closure[i + 1]!;
        }
      }
      if (!anchored && c === '/') next |= closure[0]!;
      cur = next;
      inDir = nextInDir;
    }
  };
}
