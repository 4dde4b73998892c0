import { findTargets } from '../../lib/iac/detect';
import { FIXTURES, scanAll } from './scan-support';

describe('what a scan reads', () => {
  test('a folder: templates, plans and Terraform roots; local modules only through their caller; only *.template.json in cdk.out', async () => {
    const { targets, errors } = await findTargets([FIXTURES]);
    expect(errors).toEqual([]);
    const paths = targets.map((target) => `${target.kind} ${target.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        `cloudformation ${FIXTURES}/cdk/cdk.out/CatalogStack.template.json`,
        `cloudformation ${FIXTURES}/cloudformation/websocket-chat.yaml`,
        `terraform-plan ${FIXTURES}/terraform/plan/mock-echo-mistakes.plan.json`,
        `terraform ${FIXTURES}/terraform/websocket-sqs`,
        `snapshot ${FIXTURES}/equivalent/websocket-sqs-mistakes.snapshot.json`,
      ]),
    );
    expect(paths.filter((path) => path.includes('modules/websocket-queue') || path.includes('asset.') || path.includes('manifest.json') || path.includes('/results/'))).toEqual([]);
  });

  test('a .tf file stands for its folder; a file named twice is read once', async () => {
    const { targets } = await findTargets([`${FIXTURES}/terraform/websocket-sqs/main.tf`, `${FIXTURES}/cloudformation/websocket-chat.yaml`, `${FIXTURES}/cloudformation/websocket-chat.yaml`]);
    expect(targets.map((target) => target.path)).toEqual([`${FIXTURES}/cloudformation/websocket-chat.yaml`, `${FIXTURES}/terraform/websocket-sqs`]);
  });

  test('a named file that is no template, and a path that does not exist, are errors', async () => {
    const { errors } = await findTargets(['package.json', 'no/such/file.yaml']);
    expect(errors.map((error) => error.message)).toEqual(['package.json: not a CloudFormation/SAM template, a Terraform plan in JSON or a snapshot', 'no/such/file.yaml: no such file or folder']);
  });
});

describe('malformed files: a clear error naming the file, and the other files are still scanned', () => {
  test.each([
    ['bad YAML', `${FIXTURES}/malformed/bad-yaml.yaml`, /^test\/fixtures\/iac\/malformed\/bad-yaml\.yaml:\d+:\d+: not valid YAML or JSON/],
    ['an unknown tag', `${FIXTURES}/malformed/unknown-tag.yaml`, /^test\/fixtures\/iac\/malformed\/unknown-tag\.yaml:13:14: unknown tag !GetAttr \(did you mean !GetAtt\?\); CloudFormation's short forms are !Ref, /],
    ['a reference cycle (CloudFormation)', `${FIXTURES}/malformed/reference-cycle.yaml`, /reference-cycle\.yaml:11:3: reference cycle between resources: Route -> Integration -> Route/],
    ['a reference cycle (Terraform)', `${FIXTURES}/malformed/terraform-cycle`, /terraform-cycle\/main\.tf:\d+:3: reference cycle: local\.key -> local\.fallback -> local\.key/],
    ['a missing file in file()', `${FIXTURES}/malformed/terraform-missing-file`, /terraform-missing-file\/main\.tf:11:3: file "\.\/templates\/does-not-exist\.vtl" cannot be read: no such file or folder \(ENOENT\); Terraform resolves it from /],
  ])('%s', async (_name, path, message) => {
    const result = await scanAll(path, `${FIXTURES}/cloudformation/mock-default-route-mistakes.yaml`);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ source: 'loader', file: expect.stringContaining(path) });
    expect(result.errors[0]!.message).toMatch(message);
    expect(result.summary.complete).toBe(false);
    expect(result.findings.some((finding) => finding.location?.file.endsWith('mock-default-route-mistakes.yaml'))).toBe(true);
  });
});
