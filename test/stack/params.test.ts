import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { slsPackageInto } from '../support/cloudformation-template';

/**
 * stack/params-plugin.cjs, which refuses a bad param when the stack is packaged. Its hook is
 * called here directly, with the service as the Framework hands it over once the params have
 * resolved (one packaging per bad value would take minutes); one real packaging of a bad value
 * shows the plugin wired into serverless.yml, and test/stack/template.test.ts packages the
 * defaults.
 */

// CommonJS, as the Framework loads them with require().
type Hooks = { hooks: Record<string, () => Promise<void>> };
const ParamsPlugin = require('../../stack/params-plugin.cjs') as new (serverless: unknown) => Hooks;
const ServerlessError = require('serverless/lib/serverless-error') as new (message: string) => Error;
const { LOG_RETENTION_DAYS } = require('../../stack/aws-read-params.cjs') as { LOG_RETENTION_DAYS: number[] };

/** The audit function's environment with the default params, as the Framework resolves serverless.yml (template.test.ts pins it in the template). */
const DEFAULT_ENVIRONMENT = {
  ALERT_TOPIC_ARN: { Ref: 'AlertTopic' },
  AUDIT_REGIONS: 'us-east-1',
  ALERT_THRESHOLD: 'high',
  AUDIT_CONFIG: '{}',
  ALERT_MODE: 'changes',
  STATE_TABLE: 'apigw-audit-dev-state',
  // Numbers, as YAML gives them; the Framework makes them strings in the template.
  STATE_RETENTION_DAYS: 90,
  AUDIT_MAX_RATE: 10,
  SUPPRESSIONS_FILE: 'dist/suppressions.json',
  SECURITY_HUB: 'false',
  POWERTOOLS_SERVICE_NAME: 'apigw-audit-dev',
  NODE_OPTIONS: '--max-old-space-size=5120',
};

interface Resolved {
  environment?: Record<string, unknown>;
  logRetentionInDays?: unknown;
  schedule?: unknown;
  alertEmail?: unknown;
}

/** Runs the plugin's packaging hook on the service with these resolved values, the defaults' elsewhere. */
function checkParams({ environment = {}, logRetentionInDays = 30, schedule = 'rate(1 day)', alertEmail = '' }: Resolved = {}): Promise<void> {
  const serverless = {
    serviceDir: process.cwd(),
    configurationFilename: 'serverless.yml',
    classes: { Error: ServerlessError },
    service: {
      service: 'apigw-audit',
      provider: { region: 'us-east-1', stage: 'dev', logRetentionInDays },
      custom: { fleet: { schedule } },
      functions: { audit: { environment: { ...DEFAULT_ENVIRONMENT, ...environment } } },
      resources: { Resources: { AlertEmailSubscription: { Properties: { Endpoint: alertEmail } } } },
    },
  };
  return new ParamsPlugin(serverless).hooks['before:package:cleanup']!();
}

test('the default params pass', async () => {
  await expect(checkParams()).resolves.toBeUndefined();
});

