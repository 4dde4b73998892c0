import type { SourcePath } from '../positions';
import { frameworkMerge } from './framework-merge';
import { setOwn } from '../../model/set-own';

/**
 * The resources the framework generates from the service's events, by logical id, each with the
 * event it comes from (where its findings point). The framework merges a resource generated
 * twice (one integration for every route of a function); so does `add`.
 */
export class GeneratedResources {
  readonly resources: Record<string, unknown> = {};
  readonly origins = new Map<string, SourcePath>();

  add(logicalId: string, origin: SourcePath, resource: Record<string, unknown>): void {
    setOwn(this.resources, logicalId, frameworkMerge(this.resources[logicalId], resource));
    if (!this.origins.has(logicalId)) this.origins.set(logicalId, origin);
  }
}
