# Fidelity driver for `npm run fidelity:python` (scripts/fidelity-python.mjs starts the sandbox and runs this).
# Calls the real huggingface_hub (HfApi) and its `hf` CLI, imported from a checkout the caller names (never part of
# this repository), against a fresh sandbox Hub, one operation at a time. Each operation prints one JSON line
# {"name", "ok", "detail"}; a failure's detail is the client's own error text, cut short. The sandbox's practice
# tokens arrive in the environment (FID_TOKEN_WRITE, ...), never in argv of this process.
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback

from huggingface_hub import (
    CommitOperationAdd,
    CommitOperationCopy,
    CommitOperationDelete,
    DatasetCard,
    HfApi,
    ModelCard,
    get_token,
    hf_hub_download,
    snapshot_download,
)
from huggingface_hub.errors import (
    EntryNotFoundError,
    HfHubHTTPError,
    RepositoryNotFoundError,
    RevisionNotFoundError,
)

ENDPOINT = os.environ["HF_ENDPOINT"]
WRITE = os.environ["FID_TOKEN_WRITE"]
READ = os.environ["FID_TOKEN_READ"]
FINE = os.environ["FID_TOKEN_FINE"]
EXPIRED = os.environ["FID_TOKEN_EXPIRED"]
USER = os.environ.get("FID_USER", "practice-user")
FRIEND = os.environ.get("FID_FRIEND", "practice-friend")
WORK = tempfile.mkdtemp(prefix="fidelity-py-")
ONLY = os.environ.get("FID_ONLY", "")

api = HfApi(endpoint=ENDPOINT, token=WRITE)
state: dict = {}
OPS: list = []


def op(name):
    def register(fn):
        OPS.append((name, fn))
        return fn

    return register


