// Families of wordings the troubleshooter learned from the corpus's tuning texts (issue 14, session 5): each rule is
// tested on texts written in the style of the tuning texts (other tools, other words of the same family) and on the
// near misses it must leave alone, so a rule is general and not a copy of one text.
import {describe, expect, it} from 'vitest';
import {classifyText} from '../../../src/core/troubleshoot/classify.js';

// The rules alone: these are their wordings and near misses (the second tier, which may guess on what they leave
// unknown, is tested in guess.test.ts).
const problem = (text: string) => classifyText(text, {guess: false}).problem;

describe('a tool asking the user to log in first is a missing token', () => {
  it.each([
    'RuntimeError: You must log in to push to hub! Run notebook_login() in the cell above.',
    'ValueError: You need to log in to the Hugging Face Hub before uploading the adapter.',
    'Error: please login with a token that has write access (huggingface-cli login)',
    'You must be logged in to Hugging Face to download this checkpoint.',
    'Please log in first: run `hf auth login` and paste a token.',
    'OSError: You must login to the Hugging Face hub on this computer by typing `transformers-cli login`.',
    'Not authenticated. Run notebook_login() and try again.',
  ])('%s', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it('leaves a log-in request that names neither the Hub, a token nor a login command alone', () => {
    expect(problem('Please log in to your bank account to continue.')).toBe('unknown');
  });

  it('does not outrank a gated repo that also says "Please log in"', () => {
    expect(
      problem(
        'Cannot access gated repo for url https://huggingface.co/acme/m/resolve/main/config.json.\nAccess to model acme/m is restricted. You must have access to it and be authenticated to access it. Please log in.',
      ),
    ).toBe('gated-repo');
  });
});

describe('a Python traceback ending in a plain Python error is the script failing', () => {
  it('a NameError at the end of a job log tail is job-script-failed', () => {
    const log = `Installed 12 packages in 80ms
Traceback (most recent call last):
  File "/tmp/script.py", line 12, in <module>
    trainer.train(resume_from_checkpoint=ckpt)
                                         ^^^^
NameError: name 'ckpt' is not defined`;
    expect(problem(log)).toBe('job-script-failed');
  });

  it('a TypeError in a traceback too', () => {
    const log = `Traceback (most recent call last):
  File "/data/eval.py", line 40, in <module>
    score = compute(preds)
TypeError: compute() missing 1 required positional argument: 'refs'`;
    expect(problem(log)).toBe('job-script-failed');
  });

  it('a bare Python error without a traceback stays unknown (too little to say it is a script)', () => {
    expect(problem("NameError: name 'x' is not defined")).toBe('unknown');
  });

  it('a Hub error inside the traceback still wins over the script', () => {
    const log = `Traceback (most recent call last):
  File "/tmp/push.py", line 9, in <module>
    api.upload_folder(folder_path="out", repo_id="acme/m")
huggingface_hub.errors.HfHubHTTPError: 403 Forbidden: You don't have the rights to create a model under the namespace "acme".
ValueError: upload failed`;
    expect(problem(log)).toBe('forbidden-403');
  });
});

describe('a tool telling the user to create a token and pass it is a missing token', () => {
  it.each([
    "Could not download 'acme/diarizer' pipeline.\nIt might be because the pipeline is private or gated so make\nsure to authenticate. Visit https://hf.co/settings/tokens to\ncreate your access token and retry with:\n   >>> Pipeline.from_pretrained('acme/diarizer', use_auth_token=YOUR_AUTH_TOKEN)",
    'Model download refused: please make sure to authenticate (HF_TOKEN) before loading acme/model.',
    'Create an access token and retry: loader.load("acme/model", token=YOUR_HF_TOKEN)',
  ])('%s', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it("leaves the Hub's own 'make sure you are authenticated' after a 404 to the repo", () => {
    const text = `huggingface_hub.errors.RepositoryNotFoundError: 404 Client Error. (Request ID: Root=1-abc)
Repository Not Found for url: https://huggingface.co/api/models/acme/private-model.
Please make sure you specified the correct \`repo_id\` and \`repo_type\`.
If you are trying to access a private or gated repo, make sure you are authenticated.`;
    expect(problem(text)).toBe('repo-access-denied');
  });
});

describe("download tools' and git's own words for a refused request", () => {
  it("aria2c's errorCode=24 'Authorization failed' is a 401", () => {
    expect(
      problem(
        '[ERROR] CUID#7 - Download aborted. URI=https://huggingface.co/acme/m/resolve/main/model.safetensors\nException: [AbstractCommand.cc:351] errorCode=24 URI=https://huggingface.co/acme/m/resolve/main/model.safetensors\n  -> [HttpSkipResponseCommand.cc:215] errorCode=24 Authorization failed.',
      ),
    ).toBe('unauthorized-401');
  });

  it("wget's failed authentication is a 401", () => {
    expect(problem('Connecting to huggingface.co... connected.\nUsername/Password Authentication Failed.')).toBe(
      'unauthorized-401',
    );
  });

  it('a git push the Hub refuses is a 403', () => {
    expect(
      problem(
        'remote: Your push was rejected for the following reasons:\nremote: DENIED update refs/heads/main: forbidden\nTo https://huggingface.co/acme/m\n ! [remote rejected] main -> main (pre-receive hook declined)',
      ),
    ).toBe('forbidden-403');
    expect(
      problem("fatal: unable to access 'https://huggingface.co/acme/m/': The requested URL returned error: 403"),
    ).toBe('forbidden-403');
  });
});

describe("applications' words for a gated repo and the client's refusal of an org token", () => {
  it('"Access denied to gated repository" and "requires accepting a license agreement" are a gated repo', () => {
    expect(problem('Error: Access denied to gated repository acme/m.')).toBe('gated-repo');
    expect(
      problem('This model requires accepting a license agreement: visit the model page to accept the terms.'),
    ).toBe('gated-repo');
  });

  it('"You must use your personal account token" (an organization token used for a write) is a token in the wrong form', () => {
    expect(
      problem(
        'ValueError: You must use your personal account token for write-access methods.\nError: Process completed with exit code 1.',
      ),
    ).toBe('invalid-token-format');
  });
});

describe("tools' other words for a missing token", () => {
  it.each([
    'ValueError: Error raised by inference API: A valid user token is required',
    'acme.cli.TokenNotSet: You need to define a token using the environment variable ACME_HF_TOKEN',
    'Error: You have to provide an access token to download acme/model.',
    'Error: secret "hf-token-secret" not found',
    'environment variable HUGGINGFACE_TOKEN is not set, cannot download the weights',
  ])('%s', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it('leaves an unrelated secret alone', () => {
    expect(problem('Error: secret "db-password" not found')).toBe('unknown');
  });
});

describe('the Inference API warming a model up and a JS loader missing a Hub file', () => {
  it('"Model X is currently loading" with an estimated_time is the server side, not the token', () => {
    expect(problem(`{'error': 'Model acme/model is currently loading', 'estimated_time': 20.0}`)).toBe('server-error');
    expect(problem('{"error":"Model acme/model is currently loading","estimated_time":35.6}')).toBe('server-error');
  });

  it('"Could not locate file: <Hub URL>" is the repo or file not being there (or not visible)', () => {
    expect(
      problem(
        'Error: Could not locate file: "https://huggingface.co/acme/model/resolve/main/onnx/model_quantized.onnx".',
      ),
    ).toBe('repo-access-denied');
    expect(problem('Error: Could not locate file: "./models/local.onnx".')).toBe('unknown');
  });
});

describe("CUDA's runtime errors and a crashed process are the script's own failure", () => {
  it.each([
    'RuntimeError: CUDA error: no kernel image is available for execution on the device',
    'RuntimeError: CUDA error: device-side assert triggered',
    'Loading train dataset, number of examples: 1996\nSegmentation fault (core dumped)',
    'Illegal instruction (core dumped)',
  ])('%s', (text) => {
    expect(problem(text)).toBe('job-script-failed');
  });
});

describe('batch D: a quoted HF_TOKEN "required but not set", an API\'s {"error": "invalid token"}, a balance error', () => {
  it.each([
    "Error: [serve] `serve` failed: Environment variable 'HF_TOKEN' is required but not set.",
    'RuntimeError: environment variable "HF_TOKEN" is required but not set',
    'Error: env var `HUGGING_FACE_HUB_TOKEN` is required but not set',
  ])('%s', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it('leaves an unrelated variable that is required but not set alone', () => {
    expect(problem("Error: Environment variable 'DATABASE_URL' is required but not set.")).toBe('unknown');
  });

  it('a JSON error naming an invalid or expired token is a 401', () => {
    expect(problem(`After a while '{ "error": "invalid token" }' comes back to every query`)).toBe('unauthorized-401');
    expect(problem('{"error":"expired token"}')).toBe('unauthorized-401');
    expect(problem('{"error":"invalid token format in config"}')).not.toBe('unauthorized-401');
  });

  it('NOT_ENOUGH_BALANCE and "have to buy credits" are payment, not the token', () => {
    expect(problem('Provider answered NOT_ENOUGH_BALANCE for this request')).toBe('payment-required');
    expect(problem('an error in the UI says that I have to buy credits')).toBe('payment-required');
    expect(problem('You can buy credits in the store to unlock skins')).toBe('unknown');
  });
});

describe("batch D: curl/git TLS handshake failures, the script's own missing file", () => {
  it.each([
    "fatal: unable to access 'https://huggingface.co/acme/model/': gnutls_handshake() failed: The TLS connection was non-properly terminated.",
    "fatal: unable to access 'https://huggingface.co/datasets/acme/d/': OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to huggingface.co:443",
  ])('%s', (text) => {
    expect(problem(text)).toBe('network-error');
  });

  it('FileNotFoundError on a file of the script is the script failing', () => {
    expect(problem("FileNotFoundError: [Errno 2] No such file or directory: 'checkpoints/last.pth'")).toBe(
      'job-script-failed',
    );
    expect(
      problem(
        "    with open(path) as f:\nFileNotFoundError: [Errno 2] No such file or directory: './data/train.jsonl'",
      ),
    ).toBe('job-script-failed');
  });

  it('leaves a missing token file or Hub cache file to the other rules', () => {
    expect(
      problem("FileNotFoundError: [Errno 2] No such file or directory: '/root/.cache/huggingface/token'"),
    ).not.toBe('job-script-failed');
  });
});

describe("pyannote's generic 'make sure to authenticate' message with its gated fallback", () => {
  const message = [
    "Could not download 'pyannote/speaker-diarization-3.1' pipeline.",
    'It might be because the pipeline is private or gated so make',
    'sure to authenticate. Visit https://hf.co/settings/tokens to',
    'create your access token and retry with:',
    "   >>> Pipeline.from_pretrained('pyannote/speaker-diarization-3.1',",
    '   ...                          use_auth_token=YOUR_AUTH_TOKEN)',
    'If this still does not work, it might be because the pipeline is gated:',
    'visit https://hf.co/pyannote/speaker-diarization-3.1 to accept the user conditions.',
  ].join('\n');

  it('with no token passed anywhere, the missing token is the story', () => {
    expect(problem(message)).toBe('token-missing');
    expect(
      problem(`$ python diarize.py audio.wav\n${message}\nAttributeError: 'NoneType' object has no attribute 'to'`),
    ).toBe('token-missing');
  });

  it('with a token passed, the gate is', () => {
    expect(problem(`$ whisperx audio.wav --hf_token hf_abcdefgh --diarize\n${message}`)).toBe('gated-repo');
    expect(problem(`pipeline = Pipeline.from_pretrained(name, use_auth_token="hf_abcdefgh")\n${message}`)).toBe(
      'gated-repo',
    );
  });
});

describe("batch E: transformers' wrong-id message, state_dict mismatches, a container the platform could not start", () => {
  it.each([
    "OSError: acme-7b is not a local folder and is not a valid model identifier listed on 'https://huggingface.co/models'",
    "OSError: checkpoints/my-run is not a local folder and is not a \nvalid model identifier listed on 'https://huggingface.co/models'\nIf this is a private repository, make sure to pass a token having permission to this repo",
  ])('%s', (text) => {
    expect(problem(text)).toBe('repo-access-denied');
  });

  it('a checkpoint that does not fit the model is the script failing', () => {
    expect(
      problem(
        'RuntimeError: Error(s) in loading state_dict for ResNet:\n\tsize mismatch for fc.weight: copying a param with shape torch.Size([10, 512]) from checkpoint, the shape in current model is torch.Size([1000, 512]).',
      ),
    ).toBe('job-script-failed');
    expect(
      problem(
        '\tsize mismatch for head.bias: copying a param with shape torch.Size([3]) from checkpoint, the shape in current model is torch.Size([5]).',
      ),
    ).toBe('job-script-failed');
    expect(problem('The shirt was a size mismatch for me, returned it.')).toBe('unknown');
  });

  it("a container the platform could not start is the Hub's side", () => {
    expect(
      problem(
        'runtime error\nExit code: 128. Reason: failed to create containerd task: failed to create shim task: context canceled',
      ),
    ).toBe('server-error');
  });

  it('"Missing or invalid Authorization header" is a 401', () => {
    expect(problem('{"error":"Missing or invalid Authorization header"}')).toBe('unauthorized-401');
    expect(problem('401: missing Authorization header')).toBe('unauthorized-401');
    expect(problem('The Authorization header is documented in the README.')).toBe('unknown');
  });
});

describe('batch G: a token "was not found" or "must be specified", pip and Docker build failures', () => {
  it.each([
    'OSError: You specified use_auth_token=True, but a huggingface token was not found.',
    'Error: HF token was not found in the environment',
    'Traceback (most recent call last):\n  File "run.py", line 3, in <module>\nValueError: Token must be specified for push to hub',
    'error: a token must be provided to upload the dataset',
  ])('%s', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it('leaves other things that "must be specified" alone', () => {
    expect(problem('ValueError: A model name must be specified')).not.toBe('token-missing');
  });

  it.each([
    'ERROR: Cannot install -r requirements.txt (line 2) and numpy==1.19 because these package versions have conflicting dependencies.',
    'pip._vendor.resolvelib.resolvers.ResolutionImpossible: [RequirementInformation(...)]',
    '--> ERROR: process "/bin/sh -c pip install --no-cache-dir -r requirements.txt" did not complete successfully: exit code: 1',
    'build error\nJob failed with exit code: 1. Reason: cache miss: [base 5/7] RUN pip install -r requirements.txt',
  ])('%s', (text) => {
    expect(problem(text)).toBe('job-script-failed');
  });

  it('a build that succeeded (exit code: 0) is not a failure', () => {
    expect(problem('process "/bin/sh -c pip install" did not complete successfully: exit code: 0')).toBe('unknown');
  });
});

describe('batch H: a misspelt Hugging Face token that is not set, a weights file taken for a repo id', () => {
  it.each([
    'Hugginface token is not set when loading the model in the app.',
    'Error: Huggingface token not found. Set it in the settings.',
    'HugingFace API token is required to download this model',
    'warning: no Hugginface token, requests are anonymous',
  ])('the Hugging Face token not set, whatever the spelling, is a missing token: %s', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it('a tool saying the token is not set beats the 401 it caused', () => {
    expect(
      problem(
        'Hugginface token is not set when loading the model in the app.\n`requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/meta-llama/Llama-2-7b-chat-hf/resolve/main/tokenizer_config.json`',
      ),
    ).toBe('token-missing');
  });

  it.each([
    'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/models/models/llama-2-7b-chat.ggmlv3.q8_0.bin/revision/main',
    "httpx.HTTPStatusError: Client error '404 Not Found' for url 'https://huggingface.co/api/models/weights/mistral-7b.Q4_K_M.gguf/revision/main'",
    'OSError: 401 Client Error for url: https://huggingface.co/checkpoints/model.safetensors/resolve/main/config.json',
  ])('a weights file asked for as a repo is a repo that does not exist: %s', (text) => {
    expect(problem(text)).toBe('repo-access-denied');
  });

  it('leaves a weights file inside a real repo, and other spellings of face, alone', () => {
    expect(
      problem(
        'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/meta-llama/Llama-2-7b-hf/resolve/main/pytorch_model.bin',
      ),
    ).toBe('unauthorized-401');
    expect(problem('Hugging Face Spaces is not set up for this repo')).not.toBe('token-missing');
    expect(problem('The face token is not set in the game config')).toBe('unknown');
  });
});

describe("batch I: transformers' model-type refusals, Rust clients' transport errors, 403s on downloads and storage", () => {
  it.each([
    'ValueError: Unrecognized model in ./checkpoints/run3. Should have a `model_type` key in its config.json, or contain one of the following strings in its name: albert, bart, bert',
    'ValueError: The checkpoint you are trying to load has model type `qwen3_next` but Transformers does not recognize this architecture. This could be because of an issue with the checkpoint, or because your version of Transformers is out of date.',
    'ValueError: Unrecognized configuration class <class "transformers_modules.acme.cfg.AcmeConfig"> for this kind of AutoModel: AutoModelForCausalLM.',
    "ERROR: Package 'acme-tools' requires a different Python: 3.9.18 not in '>=3.10'",
    'Space status: BUILD_ERROR (see the build logs)',
  ])('the script or its build failing: %s', (text) => {
    expect(problem(text)).toBe('job-script-failed');
  });

  it('leaves a model_type that is only mentioned, and a build that ran, alone', () => {
    expect(problem('config.json: set "model_type": "llama" for the converter')).toBe('unknown');
    expect(problem('Space status: RUNNING (build took 3 minutes)')).toBe('unknown');
  });

  it.each([
    'WARN Reqwest(reqwest::Error { kind: Request, url: "https://transfer.xethub.hf.co/xorbs/default/abc", source: hyper_util::client::legacy::Error(Connect, ConnectError("tcp connect error", Os { code: 111 })) }). Retrying...',
    'Error: request error: error sending request for url (https://huggingface.co/api/models/acme/m/revision/main): error trying to connect: tcp connect error: Connection timed out',
    'reqwest::Error { kind: Timeout, url: "https://cas-server.xethub.hf.co/reconstruction/0f" }',
  ])('a Rust client that got no answer is the network: %s', (text) => {
    expect(problem(text)).toBe('network-error');
  });

  it("an answer with a status is the status's story, not the network's", () => {
    expect(
      problem('reqwest::Error { kind: Status(401), url: "https://huggingface.co/api/models/acme/m" } 401 Unauthorized'),
    ).toBe('unauthorized-401');
  });

  it.each([
    'Could not get file "tokenizer.json" from API: RequestError(Status(403, Response[status: 403, status_text: Forbidden, url: https://huggingface.co/acme/llama-x/resolve/main/tokenizer.json]))',
    'curl: (22) The requested URL returned error: 403 for https://huggingface.co/datasets/acme/private-bench/resolve/main/data.parquet',
    'HTTPError: 403 Client Error: Forbidden for url: https://huggingface.co/google/gemma-x/resolve/main/config.json',
  ])('a 403 on a Hub file download is the gate: %s', (text) => {
    expect(problem(text)).toBe('gated-repo');
  });

  it('leaves 403s that are not a download to the 403 rules', () => {
    expect(problem('403 Client Error: Forbidden for url: https://huggingface.co/api/repos/create')).toBe(
      'forbidden-403',
    );
    expect(
      problem(
        '403 Forbidden: This authentication method does not have sufficient permissions to call resolve on https://huggingface.co/acme/private/resolve/main/x.bin',
      ),
    ).toBe('forbidden-403');
  });

  it("a 403 from the Hub's storage (signed URLs) is the storage side, not the token's scopes", () => {
    expect(
      problem(
        'HfHubHTTPError: 403 Client Error\nHTTPError: 403 Client Error: Forbidden for url: https://s3.us-east-1.amazonaws.com/lfs.huggingface.co/repos/aa/bb/cc?X-Amz-Expires=900',
      ),
    ).toBe('server-error');
    expect(
      problem(
        'ReqwestError(reqwest::Error { kind: Status(403), url: "https://transfer.xethub.hf.co/xorbs/default/d2" })',
      ),
    ).toBe('server-error');
    expect(
      problem(
        '403 Client Error: Forbidden for url: https://cdn-lfs.huggingface.co/repos/ab/cd/ef?response-content-disposition=x',
      ),
    ).toBe('server-error');
  });

  it('a storage 403 after the Hub itself refused the token stays a 403', () => {
    expect(
      problem(
        '403 Client Error: Forbidden for url: https://huggingface.co/api/models/acme/m/preupload/main\nYou don\'t have the rights to create a model under the namespace "acme"\n403 Forbidden for url: https://s3.us-east-1.amazonaws.com/lfs.huggingface.co/repos/aa/bb',
      ),
    ).toBe('forbidden-403');
  });
});

describe("the clients' other words: login, repo ids, disabled repos, other network stacks, Rust statuses", () => {
  it.each([
    ['ValueError: Invalid token passed!', 'unauthorized-401'],
    [
      "huggingface_hub.errors.HFValidationError: Repo id must be in the form 'repo_name' or 'namespace/repo_name': '/content/drive/MyDrive/model'. Use `repo_type` argument if needed.",
      'repo-access-denied',
    ],
    [
      "HFValidationError: Repo id must use alphanumeric chars or '-', '_', '.', '--' and '..' are forbidden, '-' and '.' cannot start or end the name, max length is 96: 'acme/my model'.",
      'repo-access-denied',
    ],
    [
      'huggingface_hub.errors.DisabledRepoError: 403 Client Error. (Request ID: Root=1-abc)\n\nCannot access repository for url https://huggingface.co/api/datasets/acme/old-set.\nAccess to this resource is disabled.',
      'repo-access-denied',
    ],
    [
      'aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host huggingface.co:443 ssl:default [Connect call failed]',
      'network-error',
    ],
    ['<urlopen error [Errno 101] Network unreachable>', 'network-error'],
    [
      'Error: Get "https://huggingface.co/v2/acme/m/manifests/latest": dial tcp: lookup huggingface.co on 127.0.0.53:53: no such host',
      'network-error',
    ],
    ['FetchError: request to https://huggingface.co/api/models/acme/m failed, reason: socket hang up', 'network-error'],
    [
      'ssl.SSLEOFError: EOF occurred in violation of protocol (_ssl.c:2427) while fetching https://huggingface.co/acme/m/resolve/main/model.safetensors',
      'network-error',
    ],
    ['ValueError: Model too busy, unable to get response in less than 60 second(s)', 'server-error'],
    [
      'Error: RequestError(Status(429, Response[status: 429, url: https://huggingface.co/api/models/acme/m]))',
      'rate-limited',
    ],
    [
      'Error: RequestError(Status(503, Response[url: https://huggingface.co/acme/m/resolve/main/config.json]))',
      'server-error',
    ],
    ['request failed: Status(401, url: https://huggingface.co/api/whoami-v2)', 'unauthorized-401'],
  ])('%s', (text, expected) => {
    expect(problem(text)).toBe(expected);
  });

  it('leaves an id check that passed, and a disabled feature of something else, alone', () => {
    expect(problem('Repo id acme/model-x is valid, uploading 3 files')).toBe('unknown');
    expect(problem('Telemetry is disabled for this resource.')).toBe('unknown');
  });
});

describe('a traceback trimmed of its header that ends in a plain Python error is the script failing', () => {
  it('frames, then the error', () => {
    expect(
      problem(
        '  File "/app/train.py", line 88, in <module>\n    loss = model(**batch).loss\nRuntimeError: Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!',
      ),
    ).toBe('job-script-failed');
  });

  it('not a bare error line alone, nor a trimmed traceback ending on the Hub cache or the token file', () => {
    expect(problem("KeyError: 'input_ids'")).toBe('unknown');
    expect(
      problem(
        '  File "/app/run.py", line 3, in <module>\n    open(path)\nFileNotFoundError: [Errno 2] No such file or directory: \'/root/.cache/huggingface/token\'',
      ),
    ).not.toBe('job-script-failed');
  });

  it('not when the plain error is not the last thing, and not over a Hub error', () => {
    expect(problem('ValueError: batch too small\nretrying with a bigger batch...\nall good, 3 epochs done')).toBe(
      'unknown',
    );
    expect(problem("KeyError: 'HF_TOKEN'")).toBe('token-missing');
    expect(problem('ValueError: Invalid token passed!')).toBe('unauthorized-401');
  });
});

describe("a job's own environment failing around the script is not a token problem", () => {
  it.each([
    "Error response from daemon: pull access denied for acme/trainer, repository does not exist or may require 'docker login'",
    'Failed to pull image "ghcr.io/acme/trainer:v9": rpc error: code = NotFound desc = manifest unknown',
    'exec: "python": executable file not found in $PATH',
    'bash: line 1: accelerate: command not found',
    'ImportError: libGL.so.1: cannot open shared object file: No such file or directory',
    'ERROR: Failed building wheel for flash-attn',
    "RuntimeError: [enforce fail at alloc_cpu.cpp:114] data. DefaultCPUAllocator: can't allocate memory: you tried to allocate 4294967296 bytes.",
    'torch.distributed.elastic.multiprocessing.errors.ChildFailedError: train.py FAILED',
  ])('%s', (text) => {
    expect(problem(text)).toBe('job-script-failed');
  });

  it('an image pulled and a wheel built are not failures', () => {
    expect(problem('Successfully pulled image "ghcr.io/acme/trainer:v9"')).toBe('unknown');
    expect(problem('Successfully built flash-attn')).toBe('unknown');
  });
});

describe("huggingface_hub's no-network message without its class, a 5xx in an application's words, pip's build failures", () => {
  it.each([
    [
      'ERROR - An error happened while trying to locate the file on the Hub and we cannot find the requested files in the local cache. Please check your connection and try again.',
      'network-error',
    ],
    ['The model page is currently returning a 503 error, so the download fails.', 'server-error'],
    ['Hub API error code 502 while listing files', 'server-error'],
    ['× Getting requirements to build wheel did not run successfully.\n│ exit code: 1', 'job-script-failed'],
    ['error: metadata-generation-failed\n× Encountered error while generating package metadata.', 'job-script-failed'],
  ])('%s', (text, expected) => {
    expect(problem(text)).toBe(expected);
  });

  it('leaves numbers that are not statuses alone', () => {
    expect(problem('Processed 500 files, 0 errors were found by the linter? no: 500 items, done')).toBe('unknown');
    expect(problem('Found 503 rows; writing output')).toBe('unknown');
  });
});
