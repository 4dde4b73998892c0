import { IR116 } from '../../lib/rules/ir/IR116';
import { ruleTable } from '../support/rule-table';

const responses = [{ IntegrationResponseKey: '$default' }, { IntegrationResponseKey: '/4\\d\\d/' }];

ruleTable(IR116, {
  fires: [
    {
      name: 'no routes at all',
      api: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'MOCK', integrationResponses: responses }] },
      expect: [{ at: 'i1', path: 'integrationResponses', message: 'No route targets integrations/i1, so its integration responses ("$default", "/4\\\\d\\\\d/") are never used' }],
    },
    {
      name: 'routes that target another integration, or the id without the prefix',
      api: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK' }, { IntegrationType: 'HTTP', integrationResponses: responses }],
        routes: [
          { RouteKey: '$default', Target: 'integrations/i1' },
          { RouteKey: 'join', Target: 'i2' },
        ],
      },
      expect: [{ at: 'i2', path: 'integrationResponses' }],
    },
  ],
  quiet: [
    {
      name: 'targeted by a route',
      api: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'MOCK', integrationResponses: responses }], routes: [{ RouteKey: '$disconnect', Target: 'integrations/i1' }] },
    },
    { name: 'an orphan integration without responses', api: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'MOCK' }] } },
  ],
});
