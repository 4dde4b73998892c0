// Resolved by serverless.yml (`${file(./stack/on-change.cjs)}`) when the stack is packaged: param
// onChange as the boolean the change queue's event source mapping takes (`enabled`). Anything
// but "true" or "false" fails the packaging, instead of quietly turning change audits on or off.
// Plain CommonJS because the Framework loads it with require().
module.exports = async ({ resolveVariable }) => {
  const value = String(await resolveVariable('param:onChange'));
  if (value !== 'true' && value !== 'false') throw new Error(`param onChange: must be "true" or "false"; got ${JSON.stringify(value)}`);
  return value === 'true';
};
