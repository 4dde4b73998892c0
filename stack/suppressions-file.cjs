// Resolved by serverless.yml (`custom.deployedSuppressionsFile`) when the stack is packaged: the
// user's suppression file (param `suppressionsFile`, YAML or JSON) is checked with the same
// validation the function runs at cold start, so a bad entry fails `npm run package` (naming
// the entry) instead of the first deployed run, and written as JSON to DEPLOYED, the file the
// function ships with and reads: its bundle then needs no YAML parser. Returns DEPLOYED's path.
// The conversion is TypeScript (lib/suppressions/write-deployed-suppressions.ts), loaded with the
// rule registry it checks rule names against by stack/bundled-typescript.cjs.
// Plain CommonJS because the Framework loads it with require().
const { join, resolve } = require('node:path');
const { loadTypeScript, SERVICE_DIR } = require('./bundled-typescript.cjs');

// Inside the service directory, where the Framework takes the function's package patterns
// from; generated, so under the git-ignored dist/. "/" as in the zip, whatever system packaged it.
const DEPLOYED = 'dist/suppressions.json';

module.exports = async ({ resolveVariable }) => {
  const source = resolve(SERVICE_DIR, String(await resolveVariable('param:suppressionsFile')));
  try {
    const { writeDeployedSuppressions, RULES } = await loadTypeScript(
      "export { writeDeployedSuppressions } from './lib/suppressions/write-deployed-suppressions'; export { RULES } from './lib/rules';",
    );
    await writeDeployedSuppressions(source, join(SERVICE_DIR, DEPLOYED), RULES.map((rule) => rule.meta));
  } catch (error) {
    // A ConfigError names the file and every bad entry. The Framework prints the stack, whose
    // frames point into the temporary bundle: only the message helps the reader.
    if (error instanceof Error && error.name === 'ConfigError') error.stack = `${error.name}: ${error.message}`;
    throw error;
  }
  return DEPLOYED;
};
