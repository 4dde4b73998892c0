import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import type { AddressInfo } from 'node:net';
import { STATE_TABLE_KEYS } from '../../lib/lifecycle/state-table';


/**
 * A real DynamoDB implementation (dynalite, in memory) on 127.0.0.1, reached the way the
 * deployed code is: through AWS_ENDPOINT_URL_DYNAMODB, which this sets and `stop` removes.
 */
export async function startDynalite(): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoint;
  return {
    endpoint,
    stop: async () => {
      delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** dynalite for a test file: started before its tests, stopped after them. */
export function useDynalite(): void {
  let dynamo: Awaited<ReturnType<typeof startDynalite>> | undefined;
  beforeAll(async () => {
    dynamo = await startDynalite();
  });
  afterAll(async () => {
    await dynamo?.stop();
  });
}

/** Creates a state table as the stack does (same keys), on the endpoint in the environment. */
export async function createStateTable(tableName: string): Promise<void> {
  const client = new DynamoDBClient({});
  const { partitionKey, sortKey } = STATE_TABLE_KEYS;
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: partitionKey, AttributeType: 'S' },
        { AttributeName: sortKey, AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: partitionKey, KeyType: 'HASH' },
        { AttributeName: sortKey, KeyType: 'RANGE' },
      ],
    }),
  );
  client.destroy();
}
