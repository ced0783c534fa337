# /// script
# dependencies = ["huggingface_hub>=1.0"]
# ///
"""Uploads a small CSV to the dataset practice-user/hf-jobs-wizard-demo."""
import os
import sys

from huggingface_hub import HfApi

if not os.environ.get("HF_TOKEN"):
    sys.exit("HF_TOKEN is missing: pass it to the job as a secret (hf jobs uv run --secrets HF_TOKEN ...).")

api = HfApi()  # reads HF_TOKEN from the environment
repo_id = "practice-user/hf-jobs-wizard-demo"
api.create_repo(repo_id, repo_type="dataset", exist_ok=True)
api.upload_file(
    path_or_fileobj=b"city,temperature\nParis,21\nLagos,31\n",
    path_in_repo="data.csv",
    repo_id=repo_id,
    repo_type="dataset",
)
print(f"Pushed {repo_id}")
