import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/**
 * action.yml, the GitHub Action: its structure as GitHub reads a composite action, every input
 * wired and documented, and its audit step run as the runner would run it (the built CLI, the
 * inputs as environment variables) on a template with findings.
 */
interface ActionStep {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const REPO = resolve(__dirname, '../..');
const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as Action;
const auditStep = action.runs.steps.find((step) => step.id === 'audit')!;

describe('action.yml', () => {
  test('is a composite action with a name, a description, inputs and outputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.name).toBe('apigw-audit');
    expect(action.description.length).toBeGreaterThan(20);
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'format', 'fail-on', 'config', 'suppressions', 'baseline', 'sarif-file']));
    for (const [name, input] of Object.entries(action.inputs)) expect([name, typeof input.description]).toEqual([name, 'string']);
  });

  test('sets up Node, and every run step names its shell (composite actions require it)', () => {
    expect(action.runs.steps[0]!.uses).toMatch(/^actions\/setup-node@v\d+$/);
    for (const step of action.runs.steps) {
      expect(step.uses !== undefined || step.run !== undefined).toBe(true);
      if (step.run !== undefined) expect(step.shell).toBe('bash');
    }
  });

  test('inputs reach scripts only through the environment, and every input is used', () => {
    const runText = action.runs.steps.map((step) => step.run ?? '').join('\n');
    expect(runText).not.toContain('${{');
    const used = JSON.stringify(action.runs.steps);
    for (const name of Object.keys(action.inputs)) expect(used).toContain(`inputs.${name} }}`);
    for (const [name, output] of Object.entries(action.outputs)) expect([name, output.value]).toEqual([name, `\${{ steps.audit.outputs.${name} }}`]);
  });

  test('the README documents the action and each of its inputs', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    expect(readme).toMatch(/uses: [\w-]+\/apigw-audit@/);
    for (const name of Object.keys(action.inputs)) expect([name, readme.includes(`\`${name}\``)]).toEqual([name, true]);
  });

  /** Runs the audit step as the runner would, in a workspace holding api.yaml, with these inputs over the defaults. */
  function runAuditStep(given: Record<string, string>) {
    expect(existsSync(join(REPO, 'dist/cli/cli.cjs'))).toBe(true);
    const workspace = mkdtempSync(join(tmpdir(), 'action-'));
    copyFileSync(join(REPO, 'test/fixtures/iac/cloudformation/mock-default-route-mistakes.yaml'), join(workspace, 'api.yaml'));
    const inputs: Record<string, string> = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? ''])), ...given };
    // The step's env, with each ${{ inputs.NAME }} as the runner substitutes it.
    const env = Object.fromEntries(Object.entries(auditStep.env!).map(([name, value]) => [name, value.replace(/^\$\{\{ inputs\.([\w-]+) \}\}$/, (_all, input: string) => inputs[input] ?? '')]));
    const output = join(workspace, 'github-output');
    const run = spawnSync('bash', ['-c', auditStep.run!], { cwd: workspace, encoding: 'utf8', env: { ...process.env, ...env, GITHUB_ACTION_PATH: REPO, GITHUB_OUTPUT: output } });
    return { run, workspace, output };
  }

  test('a bad input fails the step with exit 2 and the CLI\'s error once', () => {
    const { run, workspace, output } = runAuditStep({ paths: 'api.yaml', 'fail-on': 'hihg' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('apigw-audit scan: --fail-on must be one of critical, high, medium, low, info, none; got "hihg" (did you mean "high"?)\n');
    expect(readFileSync(output, 'utf8')).toBe('sarif-file=apigw-audit.sarif\nexit-code=2\n');
    rmSync(workspace, { recursive: true, force: true });
  });

  test('its audit step scans, prints the report, writes SARIF, sets the outputs and exits as the CLI does', () => {
    const { run, workspace, output } = runAuditStep({ paths: 'api.yaml\n' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^api\.yaml:46:9 +HIGH +IR004 /m);
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^exit 1: \d+ findings at or above high/);
    const sarif = JSON.parse(readFileSync(join(workspace, 'apigw-audit.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toContain('IR004');
    expect(readFileSync(output, 'utf8')).toBe('sarif-file=apigw-audit.sarif\nexit-code=1\n');
    rmSync(workspace, { recursive: true, force: true });
  });
});
