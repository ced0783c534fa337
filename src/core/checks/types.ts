// The checklist's shapes: results (the `check --json` contract) and the scan model the static checks read.

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export const STATIC_CHECK_IDS = [
  'hardcoded-token',
  'token-in-env',
  'wrong-secret-key',
  'missing-secrets',
  'no-token-check',
  'token-format',
  'literal-placeholder',
  'script-not-in-container',
  'unknown-argument',
  'timeout-format',
  'unknown-flavor',
  'token-in-argv',
] as const;
export const LIVE_CHECK_IDS = [
  'logged-in',
  'token-valid',
  'token-permission',
  'repo-access',
  'env-token-override',
] as const;
export type StaticCheckId = (typeof STATIC_CHECK_IDS)[number];
export type LiveCheckId = (typeof LIVE_CHECK_IDS)[number];
export type CheckId = StaticCheckId | LiveCheckId;

/** One line of `check --json`: `{"id", "status", "title", "message", "fix", "file"?, "line"?}`. */
export interface CheckResult {
  id: CheckId;
  status: CheckStatus;
  title: string;
  message: string;
  fix: string;
  file?: string;
  line?: number;
}

export interface CheckReport {
  ok: boolean;
  checks: CheckResult[];
  /** Pre-flight for each job the project would submit (live runs with a token only; see core/preflight). */
  preflight?: {file: string; line: number; api: string; report: import('../preflight/preflight.js').PreflightReport}[];
}

/** The paths walked, how many text files were read, and the folders left out (hidden, dependencies, app data). */
export interface ScanSummary {
  paths: string[];
  files: number;
  skippedDirs: {dir: string; reason: 'hidden' | 'dependencies' | 'app-data' | 'unreadable'; code?: string}[];
  /** Files read in part or not at all (too large, unreadable, binary): ScanModel.skipped. */
  notRead?: {file: string; reason: string}[];
}

/** Where a job submission was written. */
export type Origin = 'config' | 'mcp' | 'python' | 'cli';

/**
 * One env/secret entry of a submission. `source`:
 * - `literal`: a plain string value (`value` set); for Python/CLI-single-quoted, `$HF_TOKEN` stays literal.
 * - `bare`: CLI `-s KEY` (hf fills it from the environment / login).
 * - `shell-expanded`: CLI `-s KEY=$VAR` / `"$VAR"` (your shell fills it in before hf sees it).
 * - `expr`: a Python expression (`get_token()`, `os.environ["HF_TOKEN"]`), `value` holds its source.
 */
export interface Entry {
  key: string;
  source: 'literal' | 'bare' | 'shell-expanded' | 'expr';
  value?: string;
  line: number;
}

export interface Located<T> {
  value: T;
  line: number;
}

export interface Submission {
  origin: Origin;
  /** What was called, e.g. `hf_jobs("uv")`, `run_uv_job`, `hf jobs uv run`, `hf-job.json`. */
  api: string;
  /** `uv` for script jobs, `run` for Docker jobs, else the MCP operation name. */
  operation: string;
  file: string;
  line: number;
  script?: Located<string> & {literal: boolean};
  /** The job's own arguments ask it to write to the Hub (`--push_to_hub`, `--hub_model_id u/m`, `--output-bucket u/b`). */
  argsWrite?: Located<string>;
  /** A doc's prose after the command says the job writes to the Hub ("upload the adapter to a model repo"). */
  docWrite?: Located<string>;
  /** A Hub volume the job mounts (`-v hf://buckets/u/b:/data`): writes under it are authorised when the job is created. */
  hubVolume?: Located<string>;
  /** The module a Docker job's command runs with `python -m pkg.mod` (torchrun/accelerate launch -m too). */
  module?: Located<string>;
  secrets: Entry[];
  env: Entry[];
  /** `--secrets-file` / `--env-file` / a Python variable: entries we could not see. */
  secretsOpaque: boolean;
  envOpaque: boolean;
  flavor?: Located<string>;
  timeout?: Located<string | number>;
  namespace?: Located<string>;
  /** Argument names this tool does not know, with a suggestion. */
  unknownArgs: {name: string; line: number; message: string}[];
  /** Facts about the script the job runs, when we could read it (inline or a local file). */
  scriptFacts?: ScriptFacts;
}

/** The repo kinds a job pushes to or reads (what huggingface_hub calls repo_type). */
export type RepoKind = 'model' | 'dataset' | 'space';

