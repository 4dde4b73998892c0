import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { boundedHttpHandler } from '../collect/bounded-http-handler';

/**
 * Where a fleet item keeps what its walk has read between invocations: the stack's walk
 * bucket (encrypted, public access blocked, objects expire after a few days). A large
 * account-region's snapshot exceeds Step Functions' 256 KB payload and DynamoDB's 400 KB
 * item, so the state machine carries only a cursor naming these objects.
 */
export class WalkStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  /** The stack's S3 client: its own region, bounded attempts; AWS_ENDPOINT_URL_S3 reaches an emulator. */
  static create(bucket: string, region: string): WalkStore {
    return new WalkStore(new S3Client({ region, requestHandler: boundedHttpHandler() }), bucket);
  }

  async put(key: string, value: unknown): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: JSON.stringify(value), ContentType: 'application/json' }));
  }

  async get(key: string): Promise<unknown> {
    const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    const text = await object.Body?.transformToString('utf8');
    if (text === undefined) throw new Error(`s3://${this.bucket}/${key}: the object has no body`);
    return JSON.parse(text) as unknown;
  }
}
