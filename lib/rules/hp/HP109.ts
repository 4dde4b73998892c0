import { defineRule } from '../define-rule';
import { isConfigured, show } from '../values';

export const HP109 = defineRule({
  meta: {
    id: 'HP109',
    name: 'http-cors-header-expectation',
    kind: 'heuristic',
    severity: 'info',
    title: 'API has a CorsConfiguration, so CORS headers from the backend are ignored',
    rationale:
      '"If you configure CORS for an API, API Gateway ignores CORS headers returned from your backend integration", and access-control-* headers cannot be mapped either; backends that still send them give a false sense of control. Off by default: it fires on every API with CORS configured, since whether the backend sends such headers cannot be seen in the configuration, and most of its findings on the real-world corpus were noise (its measured precision is in its rule page); a mapping of access-control-* headers is HP004\'s certain finding.',
    enabledByDefault: false,
    remediation: 'Configure CORS only in the API\'s CorsConfiguration, and stop emitting Access-Control-* headers from the backend.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html',
    examples: {
      fires: { ProtocolType: 'HTTP', CorsConfiguration: { AllowOrigins: ['https://example.com'] } },
      quiet: { ProtocolType: 'HTTP' },
    },
  },
  check: {
    // An empty `{}` (what IaC tools write for "none") configures nothing, so it is not reported.
    api: ({ api }) =>
      isConfigured(api.CorsConfiguration)
        ? [
            {
              path: 'CorsConfiguration',
              message: `CorsConfiguration is set (${show(api.CorsConfiguration)}), so API Gateway ignores any Access-Control-* headers the backend integrations return.`,
            },
          ]
        : [],
  },
});
