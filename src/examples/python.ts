// The Python uv scripts a person would run on real HF Jobs (PEP 723 header, huggingface_hub, HF_TOKEN checked
// first). Generated from the same messages and file contents as the Node twins, so both say the same thing.
import {DATASET_FILES, DATASET_REPO_NAME, MODEL_FILES, MODEL_REPO_NAME, PRIVATE_DATASET_NAME} from './content.js';
import {MESSAGES} from './messages.js';

/** A Python string literal (JSON string syntax is valid Python for these texts). */
const py = (text: string): string => JSON.stringify(text);

function pyDict(map: Record<string, string>): string {
  return `{\n${Object.entries(map)
    .map(([k, v]) => `    ${py(k)}: ${py(v)},`)
    .join('\n')}\n}`;
}

/** The script: PEP 723 header, the messages it uses, the shared checks (token present, whoami), then `body`. */
function script(name: string, docstring: string, body: string): string {
  const head = preamble(name, docstring);
  const used = (id: string) => new RegExp(`\\b${id}\\b`).test(head + body);
  const constants = Object.entries(MESSAGES)
    .filter(([id]) => id !== 'LABEL_TWIN' && used(id))
    .map(([id, text]) => `${id} = ${py(text)}`)
    .join('\n');
  return head.replace('@MESSAGES@', constants) + body;
}

function preamble(script: string, docstring: string): string {
  return `# /// script
# requires-python = ">=3.10"
# dependencies = ["huggingface_hub>=0.34"]
# ///
"""${docstring}"""
import os
import sys

import huggingface_hub
from huggingface_hub import HfApi

SCRIPT = ${py(script)}
@MESSAGES@


def mask(token):
    """hf_…abcd: never print a whole token."""
    token = token.strip()
    prefix = "api_org_" if token.startswith("api_org_") else "hf_" if token.startswith("hf_") else ""
    body = token[len(prefix):]
    return prefix + "\\u2026" + ("" if len(body) < 8 else body[-4:])


def say(message):
    print(message, flush=True)


def fail(message):
    print(message, file=sys.stderr, flush=True)
    sys.exit(1)


def explain(error, doing):
    """One line for a failed Hub call: 401, 403 and 404 say what they mean for a job's token."""
    status = getattr(getattr(error, "response", None), "status_code", None)
    if status == 401:
        return UNAUTHORIZED.format(doing=doing, masked=mask(token))
    if status == 403:
        return FORBIDDEN.format(doing=doing)
    if status == 404:
        return NOT_FOUND.format(doing=doing)
    first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
    return OTHER.format(doing=doing, message=first_line)


say(LABEL_PY.format(script=SCRIPT, version=huggingface_hub.__version__))

# 1. The token must have arrived: jobs get no HF token unless it is passed as a secret.
token = os.environ.get("HF_TOKEN")
if not token:
    fail(MISSING)
if token.strip() in ("$HF_TOKEN", "\${HF_TOKEN}"):
    say(PLACEHOLDER)
say(TOKEN_SET.format(masked=mask(token)))

# 2. And the Hub must accept it (HfApi reads HF_ENDPOINT, so this also works against the sandbox).
api = HfApi(token=token)
try:
    me = api.whoami()
except Exception as error:
    fail(explain(error, "identify the token (whoami)"))
user = me["name"]
role = (me.get("auth", {}).get("accessToken") or {}).get("role", "unknown")
say(WHO.format(name=user, role="fine-grained" if role == "fineGrained" else role))
`;
}

export const TOKEN_CHECK_PY = script(
  'check_token.py',
  'Token check: proves HF_TOKEN reached the job and says who the job runs as. Never prints the token.',
  `
say(TOKEN_OK)
`,
);

function pushScript(
  name: string,
  kind: 'dataset' | 'model',
  repoName: string,
  files: Record<string, string>,
  docstring: string,
): string {
  const urlPath = kind === 'dataset' ? 'datasets/' : '';
  return script(
    name,
    docstring,
    `
# 3. Create the repo if needed, then upload every file in ONE commit: a failure leaves nothing half-written.
from huggingface_hub import CommitOperationAdd

KIND = ${py(kind)}
repo_id = f"{user}/${repoName}"
FILES = ${pyDict(files)}

try:
    existed = api.repo_exists(repo_id, repo_type=KIND)
except Exception as error:
    fail(explain(error, f"check whether {repo_id} exists"))
if existed:
    say(EXISTS.format(kind=KIND, repo=repo_id))
else:
    say(CREATING.format(kind=KIND, repo=repo_id))
    try:
        api.create_repo(repo_id, repo_type=KIND, private=True)
    except Exception as error:
        fail(explain(error, f"create the {KIND} {repo_id}"))

try:
    api.create_commit(
        repo_id=repo_id,
        repo_type=KIND,
        operations=[CommitOperationAdd(path_in_repo=path, path_or_fileobj=text.encode("utf-8")) for path, text in FILES.items()],
        commit_message="Upload from my first HF Job (hf-jobs-wizard example)",
    )
except Exception as error:
    message = explain(error, f"push to {repo_id}")
    if not existed:
        try:
            api.delete_repo(repo_id, repo_type=KIND)
            say(ROLLBACK.format(kind=KIND, repo=repo_id))
        except Exception:
            pass
    fail(message)

say(COMMITTED.format(files=", ".join(FILES)))
say(PUSHED.format(url=f"{api.endpoint}/${urlPath}{repo_id}"))
`,
  );
}

export const PUSH_DATASET_PY = pushScript(
  'push_dataset.py',
  'dataset',
  DATASET_REPO_NAME,
  DATASET_FILES,
  `Push a dataset: creates <you>/${DATASET_REPO_NAME} (private) and uploads a dataset card and a small CSV in one commit.`,
);

export const PUSH_MODEL_PY = pushScript(
  'push_model.py',
  'model',
  MODEL_REPO_NAME,
  MODEL_FILES,
  `Push a model: creates <you>/${MODEL_REPO_NAME} (private) and uploads a tiny model card and config.json in one commit.`,
);

export const READ_PRIVATE_PY = script(
  'read_private_dataset.py',
  `Read a private dataset: lists and reads DATASET_ID (default <you>/${PRIVATE_DATASET_NAME}) with the job's HF_TOKEN.`,
  `
# 3. Read the private dataset: without a token of an account with access, the Hub says 401/404.
repo_id = os.environ.get("DATASET_ID") or f"{user}/${PRIVATE_DATASET_NAME}"
try:
    files = [f for f in api.list_repo_files(repo_id, repo_type="dataset")]
except Exception as error:
    fail(explain(error, f"list the files of {repo_id}"))
say(READ_LIST.format(repo=repo_id, count=len(files), files=", ".join(files)))

data_files = [f for f in files if f.lower().endswith((".csv", ".jsonl", ".json", ".txt", ".tsv")) and not f.endswith("README.md")]
readmes = [f for f in files if f.endswith("README.md")]
path = (data_files or readmes or [None])[0]
if path:
    try:
        local = api.hf_hub_download(repo_id, filename=path, repo_type="dataset")
    except Exception as error:
        fail(explain(error, f"download {path} from {repo_id}"))
    with open(local, encoding="utf-8") as f:
        lines = f.read().splitlines()
    say(READ_FILE.format(path=path, rows=max(len(lines) - 1, 0)))
    for line in lines[:3]:
        say(READ_LINE.format(line=line))
say(READ_OK.format(repo=repo_id))
`,
);
