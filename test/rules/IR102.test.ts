import { IR102 } from '../../lib/rules/ir/IR102';
import { ruleTable } from '../support/rule-table';

const lambdaUri = 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:Orders/invocations';

const withKeys = (integration: Record<string, unknown>, ...keys: unknown[]) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ ...integration, integrationResponses: keys.map((IntegrationResponseKey) => ({ IntegrationResponseKey })) }],
});
const lambda = { IntegrationType: 'AWS', IntegrationUri: lambdaUri };

ruleTable(IR102, {
  fires: [
    { name: '2\\d\\d on a Lambda integration', api: withKeys(lambda, '/2\\d\\d/'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey', message: '"/2\\\\d\\\\d/" starts like a status code' }] },
    { name: 'a literal code', api: withKeys(lambda, '$default', '/400/'), expect: [{ at: 'ir2', path: 'IntegrationResponseKey', message: 'matched on errorMessage' }] },
    { name: 'anchored', api: withKeys(lambda, '/^4\\d{2}/'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey' }] },
    { name: 'grouped', api: withKeys(lambda, '/(5\\d\\d)/', '/^(4\\d\\d|5\\d\\d)/'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey' }, { at: 'ir2', path: 'IntegrationResponseKey' }] },
  ],
  quiet: [
    { name: 'error-message patterns and $default', api: withKeys(lambda, '$default', '/.*NotFound.*/', '/Error: .*/') },
    { name: 'a key that does not start like a code (character class)', api: withKeys(lambda, '/[45]\\d\\d/') },
    { name: 'a 6xx or 0 start is not a status-like start', api: withKeys(lambda, '/6\\d\\d/', '/0/') },
    { name: 'HTTP integration, where keys are status codes', api: withKeys({ IntegrationType: 'HTTP' }, '/2\\d\\d/') },
    { name: 'AWS service integration that is not Lambda (SQS)', api: withKeys({ IntegrationType: 'AWS', IntegrationUri: 'arn:aws:apigateway:eu-west-1:sqs:path/123456789012/q' }, '/4\\d\\d/') },
    { name: 'AWS integration without a URI', api: withKeys({ IntegrationType: 'AWS' }, '/2\\d\\d/') },
    { name: 'Lambda proxy', api: withKeys({ IntegrationType: 'AWS_PROXY', IntegrationUri: lambdaUri }, '/2\\d\\d/') },
    { name: 'a key without slashes (IR001)', api: withKeys(lambda, '200') },
  ],
});
