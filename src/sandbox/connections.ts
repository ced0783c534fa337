// A bound on the sandbox's open connections. Anything on the machine (another process, a web page in the browser
// opening sockets to 127.0.0.1) could open connections without end: each one holds a file descriptor and memory, and
// at the process's descriptor limit the sandbox could not accept its own client's. Every client is loopback, so a
// per-address limit would count them all as one: instead, past `max` open connections, a new one evicts the oldest
// connection that has no request in progress (connected and silent, or kept alive between requests). A request in
// progress is never cut. When every connection is busy, the new one is refused (closed at once), so the total stays
// at `max`. Slow senders are bounded separately (server.ts: headers within 15 s, the request within 120 s).
import type {Server} from 'node:http';
import type {Socket} from 'node:net';

/** Far above what the app, hfjs, the Python client and a browser use together (a few to a few dozen). */
export const MAX_CONNECTIONS = 256;

export interface ConnectionBound {
  /** Open connections now (for tests and the sandbox's own diagnostics). */
  open(): number;
  /** Connections closed to make room, or refused, since the start. */
  evicted(): number;
}

export function boundConnections(server: Server, max = MAX_CONNECTIONS): ConnectionBound {
  // Insertion order is connection order: the first idle one found is the oldest.
  const sockets = new Map<Socket, {busy: number}>();
  let evicted = 0;
  server.on('connection', (socket: Socket) => {
    if (sockets.size >= max) {
      let victim: Socket | undefined;
      for (const [s, state] of sockets)
        if (state.busy === 0) {
          victim = s;
          break;
        }
      evicted++;
      if (!victim) {
        socket.destroy();
        return;
      }
      sockets.delete(victim);
      victim.destroy();
    }
    const state = {busy: 0};
    sockets.set(socket, state);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('request', (req, res) => {
    const state = sockets.get(req.socket);
    if (!state) return;
    state.busy++;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      state.busy--;
      // Idle again: it moves to the back of the line (the oldest idle goes first).
      if (sockets.delete(req.socket)) sockets.set(req.socket, state);
    };
    res.once('finish', finish);
    res.once('close', finish);
  });
  return {open: () => sockets.size, evicted: () => evicted};
}
