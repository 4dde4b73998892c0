import { IR013 } from '../../lib/rules/ir/IR013';
import { ruleTable } from '../support/rule-table';

const lambdaUri = 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:Fn/invocations';
const twoWay = (RouteKey = 'order') => ({ RouteKey, Target: 'integrations/i1', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] });
const mock = (RequestTemplates: Record<string, string>, TemplateSelectionExpression?: string) => ({
  IntegrationType: 'MOCK',
  RequestTemplates,
  ...(TemplateSelectionExpression === undefined ? {} : { TemplateSelectionExpression }),
});
const oneWay = (RouteKey = 'order') => ({ RouteKey, Target: 'integrations/i1' });
const api = (integration: Record<string, unknown>, keys: unknown[], routes: Record<string, unknown>[] = [twoWay()]) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ ...integration, integrationResponses: keys.map((IntegrationResponseKey) => ({ IntegrationResponseKey })) }],
  routes,
});

ruleTable(IR013, {
  fires: [
    {
      name: 'Lambda with only status-style keys: high',
      api: api({ IntegrationType: 'AWS', IntegrationUri: lambdaUri }, ['/2\\d\\d/']),
      expect: [{ at: 'i1', path: 'integrationResponses', severity: 'high', message: 'no errorMessage for the keys to match' }],
    },
    {
      name: 'AWS service integration: high',
      api: api({ IntegrationType: 'AWS', IntegrationUri: 'arn:aws:apigateway:eu-west-1:sqs:path/123456789012/q' }, ['/4\\d\\d/']),
      expect: [{ at: 'i1', path: 'integrationResponses', severity: 'high', message: 'matches none of them' }],
    },
    { name: 'HTTP: medium', api: api({ IntegrationType: 'HTTP' }, ['/2\\d\\d/', '/4\\d\\d/']), expect: [{ at: 'i1', path: 'integrationResponses', severity: 'medium', message: '"/2\\\\d\\\\d/", "/4\\\\d\\\\d/"' }] },
    { name: 'MOCK: medium', api: api({ IntegrationType: 'MOCK' }, ['/200/']), expect: [{ at: 'i1', path: 'integrationResponses', severity: 'medium', message: 'two-way route "order"' }] },
    { name: 'keys that leave status codes uncovered', api: api({ IntegrationType: 'HTTP' }, ['/[1-4]\\d\\d/']), expect: [{ at: 'i1', path: 'integrationResponses', severity: 'medium' }] },
    {
      name: 'AWS: a key that needs a non-empty errorMessage does not catch a successful reply',
      api: api({ IntegrationType: 'AWS', IntegrationUri: lambdaUri }, ['/.+/']),
      expect: [{ at: 'i1', path: 'integrationResponses', severity: 'high' }],
    },
    { name: 'an escaped \\$default key is not $default', api: api({ IntegrationType: 'HTTP' }, ['\\$default']), expect: [{ at: 'i1', path: 'integrationResponses', severity: 'medium' }] },
    {
      name: 'one two-way route among one-way ones',
      api: api({ IntegrationType: 'MOCK' }, ['/200/'], [oneWay('a'), twoWay('b')]),
      expect: [{ at: 'i1', path: 'integrationResponses', severity: 'medium', message: '"b"' }],
    },
    {
      name: 'MOCK whose selected template sets a status no key matches: the status is the evidence',
      api: api(mock({ '200': '{"statusCode": 200}', '404': '{"statusCode": 404}' }, '404'), ['/200/']),
      expect: [{ at: 'i1', path: 'integrationResponses', severity: 'medium', message: 'set statusCode "404", which none of them matches' }],
    },
    {
      name: 'MOCK with no selection expression may pick any template, one of which misses',
      api: api(mock({ a: '{"statusCode": 200}', b: '{"statusCode": "500"}' }), ['/2\\d\\d/']),
      expect: [{ at: 'i1', path: 'integrationResponses', severity: 'medium', message: '"500"' }],
    },
    {
      name: 'MOCK whose statusCode is computed cannot be proved safe',
      api: api(mock({ '200': '#set($c = 200)\n{"statusCode": $c}' }, '200'), ['/200/']),
      expect: [{ at: 'i1', path: 'integrationResponses', severity: 'medium', message: 'a reply that matches none of them' }],
    },
    {
      name: 'MOCK without request templates',
      api: api(mock({}, '200'), ['/200/']),
      expect: [{ at: 'i1', path: 'integrationResponses', severity: 'medium' }],
    },
    {
      name: 'many keys are summarised',
      api: api({ IntegrationType: 'HTTP' }, ['/1/', '/2/', '/3/', '/4/', '/5/']),
      expect: [{ at: 'i1', path: 'integrationResponses', severity: 'medium', message: 'and 2 more' }],
    },
  ],
  quiet: [
    { name: 'has $default', api: api({ IntegrationType: 'AWS', IntegrationUri: lambdaUri }, ['$default', '/.*NotFound.*/']) },
    { name: 'HTTP: a catch-all regex leaves no reply to miss (IR104 reports the key)', api: api({ IntegrationType: 'HTTP' }, ['/.*/']) },
    { name: 'HTTP: keys that together cover every status code', api: api({ IntegrationType: 'HTTP' }, ['/2\\d\\d/', '/[1345]\\d\\d/']) },
    { name: 'AWS: a key matching an absent errorMessage (IR104 reports the key)', api: api({ IntegrationType: 'AWS', IntegrationUri: lambdaUri }, ['/.*/']) },
    { name: 'no integration responses (IR012)', api: api({ IntegrationType: 'MOCK' }, []) },
    { name: 'only one-way routes (IR011)', api: api({ IntegrationType: 'HTTP' }, ['/2\\d\\d/'], [oneWay()]) },
    { name: 'only $disconnect with a route response', api: api({ IntegrationType: 'HTTP' }, ['/2\\d\\d/'], [twoWay('$disconnect')]) },
    { name: 'no routes', api: api({ IntegrationType: 'HTTP' }, ['/2\\d\\d/'], []) },
    { name: 'MOCK: a static selection picks a template with a literal statusCode its key matches', api: api(mock({ '200': '{"statusCode": 200}' }, '200'), ['/200/']) },
    { name: 'MOCK: \\$default selection, quoted status, regex key', api: api(mock({ $default: '{ "statusCode" : "201" }' }, '\\$default'), ['/2\\d\\d/']) },
    { name: 'MOCK: a static selection naming no template falls back to $default', api: api(mock({ $default: '{"statusCode": 200}', x: '{"statusCode": 500}' }, 'nothing'), ['/200/']) },
    { name: 'MOCK: #if branches with literal codes, each matched', api: api(mock({ a: '#if($input.path(\'$.ok\')){"statusCode": 200}#else{"statusCode": 404}#end' }), ['/200/', '/404/']) },
    { name: 'proxy integration (IR009)', api: api({ IntegrationType: 'AWS_PROXY' }, ['/2\\d\\d/']) },
  ],
});
