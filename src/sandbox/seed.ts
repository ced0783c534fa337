// Practice data: the repos every sandbox starts with (seeded once per data dir), and the opt-in fixtures that let
// @huggingface/hub's own spec files run against the sandbox (`fixtures: 'upstream-tests'`).
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {MAIN_USER, OTHER_USER, type Accounts} from './accounts.js';
import type {RepoType} from './permissions.js';
import {createRepoRecord} from './hub/service.js';
import {writeJsonAtomic, type HubStore, type TreeEntry} from './hub/store.js';

export const PRACTICE_REPOS = {
  publicDataset: `${MAIN_USER}/hello-dataset`,
  privateDataset: `${MAIN_USER}/private-dataset`,
  deniedModel: `${OTHER_USER}/secret-model`,
} as const;

interface SeedRepo {
  type: RepoType;
  id: string;
  private: boolean;
  author: string;
  files: Record<string, string | Buffer | {lfs: Buffer}>;
}

const PRACTICE: SeedRepo[] = [
  {
    type: 'dataset',
    id: PRACTICE_REPOS.publicDataset,
    private: false,
    author: MAIN_USER,
    files: {
      'README.md': `---
license: cc0-1.0
pretty_name: Hello dataset (sandbox)
---
# hello-dataset

A tiny public practice dataset in the sandbox Hub. Anyone can read it, even without a token.
`,
      'data/greetings.csv': 'id,language,greeting\n1,en,Hello\n2,fr,Bonjour\n3,es,Hola\n4,de,Hallo\n5,ja,Konnichiwa\n',
    },
  },
  {
    type: 'dataset',
    id: PRACTICE_REPOS.privateDataset,
    private: true,
    author: MAIN_USER,
    files: {
      'README.md': `---
license: other
pretty_name: Private dataset (sandbox)
---
# private-dataset

A private practice dataset. Only practice-user's tokens can read it: a job needs HF_TOKEN as a secret to open it.
`,
      'data/secrets.csv': 'id,codename\n1,aurora\n2,borealis\n3,cascade\n',
    },
  },
  {
    type: 'model',
    id: PRACTICE_REPOS.deniedModel,
    private: true,
    author: OTHER_USER,
    files: {
      'README.md': `# secret-model

practice-friend's private model. practice-user has no access: reading it shows the Hub's "repository not found" answer.
`,
      'config.json': '{\n  "model_type": "practice",\n  "hidden_size": 8\n}\n',
    },
  },
];

async function seedRepo(store: HubStore, seed: SeedRepo): Promise<void> {
  const [namespace, name] = seed.id.split('/') as [string, string];
  if (await store.getRepo(seed.type, namespace, name)) return;
  const files: {path: string; entry: TreeEntry}[] = [];
  for (const [path, content] of Object.entries(seed.files)) {
    const entry =
      typeof content === 'string' || Buffer.isBuffer(content)
        ? await store.putRegular(Buffer.from(content))
        : await store.putLfsBuffer(content.lfs);
    files.push({path, entry});
  }
  await createRepoRecord(store, {type: seed.type, namespace, name, private: seed.private, author: seed.author, files});
}

/** Seeds the practice repos once per data dir (a repo deleted in a workshop stays deleted across restarts). */
export async function seedPracticeRepos(store: HubStore): Promise<void> {
  const marker = join(store.root, 'seeded.json');
  try {
    await readFile(marker);
    return;
  } catch {
    // first start
  }
  for (const seed of PRACTICE) await seedRepo(store, seed);
  await writeJsonAtomic(marker, {seededAt: new Date().toISOString(), repos: PRACTICE.map((r) => `${r.type}s/${r.id}`)});
}

// ---- fixtures for @huggingface/hub's own spec files (opt-in) ----------------------------------

/** The CI identity the upstream specs assume (src/test/consts.ts and who-am-i.spec.ts). */
export const UPSTREAM_TEST_USER = 'hub.js';
export const UPSTREAM_TEST_TOKEN = 'hf_hub.js';

export function addUpstreamTestAccounts(accounts: Accounts): void {
  if (!accounts.users.some((u) => u.name === UPSTREAM_TEST_USER)) {
    accounts.users.push({
      id: '62f264b9f3c90f4b6514a269',
      name: UPSTREAM_TEST_USER,
      fullname: '@huggingface/hub CI bot',
      email: 'eliott@huggingface.co',
      isPro: false,
      canPay: false,
      orgs: [],
      avatarUrl: '/avatars/934b830e9fdaa879487852f79eef7165.svg',
      billingMode: 'postpaid',
    });
  }
  if (!accounts.tokens.some((t) => t.value === UPSTREAM_TEST_TOKEN)) {
    accounts.tokens.push({
      value: UPSTREAM_TEST_TOKEN,
      displayName: 'ci-hub.js',
      owner: UPSTREAM_TEST_USER,
      role: 'write',
      createdAt: new Date().toISOString(),
    });
  }
}

/**
 * gpt2's config.json, byte for byte as upload-file.spec.ts expects it after trimming (the spec contains the text).
 * Stand-ins for the production files the upload specs fetch from huggingface.co.
 */
const GPT2_CONFIG = `{
  "activation_function": "gelu_new",
  "architectures": [
    "GPT2LMHeadModel"
  ],
  "attn_pdrop": 0.1,
  "bos_token_id": 50256,
  "embd_pdrop": 0.1,
  "eos_token_id": 50256,
  "initializer_range": 0.02,
  "layer_norm_epsilon": 1e-05,
  "model_type": "gpt2",
  "n_ctx": 1024,
  "n_embd": 768,
  "n_head": 12,
  "n_layer": 12,
  "n_positions": 1024,
  "resid_pdrop": 0.1,
  "summary_activation": null,
  "summary_first_dropout": 0.1,
  "summary_proj_to_labels": true,
  "summary_type": "cls_index",
  "summary_use_proj": true,
  "task_specific_params": {
    "text-generation": {
      "do_sample": true,
      "max_length": 50
    }
  },
  "vocab_size": 50257
}
`;

/** Deterministic filler bytes (not the real weights: specs that check their sha256 stay excluded). */
function filler(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const MOBILENET_JSON =
  '{"format":"layers-model","generatedBy":"sandbox stand-in","weightsManifest":[{"paths":["group1-shard1of2","group1-shard2of2"]}]}\n';

export async function seedUpstreamFixtures(store: HubStore): Promise<void> {
  const fixtures: SeedRepo[] = [
    {
      type: 'model',
      id: 'openai-community/gpt2',
      private: false,
      author: 'openai-community',
      files: {'config.json': GPT2_CONFIG, 'README.md': '---\nlicense: mit\n---\n\n# GPT-2 (sandbox stand-in)\n'},
    },
    {
      type: 'space',
      id: 'aschen/push-model-from-web',
      private: false,
      author: 'aschen',
      files: {'mobilenet/model.json': MOBILENET_JSON},
    },
    {
      type: 'space',
      id: 'huggingfacejs/push-model-from-web',
      private: false,
      author: 'huggingfacejs',
      files: {
        'mobilenet/model.json': MOBILENET_JSON,
        'mobilenet/group1-shard1of2': {lfs: filler(4_194_304, 1)},
        'mobilenet/group1-shard2of2': {lfs: filler(1_000_000, 2)},
        'mobilenet/coffee.jpg': {lfs: filler(50_000, 3)},
        'mobilenet/README.md': '# push-model-from-web (sandbox stand-in)\n',
      },
    },
  ];
  for (const seed of fixtures) await seedRepo(store, seed);
}
