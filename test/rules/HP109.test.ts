import { HP109 } from '../../lib/rules/hp/HP109';
import { ruleTable } from '../support/rule-table';

ruleTable(HP109, {
  fires: [
    {
      name: 'CORS configured',
      api: { ProtocolType: 'HTTP', CorsConfiguration: { AllowOrigins: ['*'], AllowMethods: ['GET'] } },
      expect: [{ at: 'a1', path: 'CorsConfiguration', message: 'ignores any Access-Control-* headers' }],
    },
    { name: 'any API type', api: { ProtocolType: 'WEBSOCKET', CorsConfiguration: { AllowOrigins: ['*'] } }, expect: [{ at: 'a1', path: 'CorsConfiguration' }] },
  ],
  quiet: [
    { name: 'no CORS configuration', api: { ProtocolType: 'HTTP' } },
    { name: 'null CORS configuration', api: { ProtocolType: 'HTTP', CorsConfiguration: null } },
    { name: 'empty CORS configuration', api: { ProtocolType: 'HTTP', CorsConfiguration: {} } },
  ],
});
