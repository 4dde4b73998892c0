// Bundles the CLI into one CommonJS file so `apigw-audit` starts fast and needs no TypeScript
// at run time. The Lambda is bundled separately by serverless-esbuild.
import { build } from 'esbuild';

await build({
  entryPoints: ['lib/cli.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  // hcl2json reads its WebAssembly parser from its own package folder at run time.
  external: ['@cdktf/hcl2json'],
  sourcemap: 'inline',
  logLevel: 'warning',
});
