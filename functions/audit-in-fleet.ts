import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { fleetChangeAccess } from '../lib/fleet/fleet-change-access';
import { readFleetTargets } from '../lib/fleet/fleet-settings';
import { lazyOrganizationsClient } from '../lib/fleet/organizations-client';
import { securityHubExport } from '../lib/lambda/security-hub-export';
import { createSecurityHubClient } from '../lib/securityhub/client';
import { createHandler } from './audit';

// Read at cold start, like the settings: a bad deploy param fails the first invocation with the variable's name.
const targets = readFleetTargets(process.env);

/**
 * The audit handler of a fleet deployment (stack/fleet-plugin.cjs packages this entry instead
 * of functions/audit.ts): change events forwarded by member accounts are audited with their
 * member role (lib/fleet/fleet-change-access.ts), and Security Hub findings are imported with
 * the audited account's credentials. Only this package carries the STS and Organizations
 * clients (and the Security Hub one, used with param securityHub only).
 */
const exportWith = (credentials: AwsCredentialIdentityProvider | undefined) =>
  securityHubExport((region, deadline) => createSecurityHubClient({ region, deadline, ...(credentials === undefined ? {} : { credentials }) }));

export const handler = createHandler(undefined, exportWith(undefined), fleetChangeAccess(targets, lazyOrganizationsClient(), exportWith));
