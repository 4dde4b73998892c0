import { defineRule } from '../define-rule';
import { regexBody } from '../selectors';
import { show } from '../values';
import { matchesStatusCodes, readStatusKey } from './status-keys';

export const IR101 = defineRule({
  meta: {
    id: 'IR101',
    name: 'ir-key-unreachable-status',
    kind: 'heuristic',
    severity: 'medium',
    title: 'HTTP or MOCK integration response key matches no status code from 100 to 599',
    rationale:
      'For HTTP and MOCK integrations API Gateway matches the key against the status code of the backend response; a pattern that can match no 3-digit code never selects its response. Whether the match is anchored is unsourced, so a pattern that only matches part of a code is reported at info.',
    remediation: 'Fix the pattern so it matches the status codes it is meant for, e.g. /4\\d\\d/, or use $default.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-integration-responses.html',
    examples: {
      fires: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '/2xx/' }] }] },
      quiet: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '/2\\d\\d/' }] }] },
    },
  },
  check: {
    integrationResponse: ({ integration, response }) => {
      const key = response.IntegrationResponseKey;
      const body = regexBody(key);
      if (body === undefined || !matchesStatusCodes(integration)) return [];
      const reading = readStatusKey(body);
      if (reading === undefined || reading.firstCode !== undefined) return [];
      const partly = reading.partialMatch === undefined ? '' : `; it matches only part of ${show(reading.partialMatch)}, which counts only if API Gateway searches rather than matches the whole code (unsourced)`;
      const java = reading.javaOnly === undefined ? '' : ` (read as a JavaScript pattern, but it uses the Java-only ${reading.javaOnly}, so the verdict is unsure)`;
      return [
        {
          path: 'IntegrationResponseKey',
          message: `Key ${show(key)} of the ${String(integration.IntegrationType)} integration fully matches no status code from 100 to 599${partly}${java}.`,
          // 8.D.5: where the JavaScript reading may not be API Gateway's, say so at info.
          ...(reading.partialMatch !== undefined || reading.javaOnly !== undefined ? { severity: 'info' as const } : {}),
        },
      ];
    },
  },
});
