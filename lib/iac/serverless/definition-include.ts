import { isPlainObject } from '../../rules/values';
import { setOwn } from '../../model/set-own';

/** `${file(./api.json)}` as a whole value: a JSON or YAML file, no address inside it, no variable in its path. */
const WHOLE_FILE = /^\$\{file\(\s*([^()${}:\s]+\.(?:json|ya?ml))\s*\)\}$/;

/**
 * An HTTP API's OpenAPI definition included with `Body: ${file(./api.json)}`: the framework reads
 * the file (relative to serverless.yml) into the template, as CloudFormation's `AWS::Include`
 * transform would, so it is handed to the template reader as that transform, which reads local
 * definition files and locates findings in them. Any other use of `${file(...)}` stays an
 * unresolved value (or, where the service's structure is expected, configuration not read).
 */
export function withDefinitionIncludes(resources: Record<string, unknown>): Record<string, unknown> {
  const included: Record<string, unknown> = { ...resources };
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isPlainObject(resource) || resource['Type'] !== 'AWS::ApiGatewayV2::Api' || !isPlainObject(resource['Properties'])) continue;
    const body = resource['Properties']['Body'];
    const location = typeof body === 'string' ? WHOLE_FILE.exec(body)?.[1] : undefined;
    if (location === undefined) continue;
    const Body = { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: location } } };
    setOwn(included, logicalId, { ...resource, Properties: { ...resource['Properties'], Body } });
  }
  return included;
}
