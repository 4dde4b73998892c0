import { createHash } from 'node:crypto';
import type { FakeReply, FakeRequest, ServiceHandler } from './server';

/**
 * S3 PutObject and GetObject on the loopback fake, in S3's REST-XML wire format: the SDK sends
 * path-style requests to an IP endpoint (`PUT /BUCKET/KEY` with the object as the body), an
 * ETag comes back, and errors are an XML `<Error>` with S3's codes (NoSuchBucket, NoSuchKey).
 * Only the named buckets exist. Objects are kept in memory for the test to read.
 */
export class FakeS3 implements ServiceHandler {
  readonly signingName = 's3';
  readonly objects = new Map<string, string>();
  private readonly buckets: Set<string>;

  constructor(buckets: readonly string[]) {
    this.buckets = new Set(buckets);
  }

  async handle(request: FakeRequest): Promise<FakeReply> {
    const match = /^\/([^/]+)\/(.+)$/.exec(request.path);
    const operation = request.method === 'PUT' ? 'PutObject' : request.method === 'GET' ? 'GetObject' : 'Unknown';
    if (match?.[1] === undefined || match[2] === undefined || operation === 'Unknown') return error(operation, 405, 'MethodNotAllowed', `the fake serves no ${request.method} ${request.path}`);
    const bucket = decodeURIComponent(match[1]);
    const key = decodeURIComponent(match[2]);
    if (!this.buckets.has(bucket)) return error(operation, 404, 'NoSuchBucket', 'The specified bucket does not exist');
    const objectKey = `${bucket}/${key}`;
    if (operation === 'PutObject') {
      this.objects.set(objectKey, request.body);
      return { operation, status: 200, headers: { etag: etagOf(request.body), 'content-type': 'application/xml' }, body: '' };
    }
    const body = this.objects.get(objectKey);
    if (body === undefined) return error(operation, 404, 'NoSuchKey', 'The specified key does not exist.');
    return { operation, status: 200, headers: { etag: etagOf(body), 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body };
  }
}

function etagOf(body: string): string {
  return `"${createHash('md5').update(body).digest('hex')}"`;
}

function error(operation: string, status: number, code: string, message: string): FakeReply {
  return {
    operation,
    status,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>fake</RequestId></Error>`,
  };
}
