import { loadSnapshotFile } from '../lib/model/load-snapshot';
import { RULES } from '../lib/rules';
import { writeDeployedSuppressions } from '../lib/suppressions/write-deployed-suppressions';
import { cloudTrailEvent, queueBatch } from '../test/support/cloudtrail-events';
import { demoAccountNextDay, demoAccountNotifyChange, NOTIFY_CHANGE } from '../test/support/demo-account-change';
import { createStateTable, startDynalite } from '../test/support/dynalite';
import { startFakeAws } from '../test/support/fake-aws';
import { FakeSns } from '../test/support/fake-aws/sns';
import { SwappableApiGateway } from '../test/support/fake-aws/swappable-api-gateway';
import { lambdaContext, scheduledEvent } from '../test/support/lambda-context';
import { setClock } from './demo-clock';

/**
 * `npm start`: the deployed path, offline, over two daily runs. A loopback fake serves API
 * Gateway V2 (the demo account) and SNS, and dynalite (a DynamoDB implementation, in memory)
 * holds the state table, all on 127.0.0.1 and reached through AWS_ENDPOINT_URL(_DYNAMODB).
 * The suppression file (YAML) is deployed as packaging deploys it: validated and written as
 * the JSON the function reads. The real handler runs on a scheduled event; the first run sends
 * the baseline digest. Then the account changes (a problem fixed, a new one made) and the
 * handler runs again the next day: its digest names only what changed. Third, a change made
 * that morning reaches the function as a CloudTrail event from the change queue: it audits
 * just the changed API and its digest names the call. For each run, in
 * order, this prints what a user would see: a few of the function's CloudWatch lines (each
 * finding is a line of 1-2 KB; the rest are counted by kind), the run summary, and the SNS
 * digest in full as received. The process clock is moved to each run's day (demo-clock.ts),
 * so the log lines carry the simulated dates.
 *
 * `npm start` bundles this file with esbuild but leaves dynalite out (--external): its storage
 * layer finds its native build relative to its own package folder, which a bundle hides.
 */
const DEMO_ACCOUNT = 'examples/demo-account.json';
const DEMO_SUPPRESSIONS = 'examples/demo-suppressions.yml';
/** Where the demo deploys it; generated, like the stack's dist/suppressions.json. */
const DEPLOYED_SUPPRESSIONS = 'dist/demo-suppressions.json';
const REGION = 'eu-west-1';
const ACCOUNT = '123456789012';
const FUNCTION = { region: REGION, accountId: ACCOUNT, name: 'apigw-audit-demo-audit', timeoutMs: 900_000 };
const TOPIC = `arn:aws:sns:${REGION}:${ACCOUNT}:apigw-audit-demo-alerts`;
const TABLE = 'apigw-audit-demo-state';
/** The runs' clock: two scheduled runs a day apart, fixed so the output reads the same every time. */
const FIRST_RUN = new Date('2026-11-26T06:00:00Z');
const SECOND_RUN = new Date('2026-11-27T06:00:00Z');
/** The third act: a change at 10:00, audited when its event arrives 90 s later (CloudTrail's delivery and the batching window). */
const CHANGE_MADE = new Date('2026-11-27T10:00:00Z');
const CHANGE_AUDITED = new Date('2026-11-27T10:01:30Z');

