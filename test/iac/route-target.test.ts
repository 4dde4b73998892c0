import { FIXTURES, scanAll } from './scan-support';

describe('a route Target that names no integration (RR006) in Terraform', () => {
  test('an extra closing brace after the interpolation is found at the route, and the correct route stays quiet', async () => {
    const dir = `${FIXTURES}/terraform/route-target-typo`;
    const result = await scanAll(dir);
    expect(result.errors).toEqual([]);
    const targets = result.findings.filter((finding) => finding.ruleId === 'RR006');
    expect(targets.map((f) => `${f.resource.logicalId} ${f.path} ${f.location?.line}`)).toEqual(['aws_apigatewayv2_route.send Target 20']);
    expect(targets[0]!.message).toContain('not of the form integrations/{integration-id}');
  });
});
