// Entry of check's reading thread (built as dist/check/read-worker.cjs: CommonJS, so the thread starts without the ES
// module loader): reads ahead of the main thread the files it is sent (read-ahead.ts), then ends.
import {parentPort} from 'node:worker_threads';
import {readAhead, type ReadAheadJob} from './read-ahead.js';

parentPort?.once('message', (job: ReadAheadJob) => readAhead(job));
