// The params the function never reads, which serverless.yml hands to an AWS service as they
// are: where each lands in the resolved configuration, and what the service that reads it
// accepts, from its documentation. Any other value packages fine and fails only at deploy, in
// CloudFormation (Serverless 3.40's own schema only warns, and lacks 1096 days). What the
// function reads, it checks itself (lib/config/lambda-settings.ts); the fleet params are
// checked by stack/fleet-plugin.cjs. Plain CommonJS because the Framework loads it with require().

// PutRetentionPolicy's retentionInDays (CloudWatch Logs API reference,
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html),
// which AWS::Logs::LogGroup's RetentionInDays takes.
const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

// EventBridge schedule expressions ("Using cron and rate expressions to schedule rules",
// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html): a rate
// of a positive whole number of minutes, hours or days, the unit singular for 1 and plural
// otherwise; or a cron of six fields, where day-of-month or day-of-week (not both) is "?".
// Only the shape: EventBridge still checks each cron field's range when the stack deploys.
const RATE = /^rate\((\d+) (minute|hour|day)(s?)\)$/;
const CRON = /^cron\((\S+) (\S+) (\S+) (\S+) (\S+) (\S+)\)$/;

function logRetentionProblem(value) {
  if (/^\d+$/.test(String(value)) && LOG_RETENTION_DAYS.includes(Number(value))) return undefined;
  return `must be a number of days CloudWatch Logs keeps logs for: one of ${LOG_RETENTION_DAYS.join(', ')}; got ${JSON.stringify(value)}`;
}

function scheduleProblem(value) {
  const rate = RATE.exec(String(value));
  if (rate !== null && Number(rate[1]) > 0 && (Number(rate[1]) === 1) === (rate[3] === '')) return undefined;
  const cron = CRON.exec(String(value));
  if (cron !== null && (cron[3] === '?') !== (cron[5] === '?')) return undefined;
  return `must be an EventBridge schedule expression: "rate(1 day)", "rate(12 hours)" (the unit singular for 1, plural otherwise) or "cron(0 6 * * ? *)" (six fields, "?" in day-of-month or day-of-week); got ${JSON.stringify(value)}`;
}

// SNS's email protocol takes an email address as the subscription's endpoint (Subscribe, SNS API
// reference, https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html); empty, the stack
// subscribes nobody (serverless.yml, condition HasAlertEmail).
function alertEmailProblem(value) {
  if (value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(value))) return undefined;
  return `must be an email address, or empty for no subscription; got ${JSON.stringify(value)}`;
}

const AWS_READ_PARAMS = [
  { path: ['provider', 'logRetentionInDays'], problem: logRetentionProblem },
  // Param schedule as the fleet's schedule takes it; the function's schedule event has the same value.
  { path: ['custom', 'fleet', 'schedule'], problem: scheduleProblem },
  { path: ['resources', 'Resources', 'AlertEmailSubscription', 'Properties', 'Endpoint'], problem: alertEmailProblem },
];

module.exports = { AWS_READ_PARAMS, LOG_RETENTION_DAYS };
