import { RR002 } from '../../lib/rules/rr/RR002';
import { ruleTable } from '../support/rule-table';

const ws = (RouteResponseSelectionExpression: unknown, routeResponses = [{ RouteResponseKey: '$default' }]) => ({
  ProtocolType: 'WEBSOCKET',
  routes: [{ RouteKey: 'send', RouteResponseSelectionExpression, routeResponses }],
});

ruleTable(RR002, {
  fires: [
    { name: 'a request expression', api: ws('$request.body.action'), expect: [{ at: 'r1', path: 'RouteResponseSelectionExpression', message: '"$request.body.action"' }] },
    { name: 'a static key', api: ws('200'), expect: [{ at: 'r1', path: 'RouteResponseSelectionExpression', message: '"200"' }] },
    { name: 'braced $default', api: ws('${default}'), expect: [{ at: 'r1', path: 'RouteResponseSelectionExpression' }] },
    { name: 'trailing space', api: ws('$default '), expect: [{ at: 'r1', path: 'RouteResponseSelectionExpression' }] },
    { name: 'without route responses', api: ws('$request.body.x', []), expect: [{ at: 'r1', path: 'RouteResponseSelectionExpression' }] },
    { name: 'a number', api: ws(1), expect: [{ at: 'r1', path: 'RouteResponseSelectionExpression', message: '1' }] },
  ],
  quiet: [
    { name: '$default', api: ws('$default') },
    { name: 'escaped \\$default (same literal in the selection-expression language)', api: ws('\\$default') },
    { name: 'absent', api: ws(undefined) },
    { name: 'null', api: ws(null) },
    { name: 'empty string', api: ws('') },
    { name: 'HTTP API (RR005 reports the expression)', api: { ProtocolType: 'HTTP', routes: [{ RouteKey: 'GET /x', RouteResponseSelectionExpression: '$request.body.x' }] } },
  ],
});