/** A repo with its kind: `practice-user/hello-dataset` is not the same repo as a model of that name. */
export interface HubRepo {
  type: RepoKind;
  namespace: string;
  name: string;
}

/** `dataset practice-user/hello-dataset` (models are named without their kind, as on the Hub). */
export function repoLabel(repo: HubRepo): string {
  return `${repo.type === 'model' ? '' : `${repo.type} `}${repo.namespace}/${repo.name}`;
}

/** `ns/name` (a model), `datasets/ns/name`, `spaces/ns/name`, or {type, namespace, name}; undefined when it is not a repo id. */
export function parseRepo(repo: string | HubRepo, type: RepoKind = 'model'): HubRepo | undefined {
  if (typeof repo !== 'string')
    return repo.namespace && repo.name ? {type: repo.type, namespace: repo.namespace, name: repo.name} : undefined;
  const m = /^(?:(datasets|spaces|models)\/)?([^/\s]+)\/([^/\s]+)$/.exec(repo.trim());
  if (!m) return undefined;
  const kind: RepoKind =
    m[1] === 'datasets' ? 'dataset' : m[1] === 'spaces' ? 'space' : m[1] === 'models' ? 'model' : type;
  return {type: kind, namespace: m[2]!, name: m[3]!};
}

/** A submission with nothing found yet (the extractors fill it in). */
export function newSubmission(origin: Origin, api: string, operation: string, file: string, line: number): Submission {
  return {
    origin,
    api,
    operation,
    file,
    line,
    secrets: [],
    env: [],
    secretsOpaque: false,
    envOpaque: false,
    unknownArgs: [],
  };
}

export interface ScriptFacts {
  file: string;
  /** First line that writes to the Hub (push, upload, create/delete: see script-facts.ts for the list). */
  hubLine?: number;
  hubWhat?: string;
  /** First line that reads the token (HF_TOKEN, get_token(), login(), whoami()), outside docstrings and comments. */
  tokenLine?: number;
  /** The script reads the token anywhere (what no-token-check asks for). */
  checksToken: boolean;
  /** The job fails without a token: the script writes, or reads HF_TOKEN strictly (os.environ[...], assert). */
  needsToken: boolean;
  /** A PEP 723 script or one a submission runs. */
  isJobScript: boolean;
  /** `namespace/name` repos it pushes to or creates, with the line and the repo type (`repo_type=` in the call, else model). */
  pushTargets: (Located<string> & {type: RepoKind})[];
}

export interface TokenHit {
  file: string;
  line: number;
  token: string;
}

/** A value given to HF_TOKEN (or `--token`) that we can judge by shape. */
export interface TokenValue {
  file: string;
  line: number;
  value: string;
  where: string;
}

export interface ScanModel {
  files: string[];
  submissions: Submission[];
  scripts: ScriptFacts[];
  tokens: TokenHit[];
  argvTokens: TokenHit[];
  tokenValues: TokenValue[];
  /** Files skipped (binary, too large) or unreadable, for the report. */
  skipped: {file: string; reason: string}[];
  /** Folders not walked (hidden, dependencies, the app's own data), as shown to the person. */
  skippedDirs: ScanSummary['skippedDirs'];
}

export function emptyModel(): ScanModel {
  return {
    files: [],
    submissions: [],
    scripts: [],
    tokens: [],
    argvTokens: [],
    tokenValues: [],
    skipped: [],
    skippedDirs: [],
  };
}

export function mergeModel(into: ScanModel, from: ScanModel): void {
  into.files.push(...from.files);
  into.submissions.push(...from.submissions);
  into.scripts.push(...from.scripts);
  into.tokens.push(...from.tokens);
  into.argvTokens.push(...from.argvTokens);
  into.tokenValues.push(...from.tokenValues);
  into.skipped.push(...from.skipped);
  into.skippedDirs.push(...from.skippedDirs);
}

/**
 * The module a command runs as `python -m pkg.mod` (also `python3.12`, `uv run python`, `torchrun … -m`,
 * `accelerate launch … -m`, `deepspeed … -m`), in a command given as one line (a `bash -c` string counts).
 */