class Fail(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Fail(what)


def raises(exc_types, fn, status=None):
    """The call must raise one of exc_types (and, when given, with that HTTP status)."""
    try:
        fn()
    except exc_types as error:  # noqa: PERF203
        if status is not None:
            got = getattr(getattr(error, "response", None), "status_code", None)
            check(got == status, f"expected HTTP {status}, got {got}: {str(error)[:200]}")
        return error
    raise Fail(f"expected {exc_types} but the call succeeded")


def hf(*args, token=None, stdin=None, rc=0, timeout=120, extra_env=None):
    """Runs the real `hf` CLI from the checkout; returns stdout+stderr; checks the exit code."""
    env = dict(os.environ)
    env.pop("HF_TOKEN", None)
    if token:
        env["HF_TOKEN"] = token
    if extra_env:
        env.update(extra_env)
    proc = subprocess.run(
        [sys.executable, "-m", "huggingface_hub.cli.hf", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=WORK,
    )
    out = proc.stdout + proc.stderr
    if rc is not None and proc.returncode != rc:
        raise Fail(f"`hf {' '.join(args)[:80]}` exit {proc.returncode} (expected {rc}): {out.strip()[-300:]}")
    return out


def job_id_in(out):
    """The job id the CLI printed (24 hex digits)."""
    import re

    ids = re.findall(r"\b[0-9a-f]{24}\b", out)
    if not ids:
        raise Fail(f"no job id in the output: {out.strip()[-200:]}")
    return ids[-1]


def write_file(name, data):
    path = os.path.join(WORK, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)
    return path


def wait_job(job_id, timeout=60, token=None):
    deadline = time.time() + timeout
    while time.time() < deadline:
        info = api.inspect_job(job_id=job_id, token=token)
        if info.status.stage not in ("RUNNING", "SCHEDULING", "UPDATING"):
            return info
        time.sleep(0.3)
    raise Fail(f"job {job_id} still running after {timeout} s")


# ---------------------------------------------------------------- auth
@op("api: whoami with the write token")
def _():
    me = api.whoami()
    check(me["name"] == USER, f"name {me.get('name')}")
    check(me["auth"]["accessToken"]["role"] == "write", f"role {me['auth']}")


@op("api: whoami with the read token")
def _():
    check(api.whoami(token=READ)["auth"]["accessToken"]["role"] == "read", "role")


@op("api: whoami with the fine-grained token")
def _():
    me = api.whoami(token=FINE)
    check(me["auth"]["accessToken"]["role"] == "fineGrained", f"role {me['auth']}")
    check("fineGrained" in me["auth"]["accessToken"], "no fineGrained scopes")


@op("api: whoami with the expired token is a 401")
def _():
    raises(HfHubHTTPError, lambda: api.whoami(token=EXPIRED), 401)


@op("api: whoami with a made-up token is a 401")
def _():
    raises(HfHubHTTPError, lambda: api.whoami(token="hf_FAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE00"), 401)


@op("cli: hf auth login --token (write)")
def _():
    hf("auth", "login", "--token", WRITE)
    with open(os.path.join(os.environ["HF_HOME"], "token")) as f:
        check(f.read().strip() == WRITE, "token file differs")


@op("cli: hf auth whoami")
def _():
    out = hf("auth", "whoami")
    check(USER in out, out[-200:])


@op("cli: hf auth login --token (read) adds a second stored token")
def _():
    hf("auth", "login", "--token", READ)
    with open(os.path.join(os.environ["HF_HOME"], "stored_tokens")) as f:
        text = f.read()
    check(text.count("[") >= 2, text.split("\n")[0])


@op("cli: hf auth list shows both")
def _():
    out = hf("auth", "list")
    check(out.count("hf_") >= 2 or out.count("*") >= 1, out[-300:])
    check(WRITE not in out and READ not in out, "a token printed whole")


@op("cli: hf auth switch back to the write token")
def _():
    with open(os.path.join(os.environ["HF_HOME"], "stored_tokens")) as f:
        names = [line.strip()[1:-1] for line in f if line.startswith("[")]
    state["token_names"] = names
    target = None
    for n in names:
        if api.whoami(token=_stored(n))["auth"]["accessToken"]["role"] == "write":
            target = n
    check(target is not None, f"no write token among {names}")
    hf("auth", "switch", "--token-name", target)
    check(get_token() == WRITE, "get_token() is not the write token after switch")


def _stored(name):
    import configparser

    cp = configparser.ConfigParser()
    cp.read(os.path.join(os.environ["HF_HOME"], "stored_tokens"))
    return cp[name]["hf_token"]


@op("api: auth_check on an own repo")
def _():
    api.create_repo(f"{USER}/auth-check-me", exist_ok=True)
    api.auth_check(f"{USER}/auth-check-me")


@op("api: auth_check on a missing repo raises RepositoryNotFoundError")
def _():
    raises(RepositoryNotFoundError, lambda: api.auth_check(f"{USER}/does-not-exist-xyz"))


# ---------------------------------------------------------------- repos
@op("api: create_repo (model, private)")
def _():
    url = api.create_repo(f"{USER}/fid-model", private=True)
    check(url.repo_id == f"{USER}/fid-model", str(url))


@op("api: create_repo exist_ok=True on an existing repo")
def _():
    url = api.create_repo(f"{USER}/fid-model", exist_ok=True)
    check(url.repo_id == f"{USER}/fid-model", str(url))


@op("api: create_repo twice without exist_ok is a 409")
def _():
    raises(HfHubHTTPError, lambda: api.create_repo(f"{USER}/fid-model"), 409)


@op("api: create_repo (dataset)")
def _():
    api.create_repo(f"{USER}/fid-data", repo_type="dataset")


@op("api: create_repo (space, static)")
def _():
    api.create_repo(f"{USER}/fid-space", repo_type="space", space_sdk="static")


@op("api: repo_exists true and false")
def _():
    check(api.repo_exists(f"{USER}/fid-model"), "own repo not found")
    check(not api.repo_exists(f"{USER}/nope-nope"), "missing repo exists")


@op("api: model_info")
def _():
    info = api.model_info(f"{USER}/fid-model")
    check(info.id == f"{USER}/fid-model" and info.private, f"{info.id} private={info.private}")


@op("api: dataset_info")
def _():
    check(api.dataset_info(f"{USER}/fid-data").id == f"{USER}/fid-data", "id")


@op("api: space_info")
def _():
    check(api.space_info(f"{USER}/fid-space").id == f"{USER}/fid-space", "id")


@op("api: list_models(author=)")
def _():
    ids = [m.id for m in api.list_models(author=USER)]
    check(f"{USER}/fid-model" in ids, str(ids)[:200])


@op("api: list_datasets(author=)")
def _():
    ids = [d.id for d in api.list_datasets(author=USER)]
    check(f"{USER}/fid-data" in ids, str(ids)[:200])


@op("api: list_spaces(author=)")
def _():
    ids = [s.id for s in api.list_spaces(author=USER)]
    check(f"{USER}/fid-space" in ids, str(ids)[:200])


@op("api: update_repo_settings(private=False)")
def _():
    api.update_repo_settings(f"{USER}/fid-model", private=False)
    check(not api.model_info(f"{USER}/fid-model").private, "still private")


@op("api: move_repo renames a repo")
def _():
    api.create_repo(f"{USER}/fid-old-name")
    api.move_repo(f"{USER}/fid-old-name", f"{USER}/fid-new-name")
    check(api.repo_exists(f"{USER}/fid-new-name"), "new name missing")


@op("api: delete_repo")
def _():
    api.delete_repo(f"{USER}/fid-new-name")
    check(not api.repo_exists(f"{USER}/fid-new-name"), "still there")


@op("api: delete_repo missing_ok=True on a missing repo")
def _():
    api.delete_repo(f"{USER}/fid-never-was", missing_ok=True)


@op("api: delete_repo of a missing repo raises RepositoryNotFoundError")
def _():
    raises(RepositoryNotFoundError, lambda: api.delete_repo(f"{USER}/fid-never-was"))


@op("api: create_repo with the read token is a 403")
def _():
    raises(HfHubHTTPError, lambda: api.create_repo(f"{USER}/fid-read-denied", token=READ), 403)


@op("api: create_repo in someone else's namespace is refused")
def _():
    raises(HfHubHTTPError, lambda: api.create_repo(f"{FRIEND}/fid-not-mine"))


@op("cli: hf repos create")
def _():
    hf("repos", "create", f"{USER}/fid-cli-repo")
    check(api.repo_exists(f"{USER}/fid-cli-repo"), "not created")


@op("cli: hf repos create --exist-ok on an existing repo")
def _():
    hf("repos", "create", f"{USER}/fid-cli-repo", "--exist-ok")


@op("cli: hf repos create --repo-type dataset --private")
def _():
    hf("repos", "create", f"{USER}/fid-cli-data", "--repo-type", "dataset", "--private")
    check(api.dataset_info(f"{USER}/fid-cli-data").private, "not private")


@op("cli: hf repos settings --private")
def _():
    hf("repos", "settings", f"{USER}/fid-cli-repo", "--private")
    check(api.model_info(f"{USER}/fid-cli-repo").private, "not private")


@op("cli: hf repos delete")
def _():
    hf("repos", "delete", f"{USER}/fid-cli-repo", "--yes", rc=None)
    check(not api.repo_exists(f"{USER}/fid-cli-repo"), "still there")


# ---------------------------------------------------------------- branches and tags
@op("api: create_branch")
def _():
    api.create_branch(f"{USER}/fid-model", branch="dev")


@op("api: create_branch exist_ok=True")
def _():
    api.create_branch(f"{USER}/fid-model", branch="dev", exist_ok=True)


@op("api: create_tag")
def _():
    api.create_tag(f"{USER}/fid-model", tag="v1")


@op("api: list_repo_refs shows main, dev and v1")
def _():
    refs = api.list_repo_refs(f"{USER}/fid-model")
    branches = {b.name for b in refs.branches}
    tags = {t.name for t in refs.tags}
    check({"main", "dev"} <= branches and "v1" in tags, f"{branches} {tags}")


@op("api: delete_tag")
def _():
    api.delete_tag(f"{USER}/fid-model", tag="v1")


@op("api: delete_branch")
def _():
    api.delete_branch(f"{USER}/fid-model", branch="dev")


@op("cli: hf repos branch create / delete")
def _():
    hf("repos", "branch", "create", f"{USER}/fid-model", "cli-branch")
    hf("repos", "branch", "delete", f"{USER}/fid-model", "cli-branch", rc=None)


@op("cli: hf repos tag create / list / delete")
def _():
    hf("repos", "tag", "create", f"{USER}/fid-model", "cli-tag")
    out = hf("repos", "tag", "list", f"{USER}/fid-model")
    check("cli-tag" in out, out[-200:])
    hf("repos", "tag", "delete", f"{USER}/fid-model", "cli-tag", "--yes")


# ---------------------------------------------------------------- upload
@op("api: upload_file (small text)")
def _():
    info = api.upload_file(path_or_fileobj=b"hello fidelity\n", path_in_repo="hello.txt", repo_id=f"{USER}/fid-model")
    check(info.oid and len(info.oid) == 40, f"commit oid {info.oid}")


@op("api: upload_file README.md with a model card (validate-yaml)")
def _():
    card = "---\nlicense: apache-2.0\ntags:\n- fidelity\n---\n# A model\n"
    api.upload_file(path_or_fileobj=card.encode(), path_in_repo="README.md", repo_id=f"{USER}/fid-model")


@op("api: model_info reads the card data")
def _():
    info = api.model_info(f"{USER}/fid-model")
    check(info.card_data is not None and info.card_data.get("license") == "apache-2.0", str(info.card_data)[:200])


@op("api: ModelCard.load")
def _():
    card = ModelCard.load(f"{USER}/fid-model", token=WRITE)
    check(card.data.license == "apache-2.0", str(card.data)[:200])


@op("api: a DatasetCard's text committed with upload_file")
def _():
    # RepoCard.push_to_hub() itself cannot be measured offline: RepoCard.validate() posts to the hard-coded
    # https://huggingface.co/api/validate-yaml, whatever HF_ENDPOINT says. The same card goes through upload_file,
    # which validates against HF_ENDPOINT.
    card = DatasetCard("---\nlicense: mit\n---\n# Data\n")
    api.upload_file(path_or_fileobj=str(card).encode(), path_in_repo="README.md", repo_id=f"{USER}/fid-data", repo_type="dataset")


@op("api: README.md with broken YAML is refused (400)")
def _():
    card = "---\nlicense: [unclosed\n---\n# bad\n"
    # huggingface_hub turns the Hub's 400 from /api/validate-yaml into ValueError("Invalid metadata in README.md ...")
    error = raises((HfHubHTTPError, ValueError), lambda: api.upload_file(path_or_fileobj=card.encode(), path_in_repo="README.md", repo_id=f"{USER}/fid-data", repo_type="dataset"))
    check("Invalid metadata" in str(error) or "400" in str(error), str(error)[:200])


@op("api: upload_file of a 12 MB binary goes through LFS")
def _():
    data = os.urandom(12 * 1024 * 1024)
    state["big_sha"] = hashlib.sha256(data).hexdigest()
    api.upload_file(path_or_fileobj=data, path_in_repo="weights.bin", repo_id=f"{USER}/fid-model")
    meta = api.get_paths_info(f"{USER}/fid-model", ["weights.bin"])[0]
    check(meta.lfs is not None and meta.lfs.sha256 == state["big_sha"], f"lfs {meta.lfs}")


@op("api: upload_file of a .safetensors (LFS by extension)")
def _():
    api.upload_file(path_or_fileobj=b"\x00" * 2048, path_in_repo="model.safetensors", repo_id=f"{USER}/fid-model")
    meta = api.get_paths_info(f"{USER}/fid-model", ["model.safetensors"])[0]
    check(meta.lfs is not None, "not LFS")


@op("api: upload_folder")
def _():
    write_file("folder/a.txt", "a\n")
    write_file("folder/sub/b.json", '{"b": 1}\n')
    api.upload_folder(folder_path=os.path.join(WORK, "folder"), repo_id=f"{USER}/fid-data", repo_type="dataset", path_in_repo="data")


@op("api: create_commit with add, copy and delete")
def _():
    api.create_commit(
        f"{USER}/fid-model",
        operations=[
            CommitOperationAdd("extra/x.txt", b"x\n"),
            CommitOperationCopy("weights.bin", "weights-copy.bin"),
            CommitOperationDelete("hello.txt"),
        ],
        commit_message="add copy delete",
    )
    files = api.list_repo_files(f"{USER}/fid-model")
    check("weights-copy.bin" in files and "extra/x.txt" in files and "hello.txt" not in files, str(files))


@op("api: create_commit on a branch (revision=)")
def _():
    api.create_branch(f"{USER}/fid-model", branch="feature", exist_ok=True)
    api.upload_file(path_or_fileobj=b"on feature\n", path_in_repo="feature.txt", repo_id=f"{USER}/fid-model", revision="feature")
    check("feature.txt" in api.list_repo_files(f"{USER}/fid-model", revision="feature"), "missing on branch")
    check("feature.txt" not in api.list_repo_files(f"{USER}/fid-model"), "leaked to main")


@op("api: create_commit as a pull request (create_pr=True)")
def _():
    info = api.upload_file(path_or_fileobj=b"pr\n", path_in_repo="pr.txt", repo_id=f"{USER}/fid-model", create_pr=True)
    check(info.pr_url is not None, "no pr_url")


@op("api: upload_file with the read token is a 403")
def _():
    raises(HfHubHTTPError, lambda: api.upload_file(path_or_fileobj=b"no", path_in_repo="no.txt", repo_id=f"{USER}/fid-model", token=READ), 403)


@op("api: create_commit with a stale parent_commit is refused")
def _():
    raises(HfHubHTTPError, lambda: api.create_commit(f"{USER}/fid-model", operations=[CommitOperationAdd("p.txt", b"p")], commit_message="stale", parent_commit="0" * 40))


@op("api: delete_file")
def _():
    api.delete_file("extra/x.txt", f"{USER}/fid-model")
    check("extra/x.txt" not in api.list_repo_files(f"{USER}/fid-model"), "still there")


@op("api: delete_folder")
def _():
    api.delete_folder("data/sub", f"{USER}/fid-data", repo_type="dataset")
    check(not any(f.startswith("data/sub/") for f in api.list_repo_files(f"{USER}/fid-data", repo_type="dataset")), "still there")


@op("cli: hf upload to a new repo")
def _():
    write_file("up/one.txt", "one\n")
    hf("upload", f"{USER}/fid-cli-up", os.path.join(WORK, "up/one.txt"), "one.txt")
    check("one.txt" in api.list_repo_files(f"{USER}/fid-cli-up"), "not uploaded")


@op("cli: hf upload to an existing repo (second upload)")
def _():
    write_file("up/two.txt", "two\n")
    hf("upload", f"{USER}/fid-cli-up", os.path.join(WORK, "up/two.txt"), "two.txt")
    check("two.txt" in api.list_repo_files(f"{USER}/fid-cli-up"), "not uploaded")


@op("cli: hf upload a folder with --include")
def _():
    write_file("up2/keep.md", "keep\n")
    write_file("up2/skip.log", "skip\n")
    hf("upload", f"{USER}/fid-cli-up", os.path.join(WORK, "up2"), "folder", "--include", "*.md")
    files = api.list_repo_files(f"{USER}/fid-cli-up")
    check("folder/keep.md" in files and "folder/skip.log" not in files, str(files))


@op("cli: hf upload a dataset README card")
def _():
    write_file("card/README.md", "---\nlicense: cc-by-4.0\n---\n# card\n")
    hf("upload", f"{USER}/fid-cli-card", os.path.join(WORK, "card/README.md"), "README.md", "--repo-type", "dataset")


@op("cli: hf upload --create-pr")
def _():
    out = hf("upload", f"{USER}/fid-cli-up", os.path.join(WORK, "up/one.txt"), "pr-one.txt", "--create-pr")
    check("discussions" in out or "pr" in out.lower(), out[-200:])


@op("cli: hf upload with the read token fails")
def _():
    hf("upload", f"{USER}/fid-cli-up", os.path.join(WORK, "up/one.txt"), "denied.txt", token=READ, rc=1, extra_env={"HF_HOME": tempfile.mkdtemp()})


# ---------------------------------------------------------------- listing
@op("api: list_repo_files")
def _():
    files = api.list_repo_files(f"{USER}/fid-model")
    check("README.md" in files and "weights.bin" in files, str(files))


@op("api: list_repo_tree recursive")
def _():
    entries = list(api.list_repo_tree(f"{USER}/fid-data", repo_type="dataset", recursive=True))
    check(any(e.path == "data/a.txt" for e in entries), str([e.path for e in entries]))


@op("api: list_repo_tree of a folder")
def _():
    entries = list(api.list_repo_tree(f"{USER}/fid-data", repo_type="dataset", path_in_repo="data"))
    check([e.path for e in entries] == ["data/a.txt"] or "data/a.txt" in [e.path for e in entries], str([e.path for e in entries]))


@op("api: list_repo_tree expand=True (last commit)")
def _():
    entries = list(api.list_repo_tree(f"{USER}/fid-model", expand=True))
    check(entries and all(getattr(e, "last_commit", None) is not None for e in entries if hasattr(e, "last_commit")), "no last_commit")


@op("api: get_paths_info")
def _():
    infos = api.get_paths_info(f"{USER}/fid-model", ["README.md", "weights.bin", "missing.txt"])
    check({i.path for i in infos} == {"README.md", "weights.bin"}, str([i.path for i in infos]))


@op("api: list_repo_commits")
def _():
    commits = list(api.list_repo_commits(f"{USER}/fid-model"))
    check(len(commits) >= 5 and commits[0].commit_id, f"{len(commits)} commits")


@op("api: file_exists")
def _():
    check(api.file_exists(f"{USER}/fid-model", "README.md"), "README.md")
    check(not api.file_exists(f"{USER}/fid-model", "nope.txt"), "nope.txt")


@op("api: revision_exists")
def _():
    check(api.revision_exists(f"{USER}/fid-model", "feature"), "feature")
    check(not api.revision_exists(f"{USER}/fid-model", "no-such-branch"), "no-such-branch")


@op("api: list_repo_refs include_pull_requests")
def _():
    refs = api.list_repo_refs(f"{USER}/fid-model", include_pull_requests=True)
    check(refs.pull_requests is not None and len(refs.pull_requests) >= 1, str(refs.pull_requests))


# ---------------------------------------------------------------- download
@op("api: hf_hub_download (text)")
def _():
    path = hf_hub_download(f"{USER}/fid-model", "README.md", cache_dir=os.path.join(WORK, "cache"))
    with open(path) as f:
        check("fidelity" in f.read(), "content")


@op("api: hf_hub_download (LFS, sha256 equal)")
def _():
    path = hf_hub_download(f"{USER}/fid-model", "weights.bin", cache_dir=os.path.join(WORK, "cache"))
    with open(path, "rb") as f:
        check(hashlib.sha256(f.read()).hexdigest() == state["big_sha"], "sha256 differs")


@op("api: hf_hub_download a second time hits the cache")
def _():
    path = hf_hub_download(f"{USER}/fid-model", "README.md", cache_dir=os.path.join(WORK, "cache"))
    check(os.path.exists(path), "missing")


@op("api: hf_hub_download at a revision")
def _():
    path = hf_hub_download(f"{USER}/fid-model", "feature.txt", revision="feature", cache_dir=os.path.join(WORK, "cache"))
    with open(path) as f:
        check(f.read() == "on feature\n", "content")


@op("api: hf_hub_download to local_dir")
def _():
    path = hf_hub_download(f"{USER}/fid-data", "data/a.txt", repo_type="dataset", local_dir=os.path.join(WORK, "local"))
    check(path.endswith("data/a.txt") and os.path.exists(path), path)


@op("api: hf_hub_download of a missing file raises EntryNotFoundError")
def _():
    raises(EntryNotFoundError, lambda: hf_hub_download(f"{USER}/fid-model", "nope.txt", cache_dir=os.path.join(WORK, "cache")))


@op("api: hf_hub_download from a missing repo raises RepositoryNotFoundError")
def _():
    raises(RepositoryNotFoundError, lambda: hf_hub_download(f"{USER}/no-such-repo", "x.txt", cache_dir=os.path.join(WORK, "cache")))


@op("api: hf_hub_download at a missing revision raises RevisionNotFoundError")
def _():
    raises(RevisionNotFoundError, lambda: hf_hub_download(f"{USER}/fid-model", "README.md", revision="no-such-rev", cache_dir=os.path.join(WORK, "cache")))


@op("api: model_info of a repo that does not exist raises RepositoryNotFoundError")
def _():
    raises(RepositoryNotFoundError, lambda: api.model_info(f"{FRIEND}/no-such-repo-xyz"))


@op("api: a private repo is RepositoryNotFoundError for an anonymous caller")
def _():
    api.create_repo(f"{USER}/fid-private", private=True, exist_ok=True)
    raises(RepositoryNotFoundError, lambda: api.model_info(f"{USER}/fid-private", token=False))


@op("api: snapshot_download")
def _():
    path = snapshot_download(f"{USER}/fid-data", repo_type="dataset", cache_dir=os.path.join(WORK, "cache"))
    check(os.path.exists(os.path.join(path, "data/a.txt")), os.listdir(path))


@op("api: snapshot_download allow_patterns to local_dir")
def _():
    path = snapshot_download(f"{USER}/fid-model", allow_patterns=["*.md"], local_dir=os.path.join(WORK, "snap"))
    check(os.listdir(path) and not os.path.exists(os.path.join(path, "weights.bin")), str(os.listdir(path)))


@op("api: get_hf_file_metadata")
def _():
    from huggingface_hub import get_hf_file_metadata, hf_hub_url

    meta = get_hf_file_metadata(hf_hub_url(f"{USER}/fid-model", "weights.bin", endpoint=ENDPOINT), token=WRITE)
    check(meta.size == 12 * 1024 * 1024 and meta.commit_hash, f"size {meta.size} commit {meta.commit_hash}")


@op("cli: hf download a file")
def _():
    out = hf("download", f"{USER}/fid-model", "README.md", "--cache-dir", os.path.join(WORK, "cli-cache"))
    check("README.md" in out, out[-200:])


@op("cli: hf download a repo to --local-dir")
def _():
    hf("download", f"{USER}/fid-data", "--repo-type", "dataset", "--local-dir", os.path.join(WORK, "cli-local"))
    check(os.path.exists(os.path.join(WORK, "cli-local/data/a.txt")), "file missing")


@op("cli: hf download a missing file fails clearly")
def _():
    out = hf("download", f"{USER}/fid-model", "nope.txt", "--cache-dir", os.path.join(WORK, "cli-cache"), rc=None)
    check("nope.txt" in out or "not found" in out.lower() or "404" in out, out[-200:])


@op("cli: hf models info")
def _():
    out = hf("models", "info", f"{USER}/fid-model")
    check(f"{USER}/fid-model" in out, out[-200:])


@op("cli: hf datasets ls --author")
def _():
    out = hf("datasets", "ls", "--author", USER, "--format", "json")
    check("fid-data" in out, out[-200:])


@op("cli: hf models ls --author")
def _():
    out = hf("models", "ls", "--author", USER, "--format", "json")
    check("fid-model" in out, out[-200:])


# ---------------------------------------------------------------- jobs
PY = "python:3.12"


@op("api: list_jobs_hardware")
def _():
    hw = api.list_jobs_hardware()
    check(any(h.name == "cpu-basic" for h in hw), str([h.name for h in hw])[:200])


@op("api: run_job")
def _():
    job = api.run_job(image=PY, command=["python", "-c", "print('hello from the sandbox')"])
    state["job"] = job.id
    check(job.id and job.owner.name == USER, f"{job.id} {job.owner}")


@op("api: inspect_job")
def _():
    info = api.inspect_job(job_id=state["job"])
    check(info.id == state["job"] and info.status.stage, str(info.status))


@op("api: wait_for_job")
def _():
    info = api.wait_for_job(job_id=state["job"], timeout=60) if hasattr(api, "wait_for_job") else wait_job(state["job"])
    info = api.inspect_job(job_id=state["job"])
    check(info.status.stage == "COMPLETED", str(info.status))


@op("api: fetch_job_logs")
def _():
    lines = list(api.fetch_job_logs(job_id=state["job"]))
    check(any("hello from the sandbox" in l for l in lines), str(lines)[:300])


@op("api: fetch_job_logs tail=1")
def _():
    lines = list(api.fetch_job_logs(job_id=state["job"], tail=1))
    check(len(lines) == 1, str(lines)[:300])


@op("api: list_jobs")
def _():
    ids = [j.id for j in api.list_jobs()]
    check(state["job"] in ids, str(ids)[:200])


@op("api: list_jobs(status=COMPLETED)")
def _():
    jobs = list(api.list_jobs(status="COMPLETED"))
    check(jobs and all(j.status.stage == "COMPLETED" for j in jobs), str([j.status.stage for j in jobs]))


@op("api: run_job with env and a secret; the job sees both")
def _():
    job = api.run_job(image=PY, command=["python", "-c", "import os; print(os.environ['GREETING'], len(os.environ['HF_TOKEN']))"], env={"GREETING": "hi"}, secrets={"HF_TOKEN": WRITE})
    wait_job(job.id)
    logs = "\n".join(api.fetch_job_logs(job_id=job.id))
    check(f"hi {len(WRITE)}" in logs, logs[:300])
    info = api.inspect_job(job_id=job.id)
    check(WRITE not in json.dumps(info.secrets or {}) if info.secrets else True, "secret echoed")


@op("api: run_job with labels, flavor and timeout")
def _():
    job = api.run_job(image=PY, command=["true"], labels={"project": "fid"}, flavor="cpu-upgrade", timeout="5m")
    info = api.inspect_job(job_id=job.id)
    check(info.flavor == "cpu-upgrade" and (info.labels or {}).get("project") == "fid", f"{info.flavor} {info.labels}")


@op("api: list_jobs(labels=)")
def _():
    jobs = list(api.list_jobs(labels={"project": "fid"}))
    check(len(jobs) >= 1 and all((j.labels or {}).get("project") == "fid" for j in jobs), str(len(jobs)))


@op("api: update_job_labels")
def _():
    api.update_job_labels(job_id=state["job"], labels={"stage": "done"})
    check((api.inspect_job(job_id=state["job"]).labels or {}).get("stage") == "done", "labels")


@op("api: cancel_job of a running job")
def _():
    job = api.run_job(image=PY, command=["python", "-c", "import time; time.sleep(60)"])
    time.sleep(1)
    api.cancel_job(job_id=job.id)
    info = wait_job(job.id, timeout=15)
    check(info.status.stage == "CANCELED", str(info.status))


@op("api: a failing job ends ERROR with its message")
def _():
    job = api.run_job(image=PY, command=["python", "-c", "raise SystemExit(3)"])
    info = wait_job(job.id)
    check(info.status.stage == "ERROR", str(info.status))


@op("api: fetch_job_metrics of a running job")
def _():
    job = api.run_job(image=PY, command=["python", "-c", "import time\nx=[0]*10**6\nt=time.time()\nwhile time.time()-t<4: pass"])
    time.sleep(0.5)
    got = []
    for m in api.fetch_job_metrics(job_id=job.id):
        got.append(m)
        if len(got) >= 2:
            break
    check(got and "cpu_usage_pct" in got[0] and "memory_used_bytes" in got[0], str(got)[:300])
    api.cancel_job(job_id=job.id)


@op("api: inspect_job of a missing job is a 404")
def _():
    raises(HfHubHTTPError, lambda: api.inspect_job(job_id="000000000000000000000000"), 404)


@op("api: run_job with the read token is a 403")
def _():
    raises(HfHubHTTPError, lambda: api.run_job(image=PY, command=["true"], token=READ), 403)


@op("api: list_jobs with the read token")
def _():
    list(api.list_jobs(token=READ))


@op("api: run_job with the fine-grained token (job.write)")
def _():
    job = api.run_job(image=PY, command=["true"], token=FINE)
    check(job.id, "no id")


@op("api: run_job with the expired token is a 401")
def _():
    raises(HfHubHTTPError, lambda: api.run_job(image=PY, command=["true"], token=EXPIRED), 401)


@op("api: run_job in another user's namespace is refused")
def _():
    raises(HfHubHTTPError, lambda: api.run_job(image=PY, command=["true"], namespace=FRIEND))


@op("api: run_job with a Space image ends with the sandbox's clear refusal (it has no containers)")
def _():
    job = api.run_job(image="hf.co/spaces/lhoestq/duckdb", command=["echo", "space image"])
    info = wait_job(job.id)
    check(info.status.stage == "ERROR" and "cannot run Space images" in (info.status.message or ""), str(info.status))


@op("api: run_uv_job with a command (no local script)")
def _():
    job = api.run_uv_job("python", script_args=["-c", "print('uv ok')"])
    info = wait_job(job.id)
    logs = "\n".join(api.fetch_job_logs(job_id=job.id))
    check(info.status.stage == "COMPLETED" or "uv" in logs, f"{info.status} {logs[:300]}")


@op("api: run_uv_job with a local script (buckets + hf_xet)")
def _():
    path = write_file("uv_script.py", "# /// script\n# dependencies = []\n# ///\nprint('uv script ran')\n")
    job = api.run_uv_job(path)
    info = wait_job(job.id)
    check(info.status.stage == "COMPLETED", str(info.status))


@op("cli: hf jobs hardware")
def _():
    out = hf("jobs", "hardware")
    check("cpu-basic" in out, out[-200:])


@op("cli: hf jobs run")
def _():
    out = hf("jobs", "run", "--detach", PY, "python", "-c", "print('cli job')")
    job_id = job_id_in(out)
    state["cli_job"] = job_id
    wait_job(job_id)


@op("cli: hf jobs run (attached, streams the log)")
def _():
    out = hf("jobs", "run", PY, "python", "-c", "print('attached output')")
    check("attached output" in out, out[-300:])


@op("cli: hf jobs ps")
def _():
    out = hf("jobs", "ps", "-a", "--format", "json")
    check(state["cli_job"][:8] in out or state["cli_job"] in out, out[-300:])


@op("cli: hf jobs ps --filter status=completed")
def _():
    hf("jobs", "ps", "-a", "--filter", "status=completed")


@op("cli: hf jobs inspect")
def _():
    out = hf("jobs", "inspect", state["cli_job"], "--format", "json")
    check(state["cli_job"] in out and "COMPLETED" in out, out[-300:])


@op("cli: hf jobs logs")
def _():
    out = hf("jobs", "logs", state["cli_job"])
    check("cli job" in out, out[-300:])


@op("cli: hf jobs logs -f of a running job")
def _():
    job = api.run_job(image=PY, command=["python", "-c", "import time\nfor i in range(3): print('tick', i, flush=True); time.sleep(0.5)"])
    out = hf("jobs", "logs", "-f", job.id, timeout=60)
    check("tick 2" in out, out[-300:])


@op("cli: hf jobs run -e and -s HF_TOKEN")
def _():
    out = hf("jobs", "run", "-e", "GREETING=1", "-s", "HF_TOKEN", PY, "python", "-c", "import os; print('G', os.environ['GREETING'], 'tok', len(os.environ.get('HF_TOKEN','')))")
    check(f"tok {len(WRITE)}" in out, out[-300:])


@op("cli: hf jobs run --secrets-file")
def _():
    path = write_file("secrets.env", f"HF_TOKEN={WRITE}\n")
    out = hf("jobs", "run", "--secrets-file", path, PY, "python", "-c", "import os; print('len', len(os.environ['HF_TOKEN']))")
    check(f"len {len(WRITE)}" in out, out[-300:])


@op("cli: hf jobs run --flavor --timeout --label")
def _():
    out = hf("jobs", "run", "--detach", "--flavor", "cpu-upgrade", "--timeout", "10m", "--label", "kind=fid", PY, "true")
    job_id = job_id_in(out)
    info = api.inspect_job(job_id=job_id)
    check(info.flavor == "cpu-upgrade", info.flavor)


@op("cli: hf jobs cancel")
def _():
    out = hf("jobs", "run", "--detach", PY, "python", "-c", "import time; time.sleep(60)")
    job_id = job_id_in(out)
    hf("jobs", "cancel", job_id)
    check(wait_job(job_id, timeout=15).status.stage == "CANCELED", "not canceled")


@op("cli: hf jobs wait")
def _():
    out = hf("jobs", "run", "--detach", PY, "python", "-c", "print(1)")
    job_id = job_id_in(out)
    hf("jobs", "wait", job_id, timeout=60)


@op("cli: hf jobs labels")
def _():
    hf("jobs", "labels", state["cli_job"], "--label", "team=fid")
    check((api.inspect_job(job_id=state["cli_job"]).labels or {}).get("team") == "fid", "label")


@op("cli: hf jobs stats of a running job")
def _():
    job = api.run_job(image=PY, command=["python", "-c", "import time; time.sleep(6)"])
    time.sleep(0.5)
    try:
        out = hf("jobs", "stats", job.id, timeout=30, rc=None)
    finally:
        api.cancel_job(job_id=job.id)
    check("not found" not in out.lower() and ("CPU" in out or "cpu" in out), out[-300:])


@op("cli: hf jobs uv run with a command")
def _():
    out = hf("jobs", "uv", "run", "python", "-c", "print('uv cmd')", rc=None, timeout=90)
    check("uv cmd" in out, out[-300:])


@op("cli: hf jobs uv run with a local script (buckets + hf_xet)")
def _():
    path = write_file("uv_cli.py", "# /// script\n# dependencies = []\n# ///\nprint('uv cli script')\n")
    out = hf("jobs", "uv", "run", path, timeout=90)
    check("uv cli script" in out, out[-300:])


@op("cli: hf jobs inspect of a missing job fails clearly")
def _():
    out = hf("jobs", "inspect", "000000000000000000000000", rc=None)
    check("404" in out or "not found" in out.lower(), out[-200:])


@op("cli: hf jobs run with the read token fails with 403")
def _():
    out = hf("jobs", "run", PY, "true", token=READ, rc=None, extra_env={"HF_HOME": tempfile.mkdtemp()})
    check("403" in out or "rights" in out.lower(), out[-200:])


# ---------------------------------------------------------------- scheduled jobs
@op("api: create_scheduled_job")
def _():
    sj = api.create_scheduled_job(image=PY, command=["python", "-c", "print('scheduled hello')"], schedule="@hourly")
    state["sj"] = sj.id
    check(sj.id and sj.schedule == "@hourly", f"{sj.id} {sj.schedule}")


@op("api: list_scheduled_jobs")
def _():
    ids = [s.id for s in api.list_scheduled_jobs()]
    check(state["sj"] in ids, str(ids))


@op("api: inspect_scheduled_job")
def _():
    sj = api.inspect_scheduled_job(scheduled_job_id=state["sj"])
    check(sj.id == state["sj"] and sj.job_spec.docker_image == PY, str(vars(sj.job_spec))[:300])


@op("api: suspend_scheduled_job")
def _():
    api.suspend_scheduled_job(scheduled_job_id=state["sj"])
    check(api.inspect_scheduled_job(scheduled_job_id=state["sj"]).suspend is True, "not suspended")


@op("api: resume_scheduled_job")
def _():
    api.resume_scheduled_job(scheduled_job_id=state["sj"])
    check(api.inspect_scheduled_job(scheduled_job_id=state["sj"]).suspend is False, "still suspended")


@op("api: trigger_scheduled_job starts a job now")
def _():
    job = api.trigger_scheduled_job(scheduled_job_id=state["sj"])
    info = wait_job(job.id)
    check(any("scheduled hello" in l for l in api.fetch_job_logs(job_id=job.id)), str(info.status))


@op("api: update_scheduled_job_labels")
def _():
    api.update_scheduled_job_labels(scheduled_job_id=state["sj"], labels={"kind": "nightly"})
    check((api.inspect_scheduled_job(scheduled_job_id=state["sj"]).job_spec.labels or {}).get("kind") == "nightly", "labels")


@op("api: the scheduler starts a job at its cron time (every minute)")
def _():
    sj = api.create_scheduled_job(image=PY, command=["python", "-c", "print('cron fired')"], schedule="* * * * *")
    deadline = time.time() + 75
    fired = None
    while time.time() < deadline and not fired:
        time.sleep(2)
        info = api.inspect_scheduled_job(scheduled_job_id=sj.id)
        fired = info.status.last_job
    api.delete_scheduled_job(scheduled_job_id=sj.id)
    check(fired is not None, "no job started within 75 s")


@op("api: create_scheduled_uv_job with a command")
def _():
    sj = api.create_scheduled_uv_job("python", script_args=["-c", "print(1)"], schedule="@daily")
    state["sj_uv"] = sj.id
    check(sj.id, "no id")


@op("api: delete_scheduled_job")
def _():
    api.delete_scheduled_job(scheduled_job_id=state["sj"])
    raises(HfHubHTTPError, lambda: api.inspect_scheduled_job(scheduled_job_id=state["sj"]), 404)


@op("api: create_scheduled_job with the read token is a 403")
def _():
    raises(HfHubHTTPError, lambda: api.create_scheduled_job(image=PY, command=["true"], schedule="@daily", token=READ), 403)


@op("api: create_scheduled_job with a bad schedule is a 400")
def _():
    raises(HfHubHTTPError, lambda: api.create_scheduled_job(image=PY, command=["true"], schedule="not a cron"), 400)


@op("cli: hf jobs scheduled run")
def _():
    out = hf("jobs", "scheduled", "run", "@daily", PY, "python", "-c", "print('cli scheduled')")
    state["cli_sj"] = job_id_in(out)


@op("cli: hf jobs scheduled ps")
def _():
    out = hf("jobs", "scheduled", "ps", "-a", "--format", "json")
    check(state["cli_sj"][:8] in out, out[-300:])


@op("cli: hf jobs scheduled inspect")
def _():
    out = hf("jobs", "scheduled", "inspect", state["cli_sj"], "--format", "json")
    check(state["cli_sj"] in out, out[-300:])


@op("cli: hf jobs scheduled suspend / resume")
def _():
    hf("jobs", "scheduled", "suspend", state["cli_sj"])
    check(api.inspect_scheduled_job(scheduled_job_id=state["cli_sj"]).suspend, "not suspended")
    hf("jobs", "scheduled", "resume", state["cli_sj"])
    check(not api.inspect_scheduled_job(scheduled_job_id=state["cli_sj"]).suspend, "still suspended")


@op("cli: hf jobs scheduled trigger")
def _():
    hf("jobs", "scheduled", "trigger", state["cli_sj"])


@op("cli: hf jobs scheduled labels")
def _():
    hf("jobs", "scheduled", "labels", state["cli_sj"], "--label", "x=y")


@op("cli: hf jobs scheduled uv run with a command")
def _():
    hf("jobs", "scheduled", "uv", "run", "@weekly", "python", "-c", "print(1)")


@op("cli: hf jobs scheduled delete")
def _():
    hf("jobs", "scheduled", "delete", state["cli_sj"])


# ---------------------------------------------------------------- the project's example scripts, as sandbox jobs
def _example_job(name):
    script = os.environ.get(f"FID_EXAMPLE_{name.upper()}")
    check(script and os.path.exists(script), f"example {name} not given")
    with open(script) as f:
        code = f.read()
    env = {"PYTHONPATH": os.environ["FID_CLIENT_SRC"], "HF_ENDPOINT": ENDPOINT}
    job = api.run_job(image=PY, command=["python", "-c", code], env=env, secrets={"HF_TOKEN": WRITE})
    info = wait_job(job.id, timeout=120)
    logs = "\n".join(api.fetch_job_logs(job_id=job.id))
    check(info.status.stage == "COMPLETED", f"{info.status.stage}: {logs[-300:]}")


for _name in ("token_check", "push_dataset", "push_model", "read_private"):
    OPS.append((f"job: the example {_name}.py runs with the real client inside", (lambda n: lambda: _example_job(n))(_name)))


# ---------------------------------------------------------------- cleanup and logout
@op("cli: hf auth logout")
def _():
    hf("auth", "logout")
    check(get_token() is None or not os.path.exists(os.path.join(os.environ["HF_HOME"], "token")), "token still saved")


def main():
    passed = failed = 0
    for name, fn in OPS:
        if ONLY and ONLY not in name:
            continue
        started = time.time()
        try:
            fn()
            ok, detail = True, ""
        except Fail as error:
            ok, detail = False, str(error)
        except Exception as error:  # noqa: BLE001 - the client's own error is the finding
            ok, detail = False, f"{type(error).__name__}: {str(error).strip().splitlines()[0][:300] if str(error).strip() else ''}"
            if os.environ.get("FID_TRACE"):
                traceback.print_exc()
        for secret in (WRITE, READ, FINE, EXPIRED):
            detail = detail.replace(secret, secret[:3] + "…" + secret[-4:])
        print(json.dumps({"name": name, "ok": ok, "detail": detail, "seconds": round(time.time() - started, 2)}), flush=True)


if __name__ == "__main__":
    main()
