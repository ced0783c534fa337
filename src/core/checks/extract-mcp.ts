// MCP `hf_jobs` calls and hf-job.json configs, from a parsed literal (JSON or the `hf_jobs("uv", {...})` pseudo-syntax).
import {CONFIG_KEYS} from '../jobspec/config.js';
import {dictGet, type Lit} from '../jobspec/literal.js';
import {nearest} from '../jobspec/similar.js';
import {argsHubWrite, newSubmission, type Entry, type Submission} from './types.js';

const COMMON = ['flavor', 'env', 'secrets', 'timeout', 'volumes', 'detach', 'namespace', 'help'];
/** The real argument names of the MCP tool, per operation (hf-jobs-skill-and-mcp.md §2b). */
export const MCP_ARGS: Record<string, readonly string[]> = {
  uv: ['script', 'with_deps', 'script_args', 'python', ...COMMON],
  run: ['image', 'command', ...COMMON],
  'scheduled uv': ['script', 'with_deps', 'script_args', 'python', 'schedule', 'suspend', ...COMMON],
  'scheduled run': ['image', 'command', 'schedule', 'suspend', ...COMMON],
  ps: ['all', 'status', 'namespace', 'help'],
  logs: ['job_id', 'tail', 'namespace', 'help'],
  inspect: ['job_id', 'namespace', 'help'],
  cancel: ['job_id', 'namespace', 'help'],
  'scheduled ps': ['all', 'namespace', 'help'],
  'scheduled inspect': ['scheduled_job_id', 'namespace', 'help'],
  'scheduled delete': ['scheduled_job_id', 'namespace', 'help'],
  'scheduled suspend': ['scheduled_job_id', 'namespace', 'help'],
  'scheduled resume': ['scheduled_job_id', 'namespace', 'help'],
};
export const MCP_OPERATIONS = Object.keys(MCP_ARGS);

const UV_IMAGE_NOTE =
  'the MCP "uv" operation has no image argument and always uses ghcr.io/astral-sh/uv:python3.12-bookworm; for another image use operation "run" with your own command, or `hf jobs uv run --image`';

function mcpArgMessage(op: string, name: string): string {
  const isUv = op === 'uv' || op === 'scheduled uv';
  if (isUv && (name === 'dependencies' || name === 'deps' || name === 'packages'))
    return `"${name}" is not an argument of the MCP tool: it is "with_deps". The tool drops unknown arguments silently, so the packages would not be installed.`;
  if (isUv && (name === 'image' || name === 'docker_image')) return `"${name}" is ignored: ${UV_IMAGE_NOTE}.`;
  if (op.startsWith('scheduled ') && name === 'job_id' && MCP_ARGS[op]!.includes('scheduled_job_id'))
    return '"job_id" is not an argument here: scheduled operations take "scheduled_job_id".';
  const guess = nearest(name, MCP_ARGS[op] ?? []);
  return `"${name}" is not an argument of the MCP "${op}" operation${guess ? `: did you mean "${guess}"?` : ''}. The tool drops unknown arguments silently. Known: ${(MCP_ARGS[op] ?? []).join(', ')}.`;
}

function entries(lit: Lit | undefined): {entries: Entry[]; opaque: boolean} {
  if (!lit) return {entries: [], opaque: false};
  if (lit.t !== 'dict') return {entries: [], opaque: true};
  const out: Entry[] = [];
  for (const e of lit.entries) {
    if (e.key.t !== 'str') continue;
    if (e.value.t === 'str') out.push({key: e.key.v, source: 'literal', value: e.value.v, line: e.value.line});
    else if (e.value.t === 'expr') out.push({key: e.key.v, source: 'expr', value: e.value.src, line: e.value.line});
    else
      out.push({
        key: e.key.v,
        source: 'literal',
        value: String((e.value as {raw?: string}).raw ?? ''),
        line: e.value.line,
      });
  }
  return {entries: out, opaque: false};
}

/** Builds the submission fields shared by MCP and config: script, secrets, env, flavor, timeout, namespace. */
function fill(sub: Submission, args: Lit & {t: 'dict'}): void {
  const script = dictGet(args, 'script');
  if (script)
    sub.script = {
      value: script.value.t === 'str' ? script.value.v : '',
      line: script.value.line,
      literal: script.value.t === 'str',
    };
  const s = entries(dictGet(args, 'secrets')?.value);
  sub.secrets = s.entries;
  sub.secretsOpaque = s.opaque;
  const e = entries(dictGet(args, 'env')?.value);
  sub.env = e.entries;
  sub.envOpaque = e.opaque;
  const flavor = dictGet(args, 'flavor');
  if (flavor && flavor.value.t === 'str') sub.flavor = {value: flavor.value.v, line: flavor.value.line};
  const timeout = dictGet(args, 'timeout');
  if (timeout && (timeout.value.t === 'str' || timeout.value.t === 'num'))
    sub.timeout = {value: timeout.value.v, line: timeout.value.line};
  const ns = dictGet(args, 'namespace');
  if (ns && ns.value.t === 'str') sub.namespace = {value: ns.value.v, line: ns.value.line};
  const jobArgs = dictGet(args, 'script_args') ?? dictGet(args, 'command');
  if (jobArgs?.value.t === 'list') {
    const writes = argsHubWrite(jobArgs.value.items.map((i) => (i.t === 'str' ? i.v : '')).join(' '));
    if (writes) sub.argsWrite = {value: writes, line: jobArgs.value.line};
  }
}

