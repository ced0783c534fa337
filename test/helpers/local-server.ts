// A throwaway HTTP server on a free local port, for tests that play a Hub, a hostile server, or another program
// listening where the app is pointed.
import {createServer, type IncomingHttpHeaders, type RequestListener} from 'node:http';
import type {AddressInfo} from 'node:net';

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

export async function listenLocal(handler: RequestListener): Promise<LocalServer> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Another program on a local port, not the sandbox: records the headers it is sent and answers 401. */
export async function recordingStranger(): Promise<LocalServer & {seen: IncomingHttpHeaders[]}> {
  const seen: IncomingHttpHeaders[] = [];
  const server = await listenLocal((req, res) => {
    seen.push(req.headers);
    res.writeHead(401, {'content-type': 'application/json'});
    res.end('{"error":"Invalid credentials"}');
  });
  return {...server, seen};
}
