import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build, type Plugin } from 'esbuild';
import { loadSnapshotFile } from '../../lib/model/load-snapshot';
import { startFakeApiGateway, type FaultRule } from '../support/fake-aws';

/**
 * stack/esbuild-plugins.cjs, the plugins the function is bundled with: the SDK schemas of
 * operations the function never calls leave the bundle, and the client still sends, reads,
 * retries and names errors as before, over HTTP to the loopback fake. The bundle runs in a
 * Node process of its own, as on Lambda (jest's module sandbox has no dynamic import).
 */
// CommonJS, as the Framework loads it with require().
const plugins = require('../../stack/esbuild-plugins.cjs') as Plugin[];

/** A tiny entry that calls GetApis as the collector does, with a 10 ms retry backoff. */
const ENTRY = `
import { ApiGatewayV2Client, GetApisCommand } from '@aws-sdk/client-apigatewayv2';
import { NoOpLogger } from '@smithy/core/client';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
export const loggerName = () => new ApiGatewayV2Client({}).config.logger.constructor.name;
export const noOpLoggerName = NoOpLogger.name;
export const getApis = (endpoint) => new ApiGatewayV2Client({ endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' }, retryStrategy: new ConfiguredRetryStrategy(3, () => 10) }).send(new GetApisCommand({}));
`;

const dir = mkdtempSync(join(tmpdir(), 'apigw-audit-plugins-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bundle(name: string, withPlugins: boolean): Promise<string> {
  const { outputFiles } = await build({
    stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
    plugins: withPlugins ? plugins : [],
  });
  const text = outputFiles[0]!.text;
  writeFileSync(join(dir, `${name}.cjs`), text);
  return text;
}

/** Calls GetApis through the bundle in a fresh process: the reply's items, or the error's name and fault. */
const CALL = `
require(process.argv[1]).getApis(process.argv[2]).then(
  ({ Items }) => process.stdout.write(JSON.stringify({ items: Items })),
  (error) => process.stdout.write(JSON.stringify({ error: { name: error.name, fault: error.$fault } })),
);
`;
type Outcome = { items: { ApiId?: string; CreatedDate?: string; Tags?: Record<string, string> }[] } | { error: { name: string; fault: string } };

test('the schemas of operations never called and the event-stream codec leave the bundle; those of the call and of its errors stay', async () => {
  const plain = await bundle('plain', false);
  const trimmed = await bundle('trimmed', true);
  expect(plain).toContain('CreateApiMappingRequest');
  expect(trimmed).not.toContain('CreateApiMappingRequest');
  // A message of the event-stream codec.
  expect(plain).toContain('Provided message too short to accommodate event stream message overhead');
  expect(trimmed).not.toContain('Provided message too short to accommodate event stream message overhead');
  expect(trimmed).toContain('@smithy/core/event-streams is not bundled with this function');
  expect(trimmed).toContain('GetApisResponse');
  expect(trimmed).toContain('TooManyRequestsException');
  expect(trimmed.length).toBeLessThan(plain.length - 30_000);
});

test('minified without keepNames, the SDK still knows its default logger by name', async () => {
  await bundle('names', true);
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', `const b = require(process.argv[1]); process.stdout.write(JSON.stringify([b.noOpLoggerName, b.loggerName()]))`, join(dir, 'names.cjs')]);
  expect(JSON.parse(stdout)).toEqual(['NoOpLogger', 'NoOpLogger']);
});

describe('the trimmed client against the fake', () => {
  beforeAll(() => Promise.all([bundle('client', true), bundle('client-without-plugins', false)]));
  const getApis = async (endpoint: string, client = 'client'): Promise<Outcome> => {
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', CALL, join(dir, `${client}.cjs`), endpoint], { env: { PATH: process.env.PATH, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
    return JSON.parse(stdout) as Outcome;
  };

  const serve = async (faults: FaultRule[]) => startFakeApiGateway((await loadSnapshotFile('examples/demo-account.json')).snapshot, { faults });

  test('reads the answer as the untrimmed client does, after retrying a throttled attempt', async () => {
    const fake = await serve([{ kind: 'throttle', operation: 'GetApis', times: 1 }]);
    try {
      const outcome = await getApis(fake.url);
      if (!('items' in outcome)) throw new Error(`GetApis failed: ${JSON.stringify(outcome)}`);
      expect(fake.requests.filter((request) => request.operation === 'GetApis')).toHaveLength(2);
      expect(outcome.items.length).toBeGreaterThan(0);
      expect(outcome.items.some((api) => api.CreatedDate !== undefined && api.Tags !== undefined)).toBe(true);
      expect(outcome).toEqual(await getApis(fake.url, 'client-without-plugins'));
    } finally {
      await fake.close();
    }
  });

  test('names a refusal by its modelled error', async () => {
    const fake = await serve([{ kind: 'deny', operation: 'GetApis' }]);
    try {
      expect(await getApis(fake.url)).toEqual({ error: { name: 'AccessDeniedException', fault: 'client' } });
    } finally {
      await fake.close();
    }
  });
});
