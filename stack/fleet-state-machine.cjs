// The fleet state machine's definition (Amazon States Language), built by stack/fleet-plugin.cjs
// when fleet mode is on and checked by the tests as packaged. Function ARNs are
// DefinitionSubstitutions (${PlanRunFunction} ...), filled in by CloudFormation.
// Plain CommonJS because the Framework loads it with require().

// Lambda's own transient failures, retried everywhere (the Step Functions developer guide's
// "handle transient Lambda service exceptions").
const LAMBDA_TRANSIENT = ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'];
const retryTransient = { ErrorEquals: LAMBDA_TRANSIENT, IntervalSeconds: 2, MaxAttempts: 4, BackoffRate: 2, JitterStrategy: 'FULL' };
// An error that another attempt cannot fix: the role cannot be assumed, the input or a setting is bad.
const FINAL_ERRORS = ['AssumeRoleError', 'EventError', 'ConfigError'];

/**
 * PlanRun lists the account-regions; AuditEachAccountRegion (a Distributed Map, one child
 * execution per account-region, at most maxConcurrency at once: each item owns its
 * account-region's API Gateway quota) walks each item in a loop until its cursor is done,
 * then RecordOutcome evaluates and tracks changes; a failure anywhere in an item is caught and
 * recorded by RecordFailure, so the other items go on; FinishRun sends one digest for the run.
 */
function fleetDefinition({ maxConcurrency }) {
  return {
    Comment: 'apigw-audit fleet run: every account-region of the fleet, one Distributed Map item each, one digest at the end.',
    StartAt: 'PlanRun',
    States: {
      PlanRun: {
        Type: 'Task',
        Resource: '${PlanRunFunction}',
        Parameters: { 'input.$': '$', 'runId.$': '$$.Execution.Name', 'startedAt.$': '$$.Execution.StartTime' },
        Retry: [retryTransient],
        Next: 'AuditEachAccountRegion',
      },
      AuditEachAccountRegion: {
        Type: 'Map',
        ItemsPath: '$.targets',
        ItemSelector: { 'scope.$': '$.scope', 'target.$': '$$.Map.Item.Value' },
        MaxConcurrency: maxConcurrency,
        // Every item records its own failure (RecordFailure); an item that cannot even do that
        // is named by FinishRun as "no outcome recorded", and the run goes on.
        ToleratedFailurePercentage: 100,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'Walk',
          States: {
            Walk: {
              Type: 'Task',
              Resource: '${WalkFunction}',
              ResultPath: '$.cursor',
              Retry: [{ ErrorEquals: FINAL_ERRORS, MaxAttempts: 0 }, retryTransient, { ErrorEquals: ['States.ALL'], IntervalSeconds: 10, MaxAttempts: 2, BackoffRate: 3, JitterStrategy: 'FULL' }],
              Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'RecordFailure' }],
              Next: 'WalkDone',
            },
            WalkDone: {
              Type: 'Choice',
              Choices: [{ Variable: '$.cursor.done', BooleanEquals: true, Next: 'RecordOutcome' }],
              Default: 'Walk',
            },
            RecordOutcome: {
              Type: 'Task',
              Resource: '${AuditFunction}',
              Retry: [{ ErrorEquals: FINAL_ERRORS, MaxAttempts: 0 }, retryTransient, { ErrorEquals: ['States.ALL'], IntervalSeconds: 10, MaxAttempts: 2, BackoffRate: 3, JitterStrategy: 'FULL' }],
              Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'RecordFailure' }],
              End: true,
            },
            RecordFailure: {
              Type: 'Task',
              Resource: '${AuditFunction}',
              Retry: [retryTransient, { ErrorEquals: ['States.ALL'], IntervalSeconds: 10, MaxAttempts: 2, BackoffRate: 3 }],
              End: true,
            },
          },
        },
        // The items' results stay in their outcome objects: the map's output would pass 256 KB.
        ResultPath: null,
        Next: 'FinishRun',
      },
      FinishRun: {
        Type: 'Task',
        Resource: '${FinishRunFunction}',
        Parameters: { 'scope.$': '$.scope', 'targets.$': '$.targets' },
        Retry: [retryTransient],
        End: true,
      },
    },
  };
}

module.exports = { fleetDefinition };
