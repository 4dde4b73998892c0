import { WS002 } from '../../lib/rules/ws/WS002';
import { ruleTable } from '../support/rule-table';

const api = (fields: Record<string, unknown>) => ({ ProtocolType: 'WEBSOCKET', Name: 'chat', ...fields });

ruleTable(WS002, {
  fires: [
    { name: 'absent', api: api({}), expect: [{ at: 'a1', path: 'RouteSelectionExpression', message: '"chat"' }] },
    { name: 'null', api: api({ RouteSelectionExpression: null }), expect: [{ at: 'a1', path: 'RouteSelectionExpression' }] },
    { name: 'empty string', api: api({ RouteSelectionExpression: '' }), expect: [{ at: 'a1', path: 'RouteSelectionExpression' }] },
    { name: 'no name: the id', api: { ProtocolType: 'WEBSOCKET', ApiId: 'abc123' }, expect: [{ at: 'abc123', path: 'RouteSelectionExpression', message: '"abc123"' }] },
  ],
  quiet: [
    { name: 'the usual expression', api: api({ RouteSelectionExpression: '$request.body.action' }) },
    { name: 'a static expression', api: api({ RouteSelectionExpression: '$default' }) },
    { name: 'a present value of an odd type (not missing)', api: api({ RouteSelectionExpression: 5 }) },
    { name: 'HTTP API without one', api: { ProtocolType: 'HTTP', Name: 'h' } },
  ],
});
