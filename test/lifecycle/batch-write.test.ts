import type { WriteRequest } from '@aws-sdk/client-dynamodb';
import { putInBatches } from '../../lib/lifecycle/batch-write';

// dynalite never leaves items unprocessed, so the resend path is driven by a scripted `send`.
const items = Array.from({ length: 60 }, (_unused, index) => ({ pk: { S: 'p' }, sk: { S: `item${index}` } }));
const keysOf = (requests: WriteRequest[]) => requests.map((request) => request.PutRequest?.Item?.sk?.S);

describe('putInBatches', () => {
  test('batches of 25; unprocessed items are resent with a doubling backoff until none is left', async () => {
    const sent: WriteRequest[][] = [];
    const sleeps: number[] = [];
    // DynamoDB accepts the first batch in part: 5 items are left, then 1 of those, then none.
    const leftOver = [(requests: WriteRequest[]) => requests.slice(20), (requests: WriteRequest[]) => requests.slice(4)];
    await putInBatches(items, {
      send: async (requests) => {
        sent.push(requests);
        return leftOver[sent.length - 1]?.(requests) ?? [];
      },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    expect(sent.map((requests) => requests.length)).toEqual([25, 5, 1, 25, 10]);
    expect(keysOf(sent[1] ?? [])).toEqual(['item20', 'item21', 'item22', 'item23', 'item24']);
    expect(sleeps).toEqual([50, 100]);
    expect(new Set(sent.flatMap(keysOf))).toEqual(new Set(items.map((item) => item.sk.S)));
  });

  test('what is still unprocessed after the last attempt is an error, not a silent loss', async () => {
    const send = jest.fn(async (requests: WriteRequest[]) => requests.slice(0, 1));
    const failure = putInBatches(items.slice(0, 3), { send, sleep: async () => undefined, maxAttempts: 4 });
    await expect(failure).rejects.toThrow('1 item(s) still unprocessed after 4 attempts');
    expect(send).toHaveBeenCalledTimes(4);
  });

  test('nothing to write sends nothing', async () => {
    const send = jest.fn(async () => []);
    await putInBatches([], { send, sleep: async () => undefined });
    expect(send).not.toHaveBeenCalled();
  });
});
