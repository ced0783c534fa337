# /// script
# requires-python = ">=3.10"
# dependencies = ["huggingface_hub>=0.34"]
# ///
"""Creates the private dataset <you>/hf-jobs-wizard-demo-dataset and uploads a dataset card and a small CSV
(README.md, data/train.csv) in one commit: a short version of the app's push-dataset example."""
import os
import sys

from huggingface_hub import CommitOperationAdd, HfApi

if not os.environ.get("HF_TOKEN"):
    sys.exit("HF_TOKEN is missing: pass it to the job as a secret (hf jobs uv run --secrets HF_TOKEN ...).")

api = HfApi()  # reads HF_TOKEN from the environment
user = api.whoami()["name"]
repo_id = f"{user}/hf-jobs-wizard-demo-dataset"
FILES = {
    "README.md": "# hf-jobs-wizard demo dataset\n\nPushed from a Hugging Face Job with the job's HF_TOKEN secret.\n",
    "data/train.csv": "city,country,temperature_c\nParis,France,21\nLagos,Nigeria,31\n",
}
api.create_repo(repo_id, repo_type="dataset", private=True, exist_ok=True)
api.create_commit(
    repo_id=repo_id,
    repo_type="dataset",
    operations=[CommitOperationAdd(path_in_repo=path, path_or_fileobj=text.encode("utf-8")) for path, text in FILES.items()],
    commit_message="Upload from my first HF Job",
)
print(f"OK: pushed to {api.endpoint}/datasets/{repo_id}")
