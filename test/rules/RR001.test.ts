import { RR001 } from '../../lib/rules/rr/RR001';
import { ruleTable } from '../support/rule-table';

const ws = (...routeResponses: Record<string, unknown>[]) => ({
  ProtocolType: 'WEBSOCKET',
  routes: [{ RouteKey: 'send', RouteResponseSelectionExpression: '$default', routeResponses }],
});

ruleTable(RR001, {
  fires: [
    { name: 'status-code key', api: ws({ RouteResponseKey: '200' }), expect: [{ at: 'rr1', path: 'RouteResponseKey', message: '"200"' }] },
    { name: 'a different case of $default', api: ws({ RouteResponseKey: '$Default' }), expect: [{ at: 'rr1', path: 'RouteResponseKey', message: '"$Default"' }] },
    { name: 'escaped key (keys are literal, not expressions)', api: ws({ RouteResponseKey: '\\$default' }), expect: [{ at: 'rr1', path: 'RouteResponseKey' }] },
    { name: 'missing key', api: ws({}), expect: [{ at: 'rr1', path: 'RouteResponseKey', message: 'nothing' }] },
    { name: 'null key', api: ws({ RouteResponseKey: null }), expect: [{ at: 'rr1', path: 'RouteResponseKey' }] },
    { name: 'number key', api: ws({ RouteResponseKey: 200 }), expect: [{ at: 'rr1', path: 'RouteResponseKey', message: '200' }] },
    {
      name: 'only the bad one of several',
      api: ws({ RouteResponseKey: '$default' }, { RouteResponseKey: '/4\\d\\d/' }),
      expect: [{ at: 'rr2', path: 'RouteResponseKey', message: '/4\\\\d\\\\d/' }],
    },
    {
      name: 'on $disconnect too',
      api: { ProtocolType: 'WEBSOCKET', routes: [{ RouteKey: '$disconnect', routeResponses: [{ RouteResponseKey: 'bye' }] }] },
      expect: [{ at: 'rr1', path: 'RouteResponseKey' }],
    },
  ],
  quiet: [
    { name: '$default route response', api: ws({ RouteResponseKey: '$default' }) },
    { name: 'route response without a selection expression', api: { ProtocolType: 'WEBSOCKET', routes: [{ RouteKey: 'send', routeResponses: [{ RouteResponseKey: '$default' }] }] } },
    { name: 'no route responses', api: ws() },
    { name: 'HTTP API (RR005 reports the route response)', api: { ProtocolType: 'HTTP', routes: [{ RouteKey: 'GET /x', routeResponses: [{ RouteResponseKey: '200' }] }] } },
  ],
});
