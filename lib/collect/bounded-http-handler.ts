import { Transform, type Readable } from 'node:stream';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/**
 * Bounds on one HTTP attempt of any AWS client the project builds (API Gateway, DynamoDB,
 * SNS, and any added later: build it with `boundedHttpHandler`). Every bound ends the attempt
 * with an error the SDK's standard retry treats as transient (a TimeoutError or a reset
 * connection), so a stalled endpoint costs retries, then an error naming the call; never a
 * hang.
 */
export interface AttemptBounds {
  /** TCP connect. */
  connectionTimeoutMs: number;
  /** Until the response headers. The SDK only warns about it unless throwOnRequestTimeout is set. */
  requestTimeoutMs: number;
  /** Silence on the socket, whatever the phase. */
  idleTimeoutMs: number;
  /** The whole attempt, body included: a server that trickles a byte a second is never idle. */
  attemptTimeoutMs: number;
  /** The response body; a larger one is cut and the attempt fails. */
  maxBodyBytes: number;
}

/**
 * API Gateway answers a management call in well under a second, DynamoDB and SNS in tens of
 * milliseconds; these leave room for a slow network and a large page of templates (a page
 * of 100 integration responses with the 300 KB maximum template each is 30 MB).
 */
export const DEFAULT_BOUNDS: AttemptBounds = {
  connectionTimeoutMs: 3_000,
  requestTimeoutMs: 10_000,
  idleTimeoutMs: 10_000,
  attemptTimeoutMs: 30_000,
  maxBodyBytes: 64 * 1024 * 1024,
};

export interface BoundedHandlerOptions {
  bounds?: Partial<AttemptBounds>;
  /** The run's deadline: aborting it ends every attempt in flight at once. */
  signal?: AbortSignal;
}

type HandleOptions = NonNullable<Parameters<NodeHttpHandler['handle']>[1]>;

/** The SDK's Node handler with the bounds above, and the run's signal on every request. */
class BoundedHttpHandler extends NodeHttpHandler {
  constructor(
    private readonly bounds: AttemptBounds,
    private readonly runSignal: AbortSignal | undefined,
  ) {
    super({
      connectionTimeout: bounds.connectionTimeoutMs,
      requestTimeout: bounds.requestTimeoutMs,
      throwOnRequestTimeout: true,
      socketTimeout: bounds.idleTimeoutMs,
    });
  }

  private timeoutError(): Error {
    return Object.assign(new Error(`no complete response within ${this.bounds.attemptTimeoutMs} ms`), { name: 'TimeoutError', code: 'ETIMEDOUT' });
  }

  override async handle(request: Parameters<NodeHttpHandler['handle']>[0], options: HandleOptions = {}): ReturnType<NodeHttpHandler['handle']> {
    const attempt = AbortSignal.timeout(this.bounds.attemptTimeoutMs);
    const signals = [attempt, this.runSignal, options.abortSignal as AbortSignal | undefined].filter((signal): signal is AbortSignal => signal !== undefined);
    try {
      const handled = await super.handle(request, { ...options, abortSignal: AbortSignal.any(signals) });
      const body: unknown = handled.response.body;
      if (isReadable(body)) {
        const bounded = capped(body, this.bounds.maxBodyBytes);
        // The bound covers the body too, which the client reads after this returns: a server
        // that trickles it is cut when the attempt's time is up (a finished body is not touched).
        attempt.addEventListener('abort', () => {
          if (!bounded.readableEnded) {
            body.destroy();
            bounded.destroy(this.timeoutError());
          }
        }, { once: true });
        handled.response.body = bounded;
      }
      return handled;
    } catch (error) {
      // Only the attempt's own bound is a timeout to retry; the run's deadline is the end.
      if (attempt.aborted && this.runSignal?.aborted !== true) throw this.timeoutError();
      throw error;
    }
  }
}

/** The `requestHandler` for an AWS SDK client: every attempt bounded, every request tied to the run. */
export function boundedHttpHandler(options: BoundedHandlerOptions = {}): NodeHttpHandler {
  return new BoundedHttpHandler({ ...DEFAULT_BOUNDS, ...options.bounds }, options.signal);
}

function isReadable(value: unknown): value is Readable {
  return typeof value === 'object' && value !== null && 'pipe' in value && typeof value.pipe === 'function';
}

/**
 * The body passed through, failing once it passes `maxBytes`: the SDK reads a body whole
 * into memory, so a server sending gigabytes would otherwise exhaust it. The error is a reset
 * connection (`ECONNRESET`), which the SDK retries like any broken response.
 */
function capped(body: Readable, maxBytes: number): Readable {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) {
        body.destroy();
        done(Object.assign(new Error(`response body larger than ${maxBytes} bytes`), { code: 'ECONNRESET' }));
        return;
      }
      done(null, chunk);
    },
  });
  body.on('error', (error) => counter.destroy(error));
  return body.pipe(counter);
}
