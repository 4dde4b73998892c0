/**
 * Fault injection for the fake: which request gets which fault. Decisions come from a seeded
 * generator, so a failing test fails the same way on every run.
 */
export type FaultKind =
  /** 429 TooManyRequestsException, beyond any quota. */
  | 'throttle'
  /** 503 ServiceUnavailableException. */
  | 'server-error'
  /** The connection is dropped without a response. */
  | 'reset'
  /** 200 with a body that is not JSON. */
  | 'malformed'
  /** 403 AccessDeniedException, as IAM answers a denied Get*. */
  | 'deny';

export interface FaultRule {
  kind: FaultKind;
  /** Only requests for this operation (e.g. "GetRoutes"). */
  operation?: string;
  /** Only requests under this API. */
  apiId?: string;
  /** Probability per matching request; 1 (every one) when absent. */
  fraction?: number;
  /** Stop after injecting this many times. */
  times?: number;
}

export interface FaultTarget {
  operation: string;
  apiId: string | undefined;
}

export class FaultPlan {
  private readonly injected: number[];

  constructor(
    private readonly rules: readonly FaultRule[],
    private readonly random: () => number,
  ) {
    this.injected = rules.map(() => 0);
  }

  /** The first rule that fires for this request, if any. */
  pick(target: FaultTarget): FaultKind | undefined {
    for (const [index, rule] of this.rules.entries()) {
      if (rule.operation !== undefined && rule.operation !== target.operation) continue;
      if (rule.apiId !== undefined && rule.apiId !== target.apiId) continue;
      if (rule.times !== undefined && (this.injected[index] ?? 0) >= rule.times) continue;
      if (rule.fraction !== undefined && this.random() >= rule.fraction) continue;
      this.injected[index] = (this.injected[index] ?? 0) + 1;
      return rule.kind;
    }
    return undefined;
  }
}

/** mulberry32: small, fast and good enough to spread faults; not for anything else. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface QuotaOptions {
  ratePerSecond: number;
  burst: number;
}

/**
 * The service side of API Gateway's management quota: a request either finds a token or is
 * refused. Written apart from lib/collect/token-bucket.ts on purpose, so a bug in the
 * collector's limiter cannot be mirrored by the quota that is supposed to catch it.
 */
export class Quota {
  private tokens: number;
  private last = performance.now();

  constructor(private readonly options: QuotaOptions) {
    this.tokens = options.burst;
  }

  admit(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.options.burst, this.tokens + ((now - this.last) / 1000) * this.options.ratePerSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
