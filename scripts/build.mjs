// Bundles the CLI so `apigw-audit` needs no TypeScript at run time and starts fast: ES modules
// with code splitting, so each command's code (and the AWS SDK, the IaC readers) is a chunk
// loaded when that command runs (lib/cli/command-list.ts). The source map is a separate file
// beside each chunk: an inline one made every start read megabytes of comment.
// The Lambda is bundled separately by serverless-esbuild.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const OUT = 'dist/cli';
rmSync(OUT, { recursive: true, force: true });

await build({
  entryPoints: { cli: 'lib/cli.ts' },
  outdir: OUT,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  // hcl2json reads its WebAssembly parser from its own package folder at run time: the one
  // runtime dependency of the package.
  external: ['@cdktf/hcl2json'],
  // CommonJS code inside the bundle calls require() for Node's own modules, which an ES
  // module does not have.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
});
