// Paths as a person reads them on a narrow screen: `~/…` under the home folder, and cut into rows after a `/` (never
// in the middle of a name, unless one name alone is wider than a row).

/** `~/x/y` for a path under `home` (the shell expands it back); other paths as they are. */
export function homeRelative(path: string, home: string | undefined): string {
  if (!home || home === '/') return path;
  const h = home.replace(/\/+$/, '');
  if (path === h) return '~';
  return path.startsWith(`${h}/`) ? `~${path.slice(h.length)}` : path;
}

/** The path in rows of at most `width` characters, each cut just after a `/` where one is in reach. */
export function pathRows(path: string, width: number): string[] {
  const w = Math.max(1, Math.floor(width));
  const rows: string[] = [];
  let rest = path;
  while (rest.length > w) {
    const slash = rest.lastIndexOf('/', w - 1);
    const cut = slash > 0 ? slash + 1 : w;
    rows.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  rows.push(rest);
  return rows;
}
