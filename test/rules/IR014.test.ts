import { IR014 } from '../../lib/rules/ir/IR014';
import { ruleTable } from '../support/rule-table';

const response = (extra: Record<string, unknown> = {}) => ({ IntegrationResponseKey: '$default', ...extra });

ruleTable(IR014, {
  fires: [
    {
      name: 'MOCK integration response without the field',
      api: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'MOCK', integrationResponses: [response()] }] },
      expect: [{ at: 'ir1', path: 'ContentHandlingStrategy', severity: 'low', message: 'passes through unconverted' }],
    },
    {
      name: 'explicit null counts as unset',
      api: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'HTTP', integrationResponses: [response({ ContentHandlingStrategy: null })] }] },
      expect: [{ at: 'ir1', path: 'ContentHandlingStrategy' }],
    },
    {
      name: 'medium when the integration converts to binary',
      api: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'AWS', ContentHandlingStrategy: 'CONVERT_TO_BINARY', integrationResponses: [response(), response({ IntegrationResponseKey: '/4\\d\\d/', ContentHandlingStrategy: 'CONVERT_TO_TEXT' })] }],
      },
      expect: [{ at: 'ir1', path: 'ContentHandlingStrategy', severity: 'medium', message: 'converts requests to binary' }],
    },
    {
      name: 'every response that lacks it, across integrations',
      api: {
        ProtocolType: 'WEBSOCKET',
        integrations: [
          { IntegrationType: 'HTTP', integrationResponses: [response(), response({ IntegrationResponseKey: '/5\\d\\d/' })] },
          { IntegrationType: 'AWS_PROXY', integrationResponses: [response()] },
        ],
      },
      expect: [
        { at: 'ir1', path: 'ContentHandlingStrategy' },
        { at: 'ir2', path: 'ContentHandlingStrategy' },
      ],
    },
  ],
  quiet: [
    { name: 'CONVERT_TO_TEXT set', api: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'MOCK', integrationResponses: [response({ ContentHandlingStrategy: 'CONVERT_TO_TEXT' })] }] } },
    { name: 'a value outside the enum is IR003, not this rule', api: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'MOCK', integrationResponses: [response({ ContentHandlingStrategy: 'TEXT' })] }] } },
    { name: 'proxy integration (responses are dead config, IR009)', api: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'AWS_PROXY', integrationResponses: [response()] }] } },
    { name: 'HTTP API', api: { ProtocolType: 'HTTP', integrations: [{ IntegrationType: 'HTTP', integrationResponses: [response()] }] } },
    { name: 'non-proxy integration without responses', api: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'MOCK' }] } },
  ],
});
