// Job configs (hf-job.json), flavors, timeouts, $HF_TOKEN resolution, and the CLI/Python/MCP/JS snippets.
export * from './config.js';
export * from './flavors.js';
export * from './placeholder.js';
export * from './shell.js';
export * from './similar.js';
export * from './snippets.js';
export * from './spec.js';
export * from './timeout.js';
export * from './write.js';
export * from './fold.js';
