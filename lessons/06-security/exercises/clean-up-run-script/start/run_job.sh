#!/bin/sh
# Starts the nightly dataset push. (Token pasted in "temporarily".)
hf jobs uv run --token hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12 --flavor cpu-basic --timeout 10m -e HF_TOKEN=hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12 push_dataset.py
