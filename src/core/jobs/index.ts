// core/jobs: running a job, written once (build the spec with the token filled in, submit with a lookup label, follow with stream + polls, stages, prices).
export * from './build.js';
export * from './stages.js';
export * from './submit.js';
export * from './follow.js';
export * from './uv-run.js';
