# Submits push_dataset.py as a Job. Someone pasted their token in to "make it work".
from huggingface_hub import run_uv_job

job = run_uv_job(
    "push_dataset.py",
    flavor="cpu-basic",
    timeout="10m",
    secrets={"HF_TOKEN": "hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12"},
)
print(f"Started {job.url}")
