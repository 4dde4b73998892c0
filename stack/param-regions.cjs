// The regions of the `regions` param (comma-separated), for the resolvers that grant a
// permission in each audited region. Plain CommonJS because the Framework loads them with require().

// The shape of a region name, as lib/config/lambda-settings.ts checks it at cold start (a test
// keeps the two equal): checked here too, so `regions=*` or a typo fails the packaging instead
// of granting every region or none.
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

async function paramRegions(resolveVariable) {
  const regions = String(await resolveVariable('param:regions'))
    .split(',')
    .map((region) => region.trim())
    .filter((region) => region !== '');
  if (regions.length === 0) throw new Error('param regions: name at least one region, e.g. --param="regions=eu-west-1,us-east-1"');
  const bad = regions.filter((region) => !REGION_PATTERN.test(region));
  if (bad.length > 0) {
    throw new Error(`param regions: ${bad.map((region) => JSON.stringify(region)).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not a region name; list regions like "eu-west-1,us-east-1" (no wildcards)`);
  }
  return regions;
}

module.exports = paramRegions;
module.exports.REGION_PATTERN = REGION_PATTERN;
