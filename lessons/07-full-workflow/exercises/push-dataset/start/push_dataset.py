# /// script
# requires-python = ">=3.10"
# dependencies = ["huggingface_hub>=0.34"]
# ///
"""Push a dataset: creates <you>/hf-jobs-wizard-demo-dataset (private) and uploads a dataset card and a small CSV in one commit."""
import os
import sys

import huggingface_hub
from huggingface_hub import HfApi

SCRIPT = "push_dataset.py"
LABEL_PY = "[python] {script} with huggingface_hub {version}"
MISSING = "ERROR: HF_TOKEN is missing in this job (jobs never inherit your login). Pass HF_TOKEN as a secret, in the form your tool takes: `--secrets HF_TOKEN` (hf CLI, no value), `secrets={\"HF_TOKEN\": get_token()}` (Python), `\"secrets\": {\"HF_TOKEN\": \"$HF_TOKEN\"}` (MCP tool / hf-job.json)."
PLACEHOLDER = "WARNING: HF_TOKEN is the literal text \"$HF_TOKEN\": nothing replaced the placeholder (only the hf_jobs MCP tool does that; the Jobs API and huggingface_hub do not). The Hub will answer 401."
TOKEN_SET = "HF_TOKEN is set ({masked})."
WHO = "This job runs as {name} (token role: {role})."
UNAUTHORIZED = "ERROR: 401 Unauthorized while trying to {doing}: the Hub rejected HF_TOKEN ({masked}). It is not a valid token: expired, revoked, mistyped, or a placeholder nobody replaced."
FORBIDDEN = "ERROR: 403 Forbidden while trying to {doing}: this token may not do that. Use a write token, or a fine-grained token with write access to that namespace."
NOT_FOUND = "ERROR: 404 Not Found while trying to {doing}: the repo does not exist, or this token cannot see it (a private repo needs a token of an account with access)."
OTHER = "ERROR: could not {doing}: {message}"
CREATING = "Creating the private {kind} {repo} ..."
EXISTS = "The {kind} {repo} already exists; adding a commit to it."
COMMITTED = "Uploaded {files} in one commit."
ROLLBACK = "Removed the {kind} {repo} this run had just created, so nothing half-written is left."
PUSHED = "OK: pushed to {url}"


def mask(token):
    """hf_…abcd: never print a whole token."""
    token = token.strip()
    prefix = "api_org_" if token.startswith("api_org_") else "hf_" if token.startswith("hf_") else ""
    body = token[len(prefix):]
    return prefix + "\u2026" + ("" if len(body) < 8 else body[-4:])


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
if token.strip() in ("$HF_TOKEN", "${HF_TOKEN}"):
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
say(WHO.format(name=user, role=role))

# 3. Create the repo if needed, then upload every file in ONE commit: a failure leaves nothing half-written.
from huggingface_hub import CommitOperationAdd

KIND = "dataset"
repo_id = f"{user}/hf-jobs-wizard-demo-dataset"
FILES = {
    "README.md": "---\nlicense: cc0-1.0\npretty_name: hf-jobs-wizard demo dataset\nconfigs:\n- config_name: default\n  data_files: data/train.csv\n---\n# hf-jobs-wizard demo dataset\n\nPushed from a Hugging Face Job by the hf-jobs-wizard \"push a dataset\" example, with the job's HF_TOKEN secret.\n",
    "data/train.csv": "city,country,temperature_c\nParis,France,21\nLagos,Nigeria,31\nOslo,Norway,9\nLima,Peru,19\nHanoi,Vietnam,29\n",
}

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
say(PUSHED.format(url=f"{api.endpoint}/datasets/{repo_id}"))
