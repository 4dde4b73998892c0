import type { Snapshot, SnapshotApi, SnapshotIntegration, SnapshotRoute } from '../lib/model/snapshot';

/**
 * Deterministic synthetic accounts for the benchmarks: the same shape every run, with the mix
 * real configurations have (mostly clean, some mistakes, a share of VTL templates).
 */
export interface AccountShape {
  webSocketApis: number;
  integrationsPerApi: number;
  responsesPerIntegration: number;
  routesPerApi: number;
  httpApis: number;
  /** Share of integration responses that carry a VTL response template (0..1). */
  templateShare: number;
}

const TEMPLATES = [
  '{"id": "$input.path(\'$.id\')", "items": $input.json(\'$.items\')}\n',
  '#set($body = $util.parseJson($input.body))\n{\n#foreach($item in $body.items)\n  "$item.name": $item.count#if($foreach.hasNext),#end\n#end\n}',
  '{"connection": "$context.connectionId", "route": "$context.routeKey", "ok": true',
  '#if($input.path(\'$.error\'))\n{"error": "$util.escapeJavaScript($input.path(\'$.error\'))"}\n#else\n{"ok": true}\n#end',
  '{"message": "$input.path(\'$.message\')"}',
];

/** Mostly valid keys; one response in 50 has a bare (unslashed) status pattern, a real mistake. */
const KEYS = ['$default', '/4\\d\\d/', '/5\\d\\d/', '/.*Error.*/'];
const MALFORMED_KEY = '2\\d\\d';
/** Non-proxy integrations carry the responses; one in 25 is a proxy with leftover responses. */
const TYPES = ['AWS', 'HTTP', 'MOCK', 'AWS', 'HTTP', 'AWS', 'HTTP', 'MOCK', 'AWS', 'HTTP', 'AWS', 'HTTP', 'MOCK', 'AWS', 'HTTP', 'AWS', 'HTTP', 'MOCK', 'AWS', 'HTTP', 'AWS', 'HTTP', 'MOCK', 'AWS', 'AWS_PROXY'];

export function syntheticAccount(shape: AccountShape): Snapshot {
  let templates = 0;
  let responses = 0;
  const apis: SnapshotApi[] = [];
  for (let a = 0; a < shape.webSocketApis; a++) {
    const integrations: SnapshotIntegration[] = [];
    for (let i = 0; i < shape.integrationsPerApi; i++) {
      const type = TYPES[i % TYPES.length]!;
      integrations.push({
        IntegrationId: `int${i}`,
        IntegrationType: type,
        IntegrationUri: type === 'AWS' ? `arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:f${i}/invocations` : 'https://backend.example.com/ws',
        integrationResponses: Array.from({ length: shape.responsesPerIntegration }, (_, r) => {
          responses += 1;
          const withTemplate = templates < responses * shape.templateShare;
          if (withTemplate) templates += 1;
          return {
            IntegrationResponseId: `resp${i}x${r}`,
            IntegrationResponseKey: responses % 50 === 0 ? MALFORMED_KEY : KEYS[r % KEYS.length],
            ...(r % 3 === 0 ? { ContentHandlingStrategy: 'CONVERT_TO_TEXT' } : {}),
            ...(r % 4 === 1 ? { ResponseParameters: { 'method.response.header.X-Request-Id': 'integration.response.header.x-request-id', 'method.response.header.Cache-Control': "'no-store'" } } : {}),
            ...(withTemplate ? { TemplateSelectionExpression: '\\$default', ResponseTemplates: { $default: TEMPLATES[responses % TEMPLATES.length] } } : {}),
          };
        }),
      });
    }
    const routes: SnapshotRoute[] = Array.from({ length: shape.routesPerApi }, (_, r) => ({
      RouteId: `route${r}`,
      RouteKey: r === 0 ? '$connect' : r === 1 ? '$disconnect' : `action${r}`,
      Target: `integrations/int${r % shape.integrationsPerApi}`,
      ...(r % 2 === 0 ? { RouteResponseSelectionExpression: '$default' } : {}),
      routeResponses: r % 2 === 0 ? [{ RouteResponseId: `rr${r}`, RouteResponseKey: '$default' }] : [],
    }));
    apis.push({ ApiId: `ws${a}`, Name: `ws-api-${a}`, ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action', integrations, routes });
  }
  for (let h = 0; h < shape.httpApis; h++) {
    apis.push({
      ApiId: `http${h}`,
      Name: `http-api-${h}`,
      ProtocolType: 'HTTP',
      RouteSelectionExpression: '$request.method $request.path',
      integrations: [
        { IntegrationId: 'fn', IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0', integrationResponses: [] },
        { IntegrationId: 'legacy', IntegrationType: 'HTTP_PROXY', PayloadFormatVersion: '1.0', ResponseParameters: { '200': { 'overwrite:header.x-request-id': '$context.requestId' }, '404': { 'overwrite:statuscode': '410' } }, integrationResponses: [] },
      ],
      routes: [
        { RouteId: 'r1', RouteKey: 'GET /items', Target: 'integrations/fn', routeResponses: [] },
        { RouteId: 'r2', RouteKey: 'ANY /legacy/{proxy+}', Target: 'integrations/legacy', routeResponses: [] },
      ],
    });
  }
  return { version: 1, accountId: '123456789012', region: 'eu-west-1', apis };
}

export function countIntegrationResponses(snapshot: Snapshot): number {
  return snapshot.apis.reduce((sum, api) => sum + api.integrations.reduce((n, integration) => n + integration.integrationResponses.length, 0), 0);
}
