// The Hub calls the Node twins make, through @huggingface/hub, against HF_ENDPOINT (as huggingface_hub would).
// The twins need commit/deleteRepo/downloadFile, which the app's hub client (src/core/hub/client.ts) does not
// wrap, so this small module imports the library directly for them.
//
// huggingface_hub sends whatever HF_TOKEN holds; @huggingface/hub refuses a token without the `hf_` prefix before
// any request (TypeError). To fail the way the Python script fails (the Hub answering 401 to a literal "$HF_TOKEN"),
// such a value is sent through a fetch that sets the Authorization header itself.
import {
  commit,
  createRepo,
  deleteRepo,
  downloadFile,
  HubApiError,
  listFiles,
  repoExists,
  whoAmI,
  type RepoDesignation,
} from '@huggingface/hub';

export {HubApiError};

export interface TwinHub {
  hubUrl: string;
  whoAmI(): Promise<{name: string; role: string}>;
  repoExists(repo: RepoDesignation): Promise<boolean>;
  createPrivateRepo(repo: RepoDesignation): Promise<void>;
  deleteRepo(repo: RepoDesignation): Promise<void>;
  commitFiles(repo: RepoDesignation, files: Record<string, string>, title: string): Promise<string | undefined>;
  listFiles(repo: RepoDesignation): Promise<string[]>;
  downloadText(repo: RepoDesignation, path: string): Promise<string>;
}

/** How long one request may go unanswered before the twin gives up with a clear message (a hung Hub ends the job). */
export const TWIN_REQUEST_TIMEOUT_MS = 60_000;

export function twinHub(hubUrl: string, token: string, timeoutMs: number = TWIN_REQUEST_TIMEOUT_MS): TwinHub {
  const base = hubUrl.replace(/\/+$/, '');
  const valid = token.startsWith('hf_');
  // Every request is bounded: the library's own fetch has no timeout, so a Hub that never answers would hang the job.
  const timedFetch: typeof fetch = (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    return fetch(input, {...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout}).catch(
      (error: unknown) => {
        if (timeout.aborted)
          throw new Error(
            `no answer from ${base} within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`,
          );
        throw error;
      },
    );
  };
  const rawFetch: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(base)) return timedFetch(input, init);
    const headers = new Headers(init?.headers);
    headers.set('Authorization', `Bearer ${token}`);
    return timedFetch(input, {...init, headers});
  };
  // Typed as the token form; the other form carries the header in its fetch instead.
  const auth = (valid ? {hubUrl: base, accessToken: token, fetch: timedFetch} : {hubUrl: base, fetch: rawFetch}) as {
    hubUrl: string;
    accessToken: string;
    fetch: typeof fetch;
  };

  return {
    hubUrl: base,
    async whoAmI() {
      const info = await whoAmI(auth);
      return {name: info.name, role: info.auth.accessToken?.role ?? String(info.auth.type)};
    },
    repoExists: (repo) => repoExists({...auth, repo}),
    async createPrivateRepo(repo) {
      await createRepo({...auth, repo, private: true} as Parameters<typeof createRepo>[0]);
    },
    async deleteRepo(repo) {
      await deleteRepo({...auth, repo} as Parameters<typeof deleteRepo>[0]);
    },
    async commitFiles(repo, files, title) {
      const output = await commit({
        ...auth,
        repo,
        title,
        operations: Object.entries(files).map(([path, text]) => ({
          operation: 'addOrUpdate' as const,
          path,
          content: new Blob([text]),
        })),
      } as Parameters<typeof commit>[0]);
      return output?.commit.oid;
    },
    async listFiles(repo) {
      const paths: string[] = [];
      for await (const entry of listFiles({...auth, repo, recursive: true}))
        if (entry.type === 'file') paths.push(entry.path);
      return paths;
    },
    async downloadText(repo, path) {
      const blob = await downloadFile({...auth, repo, path});
      if (!blob) throw new Error(`${path} not found`);
      return await blob.text();
    },
  };
}
