import { RR004 } from '../../lib/rules/rr/RR004';
import { ruleTable } from '../support/rule-table';

const route = (RouteKey: string, extra: Record<string, unknown>) => ({ ProtocolType: 'WEBSOCKET', routes: [{ RouteKey, ...extra }] });

ruleTable(RR004, {
  fires: [
    {
      name: 'route response and expression: the route response is the finding',
      api: route('$disconnect', { RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }),
      expect: [{ at: 'rr1', path: 'RouteResponseKey', message: '"$default"' }],
    },
    {
      name: 'route response without the expression',
      api: route('$disconnect', { routeResponses: [{ RouteResponseKey: '$default' }] }),
      expect: [{ at: 'rr1', path: 'RouteResponseKey' }],
    },
    {
      name: 'only the expression: the route is the finding',
      api: route('$disconnect', { RouteResponseSelectionExpression: '$default' }),
      expect: [{ at: 'r1', path: 'RouteResponseSelectionExpression', message: '"$default"' }],
    },
    {
      name: 'each of several route responses',
      api: route('$disconnect', { routeResponses: [{ RouteResponseKey: '$default' }, { RouteResponseKey: 'bye' }] }),
      expect: [
        { at: 'rr1', path: 'RouteResponseKey' },
        { at: 'rr2', path: 'RouteResponseKey', message: '"bye"' },
      ],
    },
  ],
  quiet: [
    { name: '$disconnect without either', api: route('$disconnect', { Target: 'integrations/i1' }) },
    { name: '$disconnect with an empty expression', api: route('$disconnect', { RouteResponseSelectionExpression: '' }) },
    { name: '$disconnect with a null expression', api: route('$disconnect', { RouteResponseSelectionExpression: null }) },
    { name: '$connect two-way', api: route('$connect', { RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }) },
    { name: '$default two-way', api: route('$default', { RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }) },
    { name: 'a route key that only contains $disconnect', api: route('$disconnect2', { routeResponses: [{ RouteResponseKey: '$default' }] }) },
    { name: 'HTTP API (RR005 reports route responses there)', api: { ProtocolType: 'HTTP', routes: [{ RouteKey: '$disconnect', routeResponses: [{ RouteResponseKey: '$default' }] }] } },
  ],
});
