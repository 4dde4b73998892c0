// Regenerates test/fixtures/serverless-packaged/: for each Serverless Framework service of the
// real-world corpus (format "serverless" in test/fixtures/real-world/SOURCES.json), the template
// `serverless package` (the pinned serverless 3.40) writes, so a test can compare what the scan
// reads from serverless.yml directly with what it reads from the framework's own output, offline
// and without running the framework in CI.
//
//   node scripts/package-serverless-corpus.mjs [NAME...]
//
// With names, only those services are packaged (the others keep their templates: each run writes
// new S3 keys and code hashes, which are no change worth a diff).
//
// Each service is packaged from a temporary copy, offline, with fake credentials. The copy is
// edited only where serverless 3.40 could not package it here, never in the API Gateway parts:
// - `plugins:` is removed (they are not installed; the test says which plugins the direct read
//   reports as not read, and compares without them);
// - `frameworkVersion` is removed (some services pin v2, which 3.40 refuses to run);
// - `service: {name: X}` (the v1 form 3.40 refuses) becomes `service: X`;
// - variables whose sources need AWS or a plugin (`${ssm:...}`, `${aws:accountId}`, `${bref:...}`)
//   become placeholder text: they set environment values and layers, not API Gateway resources;
// - `${env:NAME}` without a fallback becomes placeholder text too (nothing is set in the
//   environment here); where it is an API Gateway value (a CORS origin), the direct read leaves it
//   unresolved, and the test accepts any packaged value for an unresolved one;
// - a placeholder file is added beside it: a copy holding only serverless.yml has no code to
//   package ("No file matches include / exclude patterns");
// - a provider without a region gets `region: us-east-1`, which `${self:provider.region}` needs.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const corpus = join(root, 'test/fixtures/real-world');
const out = join(root, 'test/fixtures/serverless-packaged');
const sls = join(root, 'node_modules/.bin/sls');

const sources = JSON.parse(readFileSync(join(corpus, 'SOURCES.json'), 'utf8'));
const only = new Set(process.argv.slice(2));
for (const name of only) if (sources[name]?.format !== 'serverless') throw new Error(`${name} is not a Serverless Framework service of the corpus`);
mkdirSync(out, { recursive: true });
for (const [name, source] of Object.entries(sources)) {
  if (source.format !== 'serverless' || (only.size > 0 && !only.has(name))) continue;
  const serviceFile = source.files.map((file) => file.file).find((file) => /(^|\/)serverless\.ya?ml$/.test(file));
  const work = mkdtempSync(join(tmpdir(), `sls-package-${name}-`));
  try {
    cpSync(join(corpus, name), work, { recursive: true });
    const servicePath = join(work, serviceFile);
    writeFileSync(servicePath, packageable(readFileSync(servicePath, 'utf8')));
    writeFileSync(join(dirname(servicePath), 'placeholder-handler.js'), 'module.exports = {};\n');
    execFileSync(sls, ['package', '--stage', 'dev', '--region', 'us-east-1'], {
      cwd: dirname(servicePath),
      stdio: ['ignore', 'inherit', 'inherit'],
      timeout: 120_000,
      env: {
        PATH: process.env.PATH,
        HOME: work,
        SLS_TELEMETRY_DISABLED: '1',
        SLS_NOTIFICATIONS_MODE: 'off',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_ACCESS_KEY_ID: 'AKIDPACKAGE',
        AWS_SECRET_ACCESS_KEY: 'package-offline',
        AWS_REGION: 'us-east-1',
        DEPLOYMENT_S3_BUCKET: 'deployment-bucket',
      },
    });
    const template = readFileSync(join(dirname(servicePath), '.serverless/cloudformation-template-update-stack.json'), 'utf8');
    writeFileSync(join(out, `${name}.json`), `${JSON.stringify(JSON.parse(template), null, 2)}\n`);
    console.log(`${name}: packaged`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The service file as serverless 3.40 packages it offline (see the list at the top). */
function packageable(text) {
  const lines = text.split('\n');
  const kept = [];
  let skipping = false;
  for (const line of lines) {
    if (/^(plugins|frameworkVersion)\s*:/.test(line)) {
      // A block key's items follow on indented lines; a flow value is on the line itself.
      skipping = true;
      continue;
    }
    if (skipping && (line.trim() === '' || /^[\s-]/.test(line) || line.trimStart().startsWith('#'))) continue;
    skipping = false;
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/^service:\s*\n\s+name:\s*(\S+)/m, 'service: $1')
    .replace(/\$\{bref:[^}]*\}/g, 'arn:aws:lambda:us-east-1:123456789012:layer:placeholder-bref:1')
    .replace(/\$\{(ssm|aws):[^}]*\}/g, 'placeholder-$1')
    .replace(/\$\{env:[^,}]*\}/g, 'placeholder-env')
    .replace(/^provider:\s*\n(?![\s\S]*^\s+region:)/m, 'provider:\n  region: us-east-1\n');
}
