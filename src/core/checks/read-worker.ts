// Entry of check's reading thread (built as dist/check/read-worker.cjs: CommonJS, so the thread starts without the ES
// module loader): reads ahead of the main thread the files it is sent (read-ahead.ts) and, when it has no room to read
// more, scans chunks from the back of the list (scan.ts); it answers with those chunks' parts of the model, then ends.
import {parentPort} from 'node:worker_threads';
import {tuneForOneScan} from './v8-tuning.js';
import {readAhead, type ReadAheadJob} from './read-ahead.js';
import {scanFiles, type FileToScan} from './scan.js';

// This thread's heap was set up with V8's default growth factor, which that set-up also put back process-wide.
tuneForOneScan();

parentPort?.once('message', (job: ReadAheadJob) => {
  const shown = job.shown;
  const list: FileToScan[] | undefined = shown && job.paths.map((abs, i) => ({abs, shown: shown[i]!}));
  const parts = readAhead(job, list && ((c) => scanFiles(list.slice(c * job.chunk, (c + 1) * job.chunk))));
  parentPort!.postMessage(parts);
});