/** One MCP call: `{"operation": "uv", "args": {...}}` (or `hf_jobs("uv", {...})`). */
export function mcpSubmission(
  operation: string,
  args: Lit | undefined,
  file: string,
  line: number,
  api?: string,
): Submission {
  const op = operation.trim().toLowerCase();
  const sub = newSubmission(
    'mcp',
    api ?? `hf_jobs("${op}")`,
    op === 'uv' || op === 'scheduled uv' ? 'uv' : op === 'run' || op === 'scheduled run' ? 'run' : op,
    file,
    line,
  );
  if (!MCP_ARGS[op]) {
    const guess = nearest(op, MCP_OPERATIONS);
    sub.unknownArgs.push({
      name: operation,
      line,
      message: `Unknown MCP operation "${operation}"${guess ? `: did you mean "${guess}"?` : ''}. Operations: ${MCP_OPERATIONS.join(', ')}.`,
    });
    return sub;
  }
  if (args && args.t === 'dict') {
    for (const e of args.entries) {
      if (e.key.t !== 'str') continue;
      if (!MCP_ARGS[op]!.includes(e.key.v))
        sub.unknownArgs.push({name: e.key.v, line: e.line, message: mcpArgMessage(op, e.key.v)});
    }
    fill(sub, args);
  }
  return sub;
}

/** hf-job.json as a submission (unknown keys become unknown-argument findings). */
export function configSubmission(root: Lit & {t: 'dict'}, file: string): Submission {
  const sub = newSubmission('config', 'hf-job.json', dictGet(root, 'script') ? 'uv' : 'run', file, root.line);
  for (const e of root.entries) {
    if (e.key.t !== 'str' || (CONFIG_KEYS as readonly string[]).includes(e.key.v) || e.key.v === '$schema') continue;
    const guess = e.key.v === 'with_deps' ? 'dependencies' : nearest(e.key.v, CONFIG_KEYS);
    sub.unknownArgs.push({
      name: e.key.v,
      line: e.line,
      message: `Unknown key "${e.key.v}" in the job config${guess ? `: did you mean "${guess}"?` : ''}. Known keys: ${CONFIG_KEYS.join(', ')}.`,
    });
  }
  fill(sub, root);
  return sub;
}

const CONFIG_SIGNS = ['flavor', 'secrets', 'timeout', 'dependencies', 'image', 'script_args', 'python'];

/** Does this JSON object look like an hf-job.json (by name, or by its keys)? */
export function looksLikeConfig(root: Lit, file: string): root is Lit & {t: 'dict'} {
  if (root.t !== 'dict') return false;
  if (/(^|[\\/._-])hf-jobs?\.json$/i.test(file)) return true;
  const keys = root.entries.map((e) => (e.key.t === 'str' ? e.key.v : ''));
  if (keys.includes('operation') || keys.includes('args')) return false;
  return (keys.includes('script') || keys.includes('command')) && keys.some((k) => CONFIG_SIGNS.includes(k));
}

/** Every MCP call inside a JSON value: `{operation, args}` objects at any depth (tool-call logs, arrays). */
export function findMcpCalls(root: Lit, file: string, out: Submission[]): void {
  const visit = (lit: Lit, depth: number) => {
    if (depth > 20) return;
    if (lit.t === 'dict') {
      const op = dictGet(lit, 'operation');
      if (op && op.value.t === 'str') {
        const args = dictGet(lit, 'args');
        if (args) out.push(mcpSubmission(op.value.v, args.value, file, op.line));
        else {
          // Legacy: top-level keys are taken as args when "args" is absent.
          const rest = {...lit, entries: lit.entries.filter((e) => !(e.key.t === 'str' && e.key.v === 'operation'))};
          if (rest.entries.length) out.push(mcpSubmission(op.value.v, rest, file, op.line));
        }
        return;
      }
      for (const e of lit.entries) visit(e.value, depth + 1);
    } else if (lit.t === 'list') for (const i of lit.items) visit(i, depth + 1);
  };
  visit(root, 0);
}
