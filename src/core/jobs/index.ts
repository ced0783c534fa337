// core/jobs: running a job, written once (submit with a lookup label, follow with stream + polls, stages, prices).
export * from './stages.js';
export * from './submit.js';
export * from './follow.js';
