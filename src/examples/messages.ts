// What the example jobs print, shared word for word by the Python scripts (embedded as constants, `.format()`ed)
// and their Node twins (`fmt`). The wizard's troubleshooter can match on these.

export const MESSAGES = {
  LABEL_PY: '[python] {script} with huggingface_hub {version}',
  LABEL_TWIN:
    '[node twin] {script}: the same steps and messages as the Python script, through @huggingface/hub (no Python needed)',
  MISSING:
    'ERROR: HF_TOKEN is missing in this job (jobs never inherit your login). Pass HF_TOKEN as a secret, in the form your tool takes: `--secrets HF_TOKEN` (hf CLI, no value), `secrets={"HF_TOKEN": get_token()}` (Python), `"secrets": {"HF_TOKEN": "$HF_TOKEN"}` (MCP tool / hf-job.json).',
  PLACEHOLDER:
    'WARNING: HF_TOKEN is the literal text "$HF_TOKEN": nothing replaced the placeholder (only the hf_jobs MCP tool does that; the Jobs API and huggingface_hub do not). The Hub will answer 401.',
  TOKEN_SET: 'HF_TOKEN is set ({masked}).',
  WHO: 'This job runs as {name}, with a {role} token.',
  TOKEN_OK: 'Token check passed: HF_TOKEN arrived in the job and the Hub accepts it.',
  UNAUTHORIZED:
    'ERROR: 401 Unauthorized while trying to {doing}: the Hub rejected HF_TOKEN ({masked}). It is not a valid token: expired, revoked, mistyped, or a placeholder nobody replaced.',
  FORBIDDEN:
    'ERROR: 403 Forbidden while trying to {doing}: this token may not do that. Use a write token, or a fine-grained token with write access to that namespace.',
  NOT_FOUND:
    'ERROR: 404 Not Found while trying to {doing}: the repo does not exist, or this token cannot see it (a private repo needs a token of an account with access).',
  OTHER: 'ERROR: could not {doing}: {message}',
  CREATING: 'Creating the private {kind} {repo} ...',
  EXISTS: 'The {kind} {repo} already exists; adding a commit to it.',
  COMMITTED: 'Uploaded {files} in one commit.',
  ROLLBACK: 'Removed the {kind} {repo} this run had just created, so nothing half-written is left.',
  PUSHED: 'OK: pushed to {url}',
  READ_LIST: 'The private dataset {repo} has {count} files: {files}',
  READ_FILE: '{path}: {rows} rows. First lines:',
  READ_LINE: '  {line}',
  READ_OK: 'OK: read the private dataset {repo} with HF_TOKEN.',
} as const;

export type MessageId = keyof typeof MESSAGES;

/** The whoami role as words for WHO (`fineGrained` -> `fine-grained`); python.ts does the same mapping. */
export function roleWords(role: string): string {
  return role === 'fineGrained' ? 'fine-grained' : role;
}

/** Python's `str.format` for our templates: `{name}` is replaced; unknown names stay as written. */
export function fmt(id: MessageId, values: Record<string, string | number> = {}): string {
  return MESSAGES[id].replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
