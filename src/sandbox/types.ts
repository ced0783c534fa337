// The sandbox's public contract: what startSandbox() returns and `sandbox --json` prints.

/** The practice tokens every sandbox has. Labels are part of the `sandbox --json` contract. */
export type PracticeTokenLabel = 'write' | 'read' | 'fine-grained' | 'expired';

export interface SandboxOptions {
  /** 0 (default) picks a free port. The server binds 127.0.0.1 only. */
  port?: number;
  /** Persist accounts, tokens, repos, files and jobs here (workshops). Default: a temporary folder removed on close. */
  dataDir?: string;
}

export interface SandboxHandle {
  /** `http://127.0.0.1:PORT`, no trailing slash: pass it as `hubUrl` to @huggingface/hub. */
  url: string;
  tokens: Record<PracticeTokenLabel, string>;
  /** Practice user names, first is the main one (`practice-user`). */
  users: string[];
  /** Where the sandbox keeps its state. */
  dataDir: string;
  close(): Promise<void>;
}
