// TypeScript of lib/ for the resolvers and local plugins serverless.yml loads, which the
// Framework runs as plain CommonJS with require(): esbuild (already the project's bundler)
// bundles the given exports into a temporary CommonJS file, which is loaded and removed. So
// packaging runs the function's own checks, offline, with no second copy of them in a .cjs
// file and no TypeScript runtime (ts-node) to install.
const { build } = require('esbuild');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const SERVICE_DIR = join(__dirname, '..');

/** The exports of `contents`, a TypeScript module whose imports are relative to the service directory. */
async function loadTypeScript(contents) {
  const dir = mkdtempSync(join(tmpdir(), 'apigw-audit-stack-'));
  try {
    const outfile = join(dir, 'bundle.cjs');
    await build({
      stdin: { contents, resolveDir: SERVICE_DIR, loader: 'ts' },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      mainFields: ['module', 'main'],
      outfile,
      logLevel: 'error',
    });
    return require(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { loadTypeScript, SERVICE_DIR };
