// Resolved by serverless.yml (`${file(./stack/suppressions-file.cjs)}`) when the stack is
// packaged: the path of the suppression file shipped with the function (param
// `suppressionsFile`), after checking it with the same parser the function runs at cold start,
// so a bad entry fails `npm run package` (naming the entry) instead of the first deployed run.
// The parser is TypeScript: esbuild bundles it (and the rule registry it checks rule names
// against) into a temporary CommonJS file that is loaded once and removed.
// Plain CommonJS because the Framework loads it with require().
const { build } = require('esbuild');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { isAbsolute, join, normalize, sep } = require('node:path');

const SERVICE_DIR = join(__dirname, '..');

module.exports = async ({ resolveVariable }) => {
  const file = normalize(String(await resolveVariable('param:suppressionsFile')));
  // The function finds the file by this relative path in its package, where the Framework puts
  // it only if it lies inside the service directory.
  if (isAbsolute(file) || file === '..' || file.startsWith(`..${sep}`)) {
    throw new Error(`suppressionsFile: "${file}" must be a path inside the service directory (${SERVICE_DIR})`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'apigw-audit-suppressions-'));
  try {
    const outfile = join(dir, 'check.cjs');
    await build({
      stdin: {
        contents: "export { loadSuppressionsFile } from './lib/state/load-suppressions-file'; export { RULES } from './lib/rules';",
        resolveDir: SERVICE_DIR,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      mainFields: ['module', 'main'],
      outfile,
      logLevel: 'error',
    });
    const { loadSuppressionsFile, RULES } = require(outfile);
    await loadSuppressionsFile(join(SERVICE_DIR, file), RULES.map((rule) => rule.meta));
  } catch (error) {
    // A ConfigError names the file and every bad entry. The Framework prints the stack, whose
    // frames point into the temporary bundle: only the message helps the reader.
    if (error instanceof Error && error.name === 'ConfigError') error.stack = `${error.name}: ${error.message}`;
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // The path inside the zip, which uses "/" whatever system packaged it.
  return file.split(sep).join('/');
};
