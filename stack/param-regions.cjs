// The regions of the `regions` param (comma-separated), for the resolvers that grant a
// permission in each audited region. Plain CommonJS because the Framework loads them with require().
module.exports = async (resolveVariable) =>
  String(await resolveVariable('param:regions'))
    .split(',')
    .map((region) => region.trim())
    .filter((region) => region !== '');
