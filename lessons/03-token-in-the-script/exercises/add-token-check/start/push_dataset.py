# /// script
# dependencies = ["huggingface_hub>=1.0"]
# ///
"""Uploads a small CSV to the dataset practice-user/hf-jobs-wizard-demo."""
from huggingface_hub import HfApi

api = HfApi(token="hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12")
repo_id = "practice-user/hf-jobs-wizard-demo"
api.create_repo(repo_id, repo_type="dataset", exist_ok=True)
api.upload_file(
    path_or_fileobj=b"city,temperature\nParis,21\nLagos,31\n",
    path_in_repo="data.csv",
    repo_id=repo_id,
    repo_type="dataset",
)
print(f"Pushed {repo_id}")
