import { defineRule } from '../define-rule';
import { isLambdaAws, regexBody } from '../selectors';
import { show } from '../values';

/** A body that starts like a status code: `200`, `2\d\d`, `^4\d{2}`, `(5..)`. */
const STATUS_LIKE = /^\^?\(?[1-5]/;

const lambdaUri = 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:Orders/invocations';

export const IR102 = defineRule({
  meta: {
    id: 'IR102',
    name: 'ir-status-key-on-lambda',
    kind: 'heuristic',
    severity: 'medium',
    title: 'Lambda integration response key looks like a status code, but Lambda keys match the error message',
    rationale:
      'For Lambda (AWS) integrations the key is matched against $integration.response.body.errorMessage, not a status code: a key such as /2\\d\\d/ matches only error messages that contain such digits, and successful responses, which have no errorMessage, fall to $default.',
    remediation: 'Use $default for successful responses and error-message patterns (e.g. /.*NotFound.*/) for errors.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-data-transformations.html',
    examples: {
      fires: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'AWS', IntegrationUri: lambdaUri, integrationResponses: [{ IntegrationResponseKey: '/2\\d\\d/' }] }] },
      quiet: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'AWS', IntegrationUri: lambdaUri, integrationResponses: [{ IntegrationResponseKey: '/.*NotFound.*/' }] }] },
    },
  },
  check: {
    integrationResponse: ({ integration, response }) => {
      const key = response.IntegrationResponseKey;
      const body = regexBody(key);
      if (body === undefined || !STATUS_LIKE.test(body) || !isLambdaAws(integration)) return [];
      return [
        {
          path: 'IntegrationResponseKey',
          message: `Key ${show(key)} starts like a status code, but this integration calls Lambda, whose responses are matched on errorMessage, so successful responses never match it.`,
        },
      ];
    },
  },
});
