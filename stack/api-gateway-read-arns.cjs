// Resolved by serverless.yml (`${file(./stack/api-gateway-read-arns.cjs)}`) when the stack is
// packaged: the resources apigateway:GET is allowed on, for each region in the `regions` param.
// `/apis` is GetApis; `/apis/*` is everything below an API (integrations, their responses,
// routes, route responses). API Gateway V2 ARNs carry no account id (ARN reference:
// https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html).
// Plain CommonJS because the Framework loads it with require().
const paramRegions = require('./param-regions.cjs');

module.exports = async ({ resolveVariable }) =>
  (await paramRegions(resolveVariable)).flatMap((region) => [
    { 'Fn::Sub': `arn:\${AWS::Partition}:apigateway:${region}::/apis` },
    { 'Fn::Sub': `arn:\${AWS::Partition}:apigateway:${region}::/apis/*` },
  ]);
