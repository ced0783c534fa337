// repo-access: are the namespaces the jobs run in (and the repos scripts push to) ones this account can write?
import type {TokenInfo} from '../tokens/classify.js';
import {result} from './common.js';
import {isExampleNamespace, targets, type LiveCheck} from './live-common.js';
import type {CheckResult} from './types.js';

const id = 'repo-access';
const title = 'Target namespaces are writable';
const WRITE_ROLES = new Set(['admin', 'write', 'contributor']);

export function accountCanWrite(
  info: TokenInfo,
  namespace: string,
): {level: 'write' | 'read' | 'none' | 'unknown'; why: string} {
  if (namespace === info.user) return {level: 'write', why: 'your own namespace'};
  const org = info.orgs.find((o) => o.name === namespace);
  if (!org) return {level: 'none', why: `${info.user} is not a member of "${namespace}"`};
  if (!org.roleInOrg) return {level: 'unknown', why: `your role in "${namespace}" is not reported`};
  return WRITE_ROLES.has(org.roleInOrg)
    ? {level: 'write', why: `you are ${org.roleInOrg} in "${namespace}"`}
    : {level: 'read', why: `your role in "${namespace}" is "${org.roleInOrg}"`};
}

export const repoAccess: LiveCheck = {
  id,
  title,
  run({offline, who, model}) {
    if (offline) return [result(id, title, 'skip', 'Skipped: --offline.')];
    if (!who?.ok) return [result(id, title, 'skip', 'Needs a valid token (see token-valid).')];
    const info = who.info;
    const t = targets(model);
    const wanted = [
      ...t.namespaces.map((n) => ({ns: n.name, what: `run Jobs in ${n.name}`, file: n.file, line: n.line})),
      ...t.pushes.map((p) => ({ns: p.repo.namespace, what: `push to ${p.label}`, file: p.file, line: p.line})),
    ].filter((w) => !isExampleNamespace(w.ns));
    const out: CheckResult[] = [];
    for (const w of wanted) {
      const a = accountCanWrite(info, w.ns);
      const where = {file: w.file, line: w.line};
      if (a.level === 'none')
        out.push(
          result(
            id,
            title,
            'fail',
            `Cannot ${w.what}: ${a.why}.`,
            w.ns === info.user ? '' : `Use your own namespace "${info.user}", or ask an admin of "${w.ns}" to add you.`,
            where,
          ),
        );
      else if (a.level === 'read')
        out.push(
          result(
            id,
            title,
            'fail',
            `Cannot ${w.what}: ${a.why}, which cannot write.`,
            `Ask an admin of "${w.ns}" for the write role, or use "${info.user}".`,
            where,
          ),
        );
      else if (a.level === 'unknown')
        out.push(
          result(
            id,
            title,
            'warn',
            `May not be able to ${w.what}: ${a.why}.`,
            'The Hub decides; run a small job to confirm.',
            where,
          ),
        );
    }
    if (out.length) return out;
    return [
      result(
        id,
        title,
        'pass',
        wanted.length
          ? `You can write to ${[...new Set(wanted.map((w) => w.ns))].join(', ')}.`
          : `Jobs run in your own namespace (${info.user}).`,
      ),
    ];
  },
};
