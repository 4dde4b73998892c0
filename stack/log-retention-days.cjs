// The retention periods CloudWatch Logs accepts for a log group, in days: PutRetentionPolicy's
// retentionInDays in the CloudWatch Logs API reference
// (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html),
// which CloudFormation's AWS::Logs::LogGroup RetentionInDays takes. Any other number packages
// fine and fails only in CloudFormation, at deploy; Serverless 3.40's own schema lacks 1096 and
// only warns. Plain CommonJS because the Framework loads it with require().
const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** Why `value` (a param, so a number or a string) is not a retention CloudWatch Logs accepts; undefined when it is. */
function logRetentionProblem(value) {
  if (/^\d+$/.test(String(value)) && LOG_RETENTION_DAYS.includes(Number(value))) return undefined;
  return `must be a number of days CloudWatch Logs keeps logs for: one of ${LOG_RETENTION_DAYS.join(', ')}; got ${JSON.stringify(value)}`;
}

module.exports = { LOG_RETENTION_DAYS, logRetentionProblem };
