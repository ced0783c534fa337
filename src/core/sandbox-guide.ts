// What `hf-jobs-wizard sandbox` prints about using the sandbox from the real tools: the hf CLI, Python
// (huggingface_hub), @huggingface/hub (hfjs) and an AI assistant's MCP hf_jobs tool. Pure: the command prints it.
import {maskToken} from './tokens/mask.js';
import {appCommand} from './invocation.js';

/**
 * The lines, for a sandbox at `url` whose write practice token is `writeToken` (shown masked: `--json` prints it in
 * full). Every tool reads HF_ENDPOINT and HF_TOKEN; the MCP server does not (it calls https://huggingface.co).
 */
export function sandboxClientGuide(
  url: string,
  writeToken: string,
  options: {
    /** Where the whole token is: the JSON line above (--json), else the command that starts this sandbox printing it. */
    printedAbove?: boolean;
    /** The flags this sandbox was started with (`--data DIR --port N`), for that command. */
    flags?: string;
  } = {},
): string[] {
  const token = maskToken(writeToken);
  // Said as it can be done: `sandbox --json` started anew is another sandbox (other tokens) unless it has the same
  // --data folder, and that folder is served by this one until it stops.
  const full = options.printedAbove
    ? 'the "write" practice token in full is in the JSON line above'
    : `the "write" practice token in full: stop this sandbox, then \`${appCommand(`sandbox${options.flags ? ` ${options.flags}` : ''} --json`)}\``;
  return [
    'Use it from another terminal (practice data; these tokens work only here):',
    `  export HF_ENDPOINT=${url}`,
    `  export HF_TOKEN=${token}   # ${full}`,
    '  hf auth whoami                       # the hf CLI (huggingface_hub 1.x) reads both variables',
    '  hf jobs run python:3.12 python -c "print(42)"',
    `  python3 -c "from huggingface_hub import whoami; print(whoami()['name'])"`,
    '  JavaScript (@huggingface/hub): pass hubUrl: process.env.HF_ENDPOINT and accessToken: process.env.HF_TOKEN to each call',
    '  MCP hf_jobs tool (@llmindset/hf-mcp-server): it always calls https://huggingface.co and refuses local addresses,',
    '    so an assistant cannot reach this sandbox; practise its commands with `hf jobs ...` here instead.',
    'Jobs run on this machine: python:* with its python3, node:* with this Node, the uv image with uv (or python3 when',
    "the script's dependencies are installed there); nothing is uploaded anywhere.",
  ];
}
