import { IR103 } from '../../lib/rules/ir/IR103';
import { ruleTable } from '../support/rule-table';

const withKeys = (IntegrationType: string, ...keys: unknown[]) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType, integrationResponses: keys.map((IntegrationResponseKey) => ({ IntegrationResponseKey })) }],
});

ruleTable(IR103, {
  fires: [
    {
      name: 'a range and a code inside it',
      api: withKeys('HTTP', '/4\\d\\d/', '/404/'),
      expect: [{ at: 'ir2', path: 'IntegrationResponseKey', message: 'overlaps key "/4\\\\d\\\\d/" (both fully match status code 404)' }],
    },
    { name: 'two spellings of the same range on MOCK', api: withKeys('MOCK', '/2\\d\\d/', '/20[0-9]/'), expect: [{ at: 'ir2', path: 'IntegrationResponseKey', message: 'status code 200' }] },
    {
      name: 'the same pattern once \\d and {2} are written out, on Lambda',
      api: withKeys('AWS', '/2\\d{2}/', '/2[0-9][0-9]/'),
      expect: [{ at: 'ir2', path: 'IntegrationResponseKey', message: 'the same pattern once' }],
    },
    { name: 'exact duplicate error patterns', api: withKeys('AWS', '/.*Error.*/', '$default', '/.*Error.*/'), expect: [{ at: 'ir3', path: 'IntegrationResponseKey', message: '"/.*Error.*/"' }] },
    {
      name: 'one finding per later key, naming every earlier overlap',
      api: withKeys('HTTP', '/4\\d\\d/', '/5\\d\\d/', '/[45]00/'),
      expect: [{ at: 'ir3', path: 'IntegrationResponseKey', message: 'and 1 more' }],
    },
    {
      name: 'the first and last codes and a word boundary of the code set',
      api: withKeys('HTTP', '/1[0-9][0-9]/', '/131/', '/5\\d\\d/', '/599/', '/100/'),
      expect: [
        { at: 'ir2', path: 'IntegrationResponseKey', message: 'status code 131' },
        { at: 'ir4', path: 'IntegrationResponseKey', message: 'status code 599' },
        { at: 'ir5', path: 'IntegrationResponseKey', message: 'status code 100' },
      ],
    },
    { name: 'three overlapping keys', api: withKeys('HTTP', '/.+/', '/2\\d\\d/', '/200/'), expect: [{ at: 'ir2', path: 'IntegrationResponseKey' }, { at: 'ir3', path: 'IntegrationResponseKey' }] },
  ],
  quiet: [
    { name: 'disjoint status ranges', api: withKeys('HTTP', '/2\\d\\d/', '/4\\d\\d/', '/5\\d\\d/') },
    { name: '$default with a regex key', api: withKeys('HTTP', '$default', '/.*/') },
    { name: 'different error patterns on Lambda (no status codes to compare)', api: withKeys('AWS', '/.*NotFound.*/', '/.*Invalid.*/', '/2\\d\\d/', '/20\\d/') },
    { name: 'a key JavaScript cannot compile', api: withKeys('HTTP', '/(2\\d\\d/', '/200/') },
    { name: 'two keys that match no status code', api: withKeys('HTTP', '/abc/', '/xyz/') },
    { name: 'a single key', api: withKeys('HTTP', '/4\\d\\d/') },
    { name: 'keys of odd types', api: withKeys('HTTP', 404, '/404/', null) },
  ],
});
