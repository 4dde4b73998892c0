import { defineRule } from '../define-rule';
import type { SnapshotIntegrationResponse } from '../../model/snapshot';
import { isNonProxy, isTwoWay, regexBody } from '../selectors';
import { show, text } from '../values';
import { mockStatusCodes } from './mock-status-codes';
import { showList } from './show-list';
import { compileJsRegex, javaOnlySyntax } from './java-regex';
import { matchesStatusCode, readStatusKey, STATUS_CODES } from './status-keys';

export const IR013 = defineRule({
  meta: {
    id: 'IR013',
    name: 'nonproxy-missing-default-ir',
    kind: 'heuristic',
    severity: 'high',
    title: 'Non-proxy integration on a two-way route has integration responses but no $default',
    rationale:
      'A reply that matches no integration response key fails with "No match for output mapping and no default output mapping configured"; AWS says one response should "ideally" be the $default catch-all. For Lambda (AWS) integrations keys are matched against errorMessage, which a successful reply does not have, so only $default catches it; other AWS services (DynamoDB, SQS, SNS) answer errors with 4xx/5xx statuses that /200/-style keys miss (AWS: high, as the URI often cannot tell Lambda from another service). For HTTP the backend\'s statuses decide (medium). A heuristic, not certain: whether a reply can miss depends on a backend the configuration does not show. A MOCK integration shows it: when its request templates set only literal status codes, the rule fires only if one of them matches no key.',
    remediation: 'Add a $default integration response as the catch-all.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-selection-expressions.html',
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '/2\\d\\d/' }] }],
        routes: [{ RouteKey: 'order', Target: 'integrations/i1', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '/2\\d\\d/' }, { IntegrationResponseKey: '$default' }] }],
        routes: [{ RouteKey: 'order', Target: 'integrations/i1', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }],
      },
    },
  },
  check: {
    integration: ({ index, integration, routes }) => {
      const responses = integration.integrationResponses;
      const twoWay = routes.find(isTwoWay);
      if (!isNonProxy(integration) || responses.length === 0 || twoWay === undefined || index.defaultResponseOf(integration) !== undefined) return [];
      // Keys that catch every reply (/.*/ and the like) leave no reply to miss; IR104 reports them.
      if (catchesEveryReply(integration.IntegrationType, responses)) return [];
      const keys = showList(responses.map((response) => response.IntegrationResponseKey));
      const mockCodes = mockStatusCodes(integration);
      let unmatched: string;
      if (mockCodes !== undefined) {
        const missed = mockCodes.filter((code) => !responses.some((response) => keyMatches(response, code)));
        // The MOCK can only answer with statuses its keys match: no reply can miss.
        if (missed.length === 0) return [];
        unmatched = `its request templates set statusCode ${showList(missed)}, which none of them matches, so that reply`;
      } else {
        // Not told apart by the URI, which a scan often cannot resolve: either way a reply can miss.
        unmatched =
          integration.IntegrationType === 'AWS'
            ? 'a reply that matches none of them (a successful Lambda reply has no errorMessage for the keys to match; another AWS service answers errors with 4xx/5xx statuses)'
            : 'a reply that matches none of them';
      }
      return [
        {
          path: 'integrationResponses',
          message: `The ${String(integration.IntegrationType)} integration's responses (${keys}) include no $default, and ${unmatched} fails on two-way route ${show(twoWay.RouteKey)}.`,
          severity: integration.IntegrationType === 'AWS' ? 'high' : 'medium',
        },
      ];
    },
  },
});

/** Whether a `/regex/` key matches a status code in full, as JavaScript reads it the same as Java. */
function keyMatches(response: SnapshotIntegrationResponse, code: string): boolean {
  const body = regexBody(text(response.IntegrationResponseKey));
  const reading = body === undefined ? undefined : readStatusKey(body);
  return reading !== undefined && reading.javaOnly === undefined && matchesStatusCode(reading, code);
}

/**
 * Whether the keys together match whatever the integration replies: for HTTP and MOCK every
 * status code; for AWS, whose keys are matched on errorMessage, a reply without one (a key
 * that matches the empty string).
 */
function catchesEveryReply(type: unknown, responses: readonly SnapshotIntegrationResponse[]): boolean {
  if (type === 'AWS') {
    return responses.some((response) => {
      const body = regexBody(text(response.IntegrationResponseKey));
      return body !== undefined && compileJsRegex(body) !== undefined && javaOnlySyntax(body) === undefined && new RegExp(`^(?:${body})$`).test('');
    });
  }
  return STATUS_CODES.every((code) => responses.some((response) => keyMatches(response, code)));
}
