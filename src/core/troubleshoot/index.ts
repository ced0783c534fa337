// Troubleshooting: the problem catalog, the pasted-text classifier, and live diagnosis.
export * from './catalog.js';
export * from './classify.js';
export * from './diagnose.js';
export * from './facts.js';
export * from './actions.js';
export * from './report.js';
