// Resolved by serverless.yml (`${file(./stack/api-gateway-read-arns.cjs)}`) when the stack is
// packaged: the resources apigateway:GET is allowed on, for each region in the `regions` param.
// Only what the walk reads: `/apis` is GetApis, `/apis/*/integrations*` GetIntegrations and
// GetIntegrationResponses, `/apis/*/routes*` GetRoutes and GetRouteResponses. Not `/apis/*`,
// which would also read stages (their stage variables), authorizers, models and exports.
// API Gateway V2 ARNs carry no account id (ARN reference:
// https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html).
// Plain CommonJS because the Framework loads it with require().

// The shape of a region name, as lib/config/lambda-settings.ts checks it at cold start (a test
// keeps the two equal): checked here too, so `regions=*` or a typo fails the packaging instead
// of granting every region or none.
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

async function apiGatewayReadArns({ resolveVariable }) {
  const regions = String(await resolveVariable('param:regions'))
    .split(',')
    .map((region) => region.trim())
    .filter((region) => region !== '');
  if (regions.length === 0) throw new Error('param regions: name at least one region, e.g. --param="regions=eu-west-1,us-east-1"');
  const bad = regions.filter((region) => !REGION_PATTERN.test(region));
  if (bad.length > 0) {
    throw new Error(`param regions: ${bad.map((region) => JSON.stringify(region)).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not a region name; list regions like "eu-west-1,us-east-1" (no wildcards)`);
  }
  return regions.flatMap((region) =>
    ['/apis', '/apis/*/integrations*', '/apis/*/routes*'].map((resource) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:apigateway:${region}::${resource}` })),
  );
}

module.exports = apiGatewayReadArns;
module.exports.REGION_PATTERN = REGION_PATTERN;
