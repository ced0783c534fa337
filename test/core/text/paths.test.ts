// Paths on a narrow screen: `~/…` under the home folder, rows cut after a `/`, never in the middle of a name.
import {describe, expect, it} from 'vitest';
import {homeRelative, pathRows} from '../../../src/core/text/paths.js';

describe('paths on screen', () => {
  it('shows a path under the home folder as ~/…, any other path as it is', () => {
    expect(homeRelative('/home/ada/.cache/hf/token', '/home/ada')).toBe('~/.cache/hf/token');
    expect(homeRelative('/home/ada/.cache/hf/token', '/home/ada/')).toBe('~/.cache/hf/token');
    expect(homeRelative('/home/ada', '/home/ada')).toBe('~');
    expect(homeRelative('/home/adam/x', '/home/ada')).toBe('/home/adam/x');
    expect(homeRelative('/etc/x', undefined)).toBe('/etc/x');
    expect(homeRelative('/etc/x', '/')).toBe('/etc/x');
  });

  it('cuts a long path into rows after a slash: every row fits, no name is split, nothing is lost', () => {
    const path = '/tmp/nc-home3/.cache/hf-jobs-wizard/sandbox-data/hf-home/stored_tokens';
    const rows = pathRows(path, 58);
    expect(rows).toEqual(['/tmp/nc-home3/.cache/hf-jobs-wizard/sandbox-data/hf-home/', 'stored_tokens']);
    for (const width of [15, 20, 33, 58, 100]) {
      const r = pathRows(path, width);
      expect(r.join('')).toBe(path);
      for (const row of r) expect(row.length).toBeLessThanOrEqual(width);
      // Each row but the last ends at a slash: a name is never cut in two when it fits a row.
      for (const row of r.slice(0, -1)) expect(row.endsWith('/')).toBe(true);
    }
    expect(pathRows('/short', 58)).toEqual(['/short']);
  });

  it('a name wider than a row is cut at the edge (there is no better place)', () => {
    const rows = pathRows(`/x/${'n'.repeat(25)}/y`, 10);
    expect(rows.join('')).toBe(`/x/${'n'.repeat(25)}/y`);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(10);
    expect(rows[0]).toBe('/x/');
  });
});
