#!/bin/sh
# Starts the nightly dataset push with the token of the current login (run `hf auth login` once).
hf jobs uv run --flavor cpu-basic --timeout 10m --secrets HF_TOKEN push_dataset.py