test('good values pass, the topic ARN of a shell (invoke local) included', async () => {
  await expect(
    checkParams({
      environment: { ALERT_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:t', AUDIT_MAX_RATE: '2.5', ALERT_MODE: 'every-run', ALERT_THRESHOLD: 'info', SECURITY_HUB: 'true', STATE_RETENTION_DAYS: '1', AUDIT_CONFIG: '{"rules":{"IR014":"off"}}' },
      logRetentionInDays: '1096',
      schedule: 'cron(0 6 ? * MON-FRI *)',
      alertEmail: 'ops@example.com',
    }),
  ).resolves.toBeUndefined();
});

// Each message is the function's own cold-start error (lib/config/lambda-settings.ts), after the param it came from.
test.each([
  ['maxRate=50', { AUDIT_MAX_RATE: '50' }, 'param maxRate: AUDIT_MAX_RATE: must be a number of requests per second above 0 and at most 10 (the quota); got "50"'],
  ['maxRate=0', { AUDIT_MAX_RATE: '0' }, 'param maxRate: AUDIT_MAX_RATE: must be a number of requests per second above 0 and at most 10 (the quota); got "0"'],
  ['alertMode=sometimes', { ALERT_MODE: 'sometimes' }, 'param alertMode: ALERT_MODE: Invalid option: expected one of "changes"|"every-run"; got "sometimes"'],
  ['securityHub=yes', { SECURITY_HUB: 'yes' }, 'param securityHub: SECURITY_HUB: must be "true" or "false"; got "yes"'],
  ['alertThreshold=hgh', { ALERT_THRESHOLD: 'hgh' }, 'param alertThreshold: ALERT_THRESHOLD: Invalid option: expected one of "critical"|"high"|"medium"|"low"|"info"; got "hgh"'],
  ['stateRetentionDays=-1', { STATE_RETENTION_DAYS: '-1' }, 'param stateRetentionDays: STATE_RETENTION_DAYS: must be a whole number of days; got "-1"'],
  ['stateRetentionDays=0', { STATE_RETENTION_DAYS: '0' }, 'param stateRetentionDays: STATE_RETENTION_DAYS: must be at least 1 day; got "0"'],
  ['ruleConfig={bad json', { AUDIT_CONFIG: '{bad json' }, 'param ruleConfig: AUDIT_CONFIG: not valid JSON: '],
  ['ruleConfig={bad json (quoted back)', { AUDIT_CONFIG: '{bad json' }, '; got "{bad json"'],
  ['ruleConfig with an unknown rule', { AUDIT_CONFIG: '{"rules":{"IR999":"off"}}' }, 'param ruleConfig: AUDIT_CONFIG: rules.IR999: no rule has this id or name'],
  ['regions=*', { AUDIT_REGIONS: '*' }, 'param regions: AUDIT_REGIONS: each region must look like "eu-west-1"; got "*"'],
])('%s is refused, naming the param, what it must be and what it was', async (_case, environment, message) => {
  const refused = checkParams({ environment });
  await expect(refused).rejects.toBeInstanceOf(ServerlessError);
  await expect(refused).rejects.toThrow(message);
});

test('a variable that no param sets is named by the function and the variable', async () => {
  // A shell's ALERT_TOPIC_ARN takes the place of the topic's reference (serverless.yml, custom.alertTopicArn).
  await expect(checkParams({ environment: { ALERT_TOPIC_ARN: 'my-topic' } })).rejects.toThrow(
    'functions.audit.environment: ALERT_TOPIC_ARN: must be an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME); got "my-topic"',
  );
});

test('a CloudFormation reference the check has no placeholder for is a stack error, not a pass', async () => {
  await expect(checkParams({ environment: { STATE_TABLE: { Ref: 'StateTable' } } })).rejects.toThrow(
    'stack/params-plugin.cjs: functions.audit.environment.STATE_TABLE is a CloudFormation reference with no placeholder to check in its place',
  );
});

describe('the params only AWS reads, against what the service reading each accepts', () => {
  test('every retention CloudWatch Logs accepts passes, as a number or a string', async () => {
    for (const days of LOG_RETENTION_DAYS) {
      await expect(checkParams({ logRetentionInDays: days })).resolves.toBeUndefined();
      await expect(checkParams({ logRetentionInDays: String(days) })).resolves.toBeUndefined();
    }
  });

  test.each([[31], ['31'], [0], ['-1'], ['30 days'], ['']])('logRetentionDays=%p is refused, naming the param and the values accepted', async (days) => {
    await expect(checkParams({ logRetentionInDays: days })).rejects.toThrow(
      `param logRetentionDays: must be a number of days CloudWatch Logs keeps logs for: one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653; got ${JSON.stringify(days)}`,
    );
  });

  test.each([['rate(1 minute)'], ['rate(5 minutes)'], ['rate(1 hour)'], ['rate(12 hours)'], ['rate(7 days)'], ['cron(0 6 * * ? *)'], ['cron(15 10 ? * 6L 2027-2030)']])('schedule=%s passes', async (schedule) => {
    await expect(checkParams({ schedule })).resolves.toBeUndefined();
  });

  test.each([['daily'], ['rate(1 days)'], ['rate(2 day)'], ['rate(0 minutes)'], ['rate(1 week)'], ['cron(0 6 * * *)'], ['cron(0 6 * * * *)'], ['cron(0 6 ? * ? *)']])('schedule=%s is refused, naming the param and the forms accepted', async (schedule) => {
    await expect(checkParams({ schedule })).rejects.toThrow(
      `param schedule: must be an EventBridge schedule expression: "rate(1 day)", "rate(12 hours)" (the unit singular for 1, plural otherwise) or "cron(0 6 * * ? *)" (six fields, "?" in day-of-month or day-of-week); got ${JSON.stringify(schedule)}`,
    );
  });

  test.each([['ops'], ['ops@example'], ['ops @example.com'], ['a@b@example.com']])('alertEmail=%s is refused, naming the param', async (alertEmail) => {
    await expect(checkParams({ alertEmail })).rejects.toThrow(`param alertEmail: must be an email address, or empty for no subscription; got ${JSON.stringify(alertEmail)}`);
  });
});

test('packaging with a bad param fails before anything is packaged, with the message', async () => {
  const into = mkdtempSync(join(tmpdir(), 'apigw-audit-package-'));
  try {
    await expect(slsPackageInto(into, 'maxRate=50')).rejects.toMatchObject({
      stdout: expect.stringContaining('param maxRate: AUDIT_MAX_RATE: must be a number of requests per second above 0 and at most 10 (the quota); got "50"'),
    });
    expect(existsSync(into) ? readdirSync(into) : []).toEqual([]);
  } finally {
    rmSync(into, { recursive: true, force: true });
  }
}, 60_000);
