import { BatchWriteItemCommand, DynamoDBClient, QueryCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { boundedHttpHandler } from '../collect/bounded-http-handler';
import { putInBatches } from './batch-write';
import { findingsPartition, type Item, markItem, metaFromItems, metaPartition, recordFromItem, recordItem, runItem } from './state-table';
import { StateStoreError, type StateStore, type StoredState } from './state-store';

/**
 * The state in a DynamoDB table (layout in state-table.ts). The client is built here, when the
 * store is made, not when the module is imported, so region, credentials and the endpoint come
 * from the environment at that time; no endpoint is set, so the standard
 * AWS_ENDPOINT_URL_DYNAMODB (or AWS_ENDPOINT_URL) points it at an emulator. `scope` keeps one
 * fleet account-region's state apart from every other's in the same table (state-table.ts).
 */
export function createDynamoStateStore(tableName: string, scope?: string): StateStore {
  // A table endpoint that accepts connections but never answers must not hold the run until
  // Lambda's timeout, before a single finding is logged: fail the call, and the run alerts
  // without change tracking.
  const client = new DynamoDBClient({ requestHandler: boundedHttpHandler() });

  async function queryPartition(pk: string): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': 'pk' },
          ExpressionAttributeValues: { ':pk': { S: pk } },
          // Runs are hours apart, but a manual run may follow a scheduled one at once: read what it wrote.
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) items.push(item);
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return items;
  }

  async function sendBatch(requests: WriteRequest[]): Promise<WriteRequest[]> {
    const output = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }));
    return output.UnprocessedItems?.[tableName] ?? [];
  }

  return {
    async load(regions) {
      try {
        const [meta, ...partitions] = await Promise.all([queryPartition(metaPartition(scope)), ...regions.map((region) => queryPartition(findingsPartition(region, scope)))]);
        return { ...metaFromItems(meta ?? []), findings: partitions.flat().map(recordFromItem) };
      } catch (error) {
        throw new StateStoreError(`state table "${tableName}": cannot load the finding state: ${messageOf(error)}`, 'load', { cause: error });
      }
    },

    async save(state: StoredState) {
      // The run item goes last: if the save fails part way, the next run is not taken for a follow-up of this one.
      const items = [
        ...state.findings.map((record) => recordItem(record, scope)),
        ...state.suppressions.map((mark) => markItem(mark, scope)),
        ...(state.lastRunAt === undefined ? [] : [runItem(state.lastRunAt, scope)]),
      ];
      try {
        await putInBatches(items, { send: sendBatch, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) });
      } catch (error) {
        throw new StateStoreError(`state table "${tableName}": cannot save the finding state: ${messageOf(error)}`, 'save', { cause: error });
      }
    },
  };
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.name === 'Error' || error.message.startsWith(error.name) ? error.message : `${error.name}: ${error.message}`;
}
