import { RR005 } from '../../lib/rules/rr/RR005';
import { ruleTable } from '../support/rule-table';

const http = (extra: Record<string, unknown>) => ({ ProtocolType: 'HTTP', routes: [{ RouteKey: 'GET /items', ...extra }] });

ruleTable(RR005, {
  fires: [
    {
      name: 'both the expression and a route response',
      api: http({ RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }),
      expect: [
        { at: 'r1', path: 'RouteResponseSelectionExpression', message: '"$default"' },
        { at: 'r1', path: 'routeResponses', message: '"$default"' },
      ],
    },
    { name: 'only the expression', api: http({ RouteResponseSelectionExpression: '$default' }), expect: [{ at: 'r1', path: 'RouteResponseSelectionExpression' }] },
    {
      name: 'only route responses',
      api: http({ routeResponses: [{ RouteResponseKey: '$default' }, { RouteResponseKey: '200' }] }),
      expect: [{ at: 'r1', path: 'routeResponses', message: '2 route response(s)' }],
    },
    { name: 'an odd-typed expression', api: http({ RouteResponseSelectionExpression: 0 }), expect: [{ at: 'r1', path: 'RouteResponseSelectionExpression' }] },
  ],
  quiet: [
    { name: 'HTTP route without either', api: http({ Target: 'integrations/i1' }) },
    { name: 'empty or null expression', api: { ProtocolType: 'HTTP', routes: [{ RouteKey: 'GET /a', RouteResponseSelectionExpression: '' }, { RouteKey: 'GET /b', RouteResponseSelectionExpression: null }] } },
    { name: 'WebSocket two-way route', api: { ProtocolType: 'WEBSOCKET', routes: [{ RouteKey: 'send', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }] } },
  ],
});