async function main(): Promise<void> {
  const { snapshot } = await loadSnapshotFile(DEMO_ACCOUNT);
  const apiGateway = new SwappableApiGateway(snapshot);
  const sns = new FakeSns([TOPIC]);
  await writeDeployedSuppressions(DEMO_SUPPRESSIONS, DEPLOYED_SUPPRESSIONS, RULES.map((rule) => rule.meta));
  const fake = await startFakeAws([apiGateway, sns]);
  // What the stack sets, plus fake credentials: nothing can reach AWS.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: fake.url,
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'AKIDDEMO',
    AWS_SECRET_ACCESS_KEY: 'demo',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ALERT_TOPIC_ARN: TOPIC,
    AUDIT_REGIONS: REGION,
    ALERT_THRESHOLD: 'medium',
    ALERT_MODE: 'changes',
    STATE_TABLE: TABLE,
    SUPPRESSIONS_FILE: DEPLOYED_SUPPRESSIONS,
    // As on Lambda: the first invocation is a cold start (log field and metric).
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
  });
  delete process.env.AWS_PROFILE;
  const dynamo = await startDynalite();

  try {
    await createStateTable(TABLE);
    // Imported only now: the handler reads its configuration when it loads.
    const { createHandler } = await import('../functions/audit');
    const handler = createHandler();
    const run = async (title: string, day: Date, event: unknown = scheduledEvent(FUNCTION)) => {
      setClock(day);
      const { result: response, lines } = await capturingStdout(() => handler(event, lambdaContext(FUNCTION)));
      heading(`${title}: CloudWatch Logs of /aws/lambda/${FUNCTION.name}`);
      printSample(lines);
      heading(`${title}: run summary (the invoke response)`);
      // A batch from the change queue answers only its batch item failures.
      const shown = 'batchItemFailures' in response ? response : (({ summary, digest, changeTracking, unreached }) => ({ summary, digest, changeTracking, unreached }))(response);
      process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
      heading(`${title}: SNS digest as received on ${TOPIC}`);
      if (sns.published.length === 0) process.stdout.write('(none: nothing changed)\n');
      for (const message of sns.published) {
        const attributes = Object.entries(message.attributes).map(([name, { value }]) => `${name}=${value}`);
        process.stdout.write(`Subject: ${message.subject}\nAttributes: ${attributes.join(' ')}\nSize: ${message.bytes} bytes\n\n${message.message}\n`);
      }
      sns.published.length = 0;
    };

    await run(`Run 1 (${FIRST_RUN.toISOString()}, the first: a baseline)`, FIRST_RUN);
    // The change: the misspelt header key on the ping integration response is fixed, and the ping route gains a route response "200".
    const nextDay = demoAccountNextDay(snapshot);
    apiGateway.serve(nextDay);
    await run(`Run 2 (${SECOND_RUN.toISOString()}, the next day: chat-ws fixed one problem and made another)`, SECOND_RUN);

    // The third act: one change to notify-ws, its CloudTrail event through the change queue, the audit of that API alone.
    apiGateway.serve(demoAccountNotifyChange(nextDay));
    const { apiId, integrationId, integrationResponseId, integrationResponseKey, setCookie } = NOTIFY_CHANGE;
    const change = cloudTrailEvent({
      eventName: 'CreateIntegrationResponse',
      requestParameters: { apiId, integrationId, integrationResponseKey, responseParameters: { 'method.response.header.Set-Cookie': setCookie } },
      responseElements: { integrationResponseId, integrationResponseKey },
      eventTime: CHANGE_MADE.toISOString().replace('.000Z', 'Z'),
      account: ACCOUNT,
      region: REGION,
    });
    const title = `Run 3 (${CHANGE_AUDITED.toISOString()}, a change: notify-ws gets an integration response at ${CHANGE_MADE.toISOString()})`;
    heading(`${title}: the change event from CloudTrail, as the change queue delivers it`);
    process.stdout.write(`${JSON.stringify(change, null, 2)}\n`);
    await run(title, CHANGE_AUDITED, queueBatch([change]));
  } finally {
    await Promise.all([fake.close(), dynamo.stop()]);
  }
}

/** Log lines shown in full per run; the others are counted. */
const SAMPLE_LINES = 3;
/** Characters of a sample line shown (a finding line is 1-2 KB). */
const SAMPLE_CHARACTERS = 400;

/**
 * What `act` writes on stdout (Powertools writes the function's log lines there), held back and
 * returned as lines, so the demo can show a sample in its place. Always restores stdout.
 */
async function capturingStdout<T>(act: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const write = process.stdout.write.bind(process.stdout);
  let text = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  try {
    const result = await act();
    return { result, lines: text.split('\n').filter((line) => line !== '') };
  } finally {
    process.stdout.write = write;
  }
}

/**
 * A few finding lines, what changed first (new, reopened, resolved), and the summary line (and a change audit's line), cut
 * to a readable width; the rest counted by kind.
 */
function printSample(lines: readonly string[]): void {
  const kindOf = (line: string) => /"kind":"([\w-]+)"/.exec(line)?.[1] ?? (line.includes('"_aws"') ? 'EMF metrics' : 'other');
  const changed = (line: string) => kindOf(line) === 'finding-resolved' || /"lifecycle":"(new|reopened)"/.test(line);
  const findings = lines.filter((line) => kindOf(line).startsWith('finding'));
  const sample = [...findings.filter(changed), ...findings.filter((line) => !changed(line))].slice(0, SAMPLE_LINES);
  const shown = [...lines.filter((line) => sample.includes(line)), ...lines.filter((line) => kindOf(line) === 'audit-summary' || kindOf(line) === 'change-audit')];
  for (const line of shown) process.stdout.write(`${line.length > SAMPLE_CHARACTERS ? `${line.slice(0, SAMPLE_CHARACTERS)}... (${line.length} characters)` : line}\n`);
  const rest = new Map<string, number>();
  for (const line of lines) if (!shown.includes(line)) rest.set(kindOf(line), (rest.get(kindOf(line)) ?? 0) + 1);
  const counted = [...rest].map(([kind, count]) => `${count} × ${kind}`).join(', ');
  process.stdout.write(`... and ${lines.length - shown.length} more line${lines.length - shown.length === 1 ? '' : 's'}${counted === '' ? '' : ` (${counted})`}, ${lines.length} in all\n`);
}

function heading(title: string): void {
  process.stdout.write(`\n===== ${title} =====\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
