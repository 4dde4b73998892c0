import { IR003 } from '../../lib/rules/ir/IR003';
import { ruleTable } from '../support/rule-table';

const ws = (...values: unknown[]) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'AWS', integrationResponses: values.map((ContentHandlingStrategy) => ({ IntegrationResponseKey: '$default', ContentHandlingStrategy })) }],
});

ruleTable(IR003, {
  fires: [
    { name: 'misspelt value', api: ws('CONVERT_TO_STRING'), expect: [{ at: 'ir1', path: 'ContentHandlingStrategy', message: '"CONVERT_TO_STRING"' }] },
    { name: 'lower case', api: ws('convert_to_text'), expect: [{ at: 'ir1', path: 'ContentHandlingStrategy', message: 'convert_to_text' }] },
    { name: 'REST-only PASSTHROUGH-style value', api: ws('PASSTHROUGH'), expect: [{ at: 'ir1', path: 'ContentHandlingStrategy' }] },
    { name: 'empty string', api: ws(''), expect: [{ at: 'ir1', path: 'ContentHandlingStrategy' }] },
    { name: 'a number', api: ws(1), expect: [{ at: 'ir1', path: 'ContentHandlingStrategy', message: '1' }] },
    { name: 'a list', api: ws(['CONVERT_TO_TEXT']), expect: [{ at: 'ir1', path: 'ContentHandlingStrategy' }] },
    {
      name: 'on any integration type',
      api: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'AWS_PROXY', integrationResponses: [{ IntegrationResponseKey: '$default', ContentHandlingStrategy: 'BINARY' }] }] },
      expect: [{ at: 'ir1', path: 'ContentHandlingStrategy' }],
    },
  ],
  quiet: [
    { name: 'both enum values', api: ws('CONVERT_TO_TEXT', 'CONVERT_TO_BINARY') },
    { name: 'unset', api: ws(undefined) },
    { name: 'null reads as unset', api: ws(null) },
  ],
});
