# Submits push_dataset.py as a Job, with the token of the current login (hf auth login or HF_TOKEN).
from huggingface_hub import get_token, run_uv_job

job = run_uv_job(
    "push_dataset.py",
    flavor="cpu-basic",
    timeout="10m",
    secrets={"HF_TOKEN": get_token()},
)
print(f"Started {job.url}")