export function runModule(command: string): string | undefined {
  const m =
    /(?:^|[\s"'&;|(])(?:python[\d.]*|torchrun|accelerate\s+launch|deepspeed)(?:\s+(?!-m\s)[^\s;&|]+)*?\s+-m\s+([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)/.exec(
      command,
    );
  return m?.[1];
}

/** The file names a module may be (`a.b.c`: `a/b/c.py`, `a/b/c/__main__.py`, and `src/` layouts of both). */
export function moduleFiles(module: string): string[] {
  const path = module.split('.').join('/');
  return [`${path}.py`, `${path}/__main__.py`, `src/${path}.py`, `src/${path}/__main__.py`];
}

/** The file is the module's source: its path (without `.py`, `__main__` dropped) is a tail of the module's name. */
export function isModuleFile(module: string, file: string): boolean {
  const parts = file.replace(/\\/g, '/').replace(/\.py$/, '').split('/').filter(Boolean);
  if (parts[parts.length - 1] === '__main__') parts.pop();
  const names = module.split('.');
  if (!parts.length) return false;
  for (let i = 1; i <= Math.min(parts.length, names.length); i++)
    if (parts[parts.length - i] !== names[names.length - i]) return false;
  return true;
}

/**
 * What a job's arguments (the script's, or a Docker job's command) say it writes to the Hub, if anything: a push flag
 * (`--push_to_hub`, `--push-to-hub`, not `=false`), a Hub repo to push to (`--hub_model_id u/m`), an output repo or
 * bucket given as `namespace/name` (`--output-dataset u/d`, `--output-bucket u/b`, `--output_repo u/r`), or a
 * positional repo named as the output (`username/output-dataset`, `OUTPUT_DATASET`). This is what `check` can know of
 * a job whose script is a URL it cannot read: its own arguments. (A URL whose file sits next to the submitting file is
 * read instead: scan.ts mirroredScript.) A script given by URL with nothing in its arguments saying it writes stays
 * unjudged: guessing from the script's name or from the reader's namespace in an argument would flag jobs that only read.
 */
export function argsHubWrite(args: string): string | undefined {
  if (/(?:^|[\s"'])--push[-_]to[-_]hub(?:=(?:true|1|yes))?(?=$|[\s"',])/i.test(args))
    return 'asks to push to the Hub (--push_to_hub)';
  const named =
    /(?:^|[\s"'])(--(?:hub[-_]model[-_]id|output[-_](?:bucket|dataset|repo|model|hub[-_]repo)(?:[-_](?:id|name))?|push[-_]to))[=\s"',]+([A-Za-z0-9][\w.-]*\/[\w.-]+|hf:\/\/\S+)/.exec(
      args,
    );
  if (named) return `writes to ${named[2]} (${named[1]})`;
  // A flag that can only name a Hub repo, given a value the shell or the script fills in (`--hub_model_id
  // "$HUB_MODEL_ID"`, a list's `"--hub-model-id", args.hub_model_id` read as `{args.hub_model_id}`): the job pushes
  // there, whatever the value. Not `--output-dataset $OUT` or `--output-dir {out}`: those may be local paths.
  const computed =
    /(?:^|[\s"'])(--(?:hub[-_](?:model|repo)[-_]id|output[-_]hub[-_]repo(?:[-_]id)?))[=\s"',]+(\$\{?[A-Za-z_]\w*\}?|\{[^{}\n]+\})/.exec(
      args,
    );
  if (computed) return `writes to the repo in ${computed[2]} (${computed[1]})`;
  // A positional repo named as the job's output (the `INPUT_DATASET OUTPUT_DATASET` scripts: `username/output-dataset`,
  // `me/ocr-results`, or the placeholder `OUTPUT_DATASET` / `<output-dataset>`): the same statement as
  // `--output-dataset u/d`, made by the name instead of the flag. Not the value of an option (`--model_id
  // org/out-model`), nor a local path (`./output`, `/mnt/output`, `outputs/run1`), nor a bare `OUTPUT` or a lower-case
  // `output-dataset` (as likely a local folder as a repo).
  const words = args.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.replace(/^["']|["',]$/g, '');
    if (i > 0 && /^-/.test(words[i - 1]!) && !words[i - 1]!.includes('=')) continue;
    if (/^(?:OUTPUT_(?:DATASET|REPO)(?:_ID)?|[<{]output[-_](?:dataset|repo)(?:[-_]id)?[>}])$/i.test(w))
      return `writes to ${w} (its output dataset, named in the arguments)`;
    const m = /^([A-Za-z0-9<{][\w.<>{}-]*)\/([\w.-]+)$/.exec(w);
    if (
      m &&
      /(?:^|[-_.])(?:output|outputs|results?)(?:[-_.]|$)/i.test(m[2]!) &&
      !/^(?:out|outputs?|results?|data|tmp|runs?)$/i.test(m[1]!)
    )
      return `writes to ${w} (its output, named in the arguments)`;
  }
  return undefined;
}
