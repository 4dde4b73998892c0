import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as a service handler sees it, body already read. */
export interface FakeRequest {
  method: string;
  /** Path without the query string, percent-decoding left to the handler. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What a handler answers: a response, or a connection dropped without one. */
export type FakeReply =
  | { operation: string; status: number; headers?: Record<string, string>; body: string }
  | { operation: string; reset: true };

/**
 * One AWS service on the shared fake endpoint. Requests are routed by the service name in the
 * SigV4 credential scope (`Credential=AKID/date/region/{signingName}/aws4_request`), because
 * the SDK signs every request and AWS_ENDPOINT_URL may point every client at this one server.
 */
export interface ServiceHandler {
  readonly signingName: string;
  handle(request: FakeRequest): Promise<FakeReply>;
}

export interface RecordedRequest {
  service: string;
  operation: string;
  method: string;
  /** Path and query string as sent. */
  url: string;
  /** HTTP status, or 'reset' when the connection was dropped. */
  status: number | 'reset';
  /** From the SDK's `amz-sdk-request: attempt=n; max=m` header; 1 when absent. */
  attempt: number;
}

export interface FakeAws {
  /** `http://127.0.0.1:PORT`, for AWS_ENDPOINT_URL or a service-specific variable. */
  url: string;
  /** Every request answered so far, in the order answered. */
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 and an ephemeral port with the given service handlers. */
export async function startFakeAws(handlers: readonly ServiceHandler[]): Promise<FakeAws> {
  const byName = new Map(handlers.map((handler) => [handler.signingName, handler]));
  const requests: RecordedRequest[] = [];

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const service = signingNameOf(req.headers.authorization);
    const attempt = Number(/attempt=(\d+)/.exec(String(req.headers['amz-sdk-request'] ?? ''))?.[1] ?? 1);
    const handler = byName.get(service);
    const reply: FakeReply = handler
      ? await handler.handle({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      : { operation: 'Unknown', status: 400, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: `the fake serves no service "${service}"` }) };
    const record = { service, operation: reply.operation, method: req.method ?? 'GET', url: req.url ?? '/', attempt };
    if ('reset' in reply) {
      requests.push({ ...record, status: 'reset' });
      req.socket.destroy();
      return;
    }
    requests.push({ ...record, status: reply.status });
    res.writeHead(reply.status, { 'content-type': 'application/json', 'x-amzn-requestid': `fake-${requests.length}`, ...reply.headers });
    res.end(reply.body);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  // A test that forgets to close the fake must not keep jest alive.
  server.unref();
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets of SDK clients would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

/**
 * One handler per region for the same service, chosen by the region in the credential
 * scope: regions are separate endpoints in AWS (with separate quotas), but one endpoint URL
 * here. A region without a handler answers as a region without the service would.
 */
export function byRegion(handlers: Readonly<Record<string, ServiceHandler>>): ServiceHandler {
  const [first] = Object.values(handlers);
  if (first === undefined) throw new Error('byRegion needs at least one region');
  return {
    signingName: first.signingName,
    async handle(request) {
      const region = credentialScope(request.headers.authorization)?.region ?? 'unsigned';
      const handler = handlers[region];
      return handler
        ? handler.handle(request)
        : { operation: 'Unknown', status: 400, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: `the fake serves no region "${region}"` }) };
    },
  };
}

function signingNameOf(authorization: string | undefined): string {
  return credentialScope(authorization)?.service ?? 'unsigned';
}

/** `Credential=AKID/20261126/eu-west-1/apigateway/aws4_request` of a SigV4 authorization header. */
export function credentialScope(authorization: string | undefined): { region: string; service: string } | undefined {
  const match = /Credential=[^/]+\/[^/]+\/([^/]+)\/([^/]+)\//.exec(authorization ?? '');
  return match?.[1] === undefined || match[2] === undefined ? undefined : { region: match[1], service: match[2] };
}
