// What the push examples upload: small, real files (a dataset card + CSV; a model card + config).

export const DATASET_REPO_NAME = 'hf-jobs-wizard-demo-dataset';
export const MODEL_REPO_NAME = 'hf-jobs-wizard-demo-model';
export const PRIVATE_DATASET_NAME = 'private-dataset';

export const DATASET_FILES: Record<string, string> = {
  'README.md': `---
license: cc0-1.0
pretty_name: hf-jobs-wizard demo dataset
configs:
- config_name: default
  data_files: data/train.csv
---
# hf-jobs-wizard demo dataset

Pushed from a Hugging Face Job by the hf-jobs-wizard "push a dataset" example, with the job's HF_TOKEN secret.
`,
  'data/train.csv':
    'city,country,temperature_c\nParis,France,21\nLagos,Nigeria,31\nOslo,Norway,9\nLima,Peru,19\nHanoi,Vietnam,29\n',
};

export const MODEL_FILES: Record<string, string> = {
  'README.md': `---
license: apache-2.0
tags:
- hf-jobs-wizard
- demo
---
# hf-jobs-wizard demo model

A tiny model card and config pushed from a Hugging Face Job by the hf-jobs-wizard "push a model" example.
There are no weights: the point is that the job's HF_TOKEN could write here.
`,
  'config.json': `${JSON.stringify({model_type: 'hf-jobs-wizard-demo', hidden_size: 8, num_hidden_layers: 1, vocab_size: 16}, null, 2)}\n`,
};

/** Data files a reader looks at first (the README is the fallback). */
export function pickDataFile(paths: readonly string[]): string | undefined {
  return (
    paths.find((p) => /\.(csv|jsonl|json|txt|tsv)$/i.test(p) && !/(^|\/)README\.md$/i.test(p)) ??
    paths.find((p) => /README\.md$/i.test(p))
  );
}
