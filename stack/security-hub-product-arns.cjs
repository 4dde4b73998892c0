// Resolved by serverless.yml (`${file(./stack/security-hub-product-arns.cjs)}`) when the stack is
// packaged: the default product of this account in each audited region, the only resource
// securityhub:BatchImportFindings is allowed on (a finding goes to the Security Hub of its own
// region). Plain CommonJS because the Framework loads it with require().
const paramRegions = require('./param-regions.cjs');

module.exports = async ({ resolveVariable }) =>
  (await paramRegions(resolveVariable)).map((region) => ({
    'Fn::Sub': `arn:\${AWS::Partition}:securityhub:${region}:\${AWS::AccountId}:product/\${AWS::AccountId}/default`,
  }));
