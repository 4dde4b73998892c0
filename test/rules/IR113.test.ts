import { IR113 } from '../../lib/rules/ir/IR113';
import { ruleTable } from '../support/rule-table';

const responses = (...strategies: unknown[]) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'HTTP', integrationResponses: strategies.map((ContentHandlingStrategy) => ({ IntegrationResponseKey: '$default', ContentHandlingStrategy })) }],
});

ruleTable(IR113, {
  fires: [
    { name: 'CONVERT_TO_BINARY on a response', api: responses('CONVERT_TO_BINARY'), expect: [{ at: 'ir1', path: 'ContentHandlingStrategy', message: '"CONVERT_TO_BINARY"' }] },
    { name: 'only the binary one of several', api: responses('CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'), expect: [{ at: 'ir2', path: 'ContentHandlingStrategy' }] },
  ],
  quiet: [
    { name: 'CONVERT_TO_TEXT, as the docs advise', api: responses('CONVERT_TO_TEXT') },
    { name: 'unset, null and values outside the enum (IR003)', api: responses(undefined, null, 'convert_to_binary', 1) },
    {
      name: 'CONVERT_TO_BINARY on the integration (the documented request-side use)',
      api: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'HTTP', ContentHandlingStrategy: 'CONVERT_TO_BINARY', integrationResponses: [{ IntegrationResponseKey: '$default', ContentHandlingStrategy: 'CONVERT_TO_TEXT' }] }] },
    },
  ],
});
