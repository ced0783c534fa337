// Which Hub the app talks to: --endpoint, else HF_ENDPOINT, else huggingface.co (as huggingface_hub does).
export const DEFAULT_ENDPOINT = 'https://huggingface.co';

export function resolveEndpoint(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const raw = flag ?? env.HF_ENDPOINT ?? DEFAULT_ENDPOINT;
  return raw.replace(/\/+$/, '');
}

export function isDefaultEndpoint(endpoint: string): boolean {
  return endpoint.replace(/\/+$/, '') === DEFAULT_ENDPOINT;
}
