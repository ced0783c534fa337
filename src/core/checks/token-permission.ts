// token-permission: may this token run Jobs in the target namespace, and push where the scripts push?
import {evaluateGoal, type Goal} from '../tokens/classify.js';
import {result} from './common.js';
import {hubFixes} from './hub-fixes.js';
import {isExampleNamespace, targets, type LiveCheck} from './live-common.js';
import {accountCanWrite} from './repo-access.js';
import type {CheckResult} from './types.js';

const id = 'token-permission';
const title = 'Token may run the job (and push)';

export const tokenPermission: LiveCheck = {
  id,
  title,
  run({ctx, offline, who, model}) {
    if (offline) return [result(id, title, 'skip', 'Skipped: --offline.')];
    if (!who?.ok) return [result(id, title, 'skip', 'Needs a valid token (see token-valid).')];
    const info = who.info;
    const hub = ctx.fixes ?? hubFixes(ctx.endpoint);
    const t = targets(model);
    const goals: {goal: Goal; file?: string; line?: number; label: string}[] = [];
    const namespaces = t.namespaces.filter((n) => !isExampleNamespace(n.name));
    if (namespaces.length === 0)
      goals.push({goal: {kind: 'run-job', namespace: info.user}, label: `run Jobs as ${info.user}`});
    for (const n of namespaces)
      goals.push({
        goal: {kind: 'run-job', namespace: n.name},
        file: n.file,
        line: n.line,
        label: `run Jobs in ${n.name}`,
      });
    for (const p of t.pushes) {
      if (isExampleNamespace(p.repo.namespace)) continue;
      goals.push({goal: {kind: 'push', repo: p.repo}, file: p.file, line: p.line, label: `push to ${p.label}`});
    }
    const out: CheckResult[] = [];
    for (const g of goals) {
      const ns = g.goal.kind === 'run-job' ? g.goal.namespace : g.goal.repo.namespace;
      // Membership problems are repo-access's finding; here only what the token itself lacks.
      const level = accountCanWrite(info, ns).level;
      if (level === 'none' || level === 'read') continue;
      const v = evaluateGoal(info, g.goal);
      const where = g.file !== undefined ? {file: g.file, ...(g.line !== undefined ? {line: g.line} : {})} : undefined;
      if (!v.ok)
        out.push(
          result(
            id,
            title,
            'fail',
            `Cannot ${g.label}: ${v.explanation}`,
            info.kind === 'read'
              ? hub.newToken('a write token, or a fine-grained token with job.write (and repo.write to push)')
              : hub.editToken(v.missing ?? 'the permission this job needs'),
            where,
          ),
        );
      else if (v.uncertain)
        out.push(
          result(id, title, 'warn', `Probably can ${g.label}: ${v.explanation}`, 'Run a small job to confirm.', where),
        );
    }
    if (out.length) return out;
    return [result(id, title, 'pass', `The token may ${goals.map((g) => g.label).join(', ')}.`)];
  },
};
