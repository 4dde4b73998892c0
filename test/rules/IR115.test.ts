import { IR115 } from '../../lib/rules/ir/IR115';
import { ruleTable } from '../support/rule-table';

const integration = (IntegrationType: unknown, IntegrationResponseSelectionExpression: unknown) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType, IntegrationResponseSelectionExpression }],
});
const at = { at: 'i1', path: 'IntegrationResponseSelectionExpression' };

ruleTable(IR115, {
  fires: [
    { name: 'HTTP with a body field', api: integration('HTTP', '$integration.response.body.status'), expect: [{ ...at, message: 'for HTTP integrations the value is fixed at "$integration.response.statuscode"' }] },
    { name: 'MOCK with a braced form', api: integration('MOCK', '${integration.response.statuscode}'), expect: [at] },
    { name: 'AWS with the status code', api: integration('AWS', '$integration.response.statuscode'), expect: [{ ...at, message: '"$integration.response.body.errorMessage"' }] },
    { name: 'a value of an odd type', api: integration('HTTP', 200), expect: [{ ...at, message: 'is 200' }] },
  ],
  quiet: [
    { name: 'the fixed value for AWS', api: integration('AWS', '$integration.response.body.errorMessage') },
    { name: 'the fixed value for HTTP', api: integration('HTTP', '$integration.response.statuscode') },
    { name: 'the fixed value for MOCK', api: integration('MOCK', '$integration.response.statuscode') },
    { name: 'proxies accept any value', api: integration('AWS_PROXY', '$whatever') },
    { name: 'HTTP_PROXY', api: integration('HTTP_PROXY', '${request.body.x}') },
    { name: 'unset and null', api: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'HTTP' }, { IntegrationType: 'AWS', IntegrationResponseSelectionExpression: null }] } },
    { name: 'an unknown integration type', api: integration('LAMBDA', '$x') },
    { name: 'an integration type that names an Object property', api: integration('toString', '$x') },
  ],
});
