import { RR101 } from '../../lib/rules/rr/RR101';
import { ruleTable } from '../support/rule-table';

const ws = (...routes: Record<string, unknown>[]) => ({ ProtocolType: 'WEBSOCKET', routes });
const response = { RouteResponseKey: '$default' };

ruleTable(RR101, {
  fires: [
    {
      name: 'expression without a route response',
      api: ws({ RouteKey: 'sendmessage', RouteResponseSelectionExpression: '$default' }),
      expect: [{ at: 'r1', path: 'RouteResponseSelectionExpression', message: 'no route response' }],
    },
    {
      name: 'on $connect too',
      api: ws({ RouteKey: '$connect', RouteResponseSelectionExpression: '$default' }),
      expect: [{ at: 'r1', path: 'RouteResponseSelectionExpression', message: '"$connect"' }],
    },
    {
      name: 'a non-$default expression still half-configures (RR002 reports its value)',
      api: ws({ RouteKey: 'ping', RouteResponseSelectionExpression: '$request.body.reply' }),
      expect: [{ at: 'r1', path: 'RouteResponseSelectionExpression', message: '$request.body.reply' }],
    },
    {
      name: 'on a proxy route too (RR102 leaves the expression to this rule)',
      api: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'AWS_PROXY' }], routes: [{ RouteKey: 'send', Target: 'integrations/i1', RouteResponseSelectionExpression: '$default' }] },
      expect: [{ at: 'r1', path: 'RouteResponseSelectionExpression' }],
    },
  ],
  quiet: [
    { name: 'both set', api: ws({ RouteKey: 'sendmessage', RouteResponseSelectionExpression: '$default', routeResponses: [response] }) },
    { name: 'neither set (one-way)', api: ws({ RouteKey: 'sendmessage' }) },
    { name: 'a route response without an expression still replies', api: ws({ RouteKey: 'getorder', routeResponses: [response] }) },
    { name: 'explicit null expression with a route response', api: ws({ RouteKey: 'getorder', RouteResponseSelectionExpression: null, routeResponses: [response] }) },
    { name: 'explicit null expression, one-way', api: ws({ RouteKey: 'getorder', RouteResponseSelectionExpression: null }) },
    { name: '$disconnect with only an expression (RR004)', api: ws({ RouteKey: '$disconnect', RouteResponseSelectionExpression: '$default' }) },
    { name: 'HTTP API route (RR005)', api: { ProtocolType: 'HTTP', routes: [{ RouteKey: 'GET /x', RouteResponseSelectionExpression: '$default' }] } },
    { name: 'API without a protocol type', api: { routes: [{ RouteKey: 'x', RouteResponseSelectionExpression: '$default' }] } },
  ],
});
