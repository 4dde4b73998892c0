// Bundles the CLI so `apigw-audit` needs no TypeScript at run time and starts fast: the entry
// (dist/cli/cli.cjs) holds only the command list, and each command is a bundle of its own
// (dist/cli/COMMAND-command.cjs) that the entry requires when that command runs
// (lib/cli/command-list.ts), so `rules` never parses the AWS SDK or the IaC readers. CommonJS,
// not ES modules: Node's ES module loader alone costs more start-up than the whole entry. The
// source map is a separate file beside each bundle: an inline one made every start read
// megabytes of comment. The Lambda is bundled separately by serverless-esbuild.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';

const OUT = 'dist/cli';
const COMMAND_MODULE = /^\.\/([a-z]+-command)$/;
rmSync(OUT, { recursive: true, force: true });

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  outExtension: { '.js': '.cjs' },
  sourcemap: 'linked',
  logLevel: 'warning',
};

const commands = readdirSync('lib/cli').filter((file) => file.endsWith('-command.ts')).map((file) => `lib/cli/${file}`);

// The commands: hcl2json reads its WebAssembly parser from its own package folder at run time,
// so it stays a package (the one runtime dependency).
await build({ ...common, entryPoints: commands, outdir: OUT, external: ['@cdktf/hcl2json'] });

// The entry: the command list's import('./X-command') loads the bundle built above.
await build({
  ...common,
  entryPoints: { cli: 'lib/cli.ts' },
  outdir: OUT,
  // import() becomes require(): import() of even a CommonJS file starts the ES module loader.
  supported: { 'dynamic-import': false },
  plugins: [
    {
      name: 'command-bundles',
      setup(build) {
        build.onResolve({ filter: COMMAND_MODULE }, ({ path }) => ({ path: `./${COMMAND_MODULE.exec(path)[1]}.cjs`, external: true }));
      },
    },
  ],
});
