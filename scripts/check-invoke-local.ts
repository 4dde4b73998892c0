import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadSnapshotFile } from '../lib/model/load-snapshot';
import { createStateTable, startDynalite } from '../test/support/dynalite';
import { fakeApiGatewayV2, startFakeAws } from '../test/support/fake-aws';
import { FakeSns } from '../test/support/fake-aws/sns';

/**
 * CI (.ci/run): the README's `serverless invoke local` command, copied from the README as
 * written, runs the real Serverless Framework and serverless-esbuild bundle against emulators on
 * 127.0.0.1: the loopback fake (API Gateway V2 with the demo account, SNS) and dynalite (the
 * state table). The only change is the emulator's address, which the README gives as
 * LocalStack's default port and which is here whatever port was free, plus DynamoDB's own
 * endpoint variable, which the README names too. Run twice: without --data (a manual run of the
 * deployed configuration: baseline digest published) and with --data '{}' (the same, the next
 * moment: nothing changed, no digest). Exits non-zero, saying what was missing, on any failure.
 */
const README_ADDRESS = 'http://127.0.0.1:4566';
const DEMO_ACCOUNT = 'examples/demo-account.json';
const TIMEOUT_MS = 180_000;

async function main(): Promise<void> {
  const command = readmeCommand();
  const topic = /ALERT_TOPIC_ARN=(\S+)/.exec(command)?.[1];
  if (topic === undefined) throw new Error(`the README's command sets no ALERT_TOPIC_ARN: ${command}`);
  const table = /AWS_ENDPOINT_URL_DYNAMODB/.test(readFileSync('README.md', 'utf8')) ? 'apigw-audit-dev-state' : undefined;
  if (table === undefined) throw new Error('the README does not name AWS_ENDPOINT_URL_DYNAMODB for an emulator without DynamoDB');

  // For this process's own client (it creates the table); the command gets the README's.
  Object.assign(process.env, { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  const { snapshot } = await loadSnapshotFile(DEMO_ACCOUNT);
  const sns = new FakeSns([topic]);
  const fake = await startFakeAws([fakeApiGatewayV2(snapshot), sns]);
  const dynamo = await startDynalite();
  try {
    await createStateTable(table);
    const env = { ...withoutAws(process.env), AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' };
    const asWritten = command.replace(README_ADDRESS, fake.url);

    const first = await run(asWritten, env);
    const findings = logLines(first, 'finding');
    if (findings.length === 0) fail('the first run logged no finding', first);
    if (logLines(first, 'audit-summary').length !== 1) fail('the first run logged no audit-summary line', first);
    if (sns.published.length !== 1) fail(`the first run published ${sns.published.length} digests, not 1 (the baseline)`, first);
    const digest = sns.published[0]!;
    if (!/findings/i.test(digest.message) || digest.attributes.complete?.value !== 'true') fail(`the baseline digest is not a complete audit's: ${digest.subject}`, first);

    const second = await run(`${asWritten} --data '{}'`, env);
    const again = logLines(second, 'finding');
    if (again.length !== findings.length) fail(`the second run logged ${again.length} findings, the first ${findings.length}`, second);
    const standing = logLines(second, 'finding-lifecycle');
    if (standing.length !== findings.length || !standing.every((line) => line.lifecycle === 'open' || line.lifecycle === 'suppressed')) fail('the second run did not find the first run\'s findings in the state table', second);
    if (sns.published.length !== 1) fail('the second run, with nothing changed, published a digest', second);

    process.stdout.write(`check-invoke-local: the README's invoke local ran twice: ${findings.length} findings logged, the baseline digest "${digest.subject}" published once\n`);
  } finally {
    await Promise.all([fake.close(), dynamo.stop()]);
  }
}

/** The one line of the README that runs `serverless invoke local`, with its variables. */
function readmeCommand(): string {
  const lines = readFileSync('README.md', 'utf8').split('\n').filter((line) => line.includes('serverless invoke local -f audit'));
  if (lines.length !== 1) throw new Error(`README.md should show the invoke local command on exactly one line, found ${lines.length}`);
  return lines[0]!.trim().replace(/^\$\s*/, '');
}

/** Asynchronous: the fakes answer from this process while the command runs. */
function run(command: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`\`${command}\` exited ${code}:\n${output}`));
    });
  });
}

/** The function's JSON log lines of one kind, from everything invoke local printed. */
function logLines(output: string, kind: string): Record<string, unknown>[] {
  return output.split('\n').flatMap((line) => {
    if (!line.startsWith('{') || !line.includes(`"kind":"${kind}"`)) return [];
    const parsed = JSON.parse(line) as Record<string, unknown>;
    return parsed.kind === kind ? [parsed] : [];
  });
}

/**
 * The command gets none of this process's AWS settings but the warning switch: the README's
 * variables alone must be enough, and a profile in the caller's shell must not point the run
 * at a real account.
 */
function withoutAws(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('AWS_') || name === 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'));
}

function fail(what: string, output: string): never {
  throw new Error(`${what}. invoke local printed:\n${output}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`check-invoke-local failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
