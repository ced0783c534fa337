// `check` on this repository's own src/: no false alarm (the code talks about tokens a lot, and holds none).
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {viaMain} from '../helpers/command.js';
import {STATIC_CHECK_IDS, type CheckReport} from '../../src/core/checks/types.js';
import {makeIo} from './helpers-auth.js';

const check = viaMain('check');

const ROOT = join(import.meta.dirname, '../..');

describe('check on our own source', () => {
  it('src/ gets no static warning or failure', async () => {
    const i = makeIo({HOME: '/nonexistent-home'});
    i.cwd = ROOT;
    await check(['src', '--offline', '--json'], i);
    const report = JSON.parse(i.out()) as CheckReport;
    const statics = report.checks.filter((c) => (STATIC_CHECK_IDS as readonly string[]).includes(c.id));
    expect(statics.length).toBeGreaterThanOrEqual(STATIC_CHECK_IDS.length);
    expect(statics.filter((c) => c.status === 'warn' || c.status === 'fail')).toEqual([]);
    expect(statics.find((c) => c.id === 'hardcoded-token')?.message).toMatch(
      /^No token-shaped strings in \d+ files\.$/,
    );
  });
});
