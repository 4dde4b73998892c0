import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback endpoint that misbehaves the ways a broken proxy, an emulator bug or an attacker
 * can: each behaviour answers every request the same way. Listens on 127.0.0.1 only.
 */
export type Behaviour =
  /** Accepts the connection and never answers. */
  | 'stall'
  /** Sends headers, then one byte of the body every 100 ms, forever. */
  | 'trickle'
  /** A page of one API whose NextToken cycles A, B, A, ... */
  | 'cycling-tokens'
  /** A page of one API with a new NextToken every time. */
  | 'endless-tokens'
  /** 200 with an HTML error page. */
  | 'html'
  /** Announces a body longer than it sends, then closes the connection. */
  | 'truncated'
  /** A 200 JSON body far larger than any real page (streamed, never held by the server). */
  | 'huge';

export interface HostileServer {
  url: string;
  requests: number;
  close(): Promise<void>;
}

export async function startHostileServer(behaviour: Behaviour, hugeBytes = 80 * 1024 * 1024): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let pages = 0;
  const state = { requests: 0 };

  const page = (token: string) => JSON.stringify({ items: [{ apiId: `a${pages}`, name: 'api', protocolType: 'WEBSOCKET' }], nextToken: token });

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    state.requests += 1;
    request.resume();
    pages += 1;
    switch (behaviour) {
      case 'stall':
        return;
      case 'trickle': {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"items":[');
        const timer = setInterval(() => response.write(' '), 100);
        timers.add(timer);
        response.on('close', () => clearInterval(timer));
        return;
      }
      case 'cycling-tokens':
        response.writeHead(200, { 'content-type': 'application/json' }).end(page(pages % 2 === 1 ? 'A' : 'B'));
        return;
      case 'endless-tokens':
        response.writeHead(200, { 'content-type': 'application/json' }).end(page(`token-${pages}`));
        return;
      case 'html':
        response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>');
        return;
      case 'truncated':
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
        response.end('{"items":[{"apiId":"a1"');
        response.socket?.destroy();
        return;
      case 'huge': {
        response.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < hugeBytes) {
            sent += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', pump);
          }
          response.end();
        };
        response.on('close', () => (sent = hugeBytes));
        pump();
        return;
      }
    }
  };

  const server = createServer(handle);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Runs `work` with AWS_ENDPOINT_URL pointing at a hostile server, and how long it took. */
export async function against<T>(behaviour: Behaviour, work: (server: HostileServer) => Promise<T>): Promise<{ value: T; ms: number; requests: number }> {
  const server = await startHostileServer(behaviour);
  const saved = process.env.AWS_ENDPOINT_URL_APIGATEWAYV2;
  process.env.AWS_ENDPOINT_URL_APIGATEWAYV2 = server.url;
  const started = Date.now();
  try {
    const value = await work(server);
    return { value, ms: Date.now() - started, requests: server.requests };
  } finally {
    if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_APIGATEWAYV2;
    else process.env.AWS_ENDPOINT_URL_APIGATEWAYV2 = saved;
    await server.close();
  }
}
