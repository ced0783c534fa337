// Former home of the I/O port, kept as a re-export while callers move to src/io.ts.
export {EXIT, processIo, writeLine, type CommandIo} from '../io.js';
