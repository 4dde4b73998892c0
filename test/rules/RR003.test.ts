import { RR003 } from '../../lib/rules/rr/RR003';
import { ruleTable } from '../support/rule-table';

const ws = (response: Record<string, unknown>) => ({
  ProtocolType: 'WEBSOCKET',
  routes: [{ RouteKey: 'send', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default', ...response }] }],
});

ruleTable(RR003, {
  fires: [
    { name: 'an expression', api: ws({ ModelSelectionExpression: '$request.body.type' }), expect: [{ at: 'rr1', path: 'ModelSelectionExpression', message: '"$request.body.type"' }] },
    { name: '$default', api: ws({ ModelSelectionExpression: '$default' }), expect: [{ at: 'rr1', path: 'ModelSelectionExpression' }] },
    { name: 'with response models', api: ws({ ModelSelectionExpression: 'default', ResponseModels: { default: 'Reply' } }), expect: [{ at: 'rr1', path: 'ModelSelectionExpression' }] },
    { name: 'an odd type', api: ws({ ModelSelectionExpression: 7 }), expect: [{ at: 'rr1', path: 'ModelSelectionExpression', message: '7' }] },
  ],
  quiet: [
    { name: 'absent', api: ws({}) },
    { name: 'null', api: ws({ ModelSelectionExpression: null }) },
    { name: 'empty string', api: ws({ ModelSelectionExpression: '' }) },
    { name: 'on the route, not the route response (another field)', api: { ProtocolType: 'WEBSOCKET', routes: [{ RouteKey: 'send', ModelSelectionExpression: '$request.body.type', routeResponses: [{ RouteResponseKey: '$default' }] }] } },
    { name: 'HTTP API (RR005 reports the route response)', api: { ProtocolType: 'HTTP', routes: [{ RouteKey: 'GET /x', routeResponses: [{ RouteResponseKey: '$default', ModelSelectionExpression: 'x' }] }] } },
  ],
});
