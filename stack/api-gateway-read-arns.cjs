// Resolved by serverless.yml (`${file(./stack/api-gateway-read-arns.cjs)}`) when the stack is
// packaged: the resources apigateway:GET is allowed on, for each region in the `regions` param.
// Only what the walk reads: `/apis` is GetApis, `/apis/*/integrations*` GetIntegrations and
// GetIntegrationResponses, `/apis/*/routes*` GetRoutes and GetRouteResponses. Not `/apis/*`,
// which would also read stages (their stage variables), authorizers, models and exports.
// API Gateway V2 ARNs carry no account id (ARN reference:
// https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html).
// Plain CommonJS because the Framework loads it with require().
const paramRegions = require('./param-regions.cjs');

module.exports = async ({ resolveVariable }) =>
  (await paramRegions(resolveVariable)).flatMap((region) =>
    ['/apis', '/apis/*/integrations*', '/apis/*/routes*'].map((resource) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:apigateway:${region}::${resource}` })),
  );
