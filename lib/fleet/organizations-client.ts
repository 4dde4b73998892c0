import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { boundedHttpHandler } from '../collect/bounded-http-handler';

/**
 * The AWS Organizations client of a container, created at its first use. Organizations has one
 * endpoint, in us-east-1 (aws partition).
 */
export function lazyOrganizationsClient(): () => OrganizationsClient {
  let client: OrganizationsClient | undefined;
  return () => (client ??= new OrganizationsClient({ region: 'us-east-1', requestHandler: boundedHttpHandler() }));
}
