import { securityHubExport } from '../lib/lambda/security-hub-export';
import { createSecurityHubClient } from '../lib/securityhub/client';
import { createHandler } from './audit';

/**
 * The audit handler with the Security Hub export: serverless.yml packages this entry instead of
 * functions/audit.ts when param securityHub is "true", so only that package carries the
 * Security Hub client (some 170 KB of the bundle) and the default one does not.
 */
export const handler = createHandler(undefined, securityHubExport((region, deadline) => createSecurityHubClient({ region, deadline })));
