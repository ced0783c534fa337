// Entry of the worker threads `check` starts on big trees (built as dist/scan-worker.mjs): scans the list of files
// it is sent and answers with its part of the model. It loads the scanner only, not the Hub client.
import {parentPort} from 'node:worker_threads';
import {scanFiles, type FileToScan} from './scan.js';

parentPort?.once('message', (list: FileToScan[]) => parentPort!.postMessage(scanFiles(list)));
