import { IR114 } from '../../lib/rules/ir/IR114';
import { ruleTable } from '../support/rule-table';

const headers = { 'method.response.header.X-Id': 'integration.response.header.X-Id' };
const api = (ResponseParameters: unknown, ...routeKeys: string[]) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseParameters }] }],
  routes: routeKeys.map((RouteKey) => ({ RouteKey, Target: 'integrations/i1', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] })),
});
const oneWay = (...routeKeys: string[]) => ({ ...api(headers), routes: routeKeys.map((RouteKey) => ({ RouteKey, Target: 'integrations/i1' })) });

ruleTable(IR114, {
  fires: [
    {
      name: 'a message route',
      api: api(headers, 'sendmessage'),
      expect: [{ at: 'ir1', path: 'ResponseParameters', message: 'maps "method.response.header.X-Id", but its routes ("sendmessage") send WebSocket messages' }],
    },
    { name: 'several routes, none $connect', api: api(headers, '$default', 'join', '$disconnect'), expect: [{ at: 'ir1', path: 'ResponseParameters', message: '"$default", "join", "$disconnect"' }] },
    { name: 'no route at all (every route trivially is not $connect)', api: api(headers), expect: [{ at: 'ir1', path: 'ResponseParameters', message: 'no route uses the integration' }] },
  ],
  quiet: [
    { name: 'used by $connect', api: api(headers, '$connect') },
    { name: 'only one-way routes: the whole response is dead (IR011)', api: oneWay('sendmessage') },
    { name: 'only $disconnect: the whole response is dead (IR015)', api: api(headers, '$disconnect') },
    { name: 'used by $connect and a message route', api: api(headers, 'sendmessage', '$connect') },
    { name: 'no response parameters', api: api(undefined, 'sendmessage') },
    { name: 'empty response parameters', api: api({}, 'sendmessage') },
    { name: 'response parameters of an odd type', api: api('method.response.header.X', 'sendmessage') },
    {
      name: 'a $connect route of another integration does not count, but this one is on $connect',
      api: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseParameters: headers }] }, { IntegrationType: 'MOCK' }],
        routes: [
          { RouteKey: '$connect', Target: 'integrations/i1' },
          { RouteKey: 'ping', Target: 'integrations/i2' },
        ],
      },
    },
  ],
});
