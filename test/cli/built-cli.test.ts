import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSnapshotFile } from '../../lib/model/load-snapshot';
import { startFakeApiGateway } from '../support/fake-aws';

/**
 * The built CLI (dist/cli, as `npm ci` and `npm pack` build it) in a process of its own, the
 * way users run it: a live audit loads the AWS SDK, which on Node 20 would warn that its
 * releases after early 2027 need Node 22. The CLI supports Node 20, so users never see it.
 */
const BIN = 'bin/apigw-audit.cjs';

function runBuilt(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('a live audit prints no SDK Node version warning', async () => {
  expect(existsSync('dist/cli/cli.cjs')).toBe(true);
  const fake = await startFakeApiGateway((await loadSnapshotFile('examples/demo-account.json')).snapshot);
  try {
    const { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: _silenced, ...env } = process.env;
    const run = await runBuilt(['audit', '--region', 'eu-west-1', '--fail-on', 'none'], { ...env, AWS_ENDPOINT_URL_APIGATEWAYV2: fake.url });
    expect(run.stderr).not.toMatch(/NodeVersionSupportWarning|Warning/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('in 3 APIs');
  } finally {
    await fake.close();
  }
});

describe('the build (scripts/build.mjs)', () => {
  const bundles = readdirSync('dist/cli').filter((file) => file.endsWith('.cjs'));

  test('the entry holds only the command list: every command is a bundle of its own, loaded when it runs', () => {
    expect(bundles.sort()).toEqual(['audit-command.cjs', 'cli.cjs', 'rules-command.cjs', 'scan-command.cjs', 'snapshot-command.cjs']);
    const entry = readFileSync('dist/cli/cli.cjs', 'utf8');
    expect(entry.length).toBeLessThan(20_000);
    expect(entry).not.toContain('createRegistry');
    for (const command of ['audit', 'scan', 'snapshot', 'rules']) expect(entry).toContain(`require("./${command}-command.cjs")`);
  });

  test('no inline source map: each bundle links a map file beside it', () => {
    for (const bundle of bundles) {
      const text = readFileSync(join('dist/cli', bundle), 'utf8');
      expect([bundle, text.includes('sourceMappingURL=data:')]).toEqual([bundle, false]);
      expect(text.trimEnd().endsWith(`//# sourceMappingURL=${bundle}.map`)).toBe(true);
    }
  });
});
