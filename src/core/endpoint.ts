// Which Hub the app talks to: --endpoint, else HF_ENDPOINT, else huggingface.co (as huggingface_hub does).
export const DEFAULT_ENDPOINT = 'https://huggingface.co';

export function resolveEndpoint(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  // An empty HF_ENDPOINT counts as unset, as in huggingface_hub (`os.getenv("HF_ENDPOINT", "").rstrip("/") or default`).
  const raw = flag ?? (env.HF_ENDPOINT?.trim() || DEFAULT_ENDPOINT);
  return raw.replace(/\/+$/, '') || DEFAULT_ENDPOINT;
}

export function isDefaultEndpoint(endpoint: string): boolean {
  return endpoint.replace(/\/+$/, '') === DEFAULT_ENDPOINT;
}
