import { RR101 } from '../../lib/rules/rr/RR101';
import { ruleTable } from '../support/rule-table';

const ws = (...routes: Record<string, unknown>[]) => ({ ProtocolType: 'WEBSOCKET', routes });
const response = { RouteResponseKey: '$default' };

ruleTable(RR101, {
  fires: [
    {
      name: 'expression without a route response (medium)',
      api: ws({ RouteKey: 'sendmessage', RouteResponseSelectionExpression: '$default' }),
      expect: [{ at: 'r1', path: 'RouteResponseSelectionExpression', severity: 'medium', message: 'no route response' }],
    },
    {
      name: 'route response without an expression (info)',
      api: ws({ RouteKey: 'getorder', routeResponses: [response] }),
      expect: [{ at: 'r1', path: 'RouteResponseSelectionExpression', severity: 'info', message: 'has a route response but no RouteResponseSelectionExpression' }],
    },
    {
      name: 'on $connect and $default too',
      api: ws({ RouteKey: '$connect', RouteResponseSelectionExpression: '$default' }, { RouteKey: '$default', routeResponses: [response] }),
      expect: [
        { at: 'r1', path: 'RouteResponseSelectionExpression', severity: 'medium', message: '"$connect"' },
        { at: 'r2', path: 'RouteResponseSelectionExpression', severity: 'info', message: '"$default"' },
      ],
    },
    {
      name: 'explicit null expression counts as unset',
      api: ws({ RouteKey: 'getorder', RouteResponseSelectionExpression: null, routeResponses: [response] }),
      expect: [{ at: 'r1', path: 'RouteResponseSelectionExpression', severity: 'info' }],
    },
    {
      name: 'a non-$default expression still half-configures (RR002 reports its value)',
      api: ws({ RouteKey: 'ping', RouteResponseSelectionExpression: '$request.body.reply' }),
      expect: [{ at: 'r1', path: 'RouteResponseSelectionExpression', severity: 'medium', message: '$request.body.reply' }],
    },
  ],
  quiet: [
    { name: 'both set', api: ws({ RouteKey: 'sendmessage', RouteResponseSelectionExpression: '$default', routeResponses: [response] }) },
    { name: 'neither set (one-way)', api: ws({ RouteKey: 'sendmessage' }) },
    { name: '$disconnect with only an expression (RR004)', api: ws({ RouteKey: '$disconnect', RouteResponseSelectionExpression: '$default' }) },
    { name: '$disconnect with only a route response (RR004)', api: ws({ RouteKey: '$disconnect', routeResponses: [response] }) },
    { name: 'HTTP API route (RR005)', api: { ProtocolType: 'HTTP', routes: [{ RouteKey: 'GET /x', RouteResponseSelectionExpression: '$default' }] } },
    { name: 'API without a protocol type', api: { routes: [{ RouteKey: 'x', RouteResponseSelectionExpression: '$default' }] } },
  ],
});
