import { defineRule } from '../define-rule';
import { isHttpApi, isNonProxy } from '../selectors';
import { show } from '../values';

export const HP009 = defineRule({
  meta: {
    id: 'HP009',
    name: 'http-api-non-proxy-integration',
    kind: 'certain',
    severity: 'high',
    title: 'HTTP API has a non-proxy (AWS, HTTP or MOCK) integration',
    rationale:
      'The API refuses it: "Currently, an API with a protocol type of HTTP may only be associated with proxy integrations (AWS_PROXY, HTTP_PROXY)". Seeing one indicates a data or model problem.',
    remediation: 'Check where the snapshot came from; an HTTP API integration must be AWS_PROXY or HTTP_PROXY.',
    source: 'https://github.com/aws/aws-cli/issues/6363',
    examples: {
      fires: { ProtocolType: 'HTTP', integrations: [{ IntegrationType: 'MOCK' }] },
      quiet: { ProtocolType: 'HTTP', integrations: [{ IntegrationType: 'HTTP_PROXY' }] },
    },
  },
  check: {
    integration: ({ api, integration }) =>
      isHttpApi(api) && isNonProxy(integration)
        ? [{ path: 'IntegrationType', message: `HTTP API integration has IntegrationType ${show(integration.IntegrationType)}; HTTP APIs accept only AWS_PROXY and HTTP_PROXY.` }]
        : [],
  },
});
