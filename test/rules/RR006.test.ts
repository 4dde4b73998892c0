import { RR006 } from '../../lib/rules/rr/RR006';
import { ruleTable } from '../support/rule-table';

const api = (Target: unknown, ProtocolType = 'WEBSOCKET') => ({
  ProtocolType,
  integrations: [{ IntegrationType: 'AWS_PROXY' }],
  routes: [{ RouteKey: 'send', Target }],
});

ruleTable(RR006, {
  fires: [
    { name: 'an extra brace left by a Terraform template', api: api('integrations/i1}'), expect: [{ at: 'r1', path: 'Target', message: 'it is not of the form integrations/{integration-id}' }] },
    { name: 'an id no integration of the API has', api: api('integrations/i9'), expect: [{ at: 'r1', path: 'Target', message: 'no integration of this API has that id' }] },
    { name: 'an unevaluated template', api: api('integrations/${aws_apigatewayv2_integration.x.id}'), expect: [{ at: 'r1', path: 'Target', message: 'not of the form' }] },
    { name: 'the integration id alone', api: api('i1'), expect: [{ at: 'r1', path: 'Target', message: '"i1"' }] },
    { name: 'on an HTTP API too', api: api('integrations/nope', 'HTTP'), expect: [{ at: 'r1', path: 'Target' }] },
  ],
  quiet: [
    { name: 'the Target names an integration of the API', api: api('integrations/i1') },
    { name: 'no Target (a route without an integration is another matter)', api: api(undefined) },
    { name: 'a Target of another type is not judged', api: api(42) },
  ],
});
