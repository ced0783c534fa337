// Entry of the worker threads `check` starts on big trees (built as dist/check/scan-worker.cjs, one module): scans the list of files
// it is sent, chunk by chunk from the counter it shares with the main thread, and answers with its chunks' parts of the
// model. It loads the scanner only, not the Hub client.
import {parentPort} from 'node:worker_threads';
import {tuneForOneScan} from './v8-tuning.js';
import {scanChunks, type FileToScan} from './scan.js';

// This thread's heap was set up with V8's default growth factor, which that set-up also put back process-wide.
tuneForOneScan();

parentPort?.once('message', ({list, next}: {list: FileToScan[]; next: Int32Array}) =>
  parentPort!.postMessage(scanChunks(list, next)),
);
