import type { Finding, FindingResource, SourceLocation } from '../model/finding';
import { fingerprintOf } from '../model/fingerprint';
import { parsePropertyPath, pathKey, type PropertyPath } from './property-path';

/** A line and column (from 1) in one file. */
export interface Position {
  line: number;
  column: number;
}

interface ResourceSource {
  file: string;
  logicalId: string;
  position: Position;
  /** Keyed by pathKey of the property's path in the snapshot's (SDK) field names. */
  properties: Map<string, Position>;
}

/**
 * Where each resource of a snapshot read from code is written, and where its properties are:
 * readers fill it as they convert (so the SDK path `ResponseParameters["403"]["overwrite:statuscode"]`
 * can point at the CloudFormation `Destination` it came from), and `locate` applies it to the
 * findings after evaluation. A finding points at its property when that is written, else at the
 * nearest written property above it, else at the resource.
 */
export class SourceMap {
  private readonly resources = new Map<string, ResourceSource>();

  /** Registers a resource under its snapshot id (a logical id or a Terraform address). */
  resource(id: string, file: string, logicalId: string, position: Position): void {
    this.resources.set(id, { file, logicalId, position, properties: new Map() });
  }

  property(id: string, path: PropertyPath, position: Position): void {
    this.resources.get(id)?.properties.set(pathKey(path), position);
  }

  /**
   * The finding with its location and logical id. Its fingerprint is scoped to the file: two
   * templates that both name an API `WebSocketApi` hold two different resources.
   */
  locate(finding: Finding): Finding {
    const source = this.resources.get(ownId(finding.resource));
    if (source === undefined) return finding;
    const location: SourceLocation = { file: source.file, ...this.positionOf(source, finding.path) };
    return {
      ...finding,
      resource: { ...finding.resource, logicalId: source.logicalId },
      fingerprint: fingerprintOf(finding.ruleId, `${source.file}#${finding.resource.arn}`, finding.path),
      location,
    };
  }

  private positionOf(source: ResourceSource, path: string): Position {
    const segments = parsePropertyPath(path) ?? [];
    for (let length = segments.length; length > 0; length -= 1) {
      const position = source.properties.get(pathKey(segments.slice(0, length)));
      if (position !== undefined) return position;
    }
    return source.position;
  }
}

/** The id of the resource a finding is about (its type names which one). */
function ownId(resource: FindingResource): string {
  switch (resource.type) {
    case 'Api':
      return resource.apiId;
    case 'Integration':
      return resource.integrationId ?? '';
    case 'IntegrationResponse':
      return resource.integrationResponseId ?? '';
    case 'Route':
      return resource.routeId ?? '';
    case 'RouteResponse':
      return resource.routeResponseId ?? '';
  }
}
