import type { WriteRequest } from '@aws-sdk/client-dynamodb';
import type { Item } from './state-table';

/** BatchWriteItem's limit per request. */
const BATCH_SIZE = 25;

export interface BatchWriteOptions {
  /** Sends one batch; resolves to the requests DynamoDB left unprocessed (throttling). */
  send: (requests: WriteRequest[]) => Promise<WriteRequest[]>;
  sleep: (ms: number) => Promise<void>;
  /** Attempts per batch before giving up on what is still unprocessed. */
  maxAttempts?: number;
  /** First backoff before resending unprocessed items; doubles each attempt. */
  baseDelayMs?: number;
}

/**
 * Puts every item in batches of 25. DynamoDB may accept a batch only in part (UnprocessedItems,
 * under throttling) without failing the call; those are resent with exponential backoff, and
 * what is left after `maxAttempts` is an error rather than a silent loss. The SDK's own retry
 * already covers whole calls that fail.
 */
export async function putInBatches(items: readonly Item[], options: BatchWriteOptions): Promise<void> {
  const maxAttempts = options.maxAttempts ?? 8;
  const baseDelayMs = options.baseDelayMs ?? 50;
  for (let start = 0; start < items.length; start += BATCH_SIZE) {
    let pending: WriteRequest[] = items.slice(start, start + BATCH_SIZE).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > 1) await options.sleep(baseDelayMs * 2 ** (attempt - 2));
      pending = await options.send(pending);
      if (pending.length > 0 && attempt === maxAttempts) {
        throw new Error(`${pending.length} item(s) still unprocessed after ${maxAttempts} attempts (the table is throttling writes)`);
      }
    }
  }
}
